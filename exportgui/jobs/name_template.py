"""Naming templates: ``{preset}/{name}_{wid}x{hei}.{ext}`` read, checked and filled in.

A template is literal text, ``/`` between folders, and tokens in braces
(``{{`` and ``}}`` stand for a brace). :func:`parse_template` reads it once and
raises :class:`TemplateError` with the exact position of the first mistake;
:meth:`NameTemplate.expand` fills it in for one output and returns the relative
path as safe components. Only the ``/`` the template itself holds, and the
catalog folder of ``{folder}``, make folders; every other value becomes part
of one name and is made safe like any output name (``names.safe_component``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from exportgui.config.i18n import _
from exportgui.jobs.names import UNSAFE_CHARACTER, safe_component, safe_folder

TOKENS = ("name", "ext", "folder", "preset", "wid", "hei", "fmt", "handle", "seq", "date")
DEFAULT_DATE = "%Y-%m-%d"
_NUMBERS = frozenset({"seq", "wid", "hei"})
_MAX_WIDTH = 12
# strftime directives that mean the same on every platform (C89 plus the ISO week ones)
_DATE_DIRECTIVE = re.compile(r"%(.?)", re.DOTALL)
_DATE_LETTERS = frozenset("aAbBdHIjmMpSUwWyYGuVz%")
# literal text, an escaped brace, a token, or a brace that is out of place
_PIECE = re.compile(r"(?P<open>\{\{)|(?P<close>\}\})|\{(?P<field>[^{}]*)\}|(?P<stray>[{}])")


class TemplateError(ValueError):
    """A template that cannot be used; ``position`` (from 0) and ``length`` mark the mistake."""

    def __init__(self, message: str, position: int, length: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.length = max(length, 1)


@dataclass(frozen=True)
class _Token:
    name: str
    spec: str


@dataclass(frozen=True)
class NameFields:
    """What the tokens of one output stand for."""

    name: str  # asset name without its extension
    ext: str  # the output's extension without the dot ("" when it has none)
    folder: str  # the asset's catalog folder, "a/b"
    preset: str
    wid: int | None
    hei: int | None
    fmt: str
    handle: str
    seq: int
    date: datetime


# One path segment: literal strings and tokens, in order.
_Segment = tuple[str | _Token, ...]


@dataclass(frozen=True)
class NameTemplate:
    """A parsed template: its segments, separated by the template's own ``/``."""

    text: str
    segments: tuple[_Segment, ...]

    @property
    def tokens(self) -> frozenset[str]:
        """The token names the template uses."""
        return frozenset(p.name for s in self.segments for p in s if isinstance(p, _Token))

    def expand(self, fields: NameFields) -> tuple[str, ...]:
        """The output's relative path as safe components; ValueError if its file name is empty.

        A folder segment that comes out empty (``{folder}`` of an asset at the
        catalog's top, ``{preset}`` of a job without one) is left out.
        """
        parts: list[str] = []
        last = len(self.segments) - 1
        for index, segment in enumerate(self.segments):
            if len(segment) == 1 and isinstance(segment[0], _Token) and segment[0].name == "folder":
                parts.extend(safe_folder(fields.folder))  # a segment of its own keeps the tree
                continue
            text = "".join(p if isinstance(p, str) else _value(p, fields) for p in segment)
            if not text.strip(" ."):
                if index == last:
                    raise ValueError(_empty_name(self.text))
                continue
            parts.append(safe_component(text, fallback="_"))
        if not parts:  # only {folder}, of an asset at the catalog's top
            raise ValueError(_empty_name(self.text))
        return tuple(parts)


def _empty_name(text: str) -> str:
    return _("the name template {template!r} gives an empty file name").format(template=text)


def _value(token: _Token, fields: NameFields) -> str:
    if token.name == "date":
        return fields.date.strftime(token.spec or DEFAULT_DATE)
    if token.name == "folder":  # inside a longer segment the tree becomes one name
        return "_".join(safe_folder(fields.folder))
    value = getattr(fields, token.name)
    if token.name in _NUMBERS:
        if value is None:
            return ""
        return f"{value:0{token.spec}d}" if token.spec else str(value)
    return str(value)


def parse_template(text: str) -> NameTemplate:
    """Read a template; TemplateError names the first mistake and where it is.

    Refused: an unknown token, an unbalanced brace, a format a token does not
    take, a character no file system accepts, and any path that could leave
    the destination or name nothing (a leading ``/``, ``..``, an empty folder).
    """
    if not text.strip():
        raise TemplateError(_("the name template is empty"), 0, len(text))
    segments: list[list[str | _Token]] = [[]]
    starts = [0]
    at = 0
    for match in _PIECE.finditer(text):
        _literal(text, at, match.start(), segments, starts)
        at = match.end()
        if match["open"] or match["close"]:
            segments[-1].append(match[0][0])
        elif match["stray"]:
            _stray(text, match.start())
        else:
            segments[-1].append(_token(match["field"], match.start(), len(match[0])))
    _literal(text, at, len(text), segments, starts)
    for segment, start in zip(segments, starts, strict=True):
        _check_segment(text, segment, start)
    return NameTemplate(text, tuple(tuple(s) for s in segments))


