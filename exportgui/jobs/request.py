"""The Image Serving request of a job for one asset, and what reading it needs from the catalog.

The job's ``is_modifier`` and ``macro`` make one modifier string; parsed with
the catalog's macros and the asset's ``$object$`` it is the request the
planner resolves, the runner renders and the preview shows. Engine errors come
back as problems on the job field the user typed them in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from exportgui.catalog import Asset
from exportgui.imaging import ISError, Request, effective_modifier, parse_request
from exportgui.imaging.sources import SourceLookup
from exportgui.imaging.tokens import ParseError
from exportgui.jobs.model import ExportJob, LogType, Problem
from exportgui.jobs.names import split_extension


class CatalogView(Protocol):
    """What validate and plan read from a catalog (a :class:`Catalog` has all of it)."""

    folder: Path

    def get_many(self, handles: Sequence[str]) -> dict[str, Asset]:
        """Assets by handle."""
        ...

    def macros(self) -> dict[str, str]:
        """Macro name → definition."""
        ...

    def attributes(self) -> dict[str, str]:
        """Image Serving attributes, IS text form."""
        ...

    def list_assets(self) -> list[Asset]:
        """Every asset (read only when a request names a layer image)."""
        ...

    def original_path(self, asset: Asset | str) -> Path:
        """The stored original of an asset."""
        ...


def object_name(asset: Asset) -> str:
    """``$object$`` for an asset: its source file name without folder or extension (§4)."""
    return file_object_name(asset.file_name or asset.name) or asset.name


def file_object_name(file_name: str) -> str:
    """``$object$`` for a file name: without its folder (either slash) or extension (§4)."""
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    return split_extension(base)[0]


def parse_job_request(
    job: ExportJob,
    macros: dict[str, str],
    object_name: str | None,
    sources: SourceLookup | None = None,
) -> tuple[Request | None, list[Problem]]:
    """Parse the job's effective modifier once; problems carry the field and position to mark.

    ``sources`` resolves ``src=`` names (the job's catalog, :mod:`.layer_sources`).
    """
    modifier = effective_modifier(job.is_modifier, job.macro)
    try:
        return parse_request(modifier, macros, object_name=object_name, sources=sources), []
    except ISError as exc:
        errors = getattr(exc, "errors", (exc,))
        return None, [request_problem(job.macro, modifier, err) for err in errors]


def request_problem(macro: str, modifier: str, err: ISError) -> Problem:
    """An engine error about ``modifier`` (is_modifier + the ``macro`` field) as a field's problem.

    The error's own position, or for a token that came out of a macro the
    position of the outermost ``$name$`` the user typed, decides the field.
    """
    macro_text = macro.strip()
    macro_start = macro.find(macro_text) if macro_text else 0
    # effective_modifier puts the macro invocation last; everything before it is is_modifier.
    invocation_start = len(modifier) - len(f"${macro_text.strip('$')}$") if macro_text else None
    call_token: str | None = getattr(err, "call_token", None)
    call_position: int | None = getattr(err, "call_position", None)
    if err.origin == "modifier":
        at = err.position
    elif getattr(err, "call_origin", None) == "modifier":
        at = call_position
    else:
        at = None
    if invocation_start is not None and at is not None and at >= invocation_start:
        # The engine counts positions in the combined string; the macro field starts at 0.
        message = err.in_macro_field() if isinstance(err, ParseError) else err.message
        return Problem(LogType.ERROR, "macro", message, macro_start, len(macro_text))
    if err.origin == "modifier":
        length = len(err.token) if err.token else 0
        return Problem(LogType.ERROR, "is_modifier", err.message, err.position, length)
    if at is not None and call_token is not None:  # inside a macro the modifier calls
        return Problem(LogType.ERROR, "is_modifier", err.message, at, len(call_token))
    # The error is inside a macro definition: mark the macro field if the job's macro is it.
    inner = err.origin.removeprefix("macro").strip().strip("$").lower()
    if macro_text and macro_text.strip("$").lower() == inner:
        return Problem(LogType.ERROR, "macro", err.message, macro_start, len(macro_text))
    return Problem(LogType.ERROR, "is_modifier", err.message)
