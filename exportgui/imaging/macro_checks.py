"""What a macro editor asks the engine: is this name allowed, is this definition valid.

Plain functions over plain data, used by the macro manager and by the
command line's ``macros set``/``macros import``, so both accept the same macros.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from exportgui.config.i18n import _
from exportgui.config.macro_name import MACRO_CALL, MACRO_NAME
from exportgui.imaging.errors import ErrorCode, ISError, ISErrors
from exportgui.imaging.parser import parse_request
from exportgui.imaging.sources import SourceLookup


@dataclass(frozen=True)
class Finding:
    """One problem in a definition, with the span of the definition to underline."""

    message: str
    start: int | None = None
    length: int = 0
    # A whole-request rule (E_BAD_REQUEST, e.g. "fit needs wid or hei") that the
    # request using the macro may well satisfy: shown, but it does not block saving.
    warning: bool = False


@dataclass(frozen=True)
class DefinitionCheck:
    """The engine's verdict on one definition."""

    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the definition may be saved (warnings allowed)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that block saving."""
        return tuple(f for f in self.findings if not f.warning)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings that are shown but do not block saving."""
        return tuple(f for f in self.findings if f.warning)

    @property
    def message(self) -> str:
        """All messages, one per line ("" when valid)."""
        return "\n".join(f.message for f in self.findings)


def check_name(name: str, original: str | None, existing: Mapping[str, str]) -> str | None:
    """Why ``name`` cannot be used for the macro being edited, or None.

    ``original`` is the stored name of the macro being edited (None for a new
    one); it may keep its own name in any letter case.
    """
    if not name:
        return _("Give the macro a name.")
    if name.startswith("$") or name.endswith("$"):
        return _("Type the name without $ signs: they are added where the macro is used.")
    if not MACRO_NAME.fullmatch(name):
        bad = sorted({c for c in name if not MACRO_NAME.fullmatch(c)})
        shown = " ".join(repr(c) for c in bad)
        return _(
            "A macro name may only use letters, digits, '.', '_' and '-' (not {shown})."
        ).format(shown=shown)
    folded = name.casefold()
    own = original.casefold() if original is not None else None
    for other in existing:
        if other.casefold() == folded and other.casefold() != own:
            return _("There is already a macro ${name}$ (names ignore letter case).").format(
                name=other
            )
    return None


def macros_for_check(
    name: str, definition: str, original: str | None, existing: Mapping[str, str]
) -> dict[str, str]:
    """The macro table the definition is checked against: the others plus itself.

    The edited macro is included under its new name so that a definition that
    calls itself, directly or through another macro, is reported as the
    recursion it is rather than as an unknown macro.
    """
    skip = {n.casefold() for n in (original, name) if n}
    table = {n: d for n, d in existing.items() if n.casefold() not in skip}
    if name and MACRO_NAME.fullmatch(name):
        table[name] = definition
    return table


def check_definition(
    definition: str, macros: Mapping[str, str], sources: SourceLookup | None = None
) -> DefinitionCheck:
    """Parse ``definition`` with the engine; every error becomes a finding with its span.

    With ``sources`` (the catalog's images) every ``src=`` name is looked up too.
    """
    if not definition.strip():
        return DefinitionCheck((Finding(_("Type the macro's commands, e.g. wid=1200&fmt=png.")),))
    try:
        parse_request(definition, macros, sources=sources)
    except ISError as exc:
        errors = exc.errors if isinstance(exc, ISErrors) else (exc,)
        return DefinitionCheck(tuple(_finding(definition, e, macros) for e in errors))
    return DefinitionCheck()


def _finding(definition: str, error: ISError, macros: Mapping[str, str]) -> Finding:
    text = error.message  # words only, as the main window's fields show them
    warning = error.code is ErrorCode.E_BAD_REQUEST
    if error.origin in ("modifier", ""):
        if error.position is None:
            return Finding(text, warning=warning)
        length = len(error.token) if error.token else _token_length(definition, error.position)
        return Finding(text, error.position, length, warning)
    # The error lies inside a macro this one calls (perhaps through others):
    # point at the call in this definition that leads to it.
    for match in MACRO_CALL.finditer(definition):
        try:
            parse_request(match.group(0), macros)
        except ISError:
            return Finding(text, match.start(), len(match.group(0)), warning)
    return Finding(text, warning=warning)


def _token_length(definition: str, position: int) -> int:
    """Length of the ``&``-separated token starting at ``position``."""
    end = definition.find("&", position)
    return (len(definition) if end < 0 else end) - position


@dataclass
class Dependents:
    """Macros that would stop working after a change, with the engine's reason."""

    broken: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        """One line per broken macro."""
        return "\n".join(f"${name}$: {why}" for name, why in sorted(self.broken.items()))


def broken_by_change(before: Mapping[str, str], after: Mapping[str, str]) -> Dependents:
    """Macros valid in ``before`` that the engine rejects in ``after`` (renamed or deleted)."""
    result = Dependents()
    for name, definition in after.items():
        if before.get(name) != definition:
            continue  # the edited macro itself is checked by the editor
        if not check_definition(definition, before).ok:
            continue  # already broken: not this change's fault
        verdict = check_definition(definition, after)
        if not verdict.ok:
            result.broken[name] = verdict.errors[0].message
    return result


def definition_problems(macros: Mapping[str, str]) -> dict[str, str]:
    """Every stored macro the engine rejects, name → first message (for the list)."""
    problems: dict[str, str] = {}
    for name, definition in macros.items():
        verdict = check_definition(definition, macros)
        if not verdict.ok:
            problems[name] = verdict.errors[0].message
    return problems


def rejected_definitions(
    incoming: Mapping[str, str], existing: Mapping[str, str]
) -> dict[str, str]:
    """The incoming macros the engine rejects once stored over ``existing``, name → message.

    An incoming name replaces an existing one in any letter case; macros
    already stored are checked only as what the incoming ones call.
    """
    folded = {name.casefold() for name in incoming}
    table = {n: d for n, d in existing.items() if n.casefold() not in folded}
    table.update(incoming)
    problems = {}
    for name, definition in incoming.items():
        verdict = check_definition(definition, table)
        if not verdict.ok:
            problems[name] = verdict.errors[0].message
    return problems
