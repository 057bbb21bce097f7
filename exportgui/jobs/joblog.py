"""The job log, kept in the catalog database and modelled on the IPS JobLog.

Each job stores its plan (one row per asset and rendition) when it starts, and each
output's outcome as soon as it is known, so a job killed half-way can be found and
resumed. A job whose state says "running" but whose run is not live (see
liveness.py) is reported as "interrupted".

Each run (the first, and every resume) gets a fresh run token in the job's
row. A run writes outcomes only while the row still holds its token: a run
that was taken for dead and resumed elsewhere gets :class:`JobTakenOver` at
its next write and must place nothing more; its closing and heartbeats no
longer touch the row.
"""

from __future__ import annotations

import os
import secrets
import socket
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol, overload

from exportgui.catalog import Database
from exportgui.config.i18n import _
from exportgui.jobs.joblog_doc import job_from_json, job_to_json, joblog_to_csv, joblog_to_dict
from exportgui.jobs.joblog_schema import MIGRATIONS
from exportgui.jobs.liveness import (
    ACTIVE,
    ACTIVE_LOCK,
    is_live,
    process_paused,
    process_start,
)
from exportgui.jobs.model import (
    ExportJob,
    JobLog,
    LogDetail,
    LogType,
    Plan,
    PlannedOutput,
)
from exportgui.jobs.update import Placed, remember_in

__all__ = ["JobLogStore", "JobTakenOver", "StoredItem", "joblog_to_csv", "joblog_to_dict"]


class JobTakenOver(RuntimeError):
    """Another run (a resume) owns the job now; this run must write and place nothing more."""


_COUNT_COLUMN = {
    LogType.SUCCESS: "success_count",
    LogType.WARNING: "warning_count",
    LogType.ERROR: "error_count",
}


class HasDatabase(Protocol):
    """Anything with the catalog's database (a :class:`Catalog`)."""

    db: Database


@dataclass(frozen=True)
class Outcome:
    """One asset's outcome to record (``log_type`` None clears it)."""

    seq: int
    log_type: LogType | None
    message: str = ""
    output: Path | None = None
    temp: Path | None = None


@dataclass(frozen=True)
class StoredItem:
    """One asset's plan line and its outcome so far (None: not done yet)."""

    seq: int
    planned: PlannedOutput
    outcome: LogType | None
    message: str
    output: Path | None
    temp: Path | None


