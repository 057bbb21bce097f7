"""What became of a job's assets, counted by what happened to the files, and said in words.

The IPS counts (success, warning, error) do not say what is on disk: a file
that replaced an existing one is a "warning", and so is a file that was not
written because one of that name was already there. :func:`tally` counts the
job log's details by what happened instead (written, of which replaced or
under a new name; skipped, and why; failed; not done), and :func:`tally_words`
says it the one way the window, the command line and the mail all use. The
notes the planner and the runner attach to an outcome start with the phrases
below (in the job's language), which is how a detail is told apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from exportgui.config.i18n import N_, _, every_language, ngettext, number
from exportgui.jobs.model import JobLog, LogType, Plan

SKIPPED = N_("skipped: ")  # not written: a file of that name was there (policy "skip")
REPLACES = N_("replaces the existing ")  # written over a file that was there ("overwrite")
RENAMED = N_("renamed to ")  # written under a new name: the name was taken
LISTED_TWICE = N_("already in this job: exported once")
UP_TO_DATE = N_("up to date: ")  # not written again: policy "update" found it unchanged
KEPT = N_("kept: ")  # not written: policy "update" found a file the user made or changed


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


@cache
def _phrase(english: str) -> tuple[str, ...]:
    """``english`` in every language a job log may be written in."""
    return tuple(every_language(english))


def _starts(notes: list[str], phrase: str) -> bool:
    return any(n.startswith(_phrase(phrase)) for n in notes)


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
            if _starts(notes, LISTED_TWICE):
                skipped_twice += 1
            elif _starts(notes, UP_TO_DATE):
                up_to_date += 1
            elif _starts(notes, KEPT):
                kept += 1
            else:
                skipped_existing += 1
            continue
        written += 1
        if _starts(notes, REPLACES):
            replaced += 1
        elif _starts(notes, RENAMED):
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
    n = counts.written
    if planned:
        written = ngettext("{n} file to write", "{n} files to write", n).format(n=number(n))
    else:
        written = ngettext("{n} file written", "{n} files written", n).format(n=number(n))
    how = []
    if counts.replaced:
        n = counts.replaced
        if planned:
            how.append(ngettext("{n} replacing", "{n} replacing", n).format(n=number(n)))
        else:
            how.append(ngettext("{n} replaced", "{n} replaced", n).format(n=number(n)))
    if counts.renamed:
        how.append(_("{n} under a new name").format(n=number(counts.renamed)))
    if how:
        written += f" ({', '.join(how)})"
    parts = [written]
    existing = _("{n} already in the destination").format(n=number(counts.skipped_existing))
    n = counts.skipped_twice
    twice = ngettext("{n} listed twice", "{n} listed twice", n).format(n=number(n))
    if counts.up_to_date:
        n = counts.up_to_date
        parts.append(ngettext("{n} up to date", "{n} up to date", n).format(n=number(n)))
    if counts.kept:
        n = counts.kept
        parts.append(
            ngettext(
                "{n} kept: changed at the destination or not placed by exportgui",
                "{n} kept: changed at the destination or not placed by exportgui",
                n,
            ).format(n=number(n))
        )
    if counts.skipped_existing and counts.skipped_twice:
        n = counts.skipped_existing + counts.skipped_twice
        parts.append(
            ngettext(
                "{n} skipped ({existing}, {twice})", "{n} skipped ({existing}, {twice})", n
            ).format(n=number(n), existing=existing, twice=twice)
        )
    elif counts.skipped_existing:
        n = counts.skipped_existing
        parts.append(
            ngettext(
                "{n} skipped: already in the destination",
                "{n} skipped: already in the destination",
                n,
            ).format(n=number(n))
        )
    elif counts.skipped_twice:
        n = counts.skipped_twice
        parts.append(
            ngettext("{n} skipped: listed twice", "{n} skipped: listed twice", n).format(
                n=number(n)
            )
        )
    if counts.failed:
        n = counts.failed
        if planned:
            parts.append(ngettext("{n} refused", "{n} refused", n).format(n=number(n)))
        else:
            parts.append(ngettext("{n} failed", "{n} failed", n).format(n=number(n)))
    if counts.not_done:
        n = counts.not_done
        parts.append(ngettext("{n} not done", "{n} not done", n).format(n=number(n)))
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
