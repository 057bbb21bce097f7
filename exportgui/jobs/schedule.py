"""Scheduled jobs: saved jobs that run once at a time (execTime) or on a cron schedule.

A :class:`Schedule` names one or more presets, a selection, a destination
and a catalog, and when to run: ``at`` (an aware datetime, IPS ``execTime``)
or ``cron`` (a cron expression in the computer's local time, IPS
``execSchedule``, read by croniter). The :class:`ScheduleStore` keeps them in
one SQLite file in the user's data folder and hands due runs out under a
write transaction, so any number of processes may ask at once and each due
run goes to exactly one of them.

Each schedule keeps its next run as an instant. Claiming a due run moves the
next run to the first slot after *now*, so the slots missed while the
computer was off become one run. A claim is held by a process (and, while the
job runs, by the job's own process); a schedule whose claim is held by a live
process is not started again, and a run whose process died is recorded as
``interrupted`` and run again by the next ``claim_due``. Each finished run leaves its
outcome (the job's handle, state and counts) as the schedule's last run.
"""

from __future__ import annotations

import builtins
import json
import os
import secrets
import socket
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from croniter import CroniterBadCronError, CroniterBadDateError, croniter

from exportgui.catalog import CatalogUnavailable, Database
from exportgui.config import move_aside
from exportgui.jobs.job_dict import job_from_dict, job_to_dict
from exportgui.jobs.liveness import pid_alive, process_start
from exportgui.jobs.model import ExportJob, Selection
from exportgui.jobs.presets import validate_name

_COMPONENT = "schedules"
_MIGRATIONS = [
    """
    CREATE TABLE schedules (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        spec TEXT NOT NULL,
        next_run TEXT,
        claim_token TEXT,
        claim_pid INTEGER,
        claim_host TEXT,
        claim_start INTEGER,
        claim_since TEXT,
        last_run TEXT
    )
    """
]
_SQLITE_MAGIC = b"SQLite format 3\x00"


class ScheduleError(ValueError):
    """A schedule that cannot be made, found or stored; the message says what and why."""


