"""The real command and the paths it is given: empty is invalid (exit 2), relative is absolute."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.config import app_paths
from exportgui.jobs import ExportJob, Fmt, JobLogStore, plan
from tests.helpers import exportgui, import_files, make_image


@pytest.fixture
def one_image(tmp_path: Path) -> tuple[str, str]:
    """A catalog folder holding one image; its handle."""
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        handles = import_files(catalog, [make_image(tmp_path / "src" / "a.png")])
    return str(folder), handles["a.png"]


def exportgui_in(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the command with ``cwd`` as the current folder."""
    return exportgui(*args, cwd=cwd)


def _jobs(folder: str) -> list[object]:
    listed = exportgui("--catalog", folder, "jobs", "list", "--json")
    jobs: list[object] = json.loads(listed.stdout)["jobs"]
    return jobs


@pytest.mark.parametrize("command", ["plan", "export"])
def test_an_empty_dest_is_an_invalid_job(
    one_image: tuple[str, str], tmp_path: Path, command: str
) -> None:
    folder, handle = one_image
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    result = exportgui_in(cwd, "--catalog", folder, command, handle, "--fmt", "orig", "--dest", "")
    assert result.returncode == 2
    assert "--dest" in result.stderr and "Traceback" not in result.stderr
    assert list(cwd.iterdir()) == []
    assert _jobs(folder) == []


def test_a_relative_dest_is_resolved_at_once(one_image: tuple[str, str], tmp_path: Path) -> None:
    folder, handle = one_image
    (tmp_path / "out").mkdir()
    result = exportgui_in(tmp_path, "--catalog", folder, "export", handle, "--fmt", "orig",
                          "--dest", "out")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"→ {tmp_path / 'out'}" in result.stdout
    [job] = _jobs(folder)
    assert job["job"]["destination"] == str(tmp_path / "out")  # type: ignore[index]
    assert (tmp_path / "out" / "a.png").is_file()


@pytest.mark.parametrize("destination", ["", "out"])
def test_a_preset_without_a_full_destination_is_refused(
    one_image: tuple[str, str], tmp_path: Path, destination: str
) -> None:
    folder, handle = one_image
    saved = exportgui("presets", "save", "web", "--fmt", "orig", "--dest", str(tmp_path))
    assert saved.returncode == 0, saved.stderr
    preset = next(app_paths().presets_dir.glob("*.json"))
    document = json.loads(preset.read_text())
    document["destination"] = destination
    preset.write_text(json.dumps(document))
    (tmp_path / "out").mkdir()  # "out" exists where the command runs; still not a destination
    result = exportgui_in(tmp_path, "--catalog", folder, "export", handle, "--preset", "web")
    assert result.returncode == 2
    assert "--dest" in result.stderr
    assert _jobs(folder) == []
    assert list((tmp_path / "out").iterdir()) == []


def test_resuming_a_job_without_destination_is_refused(one_image: tuple[str, str]) -> None:
    folder, handle = one_image
    with Catalog.open(Path(folder)) as catalog:
        store = JobLogStore(catalog)
        log = store.create(plan(ExportJob((handle,), Fmt.ORIG), catalog))
        store.finish(log.job_handle, "failed", "stopped: the job has no destination folder")
    result = exportgui("--catalog", folder, "jobs", "resume", log.job_handle)
    assert result.returncode == 2
    assert "destination" in result.stderr and "Traceback" not in result.stderr


def test_render_refuses_an_empty_out(tmp_path: Path) -> None:
    source = make_image(tmp_path / "photo.png")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    result = exportgui_in(cwd, "render", str(source), "--modifier", "fmt=png", "--out", "")
    assert result.returncode == 2
    assert "--out" in result.stderr
    assert list(cwd.iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [["import", ""], ["macros", "import", ""], ["presets", "import", ""]],
)
def test_an_empty_path_argument_is_refused(tmp_path: Path, command: list[str]) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    make_image(cwd / "photo.png")  # what "" would have meant: the current folder
    folder = str(tmp_path / "catalog")
    result = exportgui_in(cwd, "--catalog", folder, *command)
    assert result.returncode == 2
    assert "the path is empty" in result.stderr
    assert json.loads(exportgui("--catalog", folder, "list", "--json").stdout) == []
