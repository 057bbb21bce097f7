"""A one-page PDF holding one image, with the compressions of §7 (none, zip, jpeg).

Pillow's own PDF writer always uses DCT (JPEG) for RGB, gray and CMYK, so
``fmt=pdf,,none`` and ``zip`` could not be honoured with it; this writer is
small enough to own. The page is the image at its print resolution
(``printRes`` or the source DPI, else 72), and an embedded profile becomes an
ICCBased colour space.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from PIL import Image

_SPACES = {"RGB": ("DeviceRGB", 3), "L": ("DeviceGray", 1), "CMYK": ("DeviceCMYK", 4)}


def write_pdf(
    image: Image.Image,
    target: BinaryIO,
    *,
    compression: str,
    quality: int,
    dpi: float | None,
    icc: bytes | None,
) -> None:
    """Write ``image`` (RGB, L or CMYK) as a single-page PDF into the open file ``target``."""
    space, components = _SPACES[image.mode]
    width, height = image.size
    objects: list[bytes] = []

    def add(obj: bytes) -> int:
        objects.append(obj)
        return len(objects)  # object numbers start at 1

    def stream(header: str, data: bytes) -> bytes:
        return (
            f"<< {header} /Length {len(data)} >>\nstream\n".encode("ascii") + data + b"\nendstream"
        )

    color_space = f"/{space}"
    if icc is not None:
        icc_ref = add(
            stream(f"/N {components} /Alternate /{space} /Filter /FlateDecode", zlib.compress(icc))
        )
        color_space = f"[/ICCBased {icc_ref} 0 R]"
    header = (
        f"/Type /XObject /Subtype /Image /Width {width} /Height {height} "
        f"/ColorSpace {color_space} /BitsPerComponent 8"
    )
    if compression == "jpeg":
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality)
        data = buffer.getvalue()
        header += " /Filter /DCTDecode"
        if image.mode == "CMYK":  # Pillow writes Adobe-style inverted CMYK
            header += " /Decode [1 0 1 0 1 0 1 0]"
    elif compression == "zip":
        data = zlib.compress(image.tobytes(), 6)
        header += " /Filter /FlateDecode"
    else:
        data = image.tobytes()
    image_ref = add(stream(header, data))
    resolution = dpi if dpi and dpi > 0 else 72.0
    page_w, page_h = width * 72.0 / resolution, height * 72.0 / resolution
    content = f"q {page_w:.4f} 0 0 {page_h:.4f} 0 0 cm /Im0 Do Q".encode("ascii")
    content_ref = add(stream("", content))
    pages_ref = len(objects) + 2
    page_ref = add(
        (
            f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 {page_w:.4f} {page_h:.4f}] "
            f"/Resources << /XObject << /Im0 {image_ref} 0 R >> >> "
            f"/Contents {content_ref} 0 R >>"
        ).encode("ascii")
    )
    add(f"<< /Type /Pages /Kids [{page_ref} 0 R] /Count 1 >>".encode("ascii"))
    catalog_ref = add(f"<< /Type /Catalog /Pages {pages_ref} 0 R >>".encode("ascii"))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("ascii")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog_ref} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode("ascii")
    target.write(out)