def now_iso() -> str:
    """The current local time, ISO 8601 with the time zone offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def new_job_handle() -> str:
    """A unique, file-name-safe job handle that sorts by start time."""
    return f"j{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


class JobLogStore:
    """Job logs in the catalog database (component ``joblog``, its own schema version)."""

    def __init__(self, catalog: HasDatabase) -> None:
        self.db = catalog.db
        self.db.migrate_component("joblog", MIGRATIONS)
        self._tokens: dict[str, str] = {}  # job → the token of the run this store began

    # -- writing (the runner) ------------------------------------------------
    def create(self, plan: Plan, job_handle: str | None = None) -> JobLog:
        """Store a new running job with its plan; returns its (empty) log."""
        handle = job_handle or new_job_handle()
        start = now_iso()
        token = secrets.token_hex(8)
        rows = (_item_row(handle, seq, out) for seq, out in enumerate(plan.outputs))
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO joblog_job(job_handle, name, job_json, state, start_date, started_at,"
                " total_count, pid, host, heartbeat, pid_start, run_token)"
                " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    handle,
                    plan.job.name,
                    job_to_json(plan.job),
                    "running",
                    start,
                    time.time(),
                    len(plan.outputs),
                    os.getpid(),
                    socket.gethostname(),
                    time.time(),
                    process_start(os.getpid()),
                    token,
                ),
            )
            conn.executemany(
                "INSERT INTO joblog_item(job_handle, seq, asset_handle, asset_name,"
                " source_file_name, target, format, width, height, reason, planned_status,"
                " planned_message, rendition) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        self._tokens[handle] = token
        self.mark_active(handle, True)
        return JobLog(
            job_handle=handle,
            job=plan.job,
            start_date=start,
            end_date=None,
            state="running",
            total_file_count=len(plan.outputs),
            pid=os.getpid(),
            host=socket.gethostname(),
        )

    def mark_active(self, job_handle: str, active: bool) -> None:
        """Tell liveness checks in this process whether the job is being run right now."""
        with ACTIVE_LOCK:
            if active:
                ACTIVE.add(job_handle)
            else:
                ACTIVE.discard(job_handle)

    def claim(self, job_handle: str) -> str | None:
        """Mark a stopped job as running in this process; None, or why it cannot be claimed.

        Check and update happen in one write transaction, so two processes
        resuming the same job cannot both get it.
        """
        token = secrets.token_hex(8)
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT state, pid, host, heartbeat, pid_start FROM joblog_job WHERE job_handle=?",
                (job_handle,),
            ).fetchone()
            if row is None:
                raise KeyError(f"no job {job_handle!r} in this catalog")
            if row["state"] == "running" and _row_is_live(job_handle, row):
                paused = row["host"] == socket.gethostname() and process_paused(row["pid"])
                if paused:
                    words = _(
                        "job {handle} is still running (process {pid} on {host}, paused); "
                        "continue or cancel it there first"
                    )
                else:
                    words = _(
                        "job {handle} is still running (process {pid} on {host}); "
                        "cancel it there first"
                    )
                return words.format(handle=job_handle, pid=row["pid"], host=row["host"])
            conn.execute(
                "UPDATE joblog_job SET state='running', end_date=NULL, fatal_error=NULL,"
                " notification_warning=NULL, pid=?, host=?, heartbeat=?, pid_start=?,"
                " run_token=? WHERE job_handle=?",
                (
                    os.getpid(),
                    socket.gethostname(),
                    time.time(),
                    process_start(os.getpid()),
                    token,
                    job_handle,
                ),
            )
        self._tokens[job_handle] = token
        self.mark_active(job_handle, True)
        return None

    def record(
        self,
        job_handle: str,
        seq: int,
        log_type: LogType | None,
        message: str = "",
        output: Path | None = None,
        temp: Path | None = None,
    ) -> None:
        """Set (or, with None, clear) one asset's outcome, keeping the job's counts right."""
        self.record_many(job_handle, [Outcome(seq, log_type, message, output, temp)])

    def record_many(
        self, job_handle: str, outcomes: Sequence[Outcome], placed: Sequence[Placed] = ()
    ) -> None:
        """Set several outcomes in one transaction (the runner batches finished assets).

        ``placed``: outputs placed since, to remember in the same transaction (update.py).

        Raises:
            JobTakenOver: the run this store began no longer owns the job (nothing written).
        """
        delta = dict.fromkeys(_COUNT_COLUMN.values(), 0)
        seqs = [o.seq for o in outcomes]
        with self.db.transaction() as conn:
            token = self._tokens.get(job_handle)
            if token is not None:
                owner = conn.execute(
                    "SELECT run_token FROM joblog_job WHERE job_handle=?", (job_handle,)
                ).fetchone()
                if owner is None or owner[0] != token:
                    raise JobTakenOver(
                        _(
                            "job {handle} was taken over by another run (jobs resume); "
                            "this run stopped and placed nothing more"
                        ).format(handle=job_handle)
                    )
            old: dict[int, str | None] = {}
            for start in range(0, len(seqs), 500):
                chunk = seqs[start : start + 500]
                marks = ",".join("?" * len(chunk))
                old.update(
                    conn.execute(
                        f"SELECT seq, outcome FROM joblog_item WHERE job_handle=?"  # noqa: S608
                        f" AND seq IN ({marks})",
                        (job_handle, *chunk),
                    ).fetchall()
                )
            missing = [seq for seq in seqs if seq not in old]
            if missing:
                raise KeyError(f"job {job_handle} has no asset number {missing[0]}")
            conn.executemany(
                "UPDATE joblog_item SET outcome=?, message=?, output=?, temp=?"
                " WHERE job_handle=? AND seq=?",
                [
                    (
                        o.log_type.value if o.log_type else None,
                        o.message if o.log_type else None,
                        str(o.output) if o.output else None,
                        str(o.temp) if o.temp else None,
                        job_handle,
                        o.seq,
                    )
                    for o in outcomes
                ],
            )
            for o in outcomes:
                previous = old[o.seq]
                if previous is not None:
                    delta[_COUNT_COLUMN[LogType(previous)]] -= 1
                old[o.seq] = o.log_type.value if o.log_type else None  # the same seq twice
                if o.log_type is not None:
                    delta[_COUNT_COLUMN[o.log_type]] += 1
            remember_in(conn, placed)
            conn.execute(
                "UPDATE joblog_job SET success_count = success_count + ?,"
                " warning_count = warning_count + ?, error_count = error_count + ?, heartbeat = ?"
                " WHERE job_handle = ?",
                (
                    delta["success_count"],
                    delta["warning_count"],
                    delta["error_count"],
                    time.time(),
                    job_handle,
                ),
            )

    def remember_placed(self, placed: Sequence[Placed]) -> None:
        """Remember outputs placed (the rest of a run's, when it ends)."""
        if placed:
            with self.db.transaction() as conn:
                remember_in(conn, placed)

    def heartbeat(self, job_handle: str) -> None:
        """Show that the job's process is alive (only while this store's run owns the job)."""
        self._update_owned(job_handle, "heartbeat=?", time.time())

    def finish(self, job_handle: str, state: str, fatal_error: str | None = None) -> None:
        """Close a run: its final state, end date and fatal error if any.

        A run that was taken over leaves the row alone: it belongs to the new run.
        """
        if self._update_owned(
            job_handle,
            "state=?, end_date=?, fatal_error=?, heartbeat=?",
            state,
            now_iso(),
            fatal_error,
            time.time(),
        ):
            self.mark_active(job_handle, False)

    def set_notification_warning(self, job_handle: str, text: str | None) -> None:
        """Record that a notification could not be sent (the export itself is unaffected)."""
        self._update_owned(job_handle, "notification_warning=?", text)

    def _update_owned(self, job_handle: str, assignments: str, *values: object) -> bool:
        """``UPDATE joblog_job SET assignments`` while this store's run owns the job (if any).

        Returns False when the job is unknown or another run owns it now.
        """
        token = self._tokens.get(job_handle)
        cursor = self.db.execute(
            f"UPDATE joblog_job SET {assignments} WHERE job_handle=?"  # noqa: S608
            " AND (? IS NULL OR run_token=?)",
            (*values, job_handle, token, token),
        )
        return cursor.rowcount > 0

    def delete(self, job_handles: Iterable[str]) -> None:
        """Forget jobs (their output files stay)."""
        with self.db.transaction() as conn:
            for handle in job_handles:
                conn.execute("DELETE FROM joblog_item WHERE job_handle=?", (handle,))
                conn.execute("DELETE FROM joblog_job WHERE job_handle=?", (handle,))

    # -- reading -------------------------------------------------------------
    def list_jobs(self) -> list[JobLog]:
        """Every job, newest first, without details."""
        rows = self.db.execute(
            "SELECT * FROM joblog_job ORDER BY started_at DESC, job_handle DESC"
        ).fetchall()
        return [self._log(row, with_details=False) for row in rows]

    def get(self, job_handle: str) -> JobLog:
        """One job with its details; KeyError if unknown."""
        return self._log(self._row(job_handle), with_details=True)

    def get_summary(self, job_handle: str, job: ExportJob | None = None) -> JobLog:
        """One job without its details (its counts say how many); KeyError if unknown.

        ``job``: the job as the caller already has it, not read back (its asset list is long).
        """
        return self._log(self._row(job_handle), with_details=False, job=job)

    def ended(self, job_handle: str, job: ExportJob) -> JobLog:
        """The log of ``job`` as its run left it, its details read from here as they are iterated.

        A run's result: however large the job, reading it holds no more than
        a page of details at a time (and ``job``, the caller's, is not read again).
        """
        details = StoredDetails(self.db, job_handle)
        return replace(self.get_summary(job_handle, job), details=details)

    def _row(self, job_handle: str) -> sqlite3.Row:
        row = self.db.execute(
            "SELECT * FROM joblog_job WHERE job_handle=?", (job_handle,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no job {job_handle!r} in this catalog")
        return row

    def interrupted(self) -> list[JobLog]:
        """Jobs whose process died while they were running, newest first."""
        return [log for log in self.list_jobs() if log.state == "interrupted"]

    def items(self, job_handle: str) -> list[StoredItem]:
        """The job's plan lines with their outcomes, in job order."""
        return list(self.iter_items(job_handle))

    def iter_items(self, job_handle: str, *, undone: bool = False) -> Iterator[StoredItem]:
        """The job's plan lines and outcomes in job order (``undone``: those without an outcome).

        Read a page at a time, so outcomes may be written between two items.
        """
        where = " AND outcome IS NULL" if undone else ""
        for rows in _pages(
            self.db,
            f"SELECT * FROM joblog_item WHERE job_handle=?{where}",  # noqa: S608
            (job_handle,),
        ):
            yield from map(_stored_item, rows)

    def undone_count(self, job_handle: str) -> int:
        """How many of the job's outputs have no outcome."""
        row = self.db.execute(
            "SELECT COUNT(*) FROM joblog_item WHERE job_handle=? AND outcome IS NULL",
            (job_handle,),
        ).fetchone()
        return int(row[0])

    def is_live(self, job_handle: str) -> bool:
        """True when the job is being run right now by a live process."""
        row = self.db.execute(
            "SELECT state, pid, host, heartbeat, pid_start FROM joblog_job WHERE job_handle=?",
            (job_handle,),
        ).fetchone()
        if row is None:
            raise KeyError(f"no job {job_handle!r} in this catalog")
        return row["state"] == "running" and _row_is_live(job_handle, row)

    def _log(self, row: sqlite3.Row, *, with_details: bool, job: ExportJob | None = None) -> JobLog:
        """The log of ``row``; ``job`` (given without details only) is not read back."""
        handle = row["job_handle"]
        state = row["state"]
        if state == "running" and not _row_is_live(handle, row):
            state = "interrupted"
        details: list[LogDetail] = []
        if job is None:
            stored = job_from_json(row["job_json"], ())
            # The job's asset list: its items of one rendition (every rendition lists them all).
            first = stored.rendition_list[0].name if stored.renditions else None
            handles: list[str] = []
            if with_details:
                for item in self.items(handle):
                    if first is None or item.planned.rendition == first:
                        handles.append(item.planned.asset_handle)
                    if item.outcome is not None:
                        details.append(_detail(item))
            else:
                handles = [
                    r[0]
                    for r in self.db.execute(
                        "SELECT asset_handle FROM joblog_item WHERE job_handle=?"
                        " AND (? IS NULL OR rendition=?) ORDER BY seq",
                        (handle, first, first),
                    )
                ]
            job = replace(stored, asset_handles=tuple(handles))
        return JobLog(
            job_handle=handle,
            job=job,
            start_date=row["start_date"],
            end_date=row["end_date"],
            state=state,
            file_success_count=row["success_count"],
            file_error_count=row["error_count"],
            file_warning_count=row["warning_count"],
            total_file_count=row["total_count"],
            fatal_error=row["fatal_error"],
            details=details,
            notification_warning=row["notification_warning"],
            pid=row["pid"],
            host=row["host"],
        )


_PAGE = 1000  # rows read at a time when a whole job is walked


def _pages(db: Database, query: str, params: tuple[object, ...]) -> Iterator[list[sqlite3.Row]]:
    """``query`` (on joblog_item, without ORDER BY) a page at a time, by ``seq``.

    Each page is a query of its own, so nothing stays open between pages.
    """
    after = -1
    while True:
        rows = db.execute(
            f"{query} AND seq > ? ORDER BY seq LIMIT {_PAGE}", (*params, after)
        ).fetchall()
        if not rows:
            return
        yield rows
        after = rows[-1]["seq"]


class StoredDetails(Sequence[LogDetail]):
    """A job's details as they are in the job log, read a page at a time when iterated."""

    def __init__(self, db: Database, job_handle: str) -> None:
        self._db = db
        self._handle = job_handle
        row = db.execute(
            "SELECT COUNT(*) FROM joblog_item WHERE job_handle=? AND outcome IS NOT NULL",
            (job_handle,),
        ).fetchone()
        self._count = int(row[0])

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[LogDetail]:
        for rows in _pages(
            self._db,
            "SELECT * FROM joblog_item WHERE job_handle=? AND outcome IS NOT NULL",
            (self._handle,),
        ):
            for row in rows:
                yield _detail(_stored_item(row))

    @overload
    def __getitem__(self, index: int) -> LogDetail: ...
    @overload
    def __getitem__(self, index: slice) -> list[LogDetail]: ...
    def __getitem__(self, index: int | slice) -> LogDetail | list[LogDetail]:
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"StoredDetails({self._handle!r}, {self._count} details)"


def _detail(item: StoredItem) -> LogDetail:
    assert item.outcome is not None
    return LogDetail(
        item.planned.asset_handle,
        item.planned.asset_name,
        item.outcome,
        item.message,
        item.output,
        item.planned.rendition,
    )


def _row_is_live(handle: str, row: sqlite3.Row) -> bool:
    return is_live(handle, row["pid"], row["host"], row["heartbeat"], row["pid_start"])


def _item_row(handle: str, seq: int, out: PlannedOutput) -> tuple[object, ...]:
    return (
        handle,
        seq,
        out.asset_handle,
        out.asset_name,
        out.source_file_name,
        out.target.as_posix() if out.target else None,
        out.format,
        out.width,
        out.height,
        out.reason,
        out.status.value,
        out.message,
        out.rendition,
    )


def _stored_item(row: sqlite3.Row) -> StoredItem:
    planned = PlannedOutput(
        asset_handle=row["asset_handle"],
        asset_name=row["asset_name"],
        source_file_name=row["source_file_name"],
        target=Path(row["target"]) if row["target"] else None,
        format=row["format"],
        width=row["width"],
        height=row["height"],
        reason=row["reason"],
        status=LogType(row["planned_status"]),
        message=row["planned_message"],
        rendition=row["rendition"],
    )
    return StoredItem(
        seq=row["seq"],
        planned=planned,
        outcome=LogType(row["outcome"]) if row["outcome"] else None,
        message=row["message"] or "",
        output=Path(row["output"]) if row["output"] else None,
        temp=Path(row["temp"]) if row["temp"] else None,
    )
