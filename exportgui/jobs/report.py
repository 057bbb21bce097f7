"""Plans, problems and job logs as lines of text (the CLI prints them; tests read them)."""

from __future__ import annotations

from exportgui.jobs.model import ExportJob, JobLog, Plan, Problem, Progress
from exportgui.jobs.tally import tally, tally_words

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
    kind = "error" if problem.is_error else "warning"
    where = _FIELD_FLAGS.get(problem.field, problem.field)
    if problem.rendition:  # a field of one preset of several: the preset has the text
        job = next(
            (job.for_rendition(r) for r in job.renditions if r.name == problem.rendition), job
        )
        where = f"preset {problem.rendition!r}: {problem.field}"
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
        target = out.target.as_posix() if out.target else "(nothing)"
        source = out.source_file_name or out.asset_name
        if several:
            source = f"{source} ({out.rendition})"
        lines.append(
            f"{out.asset_handle}  {source} → {target}  [{out.format or '-'} {size}]  {out.reason}"
        )
        if out.layers:
            lines.append(f"    layers: {', '.join(out.layers)}")
        if out.message and out.message != out.reason:
            lines.append(f"    {out.status.value.lower()}: {out.message}")
    return lines


def summary_line(log: JobLog) -> str:
    """``job J completed: 3 files written (1 replaced) · 1 failed → DEST`` (with details)."""
    return f"job {log.job_handle} {log.state}: {tally_words(tally(log))} → {log.job.destination}"


def list_line(log: JobLog) -> str:
    """One job in ``jobs list``: handle, state, start, success/warning/error of total, name."""
    counts = (
        f"{log.file_success_count}/{log.file_warning_count}/{log.file_error_count}"
        f" of {log.total_file_count}"
    )
    line = f"{log.job_handle}  {log.state:<11}  {log.start_date}  {counts:<16}  {log.job.name}"
    return line.rstrip()


def joblog_lines(log: JobLog) -> list[str]:
    """The job log for a person: the job, its counts, then one line per asset."""
    job = log.job
    lines = [
        f"job {log.job_handle}  {job.name}".rstrip(),
        f"state: {log.state}   started {log.start_date}   ended {log.end_date or '-'}",
    ]
    for r in job.rendition_list:
        preset = f"{r.name}: " if job.renditions else ""
        lines.append(f"{preset}fmt={r.fmt.value}  modifier={r.is_modifier!r}  macro={r.macro!r}")
        if r.name_template:
            lines.append(f"{preset}file names: {r.name_template}")
    lines += [
        f"destination: {job.destination}   conflict: {job.conflict.value}",
        f"{log.total_file_count} {'outputs' if job.renditions else 'assets'}: "
        f"{tally_words(tally(log))}",
    ]
    if log.fatal_error:
        lines.append(f"fatal error: {log.fatal_error}")
    if log.notification_warning:
        lines.append(f"mail: {log.notification_warning}")
    for d in log.details:
        target = f" → {d.output}" if d.output else ""
        note = f": {d.message}" if d.message else ""
        name = f"{d.name} ({d.rendition})" if job.renditions else d.name
        lines.append(f"  {d.log_type.value:<8} {d.asset_handle}  {name}{target}{note}")
    return lines


def progress_text(p: Progress) -> str:
    """``[12/100]  12%   3.4 MB  0 failed  name`` for a one-line display."""
    percent = 100 * p.done // p.total if p.total else 100
    return (
        f"[{p.done}/{p.total}] {percent:3d}%  {p.bytes_written / 1e6:8.1f} MB  "
        f"{p.errors} failed  {p.current_name[:40]}"
    )
