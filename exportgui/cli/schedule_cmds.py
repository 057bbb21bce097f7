"""Subcommands: schedule add|list|remove|run-due|install|uninstall.

``run-due`` runs each due schedule as the real ``exportgui export … --json``
in its own process (every preset as its own ``--preset``, the selection and
the destination as flags), so a scheduled run is an ordinary job in the job
log, and reads the job's outcome from the JSON it prints.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

from exportgui.cli.common import UserError, echo, path_arg, print_json
from exportgui.cli.job_cmds import add_rule_args, build_job, preset_store
from exportgui.cli.os_scheduler import exportgui_command, install, uninstall
from exportgui.config import app_paths, resolve_catalog_dir
from exportgui.config.i18n import every_language
from exportgui.jobs import ExportJob
from exportgui.jobs.presets import PresetError
from exportgui.jobs.schedule import (
    LastRun,
    Schedule,
    ScheduleError,
    ScheduleStore,
    new_schedule,
    parse_at,
)
from exportgui.jobs.selection import describe

EXIT_FAILED, EXIT_INVALID = 1, 2


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the schedule subcommands to the parser."""
    schedule = sub.add_parser(
        "schedule", help="jobs that run once at a time or on a cron schedule"
    ).add_subparsers(dest="schedule_command", metavar="ACTION", required=True)
    p = schedule.add_parser(
        "add",
        help="save a job that runs later",
        description="Save presets, a selection and a destination as a job that runs once "
        "(--at, ISO 8601 with a time zone) or repeatedly (--cron, five fields, local time). "
        "Due jobs run when 'exportgui schedule run-due' does (see 'schedule install').",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument(
        "--preset", dest="presets", action="append", required=True, metavar="NAME",
        help="the preset to run (repeatable)",
    )  # fmt: skip
    add_rule_args(p)
    p.add_argument("--dest", required=True, type=path_arg, metavar="DIR", help="destination folder")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--at", metavar="TIME", help="once, e.g. 2026-12-24T06:00+01:00")
    when.add_argument("--cron", metavar="EXPR", help="repeating, e.g. '0 6 * * 1-5'")
    p.set_defaults(func=_add)
    p = schedule.add_parser("list", help="scheduled jobs with their next and last run")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_list)
    p = schedule.add_parser("remove", help="delete a scheduled job")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(func=_remove)
    p = schedule.add_parser(
        "run-due",
        help="run every scheduled job that is due now, then exit",
        description="Safe to call as often as you like, from several processes at once: "
        "each due run starts once. Exit status: 0 nothing failed, 1 some run failed, "
        "2 some job was invalid (nothing ran).",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_run_due)
    p = schedule.add_parser(
        "install", help="have the system run 'schedule run-due' every minute for this user"
    )
    p.set_defaults(func=_install)
    p = schedule.add_parser("uninstall", help="undo 'schedule install'")
    p.set_defaults(func=_uninstall)


def _store() -> ScheduleStore:
    try:
        store = ScheduleStore(app_paths().schedules_file)
    except ScheduleError as exc:
        raise UserError(str(exc)) from None
    if store.problem:
        echo(f"exportgui: warning: {store.problem}", file=sys.stderr)
    return store


def _add(args: argparse.Namespace) -> int:
    for name in args.presets:
        try:
            preset_store().load(name)
        except PresetError as exc:
            raise UserError(f"--preset: {exc}") from None
    dest = args.dest.expanduser().absolute()
    if not dest.is_dir():
        raise UserError(f"--dest: {dest} is not an existing folder")
    catalog = resolve_catalog_dir(getattr(args, "catalog", None))
    if not catalog.is_dir():
        raise UserError(f"no catalog at {catalog} (make one with: exportgui import or demo)")
    selection = build_job(args, ExportJob()).selection
    try:
        at = parse_at(args.at) if args.at is not None else None
        schedule = new_schedule(
            args.name, args.presets, dest, catalog, selection=selection, at=at, cron=args.cron
        )
        with _store() as store:
            stored = store.add(schedule)
    except ScheduleError as exc:
        raise UserError(str(exc)) from None
    echo(f"scheduled {stored.name!r}: {stored.when}; next run {_local(stored.next_run)}")
    return 0


def _local(when: datetime | None) -> str:
    return when.astimezone().isoformat(timespec="minutes") if when else "—"


def _last_words(last: LastRun | None) -> str:
    if last is None:
        return "never run"
    words = f"last run {_local(last.started)}: {last.state}"
    if last.job_handle:
        words += (
            f" ({last.succeeded + last.warnings} of {last.total} written, {last.failed} failed; "
            f"job {last.job_handle})"
        )
    if last.message:
        words += f": {last.message}"
    return words


