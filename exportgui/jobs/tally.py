"""What became of a job's assets, counted by what happened to the files, and said in words.

The IPS counts (success, warning, error) do not say what is on disk: a file
that replaced an existing one is a "warning", and so is a file that was not
written because one of that name was already there. :func:`tally` counts the
job log's details by what happened instead (written, of which replaced or
under a new name; skipped, and why; failed; not done), and :func:`tally_words`
says it the one way the window, the command line and the mail all use. The
notes the planner and the runner attach to an outcome start with the phrases
below, which is how a detail is told apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from exportgui.config.words import count
from exportgui.jobs.model import JobLog, LogType, Plan

SKIPPED = "skipped: "  # not written: a file of that name was there (policy "skip")
REPLACES = "replaces the existing "  # written over a file that was there (policy "overwrite")
RENAMED = "renamed to "  # written under a new name: the name was taken
LISTED_TWICE = "already in this job: exported once"
UP_TO_DATE = "up to date: "  # not written again: policy "update" found it unchanged
KEPT = "kept: "  # not written: policy "update" found a file the user made or changed


@dataclass(frozen=True)
class Tally:
    """A job's assets by what became of them."""

    written: int = 0  # files now in the destination, including the two below
    replaced: int = 0  # written over a file that was already there
    renamed: int = 0  # written under a new name because the name was taken
    skipped_existing: int = 0  # not written: a file of that name was already there
    skipped_twice: int = 0  # not written again: the asset was listed twice
    up_to_date: int = 0  # not written again: unchanged since it was placed (policy "update")
    kept: int = 0  # not written over a file changed at the destination (policy "update")
    failed: int = 0
    not_done: int = 0  # no outcome yet (cancelled, interrupted)

    @property
    def skipped(self) -> int:
        """Assets not written on purpose."""
        return self.skipped_existing + self.skipped_twice + self.up_to_date + self.kept

    @property
    def all_failed(self) -> bool:
        """True when the job had assets and every one of them failed."""
        return self.failed > 0 and not (self.written or self.skipped or self.not_done)


def _notes(message: str) -> list[str]:
    return [part.strip() for part in message.split(";")]


def tally(log: JobLog) -> Tally:
    """Count ``log``'s details (read with details) by what became of each asset."""
    counted = _count((d.log_type, d.message, d.output is not None) for d in log.details)
    return replace(counted, not_done=max(0, log.total_file_count - len(log.details)))


def plan_tally(plan: Plan) -> Tally:
    """Count ``plan``'s outputs by what would become of each asset (``failed``: refused)."""
    return _count((o.status, o.message, o.target is not None) for o in plan.outputs)


def _count(outcomes: Iterable[tuple[LogType, str, bool]]) -> Tally:
    """Count (log type, message, whether a file is written) triples."""
    written = replaced = renamed = skipped_existing = skipped_twice = up_to_date = kept = 0
    failed = 0
    for log_type, message, has_file in outcomes:
        if log_type is LogType.ERROR:
            failed += 1
            continue
        notes = _notes(message)
        if not has_file:
            if any(n.startswith(LISTED_TWICE) for n in notes):
                skipped_twice += 1
            elif any(n.startswith(UP_TO_DATE) for n in notes):
                up_to_date += 1
            elif any(n.startswith(KEPT) for n in notes):
                kept += 1
            else:
                skipped_existing += 1
            continue
        written += 1
        if any(n.startswith(REPLACES) for n in notes):
            replaced += 1
        elif any(n.startswith(RENAMED) for n in notes):
            renamed += 1
    return Tally(
        written=written,
        replaced=replaced,
        renamed=renamed,
        skipped_existing=skipped_existing,
        skipped_twice=skipped_twice,
        up_to_date=up_to_date,
        kept=kept,
        failed=failed,
    )


def tally_words(counts: Tally, *, planned: bool = False) -> str:
    """``2 files written (2 replaced) · 1 skipped: already in the destination · 1 failed``.

    Written files are always named, even none; the other parts only when there are some.
    ``planned`` speaks of a plan (:func:`plan_tally`): "to write", "replacing", "refused".
    """
    written = f"{count(counts.written, 'file')} {'to write' if planned else 'written'}"
    how = []
    if counts.replaced:
        how.append(f"{counts.replaced} {'replacing' if planned else 'replaced'}")
    if counts.renamed:
        how.append(f"{counts.renamed} under a new name")
    if how:
        written += f" ({', '.join(how)})"
    parts = [written]
    existing = f"{counts.skipped_existing} already in the destination"
    twice = f"{counts.skipped_twice} listed twice"
    if counts.up_to_date:
        parts.append(f"{counts.up_to_date} up to date")
    if counts.kept:
        parts.append(f"{counts.kept} kept: changed at the destination")
    if counts.skipped_existing and counts.skipped_twice:
        both = counts.skipped_existing + counts.skipped_twice
        parts.append(f"{both} skipped ({existing}, {twice})")
    elif counts.skipped_existing:
        parts.append(f"{counts.skipped_existing} skipped: already in the destination")
    elif counts.skipped_twice:
        parts.append(f"{counts.skipped_twice} skipped: listed twice")
    if counts.failed:
        parts.append(f"{counts.failed} {'refused' if planned else 'failed'}")
    if counts.not_done:
        parts.append(f"{counts.not_done} not done")
    return " · ".join(parts)


def tally_to_dict(counts: Tally) -> dict[str, int]:
    """The counts for JSON documents (camelCase, like the IPS fields beside them)."""
    return {
        "written": counts.written,
        "replaced": counts.replaced,
        "renamed": counts.renamed,
        "skippedExisting": counts.skipped_existing,
        "skippedListedTwice": counts.skipped_twice,
        "upToDate": counts.up_to_date,
        "keptChanged": counts.kept,
        "failed": counts.failed,
        "notDone": counts.not_done,
    }
