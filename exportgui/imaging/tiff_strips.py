"""LZW-compressed TIFF, written strip by strip without holding the GIL.

Pillow's TIFF writer runs libtiff with the GIL held for the whole encode. This
writer cuts the image into bands of rows and compresses each band in C with
imagecodecs (horizontal predictor, then LZW), which runs without the GIL, on a
small pool shared by every render: renders on threads run in parallel, and
one large image uses every core. The strips go to the file in order as they
come, so only a few bands are in memory at once; the one image file directory
(IFD) follows them. The file carries the tags Pillow's writer puts in, and no
others: size, samples, photometric interpretation, compression and
predictor, ExtraSamples "unassociated alpha" for RGBA and LA, resolution in
dots per inch when known, the ICC profile and the XMP packet.

imagecodecs (and numpy, which it needs) come with the ``fast-tiff`` extra;
:func:`can_write` is False without them (or for pixel modes this writer does
not take), and the caller uses Pillow instead.
"""

from __future__ import annotations

import importlib.util
import os
import struct
import threading
from collections import deque
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from fractions import Fraction
from typing import Any, BinaryIO

from PIL import Image

from exportgui.config.i18n import _

# Found, not imported: numpy and the codecs cost time and memory that renders of other
# formats need not pay. Tests and the benchmark set it False to run Pillow's path.
ENABLED = all(importlib.util.find_spec(name) is not None for name in ("imagecodecs", "numpy"))

# Pillow mode → (samples per pixel, PhotometricInterpretation, has alpha).
_LAYOUT: dict[str, tuple[int, int, bool]] = {
    "RGB": (3, 2, False),
    "RGBA": (4, 2, True),
    "L": (1, 1, False),
    "LA": (2, 1, True),
    "CMYK": (4, 5, False),
}
STRIP_BYTES = 256 * 1024  # uncompressed bytes per strip (rows rounded down, at least one)
_AHEAD = 2  # bands compressing or compressed but not yet written, per pool thread
_BYTE, _SHORT, _LONG, _RATIONAL, _UNDEFINED = 1, 3, 4, 5, 7
_SIZES = {_BYTE: 1, _SHORT: 2, _LONG: 4, _RATIONAL: 8, _UNDEFINED: 1}
_CODES = {_BYTE: "B", _SHORT: "H", _LONG: "I", _UNDEFINED: "B"}
_LIMIT = 2**32  # offsets are 32-bit in a classic TIFF

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def available() -> bool:
    """True when imagecodecs (the ``fast-tiff`` extra) is installed and in use."""
    return ENABLED


def can_write(mode: str, compression: str) -> bool:
    """True when this writer takes an image of ``mode`` with ``compression`` (only lzw)."""
    return available() and mode in _LAYOUT and compression == "lzw"


