"""Type sniffing from content (magic bytes), the file name only as a tie-breaker.

Images are identified by Pillow from their header alone: ``Image.open`` is
lazy, and nothing here calls ``load()``, so no pixel is ever decoded. The pixel
size recorded is the upright one: an EXIF orientation of 5 to 8 (read from the
header, or from the chunks after a PNG's pixel data) swaps width and height,
exactly as the renderer turns the image when it decodes it.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, PngImagePlugin

from exportgui.catalog.model import AssetType

# Extensions that promise a raster image: such a file that Pillow cannot
# identify is rejected rather than filed as "Other".
_IMAGE_EXTENSION_LIST = (
    "jpg jpeg jpe jfif png apng gif tif tiff webp bmp dib psd tga ico icns "
    "jp2 j2k jpx jpf pcx ppm pgm pbm pnm avif dds sgi rgb xbm qoi"
)
IMAGE_EXTENSIONS = frozenset(f".{ext}" for ext in _IMAGE_EXTENSION_LIST.split())
SVG_EXTENSIONS = frozenset({".svg", ".svgz"})

# Pillow plugins that accept any prefix and guess from loose header fields;
# random bytes can pass them, so they only count when the extension agrees.
_WEAK_FORMATS = frozenset({"TGA", "IM", "IMT", "IPTC", "PCD", "SPIDER"})

_IMAGE_BRANDS = frozenset(
    {b"avif", b"avis", b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
)
_AUDIO_BRANDS = frozenset({b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "})
_AUDIO_EXTENSIONS = frozenset({".mka", ".weba", ".wma", ".m4a", ".oga", ".opus", ".ogg"})
# The formats whose EXIF orientation the renderer honours (imaging/decode.py); Pillow
# finds an orientation (EXIF, or XMP tiff:Orientation) in no other format.
_ORIENTED_FORMATS = frozenset({"JPEG", "MPO", "TIFF", "PNG", "WEBP", "AVIF", "HEIF"})
_EXIF_ORIENTATION = 0x0112
_TIFF_WIDTH, _TIFF_HEIGHT = 256, 257
_PNG_LATE_CHUNKS = frozenset({b"eXIf", b"tEXt", b"zTXt", b"iTXt"})

_ASF_GUID = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")
_SVG_ROOT = re.compile(r"<\s*([A-Za-z_][\w:.-]*)")


@dataclass(frozen=True)
class Sniffed:
    """What a file is; ``width``/``height``/``mode`` only for images."""

    type: AssetType
    width: int | None = None
    height: int | None = None
    mode: str | None = None


class NotImportable(ValueError):
    """The file cannot become an asset; the message is the reason shown to the user."""


def sniff(path: Path, head: bytes, original_name: str) -> Sniffed:
    """Classify the file at ``path`` whose first bytes are ``head``.

    ``original_name`` (the name the user gave, which may differ from ``path``)
    only breaks ties and decides whether a non-image is a broken image.

    Raises:
        NotImportable: when the name promises an image that the content is not.
    """
    ext = Path(original_name).suffix.lower()
    kind = _by_magic(head, ext)
    if kind is not None and kind is not AssetType.IMAGE:
        return Sniffed(kind)
    if ext in SVG_EXTENSIONS and _is_svg(head, ext):
        return Sniffed(AssetType.SVG)
    probe = probe_image(path, ext)
    if isinstance(probe, Sniffed):
        return probe
    if ext in IMAGE_EXTENSIONS or kind is AssetType.IMAGE:
        raise NotImportable(f"not an image Pillow can read ({probe})")
    if _is_svg(head, ext):
        return Sniffed(AssetType.SVG)
    if ext in SVG_EXTENSIONS:
        raise NotImportable("named like an SVG image but does not contain an <svg> element")
    return Sniffed(AssetType.OTHER)


def probe_image(path: Path, ext: str = "") -> Sniffed | str:
    """Identify a raster image from its header; the reason it is not one otherwise."""
    try:
        with Image.open(path) as im:
            size, mode, fmt = _upright_size(im, path), im.mode, im.format or ""
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow refuses very large images in open(); the catalog only needs the header.
        found = _probe_without_limit(path)
        if found is None:
            return "the header could not be read"
        size, mode, fmt = found
    except Image.UnidentifiedImageError:
        return "unrecognised or damaged image data"
    except Exception as exc:  # a plugin may fail in any way on damaged headers
        return f"{type(exc).__name__}: {exc}"
    if fmt in _WEAK_FORMATS and ext not in Image.registered_extensions():
        return "unrecognised image data"
    if size[0] <= 0 or size[1] <= 0:
        return f"impossible pixel size {size[0]}×{size[1]}"
    return Sniffed(AssetType.IMAGE, size[0], size[1], mode)


def _probe_without_limit(path: Path) -> tuple[tuple[int, int], str, str] | None:
    # The same plugin walk as Image.open, minus the decompression-bomb check
    # (which belongs to decoding, not to reading a size).
    Image.init()
    with path.open("rb") as fp:
        prefix = fp.read(16)
        for fmt in Image.ID:
            factory, accept = Image.OPEN[fmt]
            if accept is not None:
                verdict = accept(prefix)
                if not verdict or isinstance(verdict, str):
                    continue
            try:
                fp.seek(0)
                im = factory(fp, str(path))
            except Exception:  # noqa: S112 - not this format; try the next plugin
                continue
            return _upright_size(im, path), im.mode, fmt
    return None


def _upright_size(im: Image.Image, path: Path) -> tuple[int, int]:
    """The size of ``im`` (opened from ``path``) once its EXIF orientation is applied."""
    width, height = im.size
    if im.format == "TIFF":
        # Newer Pillow reports a TIFF's size already upright; the tags hold the stored one.
        tags: dict[int, int] = getattr(im, "tag_v2", {})
        width, height = tags.get(_TIFF_WIDTH, width), tags.get(_TIFF_HEIGHT, height)
    return (height, width) if _orientation(im, path) >= 5 else (width, height)


def _orientation(im: Image.Image, path: Path) -> int:
    if im.format not in _ORIENTED_FORMATS:
        return 1
    try:
        if im.format == "PNG" and "exif" not in im.info:
            # Pillow's PNG getexif() decodes every pixel to reach the chunks after the
            # image data; walking the chunk headers finds the same metadata cheaply.
            im.info.update(_png_late_info(path))
            exif = Image.Image.getexif(im)
        else:
            exif = im.getexif()
        value = exif.get(_EXIF_ORIENTATION, 1)
    except Exception:  # damaged metadata: the renderer cannot read an orientation either
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _png_late_info(path: Path) -> dict[str | tuple[int, int], object]:
    """The metadata chunks after a PNG's first IDAT, read as Pillow's load() would read them."""
    with path.open("rb") as fp:
        fp.seek(8)  # the signature
        stream = PngImagePlugin.PngStream(fp)
        after_data = False
        try:
            while True:
                cid, pos, length = stream.read()
                if cid == b"IEND" or (after_data and cid == b"fcTL"):
                    break  # Pillow stops at the next animation frame too
                after_data = after_data or cid == b"IDAT"
                if after_data and cid in _PNG_LATE_CHUNKS:
                    stream.call(cid, pos, length)
                else:
                    fp.seek(length, os.SEEK_CUR)
                fp.read(4)  # the CRC
        except (struct.error, SyntaxError, EOFError, OSError, ValueError, UnicodeDecodeError):
            pass  # a damaged tail: keep what was read
        return dict(stream.im_info)


def _by_magic(head: bytes, ext: str) -> AssetType | None:
    """Non-Pillow types recognised by signature; IMAGE when an image container is seen."""
    if len(head) >= 40 and head[36:40] == b"acsp" and int.from_bytes(head[0:4], "big") >= 128:
        return AssetType.ICC_PROFILE
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-") or (
        ext == ".pdf" and b"%PDF-" in head[:1024]
    ):
        return AssetType.PDF
    font = _font(head)
    if font is not None:
        return font
    return _media(head, ext)


def _font(head: bytes) -> AssetType | None:
    tag = head[:4]
    if tag in (b"wOFF", b"wOF2", b"ttcf"):
        return AssetType.FONT
    if tag in (b"\x00\x01\x00\x00", b"OTTO", b"true", b"typ1") and len(head) >= 12:
        tables = int.from_bytes(head[4:6], "big")
        if 1 <= tables <= 200:
            return AssetType.FONT
    if head.startswith((b"%!PS-AdobeFont", b"%!FontType1")):
        return AssetType.FONT
    if head[:2] == b"\x80\x01" and head[6:20] == b"%!PS-AdobeFont":
        return AssetType.FONT
    return None


def _media(head: bytes, ext: str) -> AssetType | None:
    audio_name = ext in _AUDIO_EXTENSIONS
    box = head[4:8]
    if box == b"ftyp":
        brand = head[8:12]
        if brand in _IMAGE_BRANDS:
            return AssetType.IMAGE
        return AssetType.AUDIO if brand in _AUDIO_BRANDS or audio_name else AssetType.VIDEO
    if box in (b"moov", b"mdat", b"wide") and len(head) >= 8:
        return AssetType.VIDEO
    if head.startswith(b"\x1a\x45\xdf\xa3") or head.startswith(_ASF_GUID):
        return AssetType.AUDIO if audio_name else AssetType.VIDEO
    if head.startswith(b"RIFF") and len(head) >= 12:
        form = head[8:12]
        if form in (b"AVI ", b"CDXA"):
            return AssetType.VIDEO
        if form in (b"WAVE", b"RMID"):
            return AssetType.AUDIO
        return None
    if head.startswith(b"OggS"):
        video = b"\x80theora" in head[:4096] or b"\x01video" in head[:4096]
        return AssetType.VIDEO if video else AssetType.AUDIO
    if head.startswith((b"FLV\x01", b".RMF", b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")):
        return AssetType.VIDEO
    if _transport_stream(head):
        return AssetType.VIDEO
    if head.startswith((b"ID3", b"fLaC", b"#!AMR", b"MThd", b"MAC ", b"wvpk", b".snd", b"caff")):
        return AssetType.AUDIO
    if head.startswith(b"FORM") and head[8:12] in (b"AIFF", b"AIFC"):
        return AssetType.AUDIO
    if len(head) >= 4 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x18 != 0x08:
        # An MPEG audio frame header (MP3) or ADTS (AAC); JPEG's FF D8 never matches.
        return AssetType.AUDIO
    return None


def _transport_stream(head: bytes) -> bool:
    for start, step in ((0, 188), (4, 192)):
        if len(head) > start + 2 * step and all(head[start + i * step] == 0x47 for i in range(3)):
            return True
    return False


def _is_svg(head: bytes, ext: str) -> bool:
    data = head
    if data.startswith(b"\x1f\x8b"):
        if ext != ".svgz":
            return False
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(head)) as unzipped:
                data = unzipped.read(8192)
        except (OSError, EOFError):
            return False
    text = _decode_text(data[:8192])
    if text is None or not text.lstrip().startswith("<"):
        return False
    # Skip the XML declaration, comments, processing instructions and DOCTYPE.
    text = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.DOTALL)
    root = _SVG_ROOT.search(text)
    return root is not None and root.group(1).split(":")[-1] == "svg"


def _decode_text(data: bytes) -> str | None:
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="ignore")
    if b"\x00" in data:
        return None
    return data.decode("utf-8", errors="ignore")
