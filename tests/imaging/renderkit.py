"""Helpers for the resolver/renderer tests: small real images and real ICC profiles.

The gray and CMYK profiles are built byte by byte (ICC v2: header, tag table,
desc/wtpt/cprt and curve or lut16 tags) so the tests need no profile files
from the machine. They are crude (the CMYK one maps ink to lightness only)
but valid: LittleCMS builds transforms with them.
"""

from __future__ import annotations

import struct
from pathlib import Path

from PIL import Image, ImageCms

from exportgui.imaging import ISAttributes, ResolvedOutput, output_name, parse_request
from exportgui.imaging.render import render
from exportgui.imaging.resolve import resolve

D50 = (0.9642, 1.0, 0.8249)


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(x) + _s15(y) + _s15(z)


def _desc(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    body = b"desc\0\0\0\0" + struct.pack(">I", len(ascii_text)) + ascii_text
    return body + b"\0" * 4 + b"\0" * 4 + b"\0\0" + b"\0" + b"\0" * 67


def _text(text: str) -> bytes:
    return b"text\0\0\0\0" + text.encode("ascii") + b"\0"


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def _profile(device_class: bytes, space: bytes, pcs: bytes, tags: dict[bytes, bytes]) -> bytes:
    table = b""
    payload = b""
    offset = 128 + 4 + 12 * len(tags)
    for sig, data in tags.items():
        data = _pad(data)
        table += sig + struct.pack(">II", offset + len(payload), len(data))
        payload += data
    size = offset + len(payload)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"
        + struct.pack(">I", 0x02100000)
        + device_class
        + space
        + pcs
        + struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\0" * 4  # platform
        + b"\0" * 4  # flags
        + b"\0" * 8  # manufacturer, model
        + b"\0" * 8  # attributes
        + struct.pack(">I", 0)  # intent
        + _s15(D50[0])
        + _s15(D50[1])
        + _s15(D50[2])
        + b"\0" * 4  # creator
        + b"\0" * 16  # profile id
        + b"\0" * 28
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + payload


def gray_profile_bytes() -> bytes:
    """A gray display profile with gamma 2.2."""
    curve = b"curv\0\0\0\0" + struct.pack(">I", 1) + struct.pack(">H", round(2.2 * 256))
    return _profile(
        b"mntr",
        b"GRAY",
        b"XYZ ",
        {
            b"desc": _desc("test gray"),
            b"wtpt": _xyz(*D50),
            b"cprt": _text("none"),
            b"kTRC": curve,
        },
    )


def _lut16(inputs: int, outputs: int, clut: list[list[float]]) -> bytes:
    """An mft2 tag with a 2-point grid, identity curves and the given CLUT (0..1 values)."""
    identity = struct.pack(">9i", 65536, 0, 0, 0, 65536, 0, 0, 0, 65536)
    head = b"mft2\0\0\0\0" + bytes([inputs, outputs, 2, 0]) + identity + struct.pack(">HH", 2, 2)
    curve = struct.pack(">HH", 0, 65535)
    body = curve * inputs
    for entry in clut:
        body += b"".join(struct.pack(">H", round(v * 65535)) for v in entry)
    body += curve * outputs
    return head + body


def cmyk_profile_bytes() -> bytes:
    """A crude CMYK printer profile: lightness = product of (1 − ink), neutral a/b."""
    a2b: list[list[float]] = []
    for c in (0, 1):
        for m in (0, 1):
            for y in (0, 1):
                for k in (0, 1):
                    lightness = (1 - c) * (1 - m) * (1 - y) * (1 - k)
                    a2b.append([lightness * 0xFF00 / 0xFFFF, 0x8000 / 0xFFFF, 0x8000 / 0xFFFF])
    b2a: list[list[float]] = []
    for lightness in (0, 1):
        for _a in (0, 1):
            for _b in (0, 1):
                b2a.append([0.0, 0.0, 0.0, 1.0 - lightness])
    return _profile(
        b"prtr",
        b"CMYK",
        b"Lab ",
        {
            b"desc": _desc("test cmyk"),
            b"wtpt": _xyz(*D50),
            b"cprt": _text("none"),
            b"A2B0": _lut16(4, 3, a2b),
            b"B2A0": _lut16(3, 4, b2a),
        },
    )


def rgb_profile_bytes(gamma: float = 1.8) -> bytes:
    """A matrix/TRC RGB display profile with sRGB primaries and its own gamma."""
    curve = b"curv\0\0\0\0" + struct.pack(">I", 1) + struct.pack(">H", round(gamma * 256))
    return _profile(
        b"mntr",
        b"RGB ",
        b"XYZ ",
        {
            b"desc": _desc(f"test rgb gamma {gamma}"),
            b"wtpt": _xyz(*D50),
            b"cprt": _text("none"),
            b"rXYZ": _xyz(0.4361, 0.2225, 0.0139),
            b"gXYZ": _xyz(0.3851, 0.7169, 0.0971),
            b"bXYZ": _xyz(0.1431, 0.0606, 0.7141),
            b"rTRC": curve,
            b"gTRC": curve,
            b"bTRC": curve,
        },
    )


def srgb_profile_bytes() -> bytes:
    """LittleCMS's built-in sRGB, as file bytes."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def install_profiles(profiles_dir: Path) -> None:
    """Write gray.icc, cmyk.icc and mysrgb.icm into the app's profile folder."""
    profiles_dir.mkdir(parents=True, exist_ok=True)
    (profiles_dir / "gray.icc").write_bytes(gray_profile_bytes())
    (profiles_dir / "cmyk.icc").write_bytes(cmyk_profile_bytes())
    (profiles_dir / "mysrgb.icm").write_bytes(srgb_profile_bytes())


def gradient(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """A small image with different values everywhere (so flips and crops show)."""
    image = Image.new("RGB", (width, height))
    image.putdata(
        [
            ((x * 255) // max(1, width - 1), (y * 255) // max(1, height - 1), (x + y) * 7 % 256)
            for y in range(height)
            for x in range(width)
        ]
    )
    if mode == "RGBA":
        image = image.convert("RGBA")
        alpha = Image.new("L", (width, height), 255)
        image.putalpha(alpha)
    elif mode != "RGB":
        image = image.convert(mode)
    return image


def quadrants(width: int = 40, height: int = 20) -> Image.Image:
    """Four flat quadrants: red top-left, green top-right, blue bottom-left, white bottom-right."""
    image = Image.new("RGB", (width, height), (255, 255, 255))
    hw, hh = width // 2, height // 2
    image.paste((255, 0, 0), (0, 0, hw, hh))
    image.paste((0, 255, 0), (hw, 0, width, hh))
    image.paste((0, 0, 255), (0, hh, hw, height))
    return image


def half_transparent(width: int = 40, height: int = 20) -> Image.Image:
    """RGBA: left half fully transparent, right half opaque red."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (width // 2, 0, width, height))
    return image


def render_modifier(
    folder: Path,
    modifier: str,
    source: Image.Image,
    attrs: ISAttributes | None = None,
    source_name: str = "src.png",
    **save: object,
) -> tuple[ResolvedOutput, Path]:
    """Save ``source``, parse ``modifier`` with the real parser and render it.

    Returns the resolved output and the written file (named per §8). Also checks
    that resolve() alone predicted what render() reports.
    """
    source_path = folder / source_name
    source.save(source_path, **save)  # type: ignore[arg-type]
    request = parse_request(modifier, {}, object_name=source_path.stem)
    attrs = attrs or ISAttributes()
    predicted = resolve(request, source.width, source.height, source.mode, attrs)
    target = folder / output_name(source_name, predicted.extension).replace("src", "out")
    out = render(source_path, request, attrs, target)
    assert out == predicted
    return out, target


def near(actual: object, expected: tuple[int, ...], tolerance: int = 3) -> bool:
    """True when every channel is within ``tolerance`` of ``expected``."""
    values = actual if isinstance(actual, tuple) else (actual,)
    return len(values) == len(expected) and all(
        abs(int(a) - b) <= tolerance for a, b in zip(values, expected, strict=True)
    )


def pixel(image: Image.Image, xy: tuple[int, int]) -> tuple[int, ...]:
    """The channels of one pixel of a multi-band image."""
    value = image.getpixel(xy)
    assert isinstance(value, tuple), value
    return tuple(int(v) for v in value)
