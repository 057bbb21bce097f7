"""``--preset`` given several times to the real ``exportgui``: one job, a rendition per preset."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from tests.helpers import (
    REPOSITORY,
    SLOW_MODIFIER,
    can_mount_tmpfs,
    export_files,
    exportgui,
    noise_images,
)


@pytest.fixture
def cat(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """A catalog of four noise images, and the presets web (JPEG) and thumb (PNG square)."""
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        handles = noise_images(catalog, tmp_path / "sources", 4, (120, 90))
    for name, modifier in (("web", "wid=60&fmt=jpeg"), ("thumb", "wid=20&hei=20&fit=crop&fmt=png")):
        saved = exportgui("presets", "save", name, "--fmt", "convert", "--modifier", modifier)
        assert saved.returncode == 0, saved.stderr
    yield folder, handles


def test_several_presets_run_as_one_job_with_a_folder_each(
    cat: tuple[Path, list[str]], tmp_path: Path
) -> None:
    folder, handles = cat
    dest = tmp_path / "out"
    dest.mkdir()
    args: list[str | Path] = ["--preset", "web", "--preset", "thumb", "--dest", dest, *handles[:2]]
    planned = exportgui("--catalog", folder, "plan", *args, "--json")
    assert planned.returncode == 0, planned.stderr
    outputs = json.loads(planned.stdout)["outputs"]
    assert [(o["rendition"], o["target"]) for o in outputs] == [
        ("web", "web/noise000.jpg"),
        ("thumb", "thumb/noise000.png"),
        ("web", "web/noise001.jpg"),
        ("thumb", "thumb/noise001.png"),
    ]
    assert list(dest.iterdir()) == []
    text = exportgui("--catalog", folder, "plan", *args)
    assert "noise000.png (thumb) → thumb/noise000.png  [png 20×20]" in text.stdout
    ran = exportgui("--catalog", folder, "export", *args, "--json")
    assert ran.returncode == 0, ran.stderr
    log = json.loads(ran.stdout)
    assert log["schema"] == 1 and log["totalFileCount"] == 4 and log["fileSuccessCount"] == 4
    assert [(d["name"], d["rendition"]) for d in log["details"]] == [
        ("noise000", "web"), ("noise000", "thumb"), ("noise001", "web"), ("noise001", "thumb")
    ]  # fmt: skip
    assert [r["preset"] for r in log["job"]["renditions"]] == ["web", "thumb"]
    assert log["job"]["assetHandleArray"] == handles[:2]
    assert export_files(dest) == [
        "thumb/noise000.png", "thumb/noise001.png", "web/noise000.jpg", "web/noise001.jpg"
    ]  # fmt: skip
    shown = exportgui("--catalog", folder, "jobs", "show", log["jobHandle"]).stdout
    assert "thumb: fmt=convert  modifier='wid=20&hei=20&fit=crop&fmt=png'" in shown
    assert "noise001 (thumb) → " in shown


def test_a_rendition_option_with_several_presets_is_an_invalid_job(
    cat: tuple[Path, list[str]], tmp_path: Path
) -> None:
    folder, handles = cat
    dest = tmp_path / "out"
    dest.mkdir()
    result = exportgui("--catalog", folder, "export", "--preset", "web", "--preset", "thumb",
                       "--modifier", "wid=10", "--dest", dest, *handles)  # fmt: skip
    assert result.returncode == 2
    assert "--modifier sets one rendition, and with several --preset" in result.stderr
    assert list(dest.iterdir()) == []


def test_presets_that_disagree_about_the_job_are_refused_until_the_job_settles_it(
    cat: tuple[Path, list[str]], tmp_path: Path
) -> None:
    folder, handles = cat
    dest = tmp_path / "out"
    dest.mkdir()
    loud = exportgui("presets", "save", "loud", "--fmt", "convert", "--modifier", "wid=30",
                     "--email-setting", "All")  # fmt: skip
    assert loud.returncode == 0, loud.stderr
    args: list[str | Path] = [
        "--catalog", folder, "export", "--preset", "web", "--preset", "loud", "--dest", dest,
        handles[0],
    ]  # fmt: skip
    refused = exportgui(*args)
    assert refused.returncode == 2
    assert (
        "the presets 'web' and 'loud' disagree about the emailSetting (None and All); "
        "choose one with --email-setting"
    ) in refused.stderr
    settled = exportgui(*args, "--email-setting", "None")
    assert settled.returncode == 0, settled.stderr
    assert export_files(dest) == ["loud/noise000.jpg", "web/noise000.jpg"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_a_job_killed_half_way_resumes_only_the_missing_renditions(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        handles = noise_images(catalog, tmp_path / "sources", 16, (200, 150))
    for name, modifier in (("slow", SLOW_MODIFIER), ("small", "wid=40&fmt=jpeg")):
        assert exportgui("presets", "save", name, "--fmt", "convert", "--modifier", modifier)
    dest = tmp_path / "out"
    dest.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "exportgui", "--catalog", str(folder), "export", "--preset",
         "slow", "--preset", "small", "--dest", str(dest), "--workers", "1", *handles],
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while len([p for p in export_files(dest) if not Path(p).name.startswith(".")]) < 3:
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline
            time.sleep(0.002)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    before = [p for p in export_files(dest) if not Path(p).name.startswith(".")]
    assert 3 <= len(before) < 32  # killed half-way
    listed = json.loads(exportgui("--catalog", folder, "jobs", "list", "--json").stdout)
    [job] = listed["jobs"]
    assert job["state"] == "interrupted"
    resumed = exportgui("--catalog", folder, "jobs", "resume", job["jobHandle"], "--json")
    assert resumed.returncode == 0, resumed.stderr
    log = json.loads(resumed.stdout)
    assert log["state"] == "completed" and log["fileSuccessCount"] == 32
    expected = sorted(
        f"{preset}/noise{i:03d}.{ext}" for i in range(16) for preset, ext in
        (("slow", "png"), ("small", "jpg"))
    )  # fmt: skip
    assert export_files(dest) == expected  # each once, nothing hidden left behind
    assert set(before) <= set(expected)
    outputs = [d["output"] for d in log["details"]]
    assert len(outputs) == len(set(outputs)) == 32


def test_a_full_disk_stops_a_job_of_several_presets_and_counts_its_outputs(
    tmp_path: Path,
) -> None:
    if not can_mount_tmpfs(tmp_path):
        pytest.skip("needs unprivileged user namespaces to mount a small tmpfs")
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        handles = noise_images(catalog, tmp_path / "sources", 3, (600, 500))  # ~900 kB each
    for name in ("one", "two"):
        assert exportgui("presets", "save", name, "--fmt", "orig").returncode == 0
    dest = tmp_path / "small-disk"
    dest.mkdir()
    report = tmp_path / "report.json"
    script = (
        f"mount -t tmpfs -o size=2m tmpfs {dest} && "
        f"{sys.executable} -m exportgui --catalog {folder} export {' '.join(handles)} "
        f"--preset one --preset two --dest {dest} --workers 1 --json > {report}; code=$?; "
        f"ls -A {dest}/one {dest}/two; exit $code"
    )
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )
    assert result.returncode == 1, result.stderr
    log = json.loads(report.read_text())
    assert log["state"] == "failed" and "No space left" in log["fatalError"]
    assert log["totalFileCount"] == 6 and 0 < log["fileSuccessCount"] < 6
    assert f"failed; {6 - log['fileSuccessCount']} outputs not done" in result.stderr
    left = [name for name in result.stdout.split() if not name.endswith(":")]
    assert len(left) == log["fileSuccessCount"]  # the finished files, and nothing partial
    assert not any(name.startswith(".exportgui-") for name in left)