def _literal(
    text: str, start: int, end: int, segments: list[list[str | _Token]], starts: list[int]
) -> None:
    """Add the literal text[start:end], a new segment after each ``/``."""
    for offset in range(start, end):
        char = text[offset]
        if char == "/":
            if offset == 0:
                raise TemplateError(
                    _(
                        "'/' at position {n}: the name template is a path inside the "
                        "destination, so it cannot start with '/'"
                    ).format(n=1),
                    0,
                )
            segments.append([])
            starts.append(offset + 1)
            continue
        if char == "\\":
            raise TemplateError(
                _("'\\' at position {n}: use '/' between folders").format(n=offset + 1), offset
            )
        if UNSAFE_CHARACTER.fullmatch(char):
            raise TemplateError(
                _("{char!r} at position {n} is not allowed in file names").format(
                    char=char, n=offset + 1
                ),
                offset,
            )
        segment = segments[-1]
        if segment and isinstance(segment[-1], str):
            segment[-1] += char
        else:
            segment.append(char)


def _stray(text: str, offset: int) -> None:
    if text[offset] == "}":
        raise TemplateError(
            _("'}}' at position {n} closes no token (write '}}}}' for a brace)").format(
                n=offset + 1
            ),
            offset,
        )
    raise TemplateError(
        _(
            "'{{' at position {n} opens a token that is never closed (write '{{{{' for a brace)"
        ).format(n=offset + 1),
        offset,
    )


def _token(field: str, offset: int, length: int) -> _Token:
    name, colon, spec = field.partition(":")
    where = _("at position {n}").format(n=offset + 1)
    if name not in TOKENS:
        shown = "{}" if not field else f"{{{name}}}"
        raise TemplateError(
            _("unknown token {token} {where} (tokens: {tokens})").format(
                token=shown, where=where, tokens=", ".join(TOKENS)
            ),
            offset,
            length,
        )
    if not colon:
        return _Token(name, "")
    if name in _NUMBERS:
        if not re.fullmatch(r"0?\d{1,2}", spec) or int(spec) > _MAX_WIDTH:
            raise TemplateError(
                _(
                    "{token} {where}: the format of {name} is a number of digits up to "
                    "{most}, e.g. {example}"
                ).format(
                    token=f"{{{field}}}",
                    where=where,
                    name=f"{{{name}}}",
                    most=_MAX_WIDTH,
                    example=f"{{{name}:04}}",
                ),
                offset,
                length,
            )
        return _Token(name, f"0{int(spec)}" if int(spec) else "")
    if name == "date":
        _check_date(spec, field, where, offset, length)
        return _Token(name, spec)
    raise TemplateError(
        _("{token} {where}: {name} takes no format").format(
            token=f"{{{field}}}", where=where, name=f"{{{name}}}"
        ),
        offset,
        length,
    )


def _check_date(spec: str, field: str, where: str, offset: int, length: int) -> None:
    if not spec:
        raise TemplateError(
            _("{token} {where}: give a date pattern after ':', e.g. {example}").format(
                token=f"{{{field}}}", where=where, example="{date:%Y%m%d}"
            ),
            offset,
            length,
        )
    if "/" in spec or "\\" in spec:
        raise TemplateError(
            _(
                "{token} {where}: a date pattern cannot make folders; "
                "put the '/' outside the token, e.g. {example}"
            ).format(token=f"{{{field}}}", where=where, example="{date:%Y}/{date:%m}"),
            offset,
            length,
        )
    for directive in _DATE_DIRECTIVE.finditer(spec):
        if directive[1] not in _DATE_LETTERS:
            raise TemplateError(
                _("{token} {where}: unknown date code {code!r} (use {codes})").format(
                    token=f"{{{field}}}",
                    where=where,
                    code=directive[0],
                    codes="%Y %m %d %H %M %S %j %a %b …",
                ),
                offset,
                length,
            )
    if UNSAFE_CHARACTER.search(spec):
        raise TemplateError(
            _(
                "{token} {where}: the date pattern holds a character not allowed in file names"
            ).format(token=f"{{{field}}}", where=where),
            offset,
            length,
        )


def _check_segment(text: str, segment: list[str | _Token], start: int) -> None:
    if not segment:
        at = start - 1 if start == len(text) else start  # the '/' that ends nothing
        if start == len(text):
            message = _("'/' at position {n}: the name template ends with '/'")
        else:
            message = _("'/' at position {n}: the name template has an empty folder name ('//')")
        raise TemplateError(message.format(n=at + 1), at)
    if all(isinstance(p, str) for p in segment):
        literal = "".join(p for p in segment if isinstance(p, str))
        if literal.strip() in {".", ".."}:
            raise TemplateError(
                _(
                    "{part!r} at position {n} would leave the destination folder; "
                    "name a folder inside it"
                ).format(part=literal.strip(), n=start + 1),
                start,
                len(literal),
            )
