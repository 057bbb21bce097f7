"""Output formats, pixel types, compressions and file extensions (spec §7 and §8)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from exportgui.config.i18n import _


@dataclass(frozen=True, slots=True)
class FormatInfo:
    """One row of the §7 table."""

    name: str  # canonical fmt value
    pillow: str  # Pillow format name for save()
    extension: str  # with the dot, §8
    mime: str
    pixel_types: tuple[str, ...]
    compressions: tuple[str, ...]  # empty: the format takes no compression value
    default_compression: str | None
    alpha: Literal["no", "yes", "key"]
    palette: bool = False  # quantized (P mode) output: png8*, gif*
    quality: bool = False  # qlt applies (lossy encoders; tif/pdf only with jpeg compression)


_ROWS = (
    FormatInfo(
        "jpeg", "JPEG", ".jpg", "image/jpeg", ("rgb", "gray", "cmyk"), (), None, "no", quality=True
    ),
    FormatInfo(
        "pjpeg", "JPEG", ".jpg", "image/jpeg", ("rgb", "gray", "cmyk"), (), None, "no", quality=True
    ),
    FormatInfo("png", "PNG", ".png", "image/png", ("rgb", "gray"), (), None, "no"),
    FormatInfo("png-alpha", "PNG", ".png", "image/png", ("rgb", "gray"), (), None, "yes"),
    FormatInfo("png8", "PNG", ".png", "image/png", ("rgb",), (), None, "no", palette=True),
    FormatInfo("png8-alpha", "PNG", ".png", "image/png", ("rgb",), (), None, "yes", palette=True),
    FormatInfo(
        "tif",
        "TIFF",
        ".tiff",
        "image/tiff",
        ("rgb", "gray", "cmyk"),
        ("none", "lzw", "zip", "jpeg"),
        "none",
        "no",
        quality=True,
    ),
    FormatInfo(
        "tif-alpha",
        "TIFF",
        ".tiff",
        "image/tiff",
        ("rgb", "gray", "cmyk"),
        ("none", "lzw", "zip"),
        "none",
        "yes",
    ),
    FormatInfo("gif", "GIF", ".gif", "image/gif", ("rgb", "gray"), (), None, "no", palette=True),
    FormatInfo(
        "gif-alpha", "GIF", ".gif", "image/gif", ("rgb", "gray"), (), None, "key", palette=True
    ),
    FormatInfo(
        "webp",
        "WEBP",
        ".webp",
        "image/webp",
        ("rgb",),
        ("lossy", "lossless"),
        "lossy",
        "no",
        quality=True,
    ),
    FormatInfo(
        "webp-alpha",
        "WEBP",
        ".webp",
        "image/webp",
        ("rgb",),
        ("lossy", "lossless"),
        "lossy",
        "yes",
        quality=True,
    ),
    FormatInfo(
        "avif",
        "AVIF",
        ".avif",
        "image/avif",
        ("rgb",),
        ("lossy", "lossless"),
        "lossy",
        "no",
        quality=True,
    ),
    FormatInfo(
        "avif-alpha",
        "AVIF",
        ".avif",
        "image/avif",
        ("rgb",),
        ("lossy", "lossless"),
        "lossy",
        "yes",
        quality=True,
    ),
    FormatInfo(
        "jpeg2000",
        "JPEG2000",
        ".jp2",
        "image/jp2",
        ("rgb", "gray"),
        ("lossy", "lossless"),
        "lossy",
        "no",
        quality=True,
    ),
    FormatInfo(
        "jpeg2000-alpha",
        "JPEG2000",
        ".jp2",
        "image/jp2",
        ("rgb", "gray"),
        ("lossy", "lossless"),
        "lossy",
        "yes",
        quality=True,
    ),
    FormatInfo(
        "pdf",
        "PDF",
        ".pdf",
        "application/pdf",
        ("rgb", "gray", "cmyk"),
        ("none", "zip", "jpeg"),
        "none",
        "no",
        quality=True,
    ),
    FormatInfo(
        "eps", "EPS", ".eps", "application/postscript", ("rgb", "gray", "cmyk"), (), None, "no"
    ),
)

FORMATS: dict[str, FormatInfo] = {row.name: row for row in _ROWS}

# Spellings that mean a canonical format [C: typo aliases of the fmt page, jpg = jpeg].
ALIASES: dict[str, str] = {"jpg": "jpeg", "web-alpha": "webp-alpha"}

# Documented IS formats this program cannot write → E_UNSUPPORTED_FORMAT (§7).
UNSUPPORTED_FORMATS = frozenset(
    {
        "jpegxr",
        "jpegxr-alpha",
        "heic",
        "heic-alpha",
        "swf",
        "swf-alpha",
        "swf3",
        "swf3-alpha",
        "swf-alpha3",
        "m3u8",
        "f4m",
    }
)

DEFAULT_FORMAT = "jpeg"

# Compression value → Pillow TIFF ``compression=`` argument (§7 mapping).
TIFF_COMPRESSION = {"none": "raw", "lzw": "tiff_lzw", "zip": "tiff_adobe_deflate", "jpeg": "jpeg"}


def unknown_format(name: str) -> str:
    """Words for a fmt value that is no format: the nearest one, or the whole list."""
    close = difflib.get_close_matches(canonical_format(name), [*FORMATS, *ALIASES], n=1)
    if close:
        return _("unknown format {name!r} (did you mean {close}?)").format(
            name=name, close=close[0]
        )
    plain = [n for n in FORMATS if not n.endswith("-alpha")]
    opaque = [n for n in plain if f"{n}-alpha" not in FORMATS]
    return _(
        "unknown format {name!r}: the formats are {formats} and {last} "
        "(all but {opaque} and {opaque_last} also as NAME-alpha)"
    ).format(
        name=name,
        formats=", ".join(plain[:-1]),
        last=plain[-1],
        opaque=", ".join(opaque[:-1]),
        opaque_last=opaque[-1],
    )


def canonical_format(name: str) -> str:
    """Lower-case a fmt value and apply the aliases; does not check that it exists."""
    folded = name.strip().lower()
    return ALIASES.get(folded, folded)


def format_info(name: str) -> FormatInfo:
    """The table row for a canonical (or aliased) format name. KeyError if unknown."""
    return FORMATS[canonical_format(name)]


def output_name(source_file_name: str, extension: str) -> str:
    """§8: replace the last extension of the source's base name, or append one.

    ``output_name("dir/fileToExport.jpg", ".tiff") == "fileToExport.tiff"``.
    """
    base = source_file_name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, _ext = base.rpartition(".")
    if not dot or not stem:  # "name" or ".hidden": no extension to replace
        stem = base
    return f"{stem}{extension}"