def _list(args: argparse.Namespace) -> int:
    with _store() as store:
        schedules = store.list()
    if args.json:
        print_json({"schema": 1, "schedules": [s.to_dict() for s in schedules]})
        return 0
    for s in schedules:
        rule = f" [{describe(s.selection)}]" if s.selection else ""
        running = f"; running since {_local(s.running_since)}" if s.running_since else ""
        echo(
            f"{s.name}: {', '.join(s.presets)}{rule} → {s.destination}; {s.when}; "
            f"next run {_local(s.next_run)}{running}; {_last_words(s.last)}"
        )
    return 0


def _remove(args: argparse.Namespace) -> int:
    try:
        with _store() as store:
            store.remove(args.name)
    except ScheduleError as exc:
        raise UserError(str(exc)) from None
    return 0


# -- run-due -------------------------------------------------------------------------
def export_command(schedule: Schedule) -> list[str]:
    """The ``exportgui export`` command line of one scheduled run."""
    command = [*exportgui_command(), "--catalog", str(schedule.catalog), "export"]
    for preset in schedule.presets:
        command += ["--preset", preset]
    rule = schedule.selection
    if rule is not None:
        if rule.folder is not None:
            command += ["--folder", rule.folder]
        if rule.recursive:
            command.append("--recursive")
        for kind in rule.types:
            command += ["--type", kind]
    return [*command, "--dest", str(schedule.destination), "--job-name", schedule.name, "--json"]


def _outcome(started: datetime, done: subprocess.CompletedProcess[str]) -> LastRun:
    ended = datetime.now(UTC)
    try:
        log = json.loads(done.stdout)
    except ValueError:
        log = None
    if isinstance(log, dict) and "jobHandle" in log:
        return LastRun(
            started,
            ended,
            str(log["state"]),
            job_handle=str(log["jobHandle"]),
            succeeded=int(log["fileSuccessCount"]),
            warnings=int(log["fileWarningCount"]),
            failed=int(log["fileErrorCount"]),
            total=int(log["totalFileCount"]),
            message=str(log.get("fatalError") or ""),
        )
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    words = every_language("error")  # the job's language says "error" its own way
    errors = [line for line in lines if any(word in line for word in words)]
    message = (errors or lines or [f"exportgui export exited with status {done.returncode}"])[-1]
    for word in words:
        message = message.removeprefix(f"exportgui: {word}: ")
    return LastRun(started, ended, "invalid" if done.returncode == 2 else "failed", message=message)


def run_schedule(store: ScheduleStore, schedule: Schedule) -> tuple[LastRun, int]:
    """Run one claimed schedule to its end; record and return its outcome and exit status."""
    started = datetime.now(UTC)
    try:
        process = subprocess.Popen(
            export_command(schedule),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    except OSError as exc:
        outcome = LastRun(started, datetime.now(UTC), "failed", message=f"cannot start: {exc}")
        store.finish(schedule, outcome)
        return outcome, EXIT_FAILED
    try:
        store.hand_over(schedule, process.pid)
        out, err = process.communicate()
    except BaseException:
        process.terminate()
        process.wait()
        raise
    outcome = _outcome(started, subprocess.CompletedProcess([], process.returncode, out, err))
    store.finish(schedule, outcome)
    return outcome, process.returncode


def _run_due(args: argparse.Namespace) -> int:
    worst = 0
    ran = []
    with _store() as store:
        try:
            due = store.claim_due()
        except ScheduleError as exc:
            raise UserError(str(exc)) from None
        for schedule in due:
            outcome, status = run_schedule(store, schedule)
            ran.append({"name": schedule.name, "lastRun": outcome.to_dict()})
            if not args.json:
                echo(f"{schedule.name}: {_last_words(outcome).removeprefix('last run ')}")
            worst = max(worst, status if status in (EXIT_FAILED, EXIT_INVALID) else 0)
    if args.json:
        print_json({"schema": 1, "ran": ran})
    return worst


# -- install ---------------------------------------------------------------------------
def _install(_args: argparse.Namespace) -> int:
    try:
        for line in install():
            echo(line)
    except OSError as exc:
        raise UserError(f"cannot install the schedule runner: {exc}") from None
    return 0


def _uninstall(_args: argparse.Namespace) -> int:
    try:
        for line in uninstall():
            echo(line)
    except OSError as exc:
        raise UserError(f"cannot uninstall the schedule runner: {exc}") from None
    return 0
