"""``exportgui export --cluster`` in a subprocess: a LocalCluster end to end, and its refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from exportgui.catalog import Catalog
from tests.helpers import REPOSITORY, export_files, exportgui, import_files, make_image

_WITHOUT_DISTRIBUTED = """
import runpy, sys
sys.modules["distributed"] = None  # importing it raises ImportError, as without the extra
sys.argv[0] = "exportgui"
runpy.run_module("exportgui", run_name="__main__")
"""


def _catalog(tmp_path: Path) -> tuple[Path, Path]:
    folder, sources = tmp_path / "catalog", tmp_path / "sources"
    with Catalog.open(folder) as catalog:
        files = [make_image(sources / f"p{i}.png", (40, 30), i) for i in range(5)]
        import_files(catalog, files)
    dest = tmp_path / "out"
    dest.mkdir()
    return folder, dest


def test_export_on_a_local_cluster_end_to_end(tmp_path: Path) -> None:
    folder, dest = _catalog(tmp_path)
    done = exportgui(
        "--catalog", folder, "export", "--all", "--fmt", "convert", "--modifier", "wid=20&fmt=png",
        "--dest", dest, "--cluster", "local:2",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "running on 2 workers of local:2" in done.stderr
    assert export_files(dest) == [f"p{i}.png" for i in range(5)]
    assert [p.name for p in dest.iterdir() if p.name.startswith(".")] == []


def test_a_destination_the_workers_cannot_reach_is_an_invalid_job(tmp_path: Path) -> None:
    folder, dest = _catalog(tmp_path)
    elsewhere = tmp_path / "not-mounted"
    done = exportgui(
        "--catalog", folder, "export", "--all", "--fmt", "orig", "--dest", dest,
        "--cluster-path", f"{dest}={elsewhere}",
        env={**os.environ, "EXPORTGUI_CLUSTER": "local:1"},
    )  # fmt: skip
    assert done.returncode == 2
    assert "the cluster cannot run this job: worker tcp://127.0.0.1:" in done.stderr
    assert f"cannot write in the destination {elsewhere}" in done.stderr
    assert export_files(dest) == []


def test_without_the_cluster_extra_the_message_says_what_to_install(tmp_path: Path) -> None:
    folder, dest = _catalog(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_DISTRIBUTED, "--catalog", str(folder), "export", "--all",
         "--fmt", "orig", "--dest", str(dest), "--cluster", "tcp://10.0.0.1:8786"],
        capture_output=True, text=True, check=False, timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "install exportgui[cluster]" in done.stderr
    assert export_files(dest) == []


def test_a_malformed_cluster_address_is_refused(tmp_path: Path) -> None:
    folder, dest = _catalog(tmp_path)
    done = exportgui(
        "--catalog", folder, "export", "--all", "--fmt", "orig", "--dest", dest,
        "--cluster", "scheduler:8786",
    )  # fmt: skip
    assert done.returncode == 2
    assert (
        "--cluster: 'scheduler:8786' is not a scheduler address like tcp://HOST:8786" in done.stderr
    )
