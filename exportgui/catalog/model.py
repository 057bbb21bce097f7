"""Asset types in the IPS vocabulary, and what ExportJob may export."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
        return _PLURAL_LABELS[self]

    @property
    def one(self) -> str:
        """One asset of this type in words, for a sentence: "an SVG file", "a Spin Set"."""
        return _ONE[self]

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
    AssetType.IMAGE: "Images",
    AssetType.VIDEO: "Videos",
    AssetType.AUDIO: "Audio files",
    AssetType.PDF: "PDFs",
    AssetType.FONT: "Fonts",
    AssetType.ICC_PROFILE: "ICC profiles",
    AssetType.SVG: "SVG files",
    AssetType.OTHER: "Other files",
    AssetType.IMAGE_SET: "Image Sets",
    AssetType.RENDER_SET: "Render Sets",
    AssetType.SPIN_SET: "Spin Sets",
    AssetType.MEDIA_SET: "Media Sets",
    AssetType.ADAPTIVE_VIDEO_SET: "multi-bitrate (adaptive video) sets",
    AssetType.VIDEO_SET: "Video Sets",
    AssetType.ECATALOG: "eCatalogs",
    AssetType.OFFER_SET: "Offer Sets",
}


_ONE = {
    AssetType.IMAGE: "an image",
    AssetType.VIDEO: "a video",
    AssetType.AUDIO: "an audio file",
    AssetType.PDF: "a PDF",
    AssetType.FONT: "a font",
    AssetType.ICC_PROFILE: "an ICC profile",
    AssetType.SVG: "an SVG file",
    AssetType.OTHER: "a file of another type",
    AssetType.IMAGE_SET: "an Image Set",
    AssetType.RENDER_SET: "a Render Set",
    AssetType.SPIN_SET: "a Spin Set",
    AssetType.MEDIA_SET: "a Media Set",
    AssetType.ADAPTIVE_VIDEO_SET: "a multi-bitrate (adaptive video) set",
    AssetType.VIDEO_SET: "a Video Set",
    AssetType.ECATALOG: "an eCatalog",
    AssetType.OFFER_SET: "an Offer Set",
}


def export_block_reason(asset_type: AssetType) -> str | None:
    """Why ExportJob refuses this type, or None if it may be exported."""
    if asset_type in SET_TYPES:
        return f"ExportJob does not export {asset_type.label}"
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
