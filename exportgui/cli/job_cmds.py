"""Subcommands: plan, export, jobs list|show|resume.

Exit codes of ``export`` and ``jobs resume``: 0 every asset succeeded
(warnings allowed); 1 some asset failed, or the job stopped on a fatal error;
2 the job is invalid and nothing ran; 130 cancelled by Ctrl+C or SIGTERM
(finished files stay, no partial file is left). ``plan`` uses the same 0/1/2.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import Any

from exportgui.catalog import Catalog
from exportgui.cli.common import (
    UserError,
    echo,
    for_terminal,
    open_catalog,
    path_arg,
    print_json,
)
from exportgui.config import MailSettings, Settings, app_paths, load_settings
from exportgui.config.i18n import (
    _,
    ngettext,
    number,
    parse_locale,
    set_language,
    supported_words,
)
from exportgui.jobs import (
    ConflictPolicy,
    EmailSetting,
    ExportJob,
    Fmt,
    JobLog,
    JobLogStore,
    JobTakenOver,
    LogType,
    Problem,
    Progress,
    ResumeError,
    RunOptions,
    joblog_to_csv,
    joblog_to_dict,
    plan,
    resume,
    run,
    validate,
)
from exportgui.jobs.cluster import (
    CLUSTER_ENV,
    ClusterError,
    PathMap,
    job_executor,
    parse_address,
    sample_original,
)
from exportgui.jobs.execute import WORKERS_PER_CORE, cpu_cores, default_workers
from exportgui.jobs.joblog_doc import plan_to_dict
from exportgui.jobs.notify import PLAIN_LOGIN_FLAG
from exportgui.jobs.presets import PresetError, PresetStore, combine
from exportgui.jobs.report import (
    joblog_lines,
    kind_word,
    list_line,
    plan_lines,
    problem_lines,
    progress_text,
    state_word,
    summary_line,
)
from exportgui.jobs.resume import not_done_count, resumable
from exportgui.jobs.selection import describe, make_selection, resolve
from exportgui.jobs.validate import mail_problems

EXIT_FAILED, EXIT_INVALID, EXIT_CANCELLED = 1, 2, 130


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands to the parser."""
    p = sub.add_parser(
        "plan",
        help="show what an export would write (dry run)",
        description="Print one line per asset: target file, format, pixel size and why. "
        "Writes nothing. Exit status 1 if some asset would fail, 2 if the job is invalid.",
    )
    _selection_args(p)
    add_job_args(p, for_export=False)
    p.add_argument("--json", action="store_true", help="print the plan as one JSON document")
    p.set_defaults(func=_plan)

    p = sub.add_parser(
        "export",
        help="run an ExportJob",
        description="Export assets as originals (--fmt orig) or rendered through a modifier "
        "and/or macro (--fmt convert). Exit status: 0 all succeeded, 1 some asset failed, "
        "2 invalid job (nothing ran), 130 cancelled with Ctrl+C.",
    )
    _selection_args(p)
    add_job_args(p, for_export=True)
    _mail_args(p)
    _cluster_args(p)
    p.add_argument("--json", action="store_true", help="print the job log as one JSON document")
    p.set_defaults(func=_export)

    jobs = sub.add_parser("jobs", help="list, show and resume jobs").add_subparsers(
        dest="jobs_command", metavar="ACTION", required=True
    )
    p = jobs.add_parser("list", help="every job, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_jobs_list)
    p = jobs.add_parser("show", help="one job's log, asset by asset")
    p.add_argument("job", metavar="JOB")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="the versioned JSON document")
    form.add_argument("--csv", action="store_true", help="one CSV row per asset")
    p.set_defaults(func=_jobs_show)
    p = jobs.add_parser(
        "resume", help="finish an interrupted or cancelled job (only what is not done yet)"
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("--retry-failed", action="store_true", help="also redo the failed assets")
    p.add_argument("--workers", type=_workers, help="parallel workers (default: one per core)")
    _locale_arg(p, "the language of this run's log messages, output and mail (default: the job's)")
    _mail_args(p)
    _cluster_args(p)
    p.add_argument("--json", action="store_true", help="print the job log as one JSON document")
    p.set_defaults(func=_jobs_resume)


# -- arguments -----------------------------------------------------------------
def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 256:
        raise argparse.ArgumentTypeError("workers must be 0 (one per core) to 256")
    return value


def _destination(text: str) -> Path:
    """``--dest``: made absolute at once, so the job never depends on where it later runs."""
    return path_arg(text).expanduser().absolute()


def _selection_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("handles", nargs="*", metavar="HANDLE", help="assets to export, in order")
    p.add_argument("--all", action="store_true", help="every exportable asset of the catalog")
    p.add_argument(
        "--preset",
        metavar="NAME",
        action="append",
        help="take the job options from a preset (flags override it); repeat it to make "
        "each preset's files in one run, each in DEST/<preset>/ unless its --name says "
        "otherwise; without HANDLE or --all, exports the preset's folder, else every "
        "exportable asset",
    )
    add_rule_args(p)


def add_rule_args(p: argparse.ArgumentParser) -> None:
    """--folder, --recursive and --type: assets chosen by rule when the job runs."""
    p.add_argument(
        "--folder",
        metavar="FOLDER",
        help="the assets in this catalog folder, looked up when the job runs "
        "(with HANDLE…: those as well)",
    )
    p.add_argument(
        "--recursive", action="store_true", default=None, help="--folder's subfolders too"
    )
    p.add_argument(
        "--type",
        dest="types",
        metavar="TYPE",
        action="append",
        help="only assets of this type, e.g. image (repeatable)",
    )


def add_job_args(p: argparse.ArgumentParser, *, for_export: bool) -> None:
    """The job options shared by plan, export and presets save."""
    p.add_argument("--fmt", help="orig (copy the original bytes) or convert (render)")
    p.add_argument("--modifier", help="Image Serving modifier, e.g. 'wid=800&fmt=png'")
    p.add_argument("--macro", help="macro to apply last, e.g. '$web$'")
    p.add_argument(
        "--dest",
        type=_destination,
        metavar="DIR",
        help="destination folder (a relative path is taken from the current folder)",
    )
    p.add_argument(
        "--conflict",
        help="existing files: rename (default), overwrite, skip, or update (write only what "
        "changed since exportgui placed it)",
    )
    p.add_argument(
        "--force",
        action="store_const",
        const=True,
        help="with --conflict update: also replace files changed at the destination",
    )
    p.add_argument(
        "--keep-folders",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="recreate the catalog's folders under the destination",
    )
    p.add_argument("--job-name", help="a name for the job (shown in the job list and mail)")
    p.add_argument(
        "--name",
        dest="name_template",
        metavar="TEMPLATE",
        help="file names from a template, e.g. '{preset}/{name}_{wid}x{hei}.{ext}' "
        "(tokens: name ext folder preset wid hei fmt handle seq date); "
        "default: the asset's name with the format's extension",
    )
    _locale_arg(p, "the language of the job's log, output and mail (default: yours)")
    if for_export:
        p.add_argument("--email-setting", help="All, Error, ErrorAndWarning, JobCompletion, None")
        p.add_argument("--client-id", help="IPS clientId (stored with the job, not acted on)")
        p.add_argument("--workers", type=_workers, help="parallel workers (0: one per core)")


def _locale_arg(p: argparse.ArgumentParser, help_text: str) -> None:
    p.add_argument("--locale", metavar="LANG", help=f"{help_text}: {supported_words()}")


def _mail_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--smtp", metavar="URL", help="mail server for this run, e.g. smtp://host:25")
    p.add_argument("--mail-from", metavar="ADDR", help="sender address for this run")
    p.add_argument(
        "--mail-to", metavar="ADDR", action="append", help="recipient for this run (repeatable)"
    )
    p.add_argument(
        PLAIN_LOGIN_FLAG,
        action="store_true",
        help="let a smtp:// server on this computer (localhost, 127.0.0.1, ::1) get the "
        "login without encryption",
    )
    p.add_argument(
        "--fsync",
        action="store_true",
        help="flush every file to disk before it gets its name (slower; survives power cuts)",
    )


def _cluster_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="run the renders and copies on a Dask cluster: tcp://HOST:8786, or local:N to "
        "start N worker processes here; none: on this computer (default: $"
        f"{CLUSTER_ENV}, else the settings). The originals and the destination must be "
        "visible to every worker",
    )
    p.add_argument(
        "--cluster-path",
        metavar="HERE=THERE",
        action="append",
        help="the workers see the folder HERE of this computer as THERE (repeatable)",
    )


