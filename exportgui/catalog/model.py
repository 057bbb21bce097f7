"""Asset types in the IPS vocabulary (in the current language), and what ExportJob exports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exportgui.config.i18n import N_, _


class AssetType(StrEnum):
    """IPS asset types. File types are sniffed from content; set types are made of members."""

    IMAGE = "Image"
    VIDEO = "Video"
    AUDIO = "Audio"
    PDF = "Pdf"
    FONT = "Font"
    ICC_PROFILE = "IccProfile"
    SVG = "Svg"
    OTHER = "Other"
    IMAGE_SET = "ImageSet"
    RENDER_SET = "RenderSet"
    SPIN_SET = "SpinSet"
    MEDIA_SET = "MediaSet"
    ADAPTIVE_VIDEO_SET = "AdaptiveVideoSet"
    VIDEO_SET = "VideoSet"
    ECATALOG = "ECatalog"
    OFFER_SET = "OfferSet"

    @property
    def is_set(self) -> bool:
        """True for the set types (assets made of member assets)."""
        return self in SET_TYPES

    @property
    def label(self) -> str:
        """Plural words a designer reads, e.g. "Spin Sets"."""
        return _(_PLURAL_LABELS[self])

    @property
    def one(self) -> str:
        """One asset of this type in words, for a sentence: "an SVG file", "a Spin Set"."""
        return _(_ONE[self])

    @classmethod
    def parse(cls, text: str) -> AssetType:
        """Accept the IPS spelling in any letter case, e.g. ``spinset``."""
        folded = text.replace(" ", "").replace("-", "").replace("_", "").lower()
        for member in cls:
            if member.value.lower() == folded:
                return member
        if folded in {"multibitrateset", "multibitratevideoset"}:
            return cls.ADAPTIVE_VIDEO_SET
        raise ValueError(f"unknown asset type {text!r}")


SET_TYPES = frozenset(
    {
        AssetType.IMAGE_SET,
        AssetType.RENDER_SET,
        AssetType.SPIN_SET,
        AssetType.MEDIA_SET,
        AssetType.ADAPTIVE_VIDEO_SET,
        AssetType.VIDEO_SET,
        AssetType.ECATALOG,
        AssetType.OFFER_SET,
    }
)

_PLURAL_LABELS = {
    AssetType.IMAGE: N_("Images"),
    AssetType.VIDEO: N_("Videos"),
    AssetType.AUDIO: N_("Audio files"),
    AssetType.PDF: N_("PDFs"),
    AssetType.FONT: N_("Fonts"),
    AssetType.ICC_PROFILE: N_("ICC profiles"),
    AssetType.SVG: N_("SVG files"),
    AssetType.OTHER: N_("Other files"),
    AssetType.IMAGE_SET: N_("Image Sets"),
    AssetType.RENDER_SET: N_("Render Sets"),
    AssetType.SPIN_SET: N_("Spin Sets"),
    AssetType.MEDIA_SET: N_("Media Sets"),
    AssetType.ADAPTIVE_VIDEO_SET: N_("multi-bitrate (adaptive video) sets"),
    AssetType.VIDEO_SET: N_("Video Sets"),
    AssetType.ECATALOG: N_("eCatalogs"),
    AssetType.OFFER_SET: N_("Offer Sets"),
}


_ONE = {
    AssetType.IMAGE: N_("an image"),
    AssetType.VIDEO: N_("a video"),
    AssetType.AUDIO: N_("an audio file"),
    AssetType.PDF: N_("a PDF"),
    AssetType.FONT: N_("a font"),
    AssetType.ICC_PROFILE: N_("an ICC profile"),
    AssetType.SVG: N_("an SVG file"),
    AssetType.OTHER: N_("a file of another type"),
    AssetType.IMAGE_SET: N_("an Image Set"),
    AssetType.RENDER_SET: N_("a Render Set"),
    AssetType.SPIN_SET: N_("a Spin Set"),
    AssetType.MEDIA_SET: N_("a Media Set"),
    AssetType.ADAPTIVE_VIDEO_SET: N_("a multi-bitrate (adaptive video) set"),
    AssetType.VIDEO_SET: N_("a Video Set"),
    AssetType.ECATALOG: N_("an eCatalog"),
    AssetType.OFFER_SET: N_("an Offer Set"),
}


def export_block_reason(asset_type: AssetType) -> str | None:
    """Why ExportJob refuses this type, or None if it may be exported."""
    if asset_type in SET_TYPES:
        return _("ExportJob does not export {types}").format(types=asset_type.label)
    return None


@dataclass(frozen=True, slots=True)
class Asset:
    """One catalog entry: an uploaded file, or a set of other assets."""

    handle: str
    name: str  # file name without extension (sets: the set's name)
    file_name: str  # original file name with extension ("" for sets)
    folder: str  # virtual folder path, "/"-separated, "" at the root
    type: AssetType
    bytes: int
    sha256: str | None  # None for sets
    width: int | None
    height: int | None
    mode: str | None  # Pillow mode for images, e.g. "RGB", "CMYK", "I;16"
    imported_at: str  # ISO 8601 with time zone
    members: tuple[str, ...] = ()  # member handles, for sets

    @property
    def exportable(self) -> bool:
        """Whether ExportJob may export this asset."""
        return self.type not in SET_TYPES

    @property
    def block_reason(self) -> str | None:
        """Why ExportJob refuses it, or None."""
        return export_block_reason(self.type)

    @property
    def is_raster(self) -> bool:
        """True when ``fmt=convert`` can render it."""
        return self.type is AssetType.IMAGE
