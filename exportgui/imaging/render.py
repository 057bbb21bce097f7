"""The pixel pipeline of spec §5 on Pillow, and encoding (§6.6, §7).

CONTRACT:
    render(source, request, attrs, target, *, cancel=None) -> ResolvedOutput
        Decode ``source`` (a path), run the pipeline, encode to ``target``
        (a path the caller chose; the job runner handles temporary names).
        Raises ISError only: E_SOURCE for an unreadable source, the resolver's
        errors before any pixel work, E_JPEGSIZE, E_TOO_LARGE. On error
        nothing is left at ``target``. ``cancel`` (threading.Event) is checked
        between the expensive steps; a cancelled render raises RenderCancelled.
    render_preview(source, request, attrs, box) -> tuple[PIL.Image.Image, ResolvedOutput]
        The final pixels (after output conversion), scaled to fit ``box``
        (w, h) for display; cheap (shrink-on-load).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PIL import Image

from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.request import Request
from exportgui.imaging.resolve import ResolvedOutput


class RenderCancelled(Exception):
    """The cancel flag was set during a render; nothing was written."""


def render(
    source: Path,
    request: Request,
    attrs: ISAttributes,
    target: Path,
    *,
    cancel: threading.Event | None = None,
) -> ResolvedOutput:
    """Render ``source`` through ``request`` into the file ``target``."""
    raise NotImplementedError


def render_preview(
    source: Path, request: Request, attrs: ISAttributes, box: tuple[int, int]
) -> tuple[Image.Image, ResolvedOutput]:
    """Render for on-screen preview, scaled to fit ``box``."""
    raise NotImplementedError
