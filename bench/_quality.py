"""Output checks for the imaging benchmark: PSNR against a LANCZOS reference, compression facts.

Reference for (a) and (b): the source decoded at full size (no shrink-on-load)
and resampled with Pillow's LANCZOS straight to the output size; for the crop
thumbnail, resampled to cover 300×300 and centre-cut with the same offsets the
spec's R() rounding gives. PSNR is over RGB, 8 bits, of the *written* files,
so JPEG losses are part of it (everyone encodes at the same quality).
"""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image


@cache
def reference(source: Path, task: str, size: tuple[int, int]) -> np.ndarray:
    full = Image.open(source).convert("RGB")
    if task == "a":
        ref = full.resize(size, Image.Resampling.LANCZOS)
    else:
        w, h = size
        scale = max(w / full.width, h / full.height)
        sw, sh = max(1, int(full.width * scale + 0.5)), max(1, int(full.height * scale + 0.5))
        x, y = int((sw - w) / 2 + 0.5), int((sh - h) / 2 + 0.5)
        ref = full.resize((sw, sh), Image.Resampling.LANCZOS).crop((x, y, x + w, y + h))
    return np.asarray(ref, np.float64)


def psnr(output: Path, source: Path, task: str) -> float:
    image = Image.open(output).convert("RGB")
    ref = reference(source, task, image.size)
    mse = float(np.mean((np.asarray(image, np.float64) - ref) ** 2))
    return float("inf") if mse == 0 else 10 * np.log10(255.0**2 / mse)


def png_filters(path: Path) -> str:
    """Which PNG row filters a file uses (0 none, 1 sub, 2 up, 3 average, 4 paeth)."""
    data = path.read_bytes()
    pos, idat, width, height, channels = 8, bytearray(), 0, 0, 3
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, _depth, color = struct.unpack(">IIBB", body[:10])
            channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(bytes(idat))
    stride = width * channels + 1
    counts = Counter(raw[row * stride] for row in range(height))
    names = {0: "none", 1: "sub", 2: "up", 3: "avg", 4: "paeth"}
    if len(counts) == 1:
        return names[next(iter(counts))]
    return "adaptive(" + ",".join(names[k] for k in sorted(counts)) + ")"


def tiff_facts(path: Path) -> str:
    with Image.open(path) as image:
        tags = image.tag_v2
        predictor = {1: "none", 2: "horizontal", 3: "float"}.get(tags.get(317, 1), "?")
        return f"predictor {predictor}"


def compression_note(path: Path, task: str) -> str:
    try:
        if task == "c":
            return "filter " + png_filters(path)
        if task == "d":
            return tiff_facts(path)
    except Exception as exc:  # a peer's odd file must not stop the report
        return f"unreadable ({exc})"
    return ""
