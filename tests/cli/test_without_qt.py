"""The headless commands run in a Python where PySide6 cannot be imported at all.

The import contract in pyproject.toml sees only module-level imports; this
runs the commands, so an import inside a function is caught too.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import exportgui, make_image


def test_the_headless_commands_never_need_qt(tmp_path: Path) -> None:
    catalog = str(tmp_path / "catalog")
    photo = make_image(tmp_path / "src" / "photo.png", (40, 30), 3)

    def run(*args: str | Path) -> str:
        done = exportgui("--catalog", catalog, *args, without_qt=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "0.1.0" in run("--version")
    run("import", photo.parent)
    [asset] = json.loads(run("list", "--json"))
    handle = asset["handle"]
    out = tmp_path / "out"
    out.mkdir()
    run("plan", handle, "--fmt", "convert", "--modifier", "wid=20&fmt=tif", "--dest", out)
    log = json.loads(
        run("export", handle, "--fmt", "convert", "--modifier", "wid=20&fmt=tif",
            "--dest", out, "--json")
    )  # fmt: skip
    assert log["fileSuccessCount"] == 1
    assert json.loads(run("jobs", "list", "--json"))["jobs"]
    rendered = Path(run("render", photo, "--modifier", "wid=10&fmt=png", "--out", tmp_path).strip())
    assert rendered.is_file()
