"""Plans, problems and job logs as lines of text (the CLI prints them; tests read them).

The lines are in the current language (:mod:`exportgui.config.i18n`), with its
numbers, sizes and dates; field names, flags and handles stay as typed.
"""

from __future__ import annotations

from exportgui.config.i18n import N_, _, date_time, ngettext, number
from exportgui.jobs.model import ExportJob, JobLog, LogType, Plan, Problem, Progress
from exportgui.jobs.tally import tally, tally_words

# A job's state as people read it (the job log and JSON keep the English word).
STATE_WORDS = {
    "running": N_("running"),
    "completed": N_("completed"),
    "cancelled": N_("cancelled"),
    "failed": N_("failed"),
    "interrupted": N_("interrupted"),
}
_KIND_WORDS = {
    LogType.SUCCESS: N_("success"),
    LogType.WARNING: N_("warning"),
    LogType.ERROR: N_("error"),
}

_LOG_TYPE_WORDS = {  # IPS logType, as a label
    LogType.SUCCESS: N_("Success"),
    LogType.WARNING: N_("Warning"),
    LogType.ERROR: N_("Error"),
}


def state_word(state: str) -> str:
    """``completed`` in the current language (an unknown state as stored)."""
    return _(STATE_WORDS[state]) if state in STATE_WORDS else state


def kind_word(log_type: LogType) -> str:
    """``warning``, ``error`` or ``success`` in the current language."""
    return _(_KIND_WORDS[log_type])


def log_type_word(log_type: LogType) -> str:
    """The IPS ``logType`` as a label (``Success``) in the current language."""
    return _(_LOG_TYPE_WORDS[log_type])


_FIELD_FLAGS = {
    "is_modifier": "--modifier",
    "macro": "--macro",
    "destination": "--dest",
    "fmt": "--fmt",
    "email_setting": "--email-setting",
    "conflict": "--conflict",
    "workers": "--workers",
    "name_template": "--name",
    "force": "--force",
}


def problem_lines(problem: Problem, job: ExportJob) -> list[str]:
    """``error: --modifier: …`` and, when the problem has a position, the text with carets."""
    kind = kind_word(problem.severity)
    where = _FIELD_FLAGS.get(problem.field, problem.field)
    if problem.rendition:  # a field of one preset of several: the preset has the text
        job = next(
            (job.for_rendition(r) for r in job.renditions if r.name == problem.rendition), job
        )
        where = _("preset {name!r}: {field}").format(name=problem.rendition, field=problem.field)
    lines = [f"{kind}: {where}: {problem.message}"]
    text = {
        "is_modifier": job.is_modifier,
        "macro": job.macro,
        "name_template": job.name_template,
    }.get(problem.field)
    if text and problem.position is not None and problem.length:
        lines += [f"    {text}", f"    {' ' * problem.position}{'^' * problem.length}"]
    return lines


def plan_lines(plan: Plan) -> list[str]:
    """One line per planned output, plus an indented line for its warning or error.

    A job of several renditions names each line's rendition after the asset.
    """
    lines = []
    several = bool(plan.job.renditions)
    for out in plan.outputs:
        size = f"{out.width}×{out.height}" if out.width and out.height else "-"
        target = out.target.as_posix() if out.target else _("(nothing)")
        source = out.source_file_name or out.asset_name
        if several:
            source = f"{source} ({out.rendition})"
        lines.append(
            f"{out.asset_handle}  {source} → {target}  [{out.format or '-'} {size}]  {out.reason}"
        )
        if out.layers:
            lines.append("    " + _("layers: {names}").format(names=", ".join(out.layers)))
        if out.message and out.message != out.reason:
            lines.append(f"    {kind_word(out.status)}: {out.message}")
    return lines


def summary_line(log: JobLog) -> str:
    """``job J completed: 3 files written (1 replaced) · 1 failed → DEST`` (with details)."""
    return _("job {handle} {state}: {outcome} → {destination}").format(
        handle=log.job_handle,
        state=state_word(log.state),
        outcome=tally_words(tally(log)),
        destination=log.job.destination,
    )


def list_line(log: JobLog) -> str:
    """One job in ``jobs list``: handle, state, start, success/warning/error of total, name."""
    counts = _("{success}/{warning}/{error} of {total}").format(
        success=number(log.file_success_count),
        warning=number(log.file_warning_count),
        error=number(log.file_error_count),
        total=number(log.total_file_count),
    )
    state = state_word(log.state)
    start = date_time(log.start_date)
    line = f"{log.job_handle}  {state:<11}  {start}  {counts:<16}  {log.job.name}"
    return line.rstrip()


def joblog_lines(log: JobLog) -> list[str]:
    """The job log for a person: the job, its counts, then one line per asset."""
    job = log.job
    lines = [
        _("job {handle}  {name}").format(handle=log.job_handle, name=job.name).rstrip(),
        _("state: {state}   started {start}   ended {end}").format(
            state=state_word(log.state),
            start=date_time(log.start_date),
            end=date_time(log.end_date),
        ),
    ]
    for r in job.rendition_list:
        preset = f"{r.name}: " if job.renditions else ""
        lines.append(f"{preset}fmt={r.fmt.value}  modifier={r.is_modifier!r}  macro={r.macro!r}")
        if r.name_template:
            lines.append(preset + _("file names: {template}").format(template=r.name_template))
    total = log.total_file_count
    if job.renditions:
        counted = ngettext("{n} output: {outcome}", "{n} outputs: {outcome}", total)
    else:
        counted = ngettext("{n} asset: {outcome}", "{n} assets: {outcome}", total)
    lines += [
        _("destination: {destination}   conflict: {conflict}").format(
            destination=job.destination, conflict=job.conflict.value
        ),
        counted.format(n=number(total), outcome=tally_words(tally(log))),
    ]
    if log.fatal_error:
        lines.append(_("fatal error: {problem}").format(problem=log.fatal_error))
    if log.notification_warning:
        lines.append(_("mail: {problem}").format(problem=log.notification_warning))
    for d in log.details:
        target = f" → {d.output}" if d.output else ""
        note = f": {d.message}" if d.message else ""
        name = f"{d.name} ({d.rendition})" if job.renditions else d.name
        lines.append(f"  {log_type_word(d.log_type):<8} {d.asset_handle}  {name}{target}{note}")
    return lines


def progress_text(p: Progress) -> str:
    """``[12/100]  12%   3.4 MB  0 failed  name`` for a one-line display."""
    percent = 100 * p.done // p.total if p.total else 100
    written = f"{number(p.bytes_written / 1e6, 1)} MB"
    failed = ngettext("{n} failed", "{n} failed", p.errors).format(n=number(p.errors))
    return (
        f"[{number(p.done)}/{number(p.total)}] {percent:3d}%  {written:>11}  "
        f"{failed}  {p.current_name[:40]}"
    )
