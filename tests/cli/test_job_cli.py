"""The real ``exportgui`` command in a subprocess: plan, export, jobs, presets."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from exportgui.catalog import AssetType, Catalog
from exportgui.jobs import ExportJob, Fmt, Progress, RunOptions, plan, run
from tests.helpers import (
    SLOW_MODIFIER,
    can_mount_tmpfs,
    export_files,
    exportgui,
    import_files,
    make_image,
    noise_images,
)
from tests.smtp_server import smtp_server


@pytest.fixture
def cat(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A catalog folder with three images, a text file and a Spin Set; macro test = fmt=tif."""
    folder = tmp_path / "catalog"
    sources = tmp_path / "sources"
    with Catalog.open(folder) as catalog:
        files = [
            make_image(sources / "fileToExport.jpg", (60, 40), 1),
            make_image(sources / "a.png", (30, 20), 2),
            make_image(sources / "b.gif", (16, 16), 3),
        ]
        (sources / "notes.txt").write_text("text\n")
        handles = import_files(catalog, [*files, sources / "notes.txt"])
        spin = catalog.create_set(AssetType.SPIN_SET, "spin", [handles["a.png"]])
        handles["spin"] = spin.handle
        catalog.set_macro("test", "fmt=tif")
    yield folder, handles


def test_plan_json_is_a_dry_run(cat: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, h = cat
    dest = tmp_path / "out"
    dest.mkdir()
    result = exportgui(
        "--catalog", str(folder), "plan", h["fileToExport.jpg"], "--fmt", "convert",
        "--modifier", "&fmt=png", "--macro", "$test$", "--dest", str(dest), "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == 1 and document["problems"] == []
    [out] = document["outputs"]
    assert out["target"] == "fileToExport.tiff" and out["format"] == "tif"
    assert (out["width"], out["height"]) == (60, 40) and "macro $test$" in out["reason"]
    assert list(dest.iterdir()) == []


def test_plan_exit_codes(cat: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, h = cat
    base = ["--catalog", str(folder), "plan", "--fmt", "convert", "--dest", str(tmp_path)]
    refused = exportgui(*base, h["a.png"], h["spin"])
    assert refused.returncode == 1
    assert "ExportJob does not export Spin Sets" in refused.stdout
    invalid = exportgui(*base, h["a.png"], "--modifier", "wid=abc")
    assert invalid.returncode == 2
    assert "--modifier" in invalid.stderr and "^^^^^^^" in invalid.stderr


def test_export_orig_json(cat: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, h = cat
    dest = tmp_path / "out"
    dest.mkdir()
    result = exportgui(
        "--catalog", str(folder), "export", "--all", "--fmt", "orig", "--dest", str(dest), "--json"
    )
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr  # no progress display when not on a terminal
    log = json.loads(result.stdout)
    assert log["schema"] == 1 and log["jobHandle"].startswith("j")
    assert log["startDate"].endswith("+00:00") or log["startDate"][-6] in "+-"
    assert (log["fileSuccessCount"], log["fileErrorCount"], log["totalFileCount"]) == (4, 0, 4)
    assert sorted(log["job"]["assetHandleArray"]) == sorted(v for k, v in h.items() if k != "spin")
    assert len(log["details"]) == 4
    with Catalog.open(folder) as catalog:
        for detail in log["details"]:
            assert set(detail) == {
                "assetHandle",
                "name",
                "logType",
                "message",
                "output",
                "rendition",
            }
            written = Path(detail["output"])
            assert written.is_absolute() and written.parent == dest
            assert written.read_bytes() == catalog.original_path(detail["assetHandle"]).read_bytes()


def test_export_exit_codes(cat: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, h = cat
    dest = tmp_path / "out"
    dest.mkdir()
    base = ["--catalog", str(folder), "export", "--dest", str(dest)]
    failed = exportgui(*base, "--fmt", "convert", h["a.png"], h["notes.txt"])
    assert failed.returncode == 1
    assert "images only" in failed.stderr and export_files(dest) == ["a.jpg"]
    invalid = exportgui(*base, "--fmt", "convert", "--macro", "nope", h["b.gif"])
    assert invalid.returncode == 2 and "nope" in invalid.stderr
    assert export_files(dest) == ["a.jpg"]
    unknown_fmt = exportgui(*base, "--fmt", "png", h["b.gif"])
    assert unknown_fmt.returncode == 2 and "orig or convert" in unknown_fmt.stderr
    no_dest = exportgui("--catalog", str(folder), "export", "--fmt", "orig", h["b.gif"])
    assert no_dest.returncode == 2 and "destination" in no_dest.stderr


def test_mail_flags_send_through_a_real_server(
    cat: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, h = cat
    with smtp_server() as (box, url):
        result = exportgui(
            "--catalog", str(folder), "export", h["a.png"], "--fmt", "orig",
            "--dest", str(tmp_path), "--email-setting", "jobcompletion", "--smtp", url,
            "--mail-from", "me@example.com", "--mail-to", "a@example.com",
            "--mail-to", "b@example.com", "--job-name", "nightly",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        [message] = box.messages
        assert box.recipients == [["a@example.com", "b@example.com"]]
        assert "nightly" in message["Subject"] and "1 file written" in message["Subject"]
    dead = exportgui(
        "--catalog", str(folder), "export", h["b.gif"], "--fmt", "orig", "--dest", str(tmp_path),
        "--email-setting", "All", "--smtp", url, "--mail-from", "x@y.z", "--mail-to", "a@b.c",
    )  # fmt: skip
    assert dead.returncode == 0 and "notification was not sent" in dead.stderr


def test_jobs_list_show_and_csv(cat: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, h = cat
    exportgui("--catalog", str(folder), "export", h["a.png"], h["spin"], "--fmt", "orig",
              "--dest", str(tmp_path))  # fmt: skip
    listed = json.loads(exportgui("--catalog", str(folder), "jobs", "list", "--json").stdout)
    [job] = listed["jobs"]
    handle = job["jobHandle"]
    assert job["state"] == "completed" and job["fileErrorCount"] == 1
    shown = exportgui("--catalog", str(folder), "jobs", "show", handle)
    assert "ExportJob does not export Spin Sets" in shown.stdout
    csv_text = exportgui("--catalog", str(folder), "jobs", "show", handle, "--csv").stdout
    assert csv_text.splitlines()[0] == "assetHandle,name,logType,message,output,rendition"
    assert len(csv_text.splitlines()) == 3
    missing = exportgui("--catalog", str(folder), "jobs", "show", "j-nope")
    assert missing.returncode == 2 and "j-nope" in missing.stderr


def test_presets_round_trip_and_export_with_a_preset(
    cat: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, h = cat
    dest = tmp_path / "out"
    dest.mkdir()
    saved = exportgui(
        "presets", "save", "Web PNG", "--fmt", "convert", "--modifier", "wid=10&fmt=png",
        "--dest", str(dest), "--conflict", "skip",
    )  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    assert exportgui("presets", "list").stdout.splitlines() == ["Web PNG"]
    shown = json.loads(exportgui("presets", "show", "Web PNG", "--json").stdout)
    assert shown["schema"] == 1 and shown["conflict"] == "skip"
    run = exportgui("--catalog", str(folder), "export", "--preset", "Web PNG", h["a.png"], "--json")
    assert run.returncode == 0, run.stderr
    assert export_files(dest) == ["a.png"]
    with Image.open(dest / "a.png") as image:
        assert image.width == 10
    shared = tmp_path / "shared.json"
    assert exportgui("presets", "export", "Web PNG", str(shared)).returncode == 0
    assert exportgui("presets", "delete", "Web PNG").returncode == 0
    assert exportgui("presets", "list").stdout == ""
    assert exportgui("presets", "import", str(shared)).returncode == 0
    assert exportgui("presets", "list").stdout.splitlines() == ["Web PNG"]
    damaged = Path(os.environ["EXPORTGUI_HOME"]) / "config" / "presets" / "bad.json"
    damaged.write_text("{")
    listed = exportgui("presets", "list")
    assert listed.returncode == 0 and "bad.json" in listed.stderr
    assert exportgui("presets", "show", "nope").returncode == 2


def _noise_catalog(folder: Path, sources: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        image = Image.effect_noise((640, 480), 40 + i).convert("RGB")
        image.putpixel((0, 0), (i, i, i))
        path = sources / f"n{i:03d}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, compress_level=0)
        paths.append(path)
    with Catalog.open(folder) as catalog:
        handles = import_files(catalog, paths)
    return [handles[p.name] for p in paths]


@pytest.mark.slow
def test_ctrl_c_cancels_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    handles = _noise_catalog(folder, tmp_path / "sources", 40)
    dest = tmp_path / "out"
    dest.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "exportgui", "--catalog", str(folder), "export", *handles,
         "--fmt", "convert", "--modifier", "fmt=png", "--dest", str(dest), "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    # Three finished outputs: hidden temporary files of renders under way do not count.
    while (
        len([n for n in export_files(dest) if not n.startswith(".")]) < 3
        and time.monotonic() < deadline
    ):
        time.sleep(0.005)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "cancelling" in stderr and "jobs resume" in stderr
    written = export_files(dest)
    assert 3 <= len(written) < 40
    assert not any(name.startswith(".") for name in written)  # no partial file
    for name in written:
        with Image.open(dest / name) as image:
            image.load()  # complete files only
    listed = json.loads(exportgui("--catalog", str(folder), "jobs", "list", "--json").stdout)
    [job] = listed["jobs"]
    assert job["state"] == "cancelled"
    resumed = exportgui("--catalog", str(folder), "jobs", "resume", job["jobHandle"], "--json")
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["fileSuccessCount"] == 40
    assert len(export_files(dest)) == 40


def test_full_disk_stops_the_job_without_partial_files(tmp_path: Path) -> None:
    if not can_mount_tmpfs(tmp_path):
        pytest.skip("needs unprivileged user namespaces to mount a small tmpfs")
    folder = tmp_path / "catalog"
    handles = _noise_catalog(folder, tmp_path / "sources", 6)  # ~900 kB each
    dest = tmp_path / "small-disk"
    dest.mkdir()
    report = tmp_path / "report.json"
    script = (
        f"mount -t tmpfs -o size=2m tmpfs {dest} && "
        f"{sys.executable} -m exportgui --catalog {folder} export {' '.join(handles)} "
        f"--fmt orig --dest {dest} --workers 1 --json > {report}; code=$?; "
        f"ls -A {dest}; exit $code"
    )
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ},
    )
    assert result.returncode == 1, result.stderr
    log = json.loads(report.read_text())
    assert log["state"] == "failed" and "No space left" in log["fatalError"]
    assert log["fileErrorCount"] == 0 and 0 < log["fileSuccessCount"] < 6
    assert f"failed; {6 - log['fileSuccessCount']} assets not done" in result.stderr
    assert f"exportgui jobs resume {log['jobHandle']}" in result.stderr  # room made, it goes on
    left = result.stdout.split()
    assert len(left) == log["fileSuccessCount"]  # the finished files, and nothing partial
    assert not any(name.startswith(".exportgui-") for name in left)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_is_shown_on_a_terminal(cat: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    import pty

    folder, _handles = cat
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "exportgui", "--catalog", str(folder), "export", "--all",
             "--fmt", "orig", "--dest", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=terminal,
            timeout=60,
            check=False,
        )  # fmt: skip
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO: the writer side is closed and drained
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert result.returncode == 0
    assert b"[4/4] 100%" in shown  # the progress line, redrawn with \r
    assert b"completed" in result.stdout and b"\r" not in result.stdout


def test_plan_says_when_default_pix_caps_the_size(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        handles = import_files(catalog, [make_image(tmp_path / "src" / "big.png", (1600, 800))])
    result = exportgui(
        "--catalog", str(folder), "plan", handles["big.png"], "--fmt", "convert",
        "--modifier", "fmt=png", "--dest", str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "[png 1280×640]" in result.stdout
    assert "1600×800 → 1280×640: DefaultPix 1280,1280 caps replies without wid/hei" in result.stdout


def test_jobs_resume_finishes_a_cancelled_job_writing_only_what_was_not_done(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "catalog"
    dest = tmp_path / "out"
    dest.mkdir()
    cancel = threading.Event()

    def progress(p: Progress) -> None:
        if p.done >= 2:
            cancel.set()

    with Catalog.open(folder) as catalog:
        handles = noise_images(catalog, tmp_path / "sources", 6)
        job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
        options = RunOptions(workers=1, cancel=cancel, progress=progress)
        cancelled = run(plan(job, catalog), catalog, options)
    assert cancelled.state == "cancelled" and 2 <= len(cancelled.details) < 6
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in dest.iterdir()}
    assert len(before) == len(cancelled.details)

    listed = exportgui("--catalog", str(folder), "jobs", "list")
    assert listed.returncode == 0, listed.stderr
    assert "exportgui jobs resume" in listed.stderr  # a cancelled job is offered too
    resumed = exportgui("--catalog", str(folder), "jobs", "resume", cancelled.job_handle, "--json")
    assert resumed.returncode == 0, resumed.stderr
    document = json.loads(resumed.stdout)
    assert document["state"] == "completed" and document["fileSuccessCount"] == 6
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in dest.iterdir()}
    assert len(after) == 6 and not [name for name in after if name.startswith(".")]
    assert {name: after[name] for name in before} == before  # the done ones were not redone


def test_an_italian_email_setting_is_stored_in_the_ips_spelling(
    cat: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, h = cat
    (tmp_path / "out").mkdir()
    result = exportgui("--catalog", str(folder), "export", h["a.png"], "--fmt", "orig", "--dest",
                       str(tmp_path / "out"), "--email-setting", "nessuno", "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["job"]["emailSetting"] == "None"