def preset_store() -> PresetStore:
    """The preset folder of this user (or of EXPORTGUI_HOME)."""
    return PresetStore(app_paths().presets_dir)


# argparse dest → (ExportJob field, parser or None to take the value as given)
_JOB_OPTIONS: dict[str, tuple[str, Callable[[Any], Any] | None]] = {
    "fmt": ("fmt", Fmt.parse),
    "modifier": ("is_modifier", None),
    "macro": ("macro", None),
    "dest": ("destination", None),
    "conflict": ("conflict", ConflictPolicy.parse),
    "keep_folders": ("keep_folders", None),
    "force": ("force", None),
    "job_name": ("name", None),
    "name_template": ("name_template", None),
    "email_setting": ("email_setting", EmailSetting.parse),
    "client_id": ("client_id", None),
    "workers": ("workers", None),
    "locale": ("locale", parse_locale),
}


def build_job(args: argparse.Namespace, base: ExportJob) -> ExportJob:
    """``base`` with every option the command line gives."""
    changes: dict[str, Any] = {}
    if getattr(args, "folder", None) is not None or getattr(args, "types", None):
        try:
            changes["selection"] = make_selection(
                args.folder, bool(args.recursive), args.types or ()
            )
        except ValueError as exc:
            raise UserError(f"--folder/--type: {exc}") from None
    elif getattr(args, "recursive", None):
        raise UserError("--recursive needs --folder")
    for dest, (field, parse) in _JOB_OPTIONS.items():
        value = getattr(args, dest, None)
        if value is None:
            continue
        try:
            changes[field] = parse(value) if parse else value
        except ValueError as exc:
            raise UserError(f"--{dest.replace('_', '-')}: {exc}") from None
    return replace(base, **changes)


