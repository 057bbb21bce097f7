"""Scheduled jobs: when they are due, catching up once, never overlapping, the store file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from exportgui.jobs.model import Selection
from exportgui.jobs.schedule import (
    LastRun,
    Schedule,
    ScheduleError,
    ScheduleStore,
    check_cron,
    new_schedule,
    next_runs,
    parse_at,
)
from tests.helpers import REPOSITORY

T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ScheduleStore]:
    with ScheduleStore(tmp_path / "schedules.sqlite") as opened:
        yield opened


def hourly(name: str = "hourly", tmp: Path = Path("/tmp")) -> Schedule:
    return new_schedule(name, ["web"], tmp / "out", tmp / "catalog", cron="0 * * * *")


def test_exec_time_needs_a_time_zone_and_a_future_instant() -> None:
    with pytest.raises(
        ScheduleError, match=r"has no time zone; add one, e\.g\. 2026-12-24T06:00:00"
    ):
        parse_at("2026-12-24T06:00", now=T0)
    with pytest.raises(ScheduleError, match="is in the past"):
        parse_at("2026-03-02T09:29+01:00", now=T0)
    with pytest.raises(ScheduleError, match="is not an ISO 8601 time"):
        parse_at("next friday", now=T0)
    assert parse_at("2026-03-02T08:31Z", now=T0) == T0 + timedelta(minutes=1)


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("61 * * * *", "out of range"),
        ("* * *", "must have 5 fields"),
        ("0 0 31 2 *", "31 2"),  # February never has a 31st
        ("0 6 * * mon-xyz", "mon-xyz"),
    ],
)
def test_a_bad_cron_expression_says_why(expression: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        check_cron(expression)


def test_cron_slots_are_read_in_local_wall_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        # 6:00 in Berlin is 5:00 UTC in winter and 4:00 UTC after the change on 29 March.
        slots = next_runs("0 6 * * *", datetime(2026, 3, 28, 12, tzinfo=UTC), 2)
        assert slots == [datetime(2026, 3, 29, 4, tzinfo=UTC), datetime(2026, 3, 30, 4, tzinfo=UTC)]
        winter = next_runs("0 6 * * *", datetime(2026, 1, 5, 12, tzinfo=UTC), 1)
        assert winter == [datetime(2026, 1, 6, 5, tzinfo=UTC)]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_schedule_needs_a_name_a_preset_and_exactly_one_when(tmp_path: Path) -> None:
    with pytest.raises(ScheduleError, match="schedule name cannot be empty"):
        new_schedule(" ", ["web"], tmp_path, tmp_path, cron="* * * * *")
    with pytest.raises(ScheduleError, match="at least one preset"):
        new_schedule("a", [], tmp_path, tmp_path, cron="* * * * *")
    with pytest.raises(ScheduleError, match="either once at a time, or a cron"):
        new_schedule("a", ["web"], tmp_path, tmp_path)


def test_add_list_remove_and_a_taken_name(store: ScheduleStore, tmp_path: Path) -> None:
    rule = Selection("demo/photos", True, ("Image",))
    schedule = new_schedule(
        "Nightly", ["web", "thumb"], tmp_path / "out", tmp_path / "cat", selection=rule,
        cron="0 2 * * *",
    )  # fmt: skip
    stored = store.add(schedule, now=T0)
    assert stored.next_run is not None and stored.next_run > T0
    with pytest.raises(ScheduleError, match="a schedule named 'nightly' already exists"):
        store.add(replace_name(schedule, "nightly"), now=T0)
    [listed] = store.list()
    assert listed == stored and listed.selection == rule and listed.presets == ("web", "thumb")
    store.remove("nightly")
    assert store.list() == []
    with pytest.raises(ScheduleError, match="no schedule named 'nightly'"):
        store.remove("nightly")


def replace_name(schedule: Schedule, name: str) -> Schedule:
    return replace(schedule, name=name)


def test_missed_slots_run_once_when_next_possible(store: ScheduleStore) -> None:
    store.add(hourly(), now=T0)  # first slot 9:00
    later = T0 + timedelta(hours=5)  # the computer was off for 9, 10, 11, 12 and 13 o'clock
    [claimed] = store.claim_due(later)
    assert claimed.next_run == datetime(2026, 3, 2, 14, tzinfo=UTC)
    store.finish(claimed, LastRun(later, later, "completed", "j1", 3, 0, 0, 3))
    assert store.claim_due(later + timedelta(minutes=1)) == []
    assert len(store.claim_due(datetime(2026, 3, 2, 14, tzinfo=UTC))) == 1


def test_nothing_is_due_before_its_time(store: ScheduleStore) -> None:
    store.add(hourly(), now=T0)
    assert store.claim_due(T0 + timedelta(minutes=29)) == []


def test_a_one_off_runs_once(store: ScheduleStore, tmp_path: Path) -> None:
    at = T0 + timedelta(minutes=10)
    store.add(new_schedule("once", ["web"], tmp_path, tmp_path, at=at), now=T0)
    [claimed] = store.claim_due(at)
    assert claimed.next_run is None
    store.finish(claimed, LastRun(at, at, "completed"))
    assert store.claim_due(at + timedelta(days=400)) == []
    [listed] = store.list()
    assert listed.next_run is None and listed.last is not None and listed.last.state == "completed"


def test_a_run_still_going_is_not_started_again(store: ScheduleStore) -> None:
    store.add(hourly(), now=T0)
    [first] = store.claim_due(T0 + timedelta(hours=1))  # held by this (live) process
    assert store.claim_due(T0 + timedelta(hours=3)) == []  # the next slot came while it runs
    assert store.get("hourly").running_since == T0 + timedelta(hours=1)
    store.finish(first, LastRun(first.running_since or T0, None, "completed"))
    assert len(store.claim_due(T0 + timedelta(hours=3))) == 1  # the slot it missed: once


_CLAIM_AND_HANG = """
import sys, time
from datetime import datetime
from pathlib import Path
from exportgui.jobs.schedule import ScheduleStore
store = ScheduleStore(Path(sys.argv[1]))
print(len(store.claim_due(datetime.fromisoformat(sys.argv[2]))), flush=True)
time.sleep(3600)
"""


def _claimer(path: Path, when: datetime) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _CLAIM_AND_HANG, str(path), when.isoformat()],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )


def test_a_run_whose_process_died_is_recorded_and_run_again(store: ScheduleStore) -> None:
    store.add(hourly(), now=T0)
    due = T0 + timedelta(hours=1)
    holder = _claimer(store.path, due)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "1"
        assert store.claim_due(due) == []  # a live process holds it
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        holder.stdout.close()  # type: ignore[union-attr]
    [again] = store.claim_due(due + timedelta(minutes=1))
    assert again.next_run == T0 + timedelta(hours=1, minutes=30)  # its own next slot stays
    last = store.get("hourly").last
    assert last is not None and last.state == "interrupted" and last.started == due


_CLAIM_ONCE = """
import sys
from datetime import datetime
from pathlib import Path
from exportgui.jobs.schedule import ScheduleStore
store = ScheduleStore(Path(sys.argv[1]))
sys.stdin.readline()  # start together
print(len(store.claim_due(datetime.fromisoformat(sys.argv[2]))), flush=True)
sys.stdin.readline()  # hold the claims (as a running job does) until every process has claimed
"""


def test_several_processes_claiming_at_once_start_each_run_once(
    store: ScheduleStore, tmp_path: Path
) -> None:
    for name in ("a", "b", "c"):
        store.add(hourly(name, tmp_path), now=T0)
    due = (T0 + timedelta(hours=2)).isoformat()
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _CLAIM_ONCE, str(store.path), due],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(5)
    ]
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    counts = [int(p.stdout.readline()) for p in procs]  # type: ignore[union-attr]
    for p in procs:
        p.communicate("done\n", timeout=60)
    assert sum(counts) == 3  # each schedule went to exactly one process
    assert all(s.running_since is None for s in store.list())  # their processes ended


def test_a_damaged_store_is_moved_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "schedules.sqlite"
    path.write_text("not a database\n")
    with ScheduleStore(path) as store:
        assert store.problem is not None and "was damaged; it was moved to" in store.problem
        assert store.list() == []
    [aside] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert aside.read_text() == "not a database\n"


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "schedules.sqlite"
    ScheduleStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE component_schema SET version = 99 WHERE component = 'schedules'")
    conn.close()
    with pytest.raises(ScheduleError, match="written by a newer exportgui"):
        ScheduleStore(path)


def test_list_json_names_the_ips_fields(store: ScheduleStore, tmp_path: Path) -> None:
    at = T0 + timedelta(days=1)
    store.add(new_schedule("x", ["web"], tmp_path, tmp_path, at=at), now=T0)
    document = json.loads(json.dumps(store.get("x").to_dict()))
    assert document["execTime"] == at.isoformat() and document["execSchedule"] is None
    assert document["nextRun"] == at.isoformat() and document["lastRun"] is None
