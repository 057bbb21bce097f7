"""Validation of what users name and type: folders, set names, macros, attributes.

Every check raises :class:`CatalogError` with a message that names the bad
value and says what is expected.
"""

from __future__ import annotations

import re

from exportgui.catalog.errors import CatalogError
from exportgui.catalog.model import SET_TYPES, AssetType
from exportgui.config.macro_name import MACRO_NAME

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MAX_NAME = 255
_MAX_DEFINITION = 8192

DEFAULT_ATTRIBUTES: dict[str, str] = {
    "MaxPix": "3000,3000",
    "DefaultPix": "1280,1280",
    "JpegQuality": "80,0",
    "ResMode": "sharp2",
    "BkgColor": "255,255,255",
}
# Stored when set, never filled in by default: the engine knows its own default.
OPTIONAL_ATTRIBUTES = ("MaxRenderPixels",)
RES_MODES = ("bilin", "bicub", "sharp2", "sharp", "bisharp")


def normalize_folder(folder: str) -> str:
    """A virtual folder path: ``/``-separated segments, no empty, ``.`` or ``..`` parts.

    Backslashes count as separators so that a Windows-style path works too.
    """
    parts = [part.strip() for part in folder.replace("\\", "/").split("/")]
    parts = [part for part in parts if part]
    for part in parts:
        if part in (".", ".."):
            raise CatalogError(f"folder {folder!r}: '.' and '..' are not allowed as folder names")
        if _CONTROL.search(part):
            raise CatalogError(f"folder {folder!r} contains a control character")
        if len(part) > _MAX_NAME:
            raise CatalogError(f"folder {folder!r}: a folder name is longer than 255 characters")
    return "/".join(parts)


def join_folder(*parts: str) -> str:
    """Join folder paths, skipping empty ones."""
    return "/".join(part for part in parts if part)


def check_set_name(name: str) -> str:
    """A set's name: 1–255 characters, no slash, backslash or control character."""
    cleaned = name.strip()
    if not cleaned:
        raise CatalogError("a set needs a name")
    if len(cleaned) > _MAX_NAME:
        raise CatalogError(f"the set name {cleaned[:40]!r}… is longer than 255 characters")
    if "/" in cleaned or "\\" in cleaned or _CONTROL.search(cleaned):
        raise CatalogError(
            f"the set name {cleaned!r} may not contain '/', '\\' or control characters"
        )
    return cleaned


def check_macro_name(name: str) -> str:
    """A macro name: letters, digits, ``.``, ``_`` and ``-`` only (``$`` around it is dropped)."""
    cleaned = name.strip()
    if len(cleaned) > 2 and cleaned.startswith("$") and cleaned.endswith("$"):
        cleaned = cleaned[1:-1]
    if not MACRO_NAME.fullmatch(cleaned):
        raise CatalogError(f"bad macro name {name!r}: use letters, digits, '.', '_' and '-' only")
    if len(cleaned) > _MAX_NAME:
        raise CatalogError(f"the macro name {cleaned[:40]!r}… is longer than 255 characters")
    return cleaned


def check_macro_definition(name: str, definition: str) -> str:
    """A definition: non-empty modifier text on one line (the macro file is tab-separated)."""
    cleaned = definition.strip()
    if not cleaned:
        raise CatalogError(f"macro {name!r} has an empty definition")
    if _CONTROL.search(cleaned):
        raise CatalogError(
            f"macro {name!r}: the definition may not contain tabs, line breaks "
            "or other control characters"
        )
    if len(cleaned) > _MAX_DEFINITION:
        raise CatalogError(f"macro {name!r}: the definition is longer than 8192 characters")
    return cleaned


def check_attribute(name: str, value: str) -> tuple[str, str]:
    """Canonical attribute name and value, after a shape check.

    The imaging engine parses the values for real (``ISAttributes.from_strings``);
    this only keeps obvious garbage out of the catalog.
    """
    known = {key.lower(): key for key in (*DEFAULT_ATTRIBUTES, *OPTIONAL_ATTRIBUTES)}
    canonical = known.get(name.strip().lower())
    if canonical is None:
        raise CatalogError(
            f"unknown Image Serving attribute {name!r}; known: {', '.join(known.values())}"
        )
    text = value.strip()
    problem = _ATTRIBUTE_CHECKS[canonical](text)
    if problem:
        raise CatalogError(f"attribute {canonical}={value!r}: {problem}")
    return canonical, text


def _ints(text: str) -> list[int] | None:
    try:
        return [int(part.strip()) for part in text.split(",")]
    except ValueError:
        return None


def _pair(text: str) -> str | None:
    numbers = _ints(text)
    if numbers is None or len(numbers) != 2 or min(numbers) < 0:
        return "expected 'width,height' (whole numbers, 0 for unlimited)"
    return None


def _quality(text: str) -> str | None:
    numbers = _ints(text)
    if numbers is None or not 1 <= len(numbers) <= 2 or not 1 <= numbers[0] <= 100:
        return "expected 'quality[,chroma]' with quality 1–100"
    if len(numbers) == 2 and numbers[1] not in (0, 1):
        return "the chroma flag must be 0 or 1"
    return None


def _res_mode(text: str) -> str | None:
    if text.lower() not in RES_MODES:
        return f"expected one of {', '.join(RES_MODES)}"
    return None


def _color(text: str) -> str | None:
    if re.fullmatch(r"[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?", text):
        return None
    numbers = _ints(text)
    if numbers is None or len(numbers) != 3 or not all(0 <= n <= 255 for n in numbers):
        return "expected 'r,g,b' with each 0–255, or RRGGBB"
    return None


def _positive(text: str) -> str | None:
    numbers = _ints(text)
    if numbers is None or len(numbers) != 1 or numbers[0] <= 0:
        return "expected a whole number above 0"
    return None


_ATTRIBUTE_CHECKS = {
    "MaxPix": _pair,
    "DefaultPix": _pair,
    "JpegQuality": _quality,
    "ResMode": _res_mode,
    "BkgColor": _color,
    "MaxRenderPixels": _positive,
}


def check_set_type(asset_type: AssetType | str) -> AssetType:
    """The set type named (any IPS spelling); file types and unknown names are refused."""
    try:
        kind: AssetType | None = AssetType.parse(str(asset_type))
    except ValueError:
        kind = None
    if kind is None or kind not in SET_TYPES:
        names = ", ".join(sorted(t.value for t in SET_TYPES))
        raise CatalogError(f"{asset_type!s} is not a set type; set types are {names}")
    return kind
