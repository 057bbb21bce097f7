"""The Image Serving engine: parse modifiers, resolve outputs, render with Pillow. Qt-free."""

from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ErrorCode, ISError, ISErrors
from exportgui.imaging.formats import FORMATS, FormatInfo, format_info, output_name
from exportgui.imaging.parser import effective_modifier, format_reason, parse_request
from exportgui.imaging.render import RenderCancelled, render, render_preview
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
    "render_preview",
    "resolve",
]
