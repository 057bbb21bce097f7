"""The Image Serving engine: parse modifiers, resolve outputs, render with Pillow.

:func:`parse_request` turns a modifier string and the catalog's macros into
a validated :class:`Request`; :func:`resolve` says what a request will write
for a source of a given size without touching pixels; :func:`render` and
:func:`render_preview` make the pixels (:func:`render_renditions` several
outputs from one decode); :func:`render_original` shows a
source as it is. Every failure is an :class:`ISError` with the code of the
rulebook (``docs/image-serving.md``).
Nothing here knows about catalogs, jobs or Qt.
"""

from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.decode import to_working_mode
from exportgui.imaging.errors import ErrorCode, ISError, ISErrors
from exportgui.imaging.formats import FORMATS, FormatInfo, format_info, output_name
from exportgui.imaging.parser import effective_modifier, format_reason, parse_request
from exportgui.imaging.render import (
    RenderCancelled,
    render,
    render_original,
    render_preview,
    render_renditions,
)
from exportgui.imaging.request import Request
from exportgui.imaging.resolve import ResolvedOutput, resolve

__all__ = [
    "FORMATS",
    "ErrorCode",
    "FormatInfo",
    "ISAttributes",
    "ISError",
    "ISErrors",
    "RenderCancelled",
    "Request",
    "ResolvedOutput",
    "effective_modifier",
    "format_info",
    "format_reason",
    "output_name",
    "parse_request",
    "render",
    "render_original",
    "render_preview",
    "render_renditions",
    "resolve",
    "to_working_mode",
]
