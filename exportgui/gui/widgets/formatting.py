"""Words and numbers as a designer reads them: sizes, counts, durations, type names."""

from __future__ import annotations

from exportgui.catalog import AssetType
from exportgui.config.words import count
from exportgui.jobs.model import Fmt, Problem, Rendition

__all__ = [
    "count",
    "duration",
    "human_bytes",
    "pixel_size",
    "problem_text",
    "rendition_format",
    "type_label",
]

_TYPE_LABELS = {
    AssetType.IMAGE: "Image",
    AssetType.VIDEO: "Video",
    AssetType.AUDIO: "Audio",
    AssetType.PDF: "PDF",
    AssetType.FONT: "Font",
    AssetType.ICC_PROFILE: "ICC profile",
    AssetType.SVG: "SVG",
    AssetType.OTHER: "Other",
    AssetType.IMAGE_SET: "Image Set",
    AssetType.RENDER_SET: "Render Set",
    AssetType.SPIN_SET: "Spin Set",
    AssetType.MEDIA_SET: "Media Set",
    AssetType.ADAPTIVE_VIDEO_SET: "Multi-bitrate Set",
    AssetType.VIDEO_SET: "Video Set",
    AssetType.ECATALOG: "eCatalog",
    AssetType.OFFER_SET: "Offer Set",
}


def type_label(asset_type: AssetType) -> str:
    """Singular words for an asset type, e.g. "Spin Set"."""
    return _TYPE_LABELS.get(asset_type, asset_type.value)


def type_labels() -> list[str]:
    """Every type's words, e.g. to size a column that shows them."""
    return list(_TYPE_LABELS.values())


def human_bytes(count: int) -> str:
    """``1536`` → ``"1.5 KB"`` (decimal units, as file managers show them)."""
    if count < 1000:
        return f"{count} B"
    value = float(count)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    raise AssertionError("unreachable")  # pragma: no cover


def pixel_size(width: int | None, height: int | None) -> str:
    """``1280×853``, or an empty string when the size is unknown."""
    if not width or not height:
        return ""
    return f"{width}×{height}"


def duration(seconds: float) -> str:
    """``75`` → ``"1 min 15 s"``; short and without false precision."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def rendition_format(rendition: Rendition) -> str:
    """``orig``, or ``convert`` with what it converts with; then its file names when it names them.

    ``convert &wid=800&fmt=webp $web$ · names {name}_{wid}.{ext}``
    """
    text = "orig"
    if Fmt.parse(rendition.fmt) is Fmt.CONVERT:
        macro = rendition.macro.strip().strip("$")
        parts = [p for p in (rendition.is_modifier, macro and f"${macro}$") if p]
        text = " ".join(["convert", *parts])
    if rendition.name_template:
        text += f" · names {rendition.name_template}"
    return text


def problem_text(problem: Problem) -> str:
    """A problem's message, led by its rendition's name when it is one rendition's."""
    return f"{problem.rendition}: {problem.message}" if problem.rendition else problem.message
