"""``--conflict update`` and ``--force`` of the real ``exportgui`` command."""

from __future__ import annotations

import json
from pathlib import Path

from exportgui.catalog import Catalog
from tests.helpers import exportgui, noise_images


def test_update_writes_only_what_changed_and_keeps_the_users_edit(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        handles = noise_images(catalog, tmp_path / "sources", 3, (60, 40))
    dest = tmp_path / "out"
    dest.mkdir()
    args: list[str | Path] = [
        "--catalog", folder, "export", "--fmt", "convert", "--modifier", "wid=20&fmt=png",
        "--conflict", "update", "--dest", dest, *handles,
    ]  # fmt: skip
    first = exportgui(*args, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["files"]["written"] == 3
    (dest / "noise001.png").write_bytes(b"retouched by hand")
    planned = exportgui(*["plan" if a == "export" else a for a in args])
    assert planned.returncode == 0, planned.stderr
    assert "up to date: noise000.png" in planned.stdout
    assert "kept: noise001.png (changed at the destination); force the job" in planned.stdout
    second = exportgui(*args, "--json")
    assert second.returncode == 0, second.stderr  # nothing failed: kept is a warning
    files = json.loads(second.stdout)["files"]
    assert (files["written"], files["upToDate"], files["keptChanged"]) == (0, 2, 1)
    assert (dest / "noise001.png").read_bytes() == b"retouched by hand"
    summary = exportgui(*args)
    assert (
        "0 files written · 2 up to date · 1 kept: changed at the destination or not placed "
        "by exportgui"
    ) in summary.stdout
    forced = exportgui(*args, "--force", "--json")
    assert json.loads(forced.stdout)["files"]["written"] == 1
    assert (dest / "noise001.png").read_bytes() != b"retouched by hand"
