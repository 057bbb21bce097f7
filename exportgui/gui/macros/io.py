"""Import and export of the Image Serving macro definition file, as the macro manager does it.

The file format itself (UTF-8, tab-separated, a ``Name``/``Definition``
header) belongs to :mod:`exportgui.catalog.macrofile`; this module adds what
the dialog decides: which imported macros the engine accepts, what happens to
names already taken, and a report that names every line that was left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from exportgui.catalog import Catalog, CatalogError
from exportgui.catalog.macrofile import read_macro_file, write_macro_file
from exportgui.gui.widgets.i18n import tr
from exportgui.imaging.macro_checks import check_name, rejected_definitions

# Given the names that already exist, say True (replace), False (keep mine) or None (cancel).
AskReplace = Callable[[list[str]], bool | None]


@dataclass
class MacroImportOutcome:
    """What an import did, for the status line and the details box."""

    path: Path
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "line N: why" for each skipped line
    refused: str = ""  # why the whole file was refused (nothing read)

    @property
    def changed(self) -> bool:
        """True when the catalog's macros changed."""
        return bool(self.added or self.replaced)

    def summary(self) -> str:
        """One sentence: what was imported, and each skipped line with its reason.

        E.g. "Imported 3 macros from m.txt; skipped line 5: no tab between
        name and definition." Past three skipped lines the rest are counted.
        """
        if self.refused:
            return _sentence(
                tr("Nothing imported from {file}: {reason}").format(
                    file=self.path.name, reason=self.refused
                )
            )
        stored = len(self.added) + len(self.replaced)
        text = tr("Imported %Ln macro(s) from {file}", "", stored).format(file=self.path.name)
        extras = []
        if self.replaced:
            extras.append(tr("%Ln replaced", "", len(self.replaced)))
        if self.kept:
            extras.append(tr("%Ln existing one(s) kept", "", len(self.kept)))
        if extras:
            text += f" ({', '.join(extras)})"
        if len(self.problems) == 1:
            text += "; " + tr("skipped {line}").format(line=self.problems[0])
        elif self.problems:
            shown = "; ".join(self.problems[:_SHOWN_PROBLEMS])
            text += "; " + tr("skipped %Ln line(s): {lines}", "", len(self.problems)).format(
                lines=shown
            )
            if len(self.problems) > _SHOWN_PROBLEMS:
                text += "; " + tr(
                    "and %Ln more (see the details)", "", len(self.problems) - _SHOWN_PROBLEMS
                )
        return _sentence(text)

    def details(self) -> str:
        """Every skipped line with its reason (or why the file was refused)."""
        return "\n".join(self.problems) or self.refused


_SHOWN_PROBLEMS = 3


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


@dataclass(frozen=True)
class _Entry:
    line: int
    name: str
    definition: str


def import_macros(catalog: Catalog, path: Path, ask: AskReplace) -> MacroImportOutcome | None:
    """Read ``path`` and store the macros the engine accepts; None when ``ask`` cancelled.

    Raises:
        CatalogError, CatalogUnavailable: the catalog refused to store them (nothing stored).
    """
    outcome = MacroImportOutcome(path)
    try:
        result = read_macro_file(path, strict=False)
    except CatalogError as exc:
        outcome.refused = str(exc)
        return outcome
    # (line, words) of each skipped line, shown in the order of the file.
    skipped = [(bad.line, _on_line(bad.line, bad.reason)) for bad in result.bad_lines]
    entries = [_Entry(m.line, m.name, m.definition) for m in result.macros]

    existing = catalog.macros()
    folded_existing = {n.casefold(): n for n in existing}
    taken = [e.name for e in entries if e.name.casefold() in folded_existing]
    replace = True
    if taken:
        answer = ask(taken)
        if answer is None:
            return None
        replace = answer

    incoming: list[_Entry] = []
    for entry in entries:
        problem = check_name(entry.name, entry.name, {})
        if problem:
            skipped.append((entry.line, _on_line(entry.line, f"{entry.name!r}: {problem}")))
        elif entry.name.casefold() in folded_existing and not replace:
            outcome.kept.append(folded_existing[entry.name.casefold()])
        else:
            incoming.append(entry)

    accepted = _engine_accepted(existing, incoming, skipped)
    outcome.problems.extend(words for _line, words in sorted(skipped, key=lambda p: p[0]))
    # One transaction: a refused import leaves the catalog's macros as they were.
    catalog.set_macros({entry.name: entry.definition for entry in accepted})
    for entry in accepted:
        replaced = entry.name.casefold() in folded_existing
        (outcome.replaced if replaced else outcome.added).append(entry.name)
    return outcome


def _engine_accepted(
    existing: dict[str, str], incoming: list[_Entry], skipped: list[tuple[int, str]]
) -> list[_Entry]:
    """Drop definitions the engine rejects, until the rest is consistent.

    Dropping one macro can break another that calls it, so repeat until no
    more are dropped (at most once per macro).
    """
    remaining = list(incoming)
    while True:
        rejected = rejected_definitions({e.name: e.definition for e in remaining}, existing)
        if not rejected:
            return remaining
        for entry in remaining:
            if entry.name in rejected:
                reason = f"${entry.name}$: {rejected[entry.name]}"
                skipped.append((entry.line, _on_line(entry.line, reason)))
        remaining = [e for e in remaining if e.name not in rejected]


def _on_line(line: int, reason: str) -> str:
    return tr("line {number}: {reason}").format(number=line, reason=reason)


def export_macros(catalog: Catalog, path: Path) -> int:
    """Write every macro of the catalog to ``path``; returns how many."""
    macros = catalog.macros()
    write_macro_file(path, macros)
    return len(macros)
