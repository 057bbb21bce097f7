"""Words and numbers as a designer reads them: sizes, counts, durations, type names."""

from __future__ import annotations

from exportgui.catalog import AssetType
from exportgui.gui.widgets.i18n import QT_TR_NOOP, number, tr
from exportgui.jobs.model import Fmt, Problem, Rendition

__all__ = [
    "duration",
    "human_bytes",
    "pixel_size",
    "problem_text",
    "rendition_format",
    "state_word",
    "type_label",
    "type_plural",
]

_TYPE_LABELS = {
    AssetType.IMAGE: QT_TR_NOOP("Image"),
    AssetType.VIDEO: QT_TR_NOOP("Video"),
    AssetType.AUDIO: QT_TR_NOOP("Audio"),
    AssetType.PDF: "PDF",
    AssetType.FONT: QT_TR_NOOP("Font"),
    AssetType.ICC_PROFILE: QT_TR_NOOP("ICC profile"),
    AssetType.SVG: "SVG",
    AssetType.OTHER: QT_TR_NOOP("Other"),
    AssetType.IMAGE_SET: QT_TR_NOOP("Image Set"),
    AssetType.RENDER_SET: QT_TR_NOOP("Render Set"),
    AssetType.SPIN_SET: QT_TR_NOOP("Spin Set"),
    AssetType.MEDIA_SET: QT_TR_NOOP("Media Set"),
    AssetType.ADAPTIVE_VIDEO_SET: QT_TR_NOOP("Multi-bitrate Set"),
    AssetType.VIDEO_SET: QT_TR_NOOP("Video Set"),
    AssetType.ECATALOG: "eCatalog",
    AssetType.OFFER_SET: QT_TR_NOOP("Offer Set"),
}


_STATE_WORDS = {
    "completed": QT_TR_NOOP("Finished"),
    "cancelled": QT_TR_NOOP("Cancelled"),
    "failed": QT_TR_NOOP("Failed"),
    "interrupted": QT_TR_NOOP("Interrupted"),
    "running": QT_TR_NOOP("Running"),
}


def state_word(state: str) -> str:
    """A job log's state as the window says it: ``completed`` → ``Finished``."""
    word = _STATE_WORDS.get(state)
    return tr(word) if word else state.capitalize()


_PLURAL_LABELS = (  # AssetType.label's words, for the translations
    QT_TR_NOOP("Images"),
    QT_TR_NOOP("Videos"),
    QT_TR_NOOP("Audio files"),
    QT_TR_NOOP("PDFs"),
    QT_TR_NOOP("Fonts"),
    QT_TR_NOOP("ICC profiles"),
    QT_TR_NOOP("SVG files"),
    QT_TR_NOOP("Other files"),
    QT_TR_NOOP("Image Sets"),
    QT_TR_NOOP("Render Sets"),
    QT_TR_NOOP("Spin Sets"),
    QT_TR_NOOP("Media Sets"),
    QT_TR_NOOP("multi-bitrate (adaptive video) sets"),
    QT_TR_NOOP("Video Sets"),
    QT_TR_NOOP("eCatalogs"),
    QT_TR_NOOP("Offer Sets"),
)


def type_plural(asset_type: AssetType) -> str:
    """Plural words for an asset type in the window's language, e.g. "Spin Sets"."""
    return tr(asset_type.label)


def type_label(asset_type: AssetType) -> str:
    """Singular words for an asset type, e.g. "Spin Set"."""
    label = _TYPE_LABELS.get(asset_type)
    return tr(label) if label else asset_type.value


def type_labels() -> list[str]:
    """Every type's words, e.g. to size a column that shows them."""
    return [tr(label) for label in _TYPE_LABELS.values()]


def human_bytes(count: int) -> str:
    """``1536`` → ``"1.5 KB"`` (decimal units as file managers show them, in the locale)."""
    if count < 1000:
        return f"{number(count)} B"
    value = float(count)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            return f"{number(value, 1)} {unit}" if value < 100 else f"{number(value)} {unit}"
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
        text += " · " + tr("names {template}").format(template=rendition.name_template)
    return text


def problem_text(problem: Problem) -> str:
    """A problem's message, led by its rendition's name when it is one rendition's."""
    return f"{problem.rendition}: {problem.message}" if problem.rendition else problem.message