# A rendition's own options: with several presets, each preset's are used.
_RENDITION_OPTIONS = ("fmt", "modifier", "macro", "name_template")


def _job_from_args(args: argparse.Namespace, catalog: Catalog) -> ExportJob:
    presets = args.preset or []
    base = ExportJob()
    if len(presets) > 1:
        given = [dest for dest in _RENDITION_OPTIONS if getattr(args, dest, None) is not None]
        if given:
            flag = "--name" if given[0] == "name_template" else f"--{given[0]}"
            raise UserError(
                f"{flag} sets one rendition, and with several --preset each preset's own is "
                "used; save the change in the preset, or export that preset on its own"
            )
        settled = {
            field
            for dest, (field, _parse) in _JOB_OPTIONS.items()
            if getattr(args, dest, None) is not None
        }
        how = {
            field: f"choose one with --{dest.replace('_', '-')}"
            for dest, (field, _parse) in _JOB_OPTIONS.items()
        }
        if args.handles or args.all or args.folder is not None or args.types:
            settled.add("selection")
        how["selection"] = "choose the assets with --folder/--type, or name them"
        try:
            base = combine([preset_store().load(name) for name in presets], settled, how)
        except PresetError as exc:
            raise UserError(str(exc)) from None
    elif presets:
        try:
            base = preset_store().load(presets[0]).job
        except PresetError as exc:
            raise UserError(str(exc)) from None
    elif args.fmt is None:
        raise UserError("--fmt is required (orig or convert), or use --preset")
    if args.all and args.handles:
        raise UserError("give either HANDLE… or --all, not both")
    job = build_job(args, base)
    ruled = args.folder is not None or bool(args.types)
    if args.all and ruled:
        raise UserError("give either --all or --folder/--type, not both")
    if args.all or (args.handles and not ruled):  # named assets replace a preset's rule
        job = replace(job, selection=None)
    if args.all or (presets and not args.handles and job.selection is None):
        handles = tuple(a.handle for a in catalog.list_assets() if a.exportable)
    elif args.handles or job.selection is not None:
        handles = tuple(args.handles)
    else:
        raise UserError("name the assets to export (HANDLE…), or use --all or --folder")
    job = resolve(replace(job, asset_handles=handles), catalog)
    if not job.asset_handles and job.selection is not None:
        raise UserError(f"no exportable asset in {describe(job.selection)}")
    return job


