"""The real ``exportgui schedule …`` commands in subprocesses."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.config import app_paths
from exportgui.jobs import (
    ConflictPolicy,
    ExportJob,
    Fmt,
    JobLogStore,
    PresetStore,
    joblog_to_dict,
)
from exportgui.jobs.schedule import ScheduleStore, new_schedule
from exportgui.jobs.selection import make_selection
from tests.helpers import REPOSITORY, export_files, exportgui, import_files, make_image


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    """A catalog (two images in demo/photos, one elsewhere), a preset 'web', an empty dest."""
    catalog = tmp_path / "catalog"
    with Catalog.open(catalog) as opened:
        src = tmp_path / "src"
        import_files(
            opened,
            [make_image(src / "a.jpg", (20, 10), 1), make_image(src / "b.png", (20, 10), 2)],
            "demo/photos",
        )
        import_files(opened, [make_image(src / "z.jpg", (20, 10), 3)], "other")
    PresetStore(app_paths().presets_dir).save("web", ExportJob(fmt=Fmt.ORIG))
    dest = tmp_path / "out"
    dest.mkdir()
    return catalog, dest


def _due(name: str, catalog: Path, dest: Path, cron: str = "*/5 * * * *") -> None:
    """A schedule added an hour ago, so a slot has passed: due now."""
    schedule = new_schedule(
        name, ["web"], dest, catalog, selection=make_selection("demo/photos"), cron=cron
    )
    with ScheduleStore(app_paths().schedules_file) as store:
        store.add(schedule, now=datetime.now(UTC) - timedelta(hours=1))


def _jobs(catalog: Path) -> list[dict[str, object]]:
    """The catalog's job log as ``jobs list --json`` has it (read in this process: faster)."""
    with Catalog.open(catalog) as opened:
        return [joblog_to_dict(log, files=False) for log in JobLogStore(opened).list_jobs()]


def _schedules() -> list[dict[str, object]]:
    """The schedules as ``schedule list --json`` has them."""
    with ScheduleStore(app_paths().schedules_file) as store:
        return [schedule.to_dict() for schedule in store.list()]


def test_run_due_runs_the_job_once_as_an_ordinary_job(setup: tuple[Path, Path]) -> None:
    catalog, dest = setup
    _due("photos", catalog, dest)
    ran = exportgui("schedule", "run-due")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("photos: ")
    assert export_files(dest) == ["a.jpg", "b.png"]
    [job] = _jobs(catalog)
    assert job["jobName"] == "photos" and job["state"] == "completed"
    [schedule] = _schedules()
    last = schedule["lastRun"]
    assert isinstance(last, dict)
    assert last["jobHandle"] == job["jobHandle"] and last["state"] == "completed"
    assert (last["fileSuccessCount"], last["totalFileCount"]) == (2, 2)
    assert datetime.fromisoformat(str(schedule["nextRun"])) > datetime.now(UTC)
    again = exportgui("schedule", "run-due")  # nothing is due any more
    assert again.returncode == 0 and again.stdout == ""
    assert len(_jobs(catalog)) == 1
    shown = exportgui("schedule", "list")
    assert "last run" in shown.stdout and f"job {job['jobHandle']}" in shown.stdout


def test_run_due_from_several_processes_at_once_starts_the_job_once(
    setup: tuple[Path, Path],
) -> None:
    catalog, dest = setup
    _due("photos", catalog, dest)
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    command = [sys.executable, "-m", "exportgui", "schedule", "run-due", "--json"]
    procs = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=90) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _out, err in results]
    ran = [json.loads(out)["ran"] for out, _err in results]
    assert sorted(len(r) for r in ran) == [0, 0, 0, 1]
    assert len(_jobs(catalog)) == 1
    assert export_files(dest) == ["a.jpg", "b.png"]


def test_a_job_that_cannot_run_is_recorded_with_the_reason(setup: tuple[Path, Path]) -> None:
    catalog, dest = setup
    _due("photos", catalog, dest)
    PresetStore(app_paths().presets_dir).delete("web")
    ran = exportgui("schedule", "run-due")
    assert ran.returncode == 2
    assert "invalid: no preset named 'web'" in ran.stdout
    [schedule] = _schedules()
    assert schedule["lastRun"]["state"] == "invalid"  # type: ignore[index]
    assert _jobs(catalog) == []


def test_the_reason_of_a_job_in_italian_is_recorded_without_the_prefix(
    setup: tuple[Path, Path],
) -> None:
    catalog, dest = setup
    PresetStore(app_paths().presets_dir).save("web", ExportJob(fmt=Fmt.ORIG, locale="it"))
    _due("photos", catalog, dest)
    dest.rmdir()
    ran = exportgui("schedule", "run-due")
    assert ran.returncode == 2
    [schedule] = _schedules()
    last = schedule["lastRun"]
    assert isinstance(last, dict) and last["state"] == "invalid"
    assert last["message"] == f"--dest: la cartella di destinazione {dest} non esiste"


