"""Encoders (spec §6.6, §7): Pillow writers with the IS output commands mapped onto them.

:func:`encode` writes the converted output image in the requested format.
How the output commands map onto Pillow's options [C]:

- ``qlt`` is the encoder quality for jpeg/pjpeg, tif and pdf with jpeg
  compression, webp, avif and jpeg2000 lossy; its chroma flag turns off JPEG
  chroma subsampling for RGB output only.
- jpeg2000 lossy maps quality q to a target PSNR of 20 + 0.3·q dB (q=80 →
  44 dB); lossless uses the reversible 5/3 wavelet.
- avif "lossless" is quality 100 with 4:4:4 chroma (libavif's near-lossless
  YUV path; Pillow exposes no identity-matrix switch).
- png uses zlib level 1 for large photographic images and level 6
  otherwise; a deflate probe of one band of rows tells which kind it is.
- tif with lzw uses the horizontal predictor (tag 317 = 2); with the
  ``fast-tiff`` extra installed, :mod:`.tiff_strips` writes it (the same
  pixels and tags, without holding the GIL), else Pillow.
- ``pscan`` and ``pathEmbed`` have no effect; ``xmpEmbed`` copies the
  source's XMP packet into jpeg and tif; DPI (``printRes`` or the source's)
  goes into jpeg, png, tif and pdf.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from PIL import Image

from exportgui.config.i18n import _, number
from exportgui.imaging import tiff_strips
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.formats import TIFF_COMPRESSION
from exportgui.imaging.output import Prepared
from exportgui.imaging.pdf import write_pdf
from exportgui.imaging.request import Request
from exportgui.imaging.resolve import OutputFacts

_TIFF_XMP_TAG = 700
_TIFF_PREDICTOR_TAG = 317
_TIFF_HORIZONTAL_DIFFERENCING = 2
_PNG_PROBE_ROWS = 32
_PNG_PROBE_MIN_PIXELS = 1_000_000  # below this, level 6 costs too little to matter
_PNG_PHOTO_RATIO = 0.5  # a band that deflates to more than half its size is photographic


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the source hands on to the output."""

    xmp: bytes | None
    dpi: float | None


def quality_of(request: Request, attrs: ISAttributes) -> tuple[int, bool]:
    """(quality, chroma flag) from ``qlt`` or JpegQuality."""
    if request.qlt is not None:
        return request.qlt
    return attrs.jpeg_quality, attrs.jpeg_chroma_full