# -- plan ----------------------------------------------------------------------
def _print_problems(problems: list[Problem], job: ExportJob) -> None:
    for problem in problems:
        for line in problem_lines(problem, job):
            echo(f"exportgui: {line}" if not line.startswith(" ") else line, file=sys.stderr)


def _plan(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        job = _job_from_args(args, catalog)
        set_language(job.locale)
        problems = validate(job, catalog)
        invalid = any(p.is_error for p in problems)
        the_plan = plan(job, catalog)
    if args.json:
        document = plan_to_dict(the_plan, problems)
        if invalid:
            document["outputs"] = []
        print_json(document)
    else:
        _print_problems(problems, job)
        if not invalid:
            for line in plan_lines(the_plan):
                echo(line)
    if invalid:
        return EXIT_INVALID
    return EXIT_FAILED if the_plan.error_count else 0


# -- running ---------------------------------------------------------------------
class _ProgressLine:
    """A one-line progress display on stderr, redrawn at most 10 times a second."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self._last = 0.0

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and p.done < p.total):
            return
        self._last = now
        sys.stderr.write(f"\r{for_terminal(progress_text(p)):<100}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 100 + "\r")
            sys.stderr.flush()


@contextmanager
def _ctrl_c_cancels(cancel: threading.Event) -> Iterator[None]:
    """The first Ctrl+C (or SIGTERM) asks the job to stop cleanly; a second one stops at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        again = "Ctrl+C" if signum == signal.SIGINT else "SIGTERM"
        with suppress(OSError):  # a closed stderr must not turn a clean cancel into a crash
            print(f"\nexportgui: cancelling ({again} again to stop at once)…", file=sys.stderr)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _settings() -> Settings:
    """The user's settings; a damaged file was moved aside, and the user is told where."""
    loaded = load_settings(app_paths())
    if loaded.problem:
        echo(f"exportgui: warning: {loaded.problem}", file=sys.stderr)
    return loaded.settings


# MailSettings field → the option that sets it for one run
_MAIL_OPTIONS = {
    "smtp_url": "--smtp",
    "sender": "--mail-from",
    "recipients": "--mail-to",
    "allow_plain_login": PLAIN_LOGIN_FLAG,
}


def _mail(args: argparse.Namespace, mail: MailSettings) -> MailSettings | None:
    """``mail`` from the settings with this run's options; None (problems printed) if invalid."""
    paths = app_paths()
    given = {
        "smtp_url": args.smtp,
        "sender": args.mail_from,
        "recipients": list(args.mail_to) if args.mail_to else None,
        "allow_plain_login": args.allow_plain_login or None,
    }
    for field, value in given.items():
        if value is not None:
            setattr(mail, field, value)
    problems = mail_problems(mail)
    for problem in problems:
        if given.get(problem.field) is not None:
            where = _MAIL_OPTIONS[problem.field]
        else:
            where = f"mail.{problem.field} in {paths.settings_file}"
        echo(f"exportgui: error: {where}: {problem.message}", file=sys.stderr)
    return None if problems else mail


def _note_worker_cap(requested: int, assets: int) -> None:
    """Say on stderr when fewer workers than asked for will run."""
    used = default_workers(requested, 0, assets)
    if requested > used:
        note = _(
            "note: {requested} workers asked for, {used} used (at most one per asset and "
            "{per_core} per CPU core; {assets} assets, {cores} cores)"
        ).format(
            requested=number(requested),
            used=number(used),
            per_core=WORKERS_PER_CORE,
            assets=number(assets),
            cores=number(cpu_cores()),
        )
        print(f"exportgui: {note}", file=sys.stderr)


@contextmanager
def _workers_for(
    args: argparse.Namespace, settings: Settings, original: Path | None, destination: Path | None
) -> Iterator[Executor | None]:
    """The cluster's executor when one is named (connected and probed), else None."""
    address = args.cluster or os.environ.get(CLUSTER_ENV, "").strip() or settings.cluster
    if not address or address == "none":
        yield None
        return
    try:
        address = parse_address(address)
        paths = PathMap.parse(args.cluster_path or [])
    except ValueError as exc:
        raise UserError(f"--cluster: {exc}") from None
    with ExitStack() as stack:
        try:
            executor = stack.enter_context(
                job_executor(
                    address,
                    paths,
                    original,
                    destination,
                    on_ready=lambda cluster: echo(
                        _running_on(cluster.worker_count(), address), file=sys.stderr
                    ),
                )
            )
        except ClusterError as exc:
            raise UserError(str(exc)) from None
        yield executor


def _running_on(workers: int, address: str) -> str:
    """``exportgui: running on 2 workers of tcp://…``, in the job's language."""
    template = ngettext(
        "running on {n} worker of {address}", "running on {n} workers of {address}", workers
    )
    return "exportgui: " + template.format(n=number(workers), address=address)


def _report(log: JobLog, args: argparse.Namespace) -> int:
    """Print the job's outcome; return its exit status (the same when nobody reads the output)."""
    with suppress(OSError):  # the reader or the terminal went away: the status still tells
        _print_report(log, args)
    if log.state == "cancelled":
        return EXIT_CANCELLED
    if log.file_error_count or log.fatal_error:
        return EXIT_FAILED
    return 0


def _print_report(log: JobLog, args: argparse.Namespace) -> None:
    if args.json:
        print_json(joblog_to_dict(log))
    else:
        for detail in log.details:
            if detail.log_type is not LogType.SUCCESS:
                kind = kind_word(detail.log_type)
                echo(
                    f"{kind}: {detail.name} ({detail.asset_handle}): {detail.message}",
                    file=sys.stderr,
                )
        echo(summary_line(log))
    if log.fatal_error:
        echo(f"exportgui: {kind_word(LogType.ERROR)}: {log.fatal_error}", file=sys.stderr)
    if log.notification_warning:
        echo(
            f"exportgui: {kind_word(LogType.WARNING)}: {log.notification_warning}", file=sys.stderr
        )
    if resumable(log):  # cancelled, or stopped by a fatal error (a full disk)
        undone = not_done_count(log)
        if log.job.renditions:  # the counts are of outputs: an asset has one per rendition
            template = ngettext(
                "{state}; {n} output not done (exportgui jobs resume {handle})",
                "{state}; {n} outputs not done (exportgui jobs resume {handle})",
                undone,
            )
        else:
            template = ngettext(
                "{state}; {n} asset not done (exportgui jobs resume {handle})",
                "{state}; {n} assets not done (exportgui jobs resume {handle})",
                undone,
            )
        text = template.format(state=state_word(log.state), n=number(undone), handle=log.job_handle)
        print(f"exportgui: {text}", file=sys.stderr)


def _execute(
    args: argparse.Namespace, start: Callable[[threading.Event, _ProgressLine], JobLog]
) -> int:
    """Run a job with Ctrl+C cancelling it and a progress line on a terminal; report it."""
    cancel = threading.Event()
    display = _ProgressLine()
    with _ctrl_c_cancels(cancel):
        try:
            log = start(cancel, display)
        except JobTakenOver as exc:
            print(f"exportgui: error: {exc}", file=sys.stderr)
            return EXIT_FAILED
        finally:
            display.close()
    return _report(log, args)


def _export(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        job = _job_from_args(args, catalog)
        set_language(job.locale)
        problems = validate(job, catalog)
        _print_problems(problems, job)
        if any(p.is_error for p in problems):
            return EXIT_INVALID
        settings = _settings()
        mail = None
        if job.email_setting is not EmailSetting.NONE:
            mail = _mail(args, settings.mail)
            if mail is None:
                return EXIT_INVALID
        workers = job.workers or settings.workers
        planned = plan(job, catalog)
        original = sample_original(catalog, (p.asset_handle for p in planned.outputs if p.target))
        with _workers_for(args, settings, original, job.destination) as executor:
            if executor is None:
                _note_worker_cap(workers, len(planned.outputs))
            return _execute(
                args,
                lambda cancel, display: run(
                    planned,
                    catalog,
                    RunOptions(
                        workers=workers,
                        cancel=cancel,
                        progress=display,
                        mail=mail,
                        durable=args.fsync,
                        executor=executor,
                    ),
                ),
            )


# -- jobs ------------------------------------------------------------------------
def _jobs_list(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        logs = JobLogStore(catalog).list_jobs()
    if args.json:
        print_json({"schema": 1, "jobs": [joblog_to_dict(log, files=False) for log in logs]})
        return 0
    for log in logs:
        echo(list_line(log))
    if any(resumable(log) for log in logs):
        print(
            _("(finish a cancelled or interrupted job with: exportgui jobs resume JOB)"),
            file=sys.stderr,
        )
    return 0


def _get_log(catalog: Catalog, handle: str, *, details: bool = True) -> JobLog:
    store = JobLogStore(catalog)
    try:
        return store.get(handle) if details else store.get_summary(handle)
    except KeyError:
        raise UserError(f"no job {handle!r} in this catalog (see: exportgui jobs list)") from None


def _jobs_show(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        log = _get_log(catalog, args.job)
    set_language(log.job.locale)
    if args.json:
        print_json(joblog_to_dict(log))
    elif args.csv:
        # Exact CSV for a file or a pipe; on a terminal, control characters are shown.
        document = joblog_to_csv(log)
        sys.stdout.write(_csv_for_terminal(document) if sys.stdout.isatty() else document)
    else:
        for line in joblog_lines(log):
            echo(line)
    return 0


def _csv_for_terminal(document: str) -> str:
    r"""CSV rows (``\r\n``-terminated) one per line, control characters in fields shown."""
    rows = document.split("\r\n")
    return "\n".join(for_terminal(row) for row in rows)


def _jobs_resume(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        log = _get_log(catalog, args.job, details=False)
        try:
            locale = parse_locale(args.locale or "")
        except ValueError as exc:
            raise UserError(f"--locale: {exc}") from None
        set_language(locale or log.job.locale)
        settings = _settings()
        mail = None
        if log.job.email_setting is not EmailSetting.NONE:
            mail = _mail(args, settings.mail)
            if mail is None:
                return EXIT_INVALID
        workers = args.workers or log.job.workers or settings.workers
        original = sample_original(catalog, log.job.asset_handles)
        with _workers_for(args, settings, original, log.job.destination) as executor:
            if executor is None:
                _note_worker_cap(workers, len(log.job.asset_handles))

            def start(cancel: threading.Event, display: _ProgressLine) -> JobLog:
                try:
                    return resume(
                        args.job,
                        catalog,
                        retry_failed=args.retry_failed,
                        options=RunOptions(
                            workers=workers,
                            cancel=cancel,
                            progress=display,
                            mail=mail,
                            durable=args.fsync,
                            executor=executor,
                            locale=locale,
                        ),
                    )
                except ResumeError as exc:
                    raise UserError(str(exc)) from None

            return _execute(args, start)
