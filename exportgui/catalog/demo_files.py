"""Synthetic files for the demo collection: photo-like rasters and tiny real non-rasters.

Everything is drawn with Pillow C operations (gradients, shapes, noise) so
that forty images, up to 4000 px wide, take a couple of seconds.
"""

from __future__ import annotations

import functools
import io
import math
import random
import struct
import time
import wave
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

_PALETTE = [
    (214, 69, 65),
    (244, 179, 80),
    (38, 166, 154),
    (63, 81, 181),
    (142, 68, 173),
    (46, 204, 113),
    (236, 240, 241),
    (52, 73, 94),
]


def photo(size: tuple[int, int], seed: int) -> Image.Image:
    """A photo-like RGB image: a coloured gradient sky, soft shapes and sensor-like grain."""
    rng = random.Random(seed)
    width, height = size
    # Everything but the grain is drawn at 1/8 scale and scaled up: the
    # bilinear upscale gives soft, out-of-focus edges, and 4000 px stays cheap.
    small = (max(8, width // 8), max(8, height // 8))
    linear = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270))).resize(small)
    radial = Image.radial_gradient("L").resize(small)
    top, bottom = rng.sample(_PALETTE, 2)
    base = Image.merge(
        "RGB",
        [linear.point(lambda v, a=top[i], b=bottom[i]: a + (b - a) * v // 255) for i in range(3)],
    )
    base = Image.blend(base, Image.merge("RGB", [radial, radial, radial]), 0.25)
    draw = ImageDraw.Draw(base)
    for _ in range(rng.randint(3, 7)):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        r = rng.randint(max(2, min(small) // 12), max(4, min(small) // 3))
        colour = rng.choice(_PALETTE)
        if rng.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        else:
            draw.polygon(_star(x, y, r, rng.randint(3, 7)), fill=colour)
    base = base.resize(size, Image.Resampling.BILINEAR)
    return Image.blend(base, _grain(size, rng), 0.08)


def _grain(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Noise tiled from one 256 px patch, as RGB; seeded, so a second demo run is identical."""
    patch = Image.frombytes("L", (256, 256), rng.randbytes(256 * 256))
    grain = Image.new("L", size)
    shift = rng.randrange(256)
    for top in range(-shift, size[1], 256):
        for left in range(-shift, size[0], 256):
            grain.paste(patch, (left, top))
    return grain.convert("RGB")


def _star(x: int, y: int, r: int, points: int) -> list[tuple[float, float]]:
    corners = []
    for i in range(points * 2):
        radius = r if i % 2 == 0 else r * 0.45
        angle = math.pi * i / points
        corners.append((x + radius * math.cos(angle), y + radius * math.sin(angle)))
    return corners


def spin_frame(size: int, step: int, steps: int) -> Image.Image:
    """One frame of a turntable: the same object rotated by ``step / steps`` of a turn."""
    image = Image.new("RGB", (size, size), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    angle = 2 * math.pi * step / steps
    centre = size / 2
    half = size * 0.3
    corners = [
        (
            centre + half * math.cos(angle + k * math.pi / 2) * (1.0 if k % 2 == 0 else 0.5),
            centre + half * 0.6 * math.sin(angle + k * math.pi / 2),
        )
        for k in range(4)
    ]
    draw.polygon(corners, fill=(214, 69, 65), outline=(52, 73, 94), width=max(1, size // 150))
    # A marker on one corner so that half a turn does not look like no turn.
    x, y = corners[0]
    dot = max(4, size // 30)
    draw.ellipse((x - dot, y - dot, x + dot, y + dot), fill=(38, 166, 154))
    return image


def logo_mark(size: tuple[int, int] = (600, 240)) -> Image.Image:
    """A brand mark on a transparent background (RGBA): a white star badge and a bar of "text"."""
    width, height = size
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    r = height // 2 - 8
    draw.ellipse((8, 8, 8 + 2 * r, 8 + 2 * r), fill=(255, 255, 255, 255), outline=(30, 30, 30, 255))
    draw.polygon(_star(8 + r, 8 + r, int(r * 0.8), 5), fill=(214, 69, 65, 255))
    left = 2 * r + 32
    for row, share in enumerate((0.9, 0.6)):
        top = height // 2 - 40 + row * 50
        right = left + int((width - left - 16) * share)
        draw.rounded_rectangle((left, top, right, top + 30), radius=10, fill=(255, 255, 255, 230))
    return image


def as_mode(image: Image.Image, mode: str) -> Image.Image:
    """Convert a demo RGB image to ``mode`` (alpha from a radial vignette)."""
    if mode in ("RGB", "L", "CMYK"):
        return image.convert(mode)
    if mode in ("RGBA", "LA"):
        alpha = Image.radial_gradient("L").resize(image.size).point(lambda v: 255 - v)
        converted = image.convert(mode)
        converted.putalpha(alpha)
        return converted
    if mode == "P":
        return image.quantize(64)
    if mode == "I;16":
        # A 16-bit grey ramp: every step of the 65,536 is not needed, only depth.
        grey = image.convert("L").convert("I")
        return grey.point(lambda v: v * 257).convert("I;16")
    raise ValueError(f"no demo conversion to {mode}")


@functools.cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile from Little CMS, with a fixed date so every run gives the same bytes."""
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    profile[24:36] = struct.pack(">6H", 2024, 1, 1, 0, 0, 0)  # header dateTime
    profile[84:100] = bytes(16)  # profile ID: all zero means "not computed"
    return bytes(profile)


def save(image: Image.Image, path: Path, fmt: str, **options: object) -> None:
    """Save with sensible defaults per format."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "JPEG":
        options.setdefault("quality", 85)
    if fmt == "WEBP":
        options.setdefault("quality", 80)
    if fmt == "PNG":
        options.setdefault("compress_level", 1)
    if fmt == "TIFF":
        options.setdefault("compression", "tiff_deflate")
    image.save(path, fmt, **options)


def exif_orientation(value: int) -> bytes:
    """EXIF bytes that carry only an Orientation tag."""
    exif = Image.Exif()
    exif[0x0112] = value
    return exif.tobytes()


def pdf_bytes() -> bytes:
    """A real two-page PDF written by Pillow."""
    pages = [photo((620, 877), seed) for seed in (101, 102)]
    out = io.BytesIO()
    fixed = time.gmtime(1_704_067_200)  # 2024-01-01: the same bytes on every run
    pages[0].save(
        out,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=72,
        creationDate=fixed,
        modDate=fixed,
    )
    return out.getvalue()


def svg_text() -> str:
    """A small SVG logo."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">\n'
        '  <rect width="240" height="80" rx="12" fill="#3f51b5"/>\n'
        '  <circle cx="40" cy="40" r="24" fill="#f4b350"/>\n'
        '  <text x="76" y="50" font-family="sans-serif" font-size="28" fill="#fff">Demo</text>\n'
        "</svg>\n"
    )


def font_bytes() -> bytes:
    """A minimal TrueType container: the sfnt header and one ``head`` table."""
    head = struct.pack(
        ">IIIIHHqqhhhhHHhhh",
        0x00010000,  # version
        0x00010000,  # fontRevision
        0,  # checkSumAdjustment
        0x5F0F3CF5,  # magicNumber
        0,  # flags
        1000,  # unitsPerEm
        0,  # created
        0,  # modified
        0,  # xMin
        0,  # yMin
        1000,  # xMax
        1000,  # yMax
        0,  # macStyle
        8,  # lowestRecPPEM
        2,  # fontDirectionHint
        0,  # indexToLocFormat
        0,  # glyphDataFormat
    )
    offset = 12 + 16
    directory = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
    record = struct.pack(">4sIII", b"head", _checksum(head), offset, len(head))
    return directory + record + head


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def mp4_bytes(label: str) -> bytes:
    """The boxes that open an MP4 file (``ftyp`` then an empty ``moov`` and ``free``)."""
    ftyp = _box(b"ftyp", b"isom" + struct.pack(">I", 0x200) + b"isomiso2avc1mp41")
    moov = _box(b"moov", _box(b"mvhd", bytes(100)))
    free = _box(b"free", label.encode("utf-8"))
    return ftyp + moov + free


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def wav_bytes(seconds: float = 0.25, pitch: float = 440.0) -> bytes:
    """A short mono sine tone."""
    rate = 8000
    frames = bytearray()
    for i in range(int(rate * seconds)):
        frames += struct.pack("<h", int(12000 * math.sin(2 * math.pi * pitch * i / rate)))
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(bytes(frames))
    return out.getvalue()
