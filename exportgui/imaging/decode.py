"""Source decoding (spec §5 step 2): 8-bit RGB/RGBA working pixels, with shrink-on-load.

EXIF orientation is honoured: the working image is turned upright right after
decoding, all geometry uses the upright size (as ``resolve`` does), and the
output never carries the orientation tag, so viewers cannot turn it twice.

The working image is RGB when the source has no alpha (the fast path: a plain
JPEG never becomes RGBA unless a command makes transparent pixels), else
RGBA. Gray and palette sources are expanded; CMYK goes through its embedded
profile to sRGB when it has one, else Pillow's naive conversion; 16-bit
sources are scaled to 8 bits.

Shrink-on-load: the caller says how small the pipeline's first resample will
make the image (``ratio``). JPEGs are then decoded with DCT scaling
(``Image.draft``) at the largest 1/2, 1/4 or 1/8 scale that still keeps at
least ``ratio × DRAFT_GAP`` of the full size, never below; :func:`reduce_for`
box-reduces any source by a whole factor while at least ``ratio × REDUCE_GAP``
remains; the final resample (LANCZOS for sharp2) does the rest.

Several renditions of one source share one decode, at the largest of their
ratios; :func:`draft_scale` says which DCT scale a ratio gets, and
:func:`as_drafted` box-reduces the shared pixels to the size a rendition's
own decode would have had.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms

from exportgui.config.i18n import _
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.icc import cached_transform, profile_from_bytes, srgb_profile

DRAFT_GAP = 1.0
REDUCE_GAP = 2.0

# EXIF orientation → the transpose that makes the image upright (as ImageOps.exif_transpose).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_EXIF_ORIENTATION = 0x0112


@dataclass(slots=True)
class Source:
    """An opened (not yet decoded) source and the metadata the encoders may keep."""

    path: Path
    image: Image.Image
    size: tuple[int, int]  # upright
    orientation: int
    icc: bytes | None
    xmp: bytes | None
    dpi: tuple[float, float] | None

    @property
    def mode(self) -> str:
        """The source's Pillow mode."""
        return self.image.mode

    def close(self) -> None:
        """Release the file handle."""
        self.image.close()


def source_error(path: Path, exc: BaseException) -> ISError:
    """The E_SOURCE (or E_TOO_LARGE) error for a source that cannot be decoded."""
    if isinstance(exc, ISError):
        return exc
    if isinstance(exc, MemoryError):
        return ISError(
            ErrorCode.E_TOO_LARGE,
            _("{name}: not enough memory to decode it").format(name=path.name),
        )
    if isinstance(exc, Image.DecompressionBombError):
        return ISError(ErrorCode.E_TOO_LARGE, f"{path.name}: {exc}")
    if isinstance(exc, FileNotFoundError):
        return ISError(
            ErrorCode.E_SOURCE, _("{name}: the file does not exist").format(name=path.name)
        )
    if isinstance(exc, PermissionError):
        return ISError(ErrorCode.E_SOURCE, _("{name}: permission denied").format(name=path.name))
    detail = str(exc) or type(exc).__name__
    return ISError(
        ErrorCode.E_SOURCE,
        _("{name} cannot be decoded: {problem}").format(name=path.name, problem=detail),
    )


def open_source(path: Path) -> Source:
    """Open ``path`` and read its header (size, orientation, metadata); no pixels yet.

    Raises:
        ISError: E_SOURCE when the file is missing, unreadable or not an image.
    """
    path = Path(path)
    try:
        image = Image.open(path)
    except Exception as exc:  # Pillow raises many types for bad files
        raise source_error(path, exc) from exc
    try:
        orientation = 1
        if image.format in ("JPEG", "TIFF", "PNG", "WEBP", "MPO", "AVIF", "HEIF"):
            raw = image.getexif().get(_EXIF_ORIENTATION, 1)
            orientation = raw if isinstance(raw, int) and raw in _UPRIGHT else 1
        width, height = image.size
        if image.format == "TIFF":
            # Newer Pillow reports a TIFF's size already upright; the tags hold the stored one.
            tags: dict[int, int] = getattr(image, "tag_v2", {})
            width, height = tags.get(256, width), tags.get(257, height)
        if orientation >= 5:
            width, height = height, width
        info = image.info
        icc = info.get("icc_profile") or None
        xmp = info.get("xmp") or None
        if isinstance(xmp, str):
            xmp = xmp.encode("utf-8")
        dpi = _dpi(info.get("dpi"))
    except Exception as exc:
        image.close()
        raise source_error(path, exc) from exc
    return Source(path, image, (width, height), orientation, icc, xmp, dpi)


def _dpi(value: object) -> tuple[float, float] | None:
    if isinstance(value, tuple) and len(value) == 2:
        try:
            x, y = float(value[0]), float(value[1])
        except (TypeError, ValueError):
            return None
        if x > 0 and y > 0:
            return x, y
    return None