@dataclass(frozen=True)
class LastRun:
    """What became of a schedule's last run."""

    started: datetime
    ended: datetime | None
    state: str  # the job's state, or "invalid" (nothing ran) / "interrupted" (the runner died)
    job_handle: str | None = None
    succeeded: int = 0
    warnings: int = 0
    failed: int = 0
    total: int = 0
    message: str = ""  # why nothing ran, or the job's fatal error

    def to_dict(self) -> dict[str, Any]:
        """The JSON form kept in the store and printed by ``schedule list --json``."""
        return {
            "started": self.started.isoformat(),
            "ended": self.ended.isoformat() if self.ended else None,
            "state": self.state,
            "jobHandle": self.job_handle,
            "fileSuccessCount": self.succeeded,
            "fileWarningCount": self.warnings,
            "fileErrorCount": self.failed,
            "totalFileCount": self.total,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LastRun:
        """Inverse of :meth:`to_dict`."""
        ended = data.get("ended")
        return cls(
            started=datetime.fromisoformat(data["started"]),
            ended=datetime.fromisoformat(ended) if ended else None,
            state=str(data["state"]),
            job_handle=data.get("jobHandle"),
            succeeded=int(data.get("fileSuccessCount", 0)),
            warnings=int(data.get("fileWarningCount", 0)),
            failed=int(data.get("fileErrorCount", 0)),
            total=int(data.get("totalFileCount", 0)),
            message=str(data.get("message", "")),
        )


@dataclass(frozen=True)
class Schedule:
    """A saved job and when it runs."""

    name: str
    presets: tuple[str, ...]
    destination: Path
    catalog: Path
    selection: Selection | None = None
    at: datetime | None = None  # execTime: once, at this instant
    cron: str | None = None  # execSchedule: repeating, in local time
    next_run: datetime | None = None  # None: a one-off that has run
    running_since: datetime | None = None  # a live or dead claim (see ScheduleStore.running)
    last: LastRun | None = None
    claim: str | None = field(default=None, compare=False)  # the claim's token, for finish()

    @property
    def when(self) -> str:
        """The schedule in words: ``once at …`` or ``cron '0 6 * * *'``."""
        if self.at is not None:
            return f"once at {self.at.isoformat()}"
        return f"cron {self.cron!r} (local time)"

    def spec(self) -> dict[str, Any]:
        """The schedule's own fields as JSON (what ``add`` was given)."""
        job = job_to_dict(ExportJob(selection=self.selection), with_assets=False)
        return {
            "presets": list(self.presets),
            "destination": str(self.destination),
            "catalog": str(self.catalog),
            "selection": job.get("selection"),
            "execTime": self.at.isoformat() if self.at else None,
            "execSchedule": self.cron,
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``schedule list --json``."""
        return {
            "name": self.name,
            **self.spec(),
            "nextRun": self.next_run.isoformat() if self.next_run else None,
            "runningSince": self.running_since.isoformat() if self.running_since else None,
            "lastRun": self.last.to_dict() if self.last else None,
        }


def parse_at(text: str, now: datetime | None = None) -> datetime:
    """An ``execTime``: ISO 8601 with a time zone, not in the past.

    Raises:
        ScheduleError: not ISO 8601, no time zone, or already past.
    """
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ScheduleError(
            f"{text!r} is not an ISO 8601 time; write e.g. 2026-12-24T06:00+01:00"
        ) from None
    if when.tzinfo is None or when.utcoffset() is None:
        raise ScheduleError(
            f"{text!r} has no time zone; add one, e.g. {when.isoformat()}+01:00 or "
            f"{when.isoformat()}Z for UTC"
        )
    if when <= (now or datetime.now(UTC)):
        raise ScheduleError(f"{text!r} is in the past")
    return when


def check_cron(expression: str) -> str:
    """An ``execSchedule`` cron expression (five fields), stripped.

    Raises:
        ScheduleError: croniter cannot read it, or it never fires.
    """
    expression = " ".join(expression.split())
    if len(expression.split()) != 5:
        raise ScheduleError(
            f"cron expression {expression!r} must have 5 fields: "
            "minute hour day-of-month month day-of-week, e.g. '0 6 * * 1-5'"
        )
    try:
        next_runs(expression, datetime.now(UTC), 1)
    except (CroniterBadCronError, CroniterBadDateError, ValueError, KeyError) as exc:
        raise ScheduleError(f"cron expression {expression!r}: {exc}") from None
    return expression


def next_runs(expression: str, after: datetime, count: int) -> list[datetime]:
    """The next ``count`` slots of a cron expression after ``after``, as UTC instants.

    The expression is read in the computer's local time, whose daylight-saving
    rules the system applies to each slot.
    """
    local = after.astimezone().replace(tzinfo=None)
    slots = croniter(expression, local)
    return [slots.get_next(datetime).astimezone().astimezone(UTC) for _ in range(count)]


def first_run(schedule: Schedule, now: datetime) -> datetime | None:
    """When a new schedule first runs."""
    if schedule.at is not None:
        return schedule.at.astimezone(UTC)
    assert schedule.cron is not None
    return next_runs(schedule.cron, now, 1)[0]


def check_name(name: str) -> str:
    """``name`` if it can name a schedule (the rules of preset names); else ScheduleError."""
    try:
        return validate_name(name)
    except ValueError as exc:
        raise ScheduleError(str(exc).replace("preset name", "schedule name")) from None


def new_schedule(
    name: str,
    presets: Sequence[str],
    destination: Path,
    catalog: Path,
    *,
    selection: Selection | None = None,
    at: datetime | None = None,
    cron: str | None = None,
) -> Schedule:
    """A checked schedule (not stored yet).

    Raises:
        ScheduleError: a bad name, no preset, or not exactly one of ``at`` and ``cron``.
    """
    check_name(name)
    if not presets:
        raise ScheduleError("a schedule needs at least one preset")
    if (at is None) == (cron is None):
        raise ScheduleError("say when: either once at a time, or a cron expression")
    return Schedule(
        name=name,
        presets=tuple(dict.fromkeys(presets)),
        destination=Path(destination),
        catalog=Path(catalog),
        selection=selection,
        at=at,
        cron=check_cron(cron) if cron is not None else None,
    )


def _from_spec(name: str, spec: dict[str, Any]) -> Schedule:
    at = spec.get("execTime")
    return Schedule(
        name=name,
        presets=tuple(spec["presets"]),
        destination=Path(spec["destination"]),
        catalog=Path(spec["catalog"]),
        selection=job_from_dict({"selection": spec.get("selection")}).selection,
        at=datetime.fromisoformat(at) if at else None,
        cron=spec.get("execSchedule"),
    )


def _stamp(when: datetime | None) -> str | None:
    """A UTC instant as fixed-width text, so SQLite orders the texts as the instants."""
    return when.astimezone(UTC).isoformat(timespec="microseconds") if when else None


def _instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class ScheduleStore:
    """The schedules of this user, in one SQLite file (``AppPaths.schedules_file``).

    A file that is not a SQLite database is moved aside (``problem`` says
    where) and a new one started; a store written by a newer exportgui is
    refused with :class:`ScheduleError`.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.problem: str | None = None
        self._damaged_aside()
        self.db = Database(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db.migrate_component(_COMPONENT, _MIGRATIONS)
        except (CatalogUnavailable, OSError, sqlite3.DatabaseError) as exc:
            self.db.close()
            raise ScheduleError(f"cannot use the schedule file {self.path}: {exc}") from None

    def _damaged_aside(self) -> None:
        try:
            with self.path.open("rb") as handle:
                head = handle.read(len(_SQLITE_MAGIC))
        except FileNotFoundError:
            return
        except OSError as exc:
            raise ScheduleError(f"cannot read the schedule file {self.path}: {exc}") from None
        if head == _SQLITE_MAGIC or not head:
            return
        for suffix in ("-wal", "-shm"):
            stale = self.path.with_name(self.path.name + suffix)
            if stale.exists():
                stale.unlink()
        aside = move_aside(self.path, "damaged")
        self.problem = f"the schedule file {self.path} was damaged; it was moved to {aside}"

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> ScheduleStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        try:
            with self.db.transaction() as conn:
                yield conn
        except CatalogUnavailable as exc:
            raise ScheduleError(str(exc).replace("catalog", "schedule file")) from None

    # -- reading ---------------------------------------------------------------
    def _row(self, row: sqlite3.Row) -> Schedule:
        last = json.loads(row["last_run"]) if row["last_run"] else None
        return replace(
            _from_spec(row["name"], json.loads(row["spec"])),
            next_run=_instant(row["next_run"]),
            running_since=_instant(row["claim_since"]) if self._held(row) else None,
            last=LastRun.from_dict(last) if last else None,
            claim=row["claim_token"],
        )

    def list(self) -> list[Schedule]:
        """Every schedule, by name."""
        rows = self.db.execute("SELECT * FROM schedules ORDER BY name").fetchall()
        return [self._row(row) for row in rows]

    def get(self, name: str) -> Schedule:
        """One schedule; ScheduleError if there is none of that name."""
        row = self.db.execute("SELECT * FROM schedules WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise ScheduleError(f"no schedule named {name!r} (see: exportgui schedule list)")
        return self._row(row)

    # -- writing ---------------------------------------------------------------
    def add(self, schedule: Schedule, now: datetime | None = None) -> Schedule:
        """Store a new schedule; ScheduleError if the name is taken."""
        now = now or datetime.now(UTC)
        stored = replace(schedule, next_run=first_run(schedule, now))
        with self._writing() as conn:
            try:
                conn.execute(
                    "INSERT INTO schedules(name, spec, next_run) VALUES(?, ?, ?)",
                    (schedule.name, json.dumps(schedule.spec()), _stamp(stored.next_run)),
                )
            except sqlite3.IntegrityError:
                raise ScheduleError(
                    f"a schedule named {schedule.name!r} already exists; remove it first"
                ) from None
        return stored

    def remove(self, name: str) -> None:
        """Delete a schedule (a run already going finishes; its outcome is not kept)."""
        with self._writing() as conn:
            gone = conn.execute("DELETE FROM schedules WHERE name = ?", (name,)).rowcount
        if not gone:
            raise ScheduleError(f"no schedule named {name!r} (see: exportgui schedule list)")

    # -- running ---------------------------------------------------------------
    @staticmethod
    def _held(row: sqlite3.Row) -> bool:
        """True while the process holding the schedule's claim lives."""
        if row["claim_token"] is None:
            return False
        if row["claim_host"] != socket.gethostname():
            return True  # another computer's process: it cannot be checked from here
        pid, started = row["claim_pid"], row["claim_start"]
        if started is not None:
            return bool(process_start(pid) == started)
        return pid_alive(pid)

    def claim_due(self, now: datetime | None = None) -> builtins.list[Schedule]:
        """Take every schedule due at ``now`` that no live process holds; return them.

        Each one's next run moves past ``now`` (a one-off's to none), so missed
        slots become this one run. A run whose process died is recorded as
        interrupted and taken again.
        """
        now = now or datetime.now(UTC)
        pid = os.getpid()
        claimed = []
        with self._writing() as conn:
            rows = conn.execute(
                "SELECT * FROM schedules WHERE next_run <= ? OR claim_token IS NOT NULL",
                (_stamp(now),),
            ).fetchall()
            for row in rows:
                if self._held(row):
                    continue
                schedule = self._row(row)
                following = schedule.next_run
                if row["claim_token"] is not None:  # its runner died: that run is done again
                    self._record_dead(conn, row, now)
                if following is None or following <= now:
                    following = next_runs(schedule.cron, now, 1)[0] if schedule.cron else None
                token = secrets.token_hex(8)
                conn.execute(
                    "UPDATE schedules SET next_run = ?, claim_token = ?, claim_pid = ?, "
                    "claim_host = ?, claim_start = ?, claim_since = ? WHERE name = ?",
                    (
                        _stamp(following),
                        token,
                        pid,
                        socket.gethostname(),
                        process_start(pid),
                        _stamp(now),
                        row["name"],
                    ),
                )
                claimed.append(
                    replace(schedule, next_run=following, running_since=now, claim=token)
                )
        return claimed

    @staticmethod
    def _record_dead(conn: sqlite3.Connection, row: sqlite3.Row, now: datetime) -> None:
        since = _instant(row["claim_since"]) or now
        last = LastRun(since, now, "interrupted", message="the run's process ended without a word")
        conn.execute(
            "UPDATE schedules SET claim_token = NULL, last_run = ? WHERE name = ?",
            (json.dumps(last.to_dict()), row["name"]),
        )

    def hand_over(self, schedule: Schedule, pid: int) -> None:
        """The claim is held by ``pid`` (the job's process) from now on."""
        with self._writing() as conn:
            conn.execute(
                "UPDATE schedules SET claim_pid = ?, claim_start = ? "
                "WHERE name = ? AND claim_token = ?",
                (pid, process_start(pid), schedule.name, schedule.claim),
            )

    def finish(self, schedule: Schedule, outcome: LastRun) -> None:
        """Record the run's outcome and release the claim (if it is still this run's)."""
        with self._writing() as conn:
            conn.execute(
                "UPDATE schedules SET last_run = ?, claim_token = NULL, claim_pid = NULL, "
                "claim_host = NULL, claim_start = NULL, claim_since = NULL "
                "WHERE name = ? AND claim_token = ?",
                (json.dumps(outcome.to_dict()), schedule.name, schedule.claim),
            )