class _WritesThroughPython:
    """An open file without its descriptor, so that Pillow writes through ``write()``.

    Handed a descriptor, Pillow's C encoders (and libtiff) write to it
    themselves and report a full disk only as "encoder error -2" or "codec
    initialization failed"; through ``write()`` the system's OSError, errno and
    all, reaches the caller.
    """

    def __init__(self, out: BinaryIO) -> None:
        self._out = out

    def write(self, data: bytes) -> int:
        return self._out.write(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._out.seek(offset, whence)

    def tell(self) -> int:
        return self._out.tell()

    def flush(self) -> None:
        self._out.flush()


def encode(
    prepared: Prepared,
    facts: OutputFacts,
    request: Request,
    attrs: ISAttributes,
    metadata: Metadata,
    out: BinaryIO,
) -> None:
    """Write the prepared pixels into the open file ``out`` in the resolved format.

    Raises:
        ISError: E_JPEGSIZE when ``jpegSize`` cannot be met.
        OSError, ValueError: from Pillow or the file system (the caller wraps them).
    """
    out = cast(BinaryIO, _WritesThroughPython(out))  # all Pillow asks of a file
    image = prepared.image
    # Pillow's writers fall back to ``image.info`` (the source's profile, EXIF,
    # transparency…, carried along by every operation): only what is passed here
    # may reach the file.
    image.info = {}
    info = facts.info
    quality, chroma = quality_of(request, attrs)
    dpi = request.print_res or metadata.dpi
    params: dict[str, Any] = {}
    if prepared.icc is not None:
        params["icc_profile"] = prepared.icc
    if dpi:
        params["dpi"] = (dpi, dpi)
    xmp = metadata.xmp if request.xmp_embed else None
    kind = info.pillow
    if kind == "JPEG":
        params["quality"] = quality
        if chroma and image.mode == "RGB":
            params["subsampling"] = 0
        if info.name == "pjpeg":
            params["progressive"] = True
        if xmp:
            params["xmp"] = xmp
        if request.jpeg_size:
            _jpeg_within(image, params, request.jpeg_size, out)
            return
    elif kind == "PNG":
        params["compress_level"] = png_compress_level(image)
        if prepared.transparency is not None:
            params["transparency"] = prepared.transparency
    elif kind == "TIFF":
        compression = facts.compression or "none"
        if tiff_strips.can_write(image.mode, compression):
            tiff_strips.write_lzw(image, out, icc=prepared.icc, dpi=dpi, xmp=xmp)
            return
        params["compression"] = TIFF_COMPRESSION[compression]
        if compression == "jpeg":
            params["quality"] = quality
        tiffinfo: dict[int, Any] = {}
        if compression == "lzw":
            tiffinfo[_TIFF_PREDICTOR_TAG] = _TIFF_HORIZONTAL_DIFFERENCING
        if xmp:
            tiffinfo[_TIFF_XMP_TAG] = xmp
        if tiffinfo:
            params["tiffinfo"] = tiffinfo
    elif kind == "GIF":
        params.pop("dpi", None)
        if prepared.transparency is not None:
            params["transparency"] = prepared.transparency
    elif kind in ("WEBP", "AVIF", "JPEG2000"):
        params = _modern(kind, facts.compression == "lossless", quality)
    elif kind == "PDF":
        write_pdf(
            image,
            out,
            compression=facts.compression or "none",
            quality=quality,
            dpi=dpi,
            icc=prepared.icc,
        )
        return
    elif kind == "EPS":
        params = {}
    image.save(out, format=kind, **params)


def png_compress_level(image: Image.Image) -> int:
    """Zlib level for a PNG: 1 for large photographic pixels, 6 otherwise."""
    if image.width * image.height < _PNG_PROBE_MIN_PIXELS:
        return 6
    top = image.height // 2
    band = image.crop((0, top, image.width, min(image.height, top + _PNG_PROBE_ROWS))).tobytes()
    ratio = len(zlib.compress(band, 1)) / max(1, len(band))
    return 1 if ratio > _PNG_PHOTO_RATIO else 6


def _modern(kind: str, lossless: bool, quality: int) -> dict[str, Any]:
    if kind == "WEBP":
        return {"lossless": True} if lossless else {"quality": quality}
    if kind == "AVIF":
        return {"quality": 100, "subsampling": "4:4:4"} if lossless else {"quality": quality}
    if lossless:
        return {"irreversible": False}
    return {"irreversible": True, "quality_mode": "dB", "quality_layers": [20 + 0.3 * quality]}


def _jpeg_within(image: Image.Image, params: dict[str, Any], kilobytes: int, out: BinaryIO) -> None:
    """jpegSize: the highest quality ≤ qlt whose file fits, else E_JPEGSIZE [D]."""
    limit = kilobytes * 1024

    def attempt(quality: int) -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", **{**params, "quality": quality})
        return buffer.getvalue()

    best = attempt(params["quality"])
    if len(best) > limit:
        low, high = 1, params["quality"] - 1
        found: bytes | None = None
        while low <= high:
            middle = (low + high) // 2
            data = attempt(middle)
            if len(data) <= limit:
                found, low = data, middle + 1
            else:
                high = middle - 1
        if found is None:
            raise ISError(
                ErrorCode.E_JPEGSIZE,
                _("jpegSize={kilobytes}: even quality 1 needs {size} KB").format(
                    kilobytes=kilobytes, size=number(len(attempt(1)) / 1024, 1)
                ),
            )
        best = found
    out.write(best)