def decode(source: Source, ratio: float) -> Image.Image:
    """Decode to an upright 8-bit RGB or RGBA image, shrunk on load when ``ratio`` < 1.

    Raises:
        ISError: E_SOURCE for corrupt or truncated data, E_TOO_LARGE when memory runs out.
    """
    image = source.image
    try:
        want = ratio * DRAFT_GAP
        if want <= 0.5 and image.format in ("JPEG", "MPO"):
            full_w, full_h = image.size
            image.draft(None, (max(1, math.ceil(full_w * want)), max(1, math.ceil(full_h * want))))
        image.load()
        turn = _UPRIGHT.get(source.orientation)
        if image.format == "TIFF" and _EXIF_ORIENTATION not in getattr(image, "tag_v2", {}):
            turn = None  # newer Pillow turns a TIFF upright while loading it
        image = to_working_mode(image, source.icc)
        if turn is not None:
            image = image.transpose(turn)
    except Exception as exc:
        raise source_error(source.path, exc) from exc
    if image is not source.image:
        source.image.close()  # frees the decoded pixels now: one full-size image at a time
    return image


def draft_scale(source: Source, ratio: float) -> int:
    """The DCT scale denominator (1, 2, 4 or 8) :func:`decode` decodes at for ``ratio``.

    Pillow's rule for the size :func:`decode` asks for; call before decoding.
    """
    image = source.image
    want = ratio * DRAFT_GAP
    if want > 0.5 or image.format not in ("JPEG", "MPO") or len(getattr(image, "tile", ())) != 1:
        return 1
    full_w, full_h = image.size
    most = min(
        full_w // max(1, math.ceil(full_w * want)), full_h // max(1, math.ceil(full_h * want))
    )
    return next(scale for scale in (8, 4, 2, 1) if most >= scale)


def as_drafted(image: Image.Image, shared: int, own: int) -> Image.Image:
    """Decoded pixels at DCT scale 1/``shared`` brought to the size of a 1/``own`` decode.

    The box average stands in for the coarser DCT scaling; the sizes agree
    exactly (both round up).
    """
    return box_reduce(image, own // shared)


def box_reduce(image: Image.Image, factor: int) -> Image.Image:
    """``image`` box-reduced by the whole ``factor`` (unchanged below 2)."""
    if factor < 2:
        return image
    if image.mode == "RGBA":  # average colours weighted by alpha, not the hidden RGB
        return image.convert("RGBa").reduce(factor).convert("RGBA")
    return image.reduce(factor)


def working_profile_bytes(source: Source) -> bytes | None:
    """The profile that describes the working pixels: the source's RGB profile, else None.

    None means sRGB (a CMYK source converted through its profile, or no profile).
    """
    if source.icc is None:
        return None
    profile = profile_from_bytes(source.icc)
    if profile is None or profile.color_space != "rgb":
        return None
    return source.icc


def reduce_for(image: Image.Image, logical: tuple[int, int], ratio: float) -> Image.Image:
    """Box-reduce ``image`` (standing for ``logical`` pixels) by a whole factor.

    The result keeps at least ``ratio × REDUCE_GAP`` of the logical size.
    """
    want = ratio * REDUCE_GAP
    if want >= 0.5:
        return image
    factor = math.floor(min(image.width / (logical[0] * want), image.height / (logical[1] * want)))
    return box_reduce(image, min(factor, image.width, image.height))


def to_working_mode(image: Image.Image, icc: bytes | None = None) -> Image.Image:
    """``image`` as 8-bit RGB or RGBA, whatever its mode (16-bit and float scaled, not clipped)."""
    mode = image.mode
    if mode in ("RGB", "RGBA"):
        return image
    if mode == "CMYK":
        profile = profile_from_bytes(icc) if icc else None
        if profile is not None and profile.color_space == "cmyk":
            transform = cached_transform(
                profile.data,
                srgb_profile().data,
                "CMYK",
                "RGB",
                int(ImageCms.Intent.PERCEPTUAL),
                False,
            )
            if transform is not None:  # an unusable profile falls back to the naive path
                return ImageCms.applyTransform(image, transform) or image.convert("RGB")
        return image.convert("RGB")
    if mode.startswith("I;16") or mode == "I":
        # 16 bits → 8: scale, do not clip (IS returns 8 bits per component).
        return image.convert("I").point(lambda v: v * (1 / 257)).convert("L").convert("RGB")
    if mode in ("LA", "La", "PA", "RGBa"):
        return image.convert("RGBA")
    if mode == "P":
        has_alpha = "transparency" in image.info or (
            image.palette is not None and image.palette.mode == "RGBA"
        )
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode == "F":
        return image.convert("L").convert("RGB")
    return image.convert("RGB")  # L, 1, YCbCr, LAB, HSV, RGBX
