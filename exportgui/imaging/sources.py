"""Layer sources (spec §11.4): how a ``src=`` name finds an image of the catalog.

The engine does not know catalogs. Whoever has one passes a
:class:`SourceLookup` to :func:`~exportgui.imaging.parser.parse_request`;
:class:`SourceIndex` is the lookup built from the catalog's asset records, with
the matching rules of §11.4 (handle, ``folder/name`` or ``folder/file.ext``,
case-sensitive, only Image assets, ambiguity is an error).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from exportgui.config.i18n import _, ngettext
from exportgui.imaging.errors import ErrorCode
from exportgui.imaging.request import LayerImage
from exportgui.imaging.values import ValueProblem

_HANDLE = re.compile(r"a[0-9a-f]{16}")


class SourceLookup(Protocol):
    """Finds the image a ``src=`` value names."""

    def find(self, name: str) -> LayerImage:
        """The image ``name`` names.

        Raises:
            ValueProblem: E_UNKNOWN_SOURCE or E_AMBIGUOUS_SOURCE, with words for people.
        """
        ...


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One catalog asset as the lookup sees it; ``path`` is asked for only when it matches."""

    handle: str
    folder: str  # "/"-separated, "" at the root
    name: str  # file name without extension
    file_name: str
    is_image: bool
    kind: str  # the asset type in words, for "is not an image" ("a PDF")
    width: int
    height: int
    mode: str
    path: Callable[[], Path]

    @property
    def shown(self) -> str:
        """``folder/name`` as people know the asset."""
        return f"{self.folder}/{self.name}" if self.folder else self.name


class SourceIndex:
    """A :class:`SourceLookup` over a list of catalog assets (read once, at the first find)."""

    def __init__(self, entries: Callable[[], Iterable[SourceEntry]]) -> None:
        """Keep the callable that lists the assets; it is called at most once."""
        self._list = entries
        self._by_handle: dict[str, SourceEntry] | None = None
        self._by_name: dict[tuple[str, str], list[SourceEntry]] = {}
        self._found: dict[str, LayerImage] = {}

    def _index(self) -> dict[str, SourceEntry]:
        if self._by_handle is None:
            self._by_handle = {}
            for entry in self._list():
                self._by_handle[entry.handle] = entry
                keys = {(entry.folder, entry.name), (entry.folder, entry.file_name)}
                for key in keys:
                    self._by_name.setdefault(key, []).append(entry)
        return self._by_handle

    def names(self) -> list[str]:
        """Every image's ``folder/name``, sorted: what a completer offers."""
        by_handle = self._index()
        return sorted({entry.shown for entry in by_handle.values() if entry.is_image})

    def find(self, name: str) -> LayerImage:
        """The Image asset ``name`` names (§11.4 items 2–5).

        Raises:
            ValueProblem: E_UNKNOWN_SOURCE or E_AMBIGUOUS_SOURCE.
        """
        known = self._found.get(name)
        if known is not None:
            return known
        by_handle = self._index()
        entry = by_handle.get(name) if _HANDLE.fullmatch(name) else None
        if entry is None:
            parts = [part for part in name.split("/") if part]
            folder, last = "/".join(parts[:-1]), parts[-1] if parts else ""
            candidates = self._by_name.get((folder, last), [])
            images = [c for c in candidates if c.is_image]
            if len(images) > 1:
                listed = ", ".join(sorted(c.file_name for c in images))
                raise ValueProblem(
                    ngettext(
                        "{n} image has that name ({listed}); name the file "
                        "with its extension or use its handle",
                        "{n} images have that name ({listed}); name the file "
                        "with its extension or use its handle",
                        len(images),
                    ).format(n=len(images), listed=listed),
                    ErrorCode.E_AMBIGUOUS_SOURCE,
                )
            if not images:
                if candidates:
                    raise ValueProblem(
                        _("{name} is {kind}, not an image").format(
                            name=candidates[0].shown, kind=candidates[0].kind
                        ),
                        ErrorCode.E_UNKNOWN_SOURCE,
                    )
                raise ValueProblem(
                    _(
                        "no image of that name in the catalog (names are folder/name or "
                        "folder/file.ext, letter case counts)"
                    ),
                    ErrorCode.E_UNKNOWN_SOURCE,
                )
            entry = images[0]
        elif not entry.is_image:
            raise ValueProblem(
                _("{name} is {kind}, not an image").format(name=entry.shown, kind=entry.kind),
                ErrorCode.E_UNKNOWN_SOURCE,
            )
        found = LayerImage(
            entry.shown, entry.path(), entry.width, entry.height, entry.mode, entry.handle
        )
        self._found[name] = found
        return found


NO_CATALOG = SourceIndex(list)
"""The lookup when there is no catalog: every name is E_UNKNOWN_SOURCE."""