def test_add_list_and_remove(setup: tuple[Path, Path]) -> None:
    catalog, dest = setup
    added = exportgui(
        "--catalog", catalog, "schedule", "add", "nightly", "--preset", "web",
        "--folder", "demo", "--recursive", "--type", "image", "--dest", dest, "--cron", "0 2 * * *",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("scheduled 'nightly': cron '0 2 * * *' (local time); next run")
    listed = exportgui("schedule", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    [schedule] = json.loads(listed.stdout)["schedules"]
    assert schedule["catalog"] == str(catalog) and schedule["destination"] == str(dest)
    assert schedule["selection"] == {
        "folder": "demo",
        "includeSubfolders": True,
        "assetTypes": ["Image"],
    }
    assert exportgui("schedule", "remove", "nightly").returncode == 0
    assert _schedules() == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cron", "0 25 * * *"], "cron expression '0 25 * * *': "),
        (["--cron", "daily"], "must have 5 fields"),
        (["--at", "2030-01-01T06:00"], "'2030-01-01T06:00' has no time zone; add one"),
        (["--at", "2001-01-01T06:00Z"], "is in the past"),
        (["--at", "soon"], "is not an ISO 8601 time"),
        (["--preset", "nope", "--cron", "* * * * *"], "--preset: no preset named 'nope'"),
        (["--folder", "x", "--type", "Spinset", "--cron", "* * * * *"], "Spin Sets are never"),
    ],
)
def test_bad_input_to_add_is_one_line_and_exit_2(
    setup: tuple[Path, Path], args: list[str], message: str
) -> None:
    catalog, dest = setup
    result = exportgui(
        "--catalog", catalog, "schedule", "add", "s", "--preset", "web", "--dest", dest, *args
    )  # fmt: skip
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_missing_or_wrong_destination_and_unknown_names_are_refused(
    setup: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, _dest = setup
    base = ["--catalog", str(catalog), "schedule", "add", "s", "--preset", "web"]
    missing = exportgui(*base, "--cron", "* * * * *")
    assert missing.returncode == 2 and "required: --dest" in missing.stderr
    wrong = exportgui(*base, "--dest", tmp_path / "nowhere", "--cron", "* * * * *")
    assert wrong.returncode == 2 and "nowhere is not an existing folder" in wrong.stderr
    gone = exportgui("schedule", "remove", "nope")
    assert gone.returncode == 2 and "no schedule named 'nope'" in gone.stderr


_FAKE_CRONTAB = """#!/bin/sh
store="$(dirname "$0")/crontab.txt"
if [ "$1" = "-l" ]; then
    [ -f "$store" ] || { echo "no crontab for $(id -un)" >&2; exit 1; }
    cat "$store"
else
    cat > "$store"
fi
"""


def test_install_without_a_user_systemd_writes_one_crontab_line(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("systemctl", "#!/bin/sh\nexit 1\n"), ("crontab", _FAKE_CRONTAB)):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(stat.S_IRWXU)
    (bin_dir / "crontab.txt").write_text("0 3 * * * backup\n")
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "HOME": str(tmp_path)}
    for _ in range(2):  # installing twice leaves one line
        done = exportgui("schedule", "install", env=env)
        assert done.returncode == 0, done.stderr
    lines = (bin_dir / "crontab.txt").read_text().splitlines()
    assert lines[0] == "0 3 * * * backup" and len(lines) == 2
    assert lines[1].startswith("* * * * * EXPORTGUI_HOME=")
    assert "schedule run-due >/dev/null 2>&1 # exportgui schedule run-due" in lines[1]
    done = exportgui("schedule", "uninstall", env=env)
    assert done.returncode == 0 and "removed the line" in done.stdout
    assert (bin_dir / "crontab.txt").read_text() == "0 3 * * * backup\n"


def test_a_schedule_of_several_presets_runs_one_job_and_then_only_what_changed(
    setup: tuple[Path, Path],
) -> None:
    catalog, dest = setup
    store = PresetStore(app_paths().presets_dir)
    store.save("web", ExportJob(fmt=Fmt.ORIG, conflict=ConflictPolicy.UPDATE))
    thumbs = ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=8&fmt=png", conflict=ConflictPolicy.UPDATE)
    store.save("thumb", thumbs)
    schedule = new_schedule(
        "launch", ["web", "thumb"], dest, catalog, selection=make_selection("demo/photos"),
        cron="*/5 * * * *",
    )  # fmt: skip
    with ScheduleStore(app_paths().schedules_file) as schedules:
        schedules.add(schedule, now=datetime.now(UTC) - timedelta(hours=1))
    ran = exportgui("schedule", "run-due")
    assert ran.returncode == 0, ran.stderr
    assert export_files(dest) == ["thumb/a.png", "thumb/b.png", "web/a.jpg", "web/b.png"]
    [job] = _jobs(catalog)
    assert [r["preset"] for r in job["job"]["renditions"]] == ["web", "thumb"]  # type: ignore[index]
    with ScheduleStore(app_paths().schedules_file) as schedules:  # due again: a slot passed
        schedules.add(
            replace(schedule, name="launch again"), now=datetime.now(UTC) - timedelta(hours=1)
        )
    again = exportgui("schedule", "run-due")
    assert again.returncode == 0, again.stderr
    newest = _jobs(catalog)[0]
    assert (newest["fileSuccessCount"], newest["totalFileCount"]) == (4, 4)
    with Catalog.open(catalog) as opened:
        log = JobLogStore(opened).get(str(newest["jobHandle"]))
    assert all(d.message.startswith("up to date: ") for d in log.details)