def write_lzw(
    image: Image.Image,
    out: BinaryIO,
    *,
    icc: bytes | None = None,
    dpi: float | None = None,
    xmp: bytes | None = None,
    threads: int = 0,
) -> None:
    """Write ``image`` as a one-page LZW TIFF (horizontal predictor) into the open ``out``.

    Args:
        image: 8-bit pixels in a mode :func:`can_write` takes.
        out: a seekable binary file open for writing, where the TIFF starts.
        icc: the profile to embed, if any.
        dpi: written as X and Y resolution in dots per inch, if given.
        xmp: the XMP packet to embed (tag 700), if any.
        threads: bands compressed at once (0 = one per CPU core; 1 = all in
            the calling thread).

    Raises:
        ValueError: a mode :func:`can_write` refuses, or a file over 4 GiB.
        OSError: from ``out``, with the system's errno.
    """
    if not can_write(image.mode, "lzw"):
        raise ValueError(_("cannot write {mode} pixels as TIFF here").format(mode=image.mode))
    samples, photometric, alpha = _LAYOUT[image.mode]
    width, height = image.size
    rows = max(1, min(height, STRIP_BYTES // max(1, width * samples)))
    strips = _compressed(image, rows, samples, threads or (os.cpu_count() or 1))
    try:
        origin = out.tell()
        header = struct.pack("<2sHI", b"II", 42, 0)  # the IFD's offset is known at the end
        offsets, counts = _write_strips(out, header, strips)
    finally:
        strips.close()
    tags: list[tuple[int, int, Iterable[Any] | bytes]] = [
        (256, _LONG, [width]),
        (257, _LONG, [height]),
        (258, _SHORT, [8] * samples),
        (259, _SHORT, [5]),  # LZW
        (262, _SHORT, [photometric]),
        (273, _LONG, offsets),
        (278, _LONG, [rows]),
        (279, _LONG, counts),
        (284, _SHORT, [1]),  # contiguous samples
        (317, _SHORT, [2]),  # horizontal differencing
    ]
    if samples > 1:
        tags.append((277, _SHORT, [samples]))
    if dpi:
        resolution = _rational(dpi)
        tags += [(282, _RATIONAL, [resolution]), (283, _RATIONAL, [resolution])]
        tags.append((296, _SHORT, [2]))  # inch
    if alpha:
        tags.append((338, _SHORT, [2]))  # unassociated alpha
    if xmp:
        tags.append((700, _BYTE, xmp))
    if icc:
        tags.append((34675, _UNDEFINED, icc))
    end = offsets[-1] + counts[-1] if offsets else 8
    ifd = end + (end & 1)  # an IFD starts on a word boundary
    out.write(b"\0" * (ifd - end) + _ifd(sorted(tags), ifd))
    finish = out.tell()
    out.seek(origin + 4)
    out.write(struct.pack("<I", ifd))
    out.seek(finish)


def _write_strips(
    out: BinaryIO, header: bytes, strips: Iterable[bytes]
) -> tuple[list[int], list[int]]:
    """Write the header and the strips after it; the strips' offsets and byte counts.

    The header goes out with the first strip: a write larger than the file's
    buffer goes straight to the system, and one that fails leaves nothing
    buffered for the caller's ``close()`` to fail on again.
    """
    offsets: list[int] = []
    counts: list[int] = []
    position, pending = len(header), header
    for strip in strips:
        if position + len(strip) >= _LIMIT:
            raise ValueError(_("the TIFF would be larger than 4 GiB"))
        out.write(pending + strip if pending else strip)
        pending = b""
        offsets.append(position)
        counts.append(len(strip))
        position += len(strip)
    if pending:
        out.write(pending)
    return offsets, counts


def _ifd(tags: list[tuple[int, int, Iterable[Any] | bytes]], position: int) -> bytes:
    """The image file directory at ``position``: entries, next-IFD 0, then values too long."""
    entries = bytearray(struct.pack("<H", len(tags)))
    data = bytearray()
    data_at = position + 2 + 12 * len(tags) + 4
    for code, kind, values in tags:
        if isinstance(values, bytes):
            packed, count = values, len(values)
        elif kind == _RATIONAL:
            pairs = list(values)
            packed = b"".join(struct.pack("<II", *pair) for pair in pairs)
            count = len(pairs)
        else:
            items = list(values)
            packed, count = struct.pack(f"<{len(items)}{_CODES[kind]}", *items), len(items)
        if len(packed) <= 4:
            field = packed.ljust(4, b"\0")
        else:
            field = struct.pack("<I", data_at + len(data))
            data += packed + b"\0" * (len(packed) & 1)
        entries += struct.pack("<HHI", code, kind, count) + field
    return bytes(entries + struct.pack("<I", 0) + data)


def _rational(value: float) -> tuple[int, int]:
    """``value`` as a 32-bit fraction, the way Pillow writes one."""
    if value > 1:
        inverse = Fraction(1 / value).limit_denominator(_LIMIT - 1)
        return inverse.denominator, inverse.numerator
    fraction = Fraction(value).limit_denominator(_LIMIT - 1)
    return fraction.numerator, fraction.denominator


def _lzw(band: Any) -> bytes:
    """One strip: horizontal differencing per sample (TIFF predictor 2), then LZW."""
    import imagecodecs

    return bytes(imagecodecs.lzw_encode(imagecodecs.delta_encode(band, axis=1)))


def _compressed(
    image: Image.Image, rows: int, samples: int, threads: int
) -> Generator[bytes, None, None]:
    """The strips of ``image`` in order, each ``rows`` rows, compressed."""
    import numpy as np

    width, height = image.size

    def band(top: int) -> Any:
        raw = image.crop((0, top, width, min(height, top + rows))).tobytes()
        return np.frombuffer(raw, np.uint8).reshape(-1, width, samples)

    tops = range(0, height, rows)
    if threads <= 1:
        for top in tops:
            yield _lzw(band(top))
        return
    pool = _shared_pool()
    window: deque[Future[bytes]] = deque()
    try:
        for top in tops:
            window.append(pool.submit(_lzw, band(top)))
            if len(window) >= _AHEAD * threads:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:
        for future in window:
            future.cancel()


def _shared_pool() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(os.cpu_count() or 1, thread_name_prefix="tiff-strip")
        return _pool
