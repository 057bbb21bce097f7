"""EXIF orientation: the catalog records the upright pixel size the renderer will see."""

from __future__ import annotations

import sqlite3
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, features

from exportgui.catalog import Catalog
from exportgui.imaging.decode import open_source

_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="6"/></rdf:RDF></x:xmpmeta>'
)


def oriented_exif(value: int) -> Image.Exif:
    """EXIF holding only an orientation tag."""
    exif = Image.Exif()
    exif[0x0112] = value
    return exif


def png_chunk(cid: bytes, data: bytes) -> bytes:
    """One PNG chunk with its CRC."""
    return struct.pack(">I", len(data)) + cid + data + struct.pack(">I", zlib.crc32(cid + data))


def with_trailing_chunk(path: Path, chunk: bytes) -> Path:
    """Insert ``chunk`` just before IEND, i.e. after the image data."""
    data = path.read_bytes()
    end = data.rindex(b"IEND") - 4
    path.write_bytes(data[:end] + chunk + data[end:])
    return path


def make_file(folder: Path, kind: str, orientation: int = 6) -> Path:
    """A 200×50 image (stored size) whose metadata says to turn it by ``orientation``."""
    image = Image.new("RGB", (200, 50), (200, 30, 30))
    exif = oriented_exif(orientation)
    if kind == "jpeg":
        path = folder / "photo.jpg"
        image.save(path, exif=exif)
    elif kind == "jpeg-xmp":
        path = folder / "xmp.jpg"
        image.save(path, xmp=_XMP)
    elif kind == "png":
        path = folder / "early.png"
        image.save(path, exif=exif)
    elif kind == "png-late":
        image.save(folder / "late.png")
        path = with_trailing_chunk(folder / "late.png", png_chunk(b"eXIf", exif.tobytes()))
    elif kind == "png-late-text":
        raw = b"Exif\x00\x00" + exif.tobytes()
        text = f"\nexif\n{len(raw):8}\n{raw.hex()}\n".encode()
        image.save(folder / "text.png")
        path = with_trailing_chunk(
            folder / "text.png", png_chunk(b"tEXt", b"Raw profile type exif\x00" + text)
        )
    elif kind == "webp":
        path = folder / "photo.webp"
        image.save(path, exif=exif)
    elif kind == "avif":
        path = folder / "photo.avif"
        image.save(path, exif=exif)
    elif kind == "tiff":
        path = folder / "photo.tif"
        image.save(path, tiffinfo={0x0112: orientation})
    else:  # pragma: no cover - a typo in the parametrisation
        raise AssertionError(kind)
    return path


KINDS = ["jpeg", "jpeg-xmp", "png", "png-late", "png-late-text", "webp", "tiff"]
if features.check("avif"):
    KINDS.append("avif")


@pytest.mark.parametrize("kind", KINDS)
def test_rotated_image_is_catalogued_upright(catalog: Catalog, inbox: Path, kind: str) -> None:
    path = make_file(inbox, kind)
    renderer = open_source(path)
    renderer.close()
    assert renderer.size == (50, 200)  # the file really is rotated for the renderer
    [item] = catalog.import_paths([path]).imported
    assert (item.asset.width, item.asset.height) == renderer.size


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_agrees_with_the_renderer(
    catalog: Catalog, inbox: Path, orientation: int
) -> None:
    path = make_file(inbox, "jpeg", orientation)
    renderer = open_source(path)
    renderer.close()
    [item] = catalog.import_paths([path]).imported
    assert (item.asset.width, item.asset.height) == renderer.size
    assert renderer.size == ((50, 200) if orientation >= 5 else (200, 50))


def test_opening_an_old_catalog_corrects_its_sizes(tmp_path: Path, inbox: Path) -> None:
    folder = tmp_path / "old"
    turned = make_file(inbox, "jpeg")
    plain = inbox / "plain.png"
    Image.new("RGB", (30, 10)).save(plain)
    with Catalog.open(folder) as catalog:
        handles = {
            i.path.name: i.asset.handle for i in catalog.import_paths([turned, plain]).imported
        }
    # What version 1 wrote: the stored size, and user_version 1.
    connection = sqlite3.connect(folder / "catalog.db")
    with connection:
        connection.execute(
            "UPDATE assets SET width = 200, height = 50 WHERE handle = ?", (handles["photo.jpg"],)
        )
        connection.execute("PRAGMA user_version = 1")
    connection.close()
    with Catalog.open(folder) as catalog:
        assert catalog.db.execute("PRAGMA user_version").fetchone()[0] == 2
        photo, png = catalog.get(handles["photo.jpg"]), catalog.get(handles["plain.png"])
    assert (photo.width, photo.height) == (50, 200)
    assert (png.width, png.height) == (30, 10)
