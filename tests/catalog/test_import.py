"""Import: content sniffing, originals kept byte for byte, duplicates, rejections, folders."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import stat
import struct
import sys
import threading
import wave
import zlib
from pathlib import Path

import pytest
from PIL import Image

from exportgui.catalog import AssetType, Catalog, CatalogError, ImportProgress
from exportgui.catalog.demo_files import font_bytes, mp4_bytes, srgb_profile
from tests.helpers import make_image


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = struct.pack(">I", zlib.crc32(kind + payload))
    return struct.pack(">I", len(payload)) + kind + payload + crc


def _wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(8000)
        writer.writeframes(bytes(800))
    return out.getvalue()


def _pdf() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "navy").save(out, "PDF")
    return out.getvalue()


SVG = b'<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>\n'
EBML = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01" + bytes(40)

# file name -> (bytes, expected type). Names deliberately include misleading
# extensions: the content decides.
NON_RASTER: dict[str, tuple[bytes, AssetType]] = {
    "clip.mp4": (mp4_bytes("clip"), AssetType.VIDEO),
    "clip.mov": (_box(b"ftyp", b"qt  \x00\x00\x02\x00qt  ") + _box(b"moov", b""), AssetType.VIDEO),
    "clip.webm": (EBML, AssetType.VIDEO),
    "clip.avi": (b"RIFF\x24\x00\x00\x00AVI LIST" + bytes(32), AssetType.VIDEO),
    "clip.flv": (b"FLV\x01\x05" + bytes(20), AssetType.VIDEO),
    "clip.ts": (bytes([0x47] + [0] * 187) * 3, AssetType.VIDEO),
    "song.mp3": (b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(30), AssetType.AUDIO),
    "frames.mp3": (b"\xff\xfb\x90\x64" + bytes(60), AssetType.AUDIO),
    "tone.wav": (_wav(), AssetType.AUDIO),
    "tone.flac": (b"fLaC\x00\x00\x00\x22" + bytes(34), AssetType.AUDIO),
    "tone.ogg": (b"OggS\x00\x02" + bytes(22) + b"\x01vorbis" + bytes(20), AssetType.AUDIO),
    "tone.m4a": (_box(b"ftyp", b"M4A \x00\x00\x00\x00M4A isom"), AssetType.AUDIO),
    "tone.aiff": (b"FORM\x00\x00\x00\x20AIFFCOMM" + bytes(20), AssetType.AUDIO),
    "sound.mka": (EBML, AssetType.AUDIO),
    "doc.pdf": (_pdf(), AssetType.PDF),
    "font.ttf": (font_bytes(), AssetType.FONT),
    "font.otf": (b"OTTO\x00\x09\x00\x80\x00\x03\x00\x10" + bytes(64), AssetType.FONT),
    "font.woff": (b"wOFF\x00\x01\x00\x00" + bytes(40), AssetType.FONT),
    "font.woff2": (b"wOF2\x00\x01\x00\x00" + bytes(40), AssetType.FONT),
    "srgb.icc": (srgb_profile(), AssetType.ICC_PROFILE),
    "logo.svg": (SVG, AssetType.SVG),
    "logo.svgz": (gzip.compress(SVG), AssetType.SVG),
    "logo-no-extension": (SVG, AssetType.SVG),
    "notes.txt": (b"just some words\n", AssetType.OTHER),
    "data.bin": (bytes(range(256)) * 4, AssetType.OTHER),
    "empty.dat": (b"", AssetType.OTHER),
    "page.html": (b"<!DOCTYPE html><html><body><svg></svg></body></html>", AssetType.OTHER),
    "really-a-pdf.jpg": (_pdf(), AssetType.PDF),
}


@pytest.mark.parametrize("name", sorted(NON_RASTER))
def test_non_raster_files_are_typed_from_their_content(
    catalog: Catalog, inbox: Path, name: str
) -> None:
    data, expected = NON_RASTER[name]
    (inbox / name).write_bytes(data)
    report = catalog.import_paths([inbox / name])
    assert report.rejected == []
    [item] = report.imported
    assert item.asset.type is expected
    assert (item.asset.width, item.asset.height, item.asset.mode) == (None, None, None)
    assert item.asset.file_name == name
    assert catalog.original_path(item.asset).read_bytes() == data


@pytest.mark.parametrize(
    ("name", "mode", "fmt"),
    [
        ("a.jpg", "RGB", "JPEG"),
        ("a-gray.jpg", "L", "JPEG"),
        ("a-cmyk.jpg", "CMYK", "JPEG"),
        ("a.png", "RGBA", "PNG"),
        ("a-la.png", "LA", "PNG"),
        ("a-p.png", "P", "PNG"),
        ("a-16.png", "I;16", "PNG"),
        ("a.tif", "CMYK", "TIFF"),
        ("a-16.tif", "I;16", "TIFF"),
        ("a.gif", "P", "GIF"),
        ("a.webp", "RGBA", "WEBP"),
        ("a.bmp", "RGB", "BMP"),
        ("photo-without-extension", "RGB", "PNG"),
        ("misnamed.txt", "RGB", "JPEG"),
    ],
)
def test_images_record_size_and_mode(
    catalog: Catalog, inbox: Path, name: str, mode: str, fmt: str
) -> None:
    path = make_image(inbox / name, (37, 21), mode=mode, fmt=fmt)
    [item] = catalog.import_paths([path]).imported
    asset = item.asset
    assert asset.type is AssetType.IMAGE
    assert (asset.width, asset.height, asset.mode) == (37, 21, mode)
    assert asset.name == Path(name).stem
    assert asset.bytes == path.stat().st_size
    assert asset.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_size_comes_from_the_header_without_decoding_pixels(
    catalog: Catalog, inbox: Path
) -> None:
    # A PNG header claiming 40000×30000 pixels with no pixel data at all:
    # decoding would fail (and Pillow's open() would call it a decompression
    # bomb); reading the header gives the size.
    ihdr = struct.pack(">IIBBBBB", 40000, 30000, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", b"")
    (inbox / "huge.png").write_bytes(data)
    truncated = make_image(inbox / "cut.jpg", (300, 200), fmt="JPEG")
    truncated.write_bytes(truncated.read_bytes()[:700])

    report = catalog.import_paths([inbox / "huge.png", truncated])

    assert report.rejected == []
    sizes = {i.asset.file_name: (i.asset.width, i.asset.height) for i in report.imported}
    assert sizes == {"huge.png": (40000, 30000), "cut.jpg": (300, 200)}


def test_originals_are_kept_byte_for_byte_and_read_only(catalog: Catalog, inbox: Path) -> None:
    path = make_image(inbox / "shot.jpg", (64, 48), fmt="JPEG", quality=77)
    [item] = catalog.import_paths([path]).imported
    stored = catalog.original_path(item.asset.handle)
    assert stored.read_bytes() == path.read_bytes()
    assert stored.is_relative_to(catalog.folder)
    assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert stored.name == item.asset.sha256


def test_files_claiming_to_be_images_but_not_are_rejected_with_a_reason(
    catalog: Catalog, inbox: Path
) -> None:
    (inbox / "fake.jpg").write_bytes(b"this is text, not a JPEG")
    (inbox / "empty.png").write_bytes(b"")
    (inbox / "broken.gif").write_bytes(b"GIF89a\x01")
    (inbox / "fake.svg").write_text("not svg at all")
    good = make_image(inbox / "good.png", fmt="PNG")

    report = catalog.import_paths([inbox])

    reasons = {r.path.name: r.reason for r in report.rejected}
    assert set(reasons) == {"fake.jpg", "empty.png", "broken.gif", "fake.svg"}
    assert all("image" in reason or "SVG" in reason for reason in reasons.values())
    assert [i.path for i in report.imported] == [good]
    assert [a.file_name for a in catalog.list_assets()] == ["good.png"]
    assert list((catalog.store.temp_dir).iterdir()) == []  # rejected copies are not kept


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks")
def test_unreadable_and_missing_paths_are_rejected_and_the_rest_imported(
    catalog: Catalog, inbox: Path
) -> None:
    good = make_image(inbox / "good.png", fmt="PNG")
    (inbox / "dangling.jpg").symlink_to(inbox / "gone.jpg")
    os.mkfifo(inbox / "pipe.jpg")
    missing = inbox / "missing.png"

    report = catalog.import_paths([inbox, missing])

    reasons = {r.path.name: r.reason for r in report.rejected}
    assert reasons == {
        "dangling.jpg": "a broken symbolic link",
        "pipe.jpg": "a named pipe (FIFO), not a regular file",
        "missing.png": "no such file or folder",
    }
    assert [i.path for i in report.imported] == [good]


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_a_file_without_read_permission_is_rejected(catalog: Catalog, inbox: Path) -> None:
    secret = make_image(inbox / "secret.png", fmt="PNG")
    secret.chmod(0)
    try:
        report = catalog.import_paths([secret])
    finally:
        secret.chmod(0o644)
    [rejected] = report.rejected
    assert rejected.reason.startswith("cannot read")


def test_duplicates_are_reported_with_the_existing_handle_and_stored_once(
    catalog: Catalog, inbox: Path
) -> None:
    first = make_image(inbox / "one.png", fmt="PNG", color=3)
    copy = inbox / "sub" / "copy-of-one.png"
    copy.parent.mkdir()
    copy.write_bytes(first.read_bytes())

    report = catalog.import_paths([first, copy])
    [imported] = report.imported
    assert [(d.path, d.handle) for d in report.duplicates] == [(copy, imported.asset.handle)]

    again = catalog.import_paths([first])
    assert [d.handle for d in again.duplicates] == [imported.asset.handle]
    assert again.imported == []
    assert len(catalog.list_assets()) == 1
    assert len(list(catalog.store.stored_checksums())) == 1


def test_folders_become_virtual_folders_under_the_target_folder(
    catalog: Catalog, inbox: Path
) -> None:
    shoot = inbox / "shoot"
    make_image(shoot / "a.png", fmt="PNG", color=1)
    make_image(shoot / "day 2" / "b.png", fmt="PNG", color=2)
    make_image(shoot / "day 2" / "close ups" / "c.png", fmt="PNG", color=3)
    make_image(shoot / ".cache" / "hidden.png", fmt="PNG", color=4)
    (shoot / ".DS_Store").write_bytes(b"junk")
    (shoot / "Thumbs.db").write_bytes(b"junk")
    loose = make_image(inbox / "loose.png", fmt="PNG", color=5)

    report = catalog.import_paths([shoot, loose], folder="/web//spring/")

    assert report.rejected == [] and report.duplicates == []
    placed = {i.asset.file_name: i.asset.folder for i in report.imported}
    assert placed == {
        "a.png": "web/spring/shoot",
        "b.png": "web/spring/shoot/day 2",
        "c.png": "web/spring/shoot/day 2/close ups",
        "loose.png": "web/spring",
    }
    assert catalog.folders() == [
        "web",
        "web/spring",
        "web/spring/shoot",
        "web/spring/shoot/day 2",
        "web/spring/shoot/day 2/close ups",
    ]


@pytest.mark.parametrize("folder", ["a/../b", "./x", "bad\tname"])
def test_a_bad_target_folder_is_refused(catalog: Catalog, inbox: Path, folder: str) -> None:
    with pytest.raises(CatalogError, match="folder"):
        catalog.import_paths([make_image(inbox / "a.png", fmt="PNG")], folder=folder)


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")
def test_a_symlink_loop_in_a_folder_is_walked_once(catalog: Catalog, inbox: Path) -> None:
    make_image(inbox / "top" / "a.png", fmt="PNG")
    (inbox / "top" / "loop").symlink_to(inbox / "top", target_is_directory=True)
    report = catalog.import_paths([inbox / "top"])
    assert [i.asset.file_name for i in report.imported] == ["a.png"]
    assert report.duplicates == [] and report.rejected == []


def test_progress_is_reported_after_every_file(catalog: Catalog, inbox: Path) -> None:
    for i in range(12):
        make_image(inbox / f"{i:02d}.png", fmt="PNG", color=i)
    (inbox / "bad.png").write_bytes(b"nope")
    seen: list[ImportProgress] = []

    catalog.import_paths([inbox, inbox / "missing"], progress=seen.append)

    assert [p.done for p in seen] == list(range(1, 15))
    assert {p.total for p in seen} == {14}
    # The path that could not be walked first, then the files in input order.
    assert [p.path for p in seen] == [inbox / "missing", *sorted(inbox.iterdir())]


def test_cancel_stops_early_and_every_file_is_still_accounted_for(
    catalog: Catalog, inbox: Path
) -> None:
    files = [make_image(inbox / f"{i:03d}.png", fmt="PNG", color=i) for i in range(60)]
    cancel = threading.Event()

    def progress(step: ImportProgress) -> None:
        if step.done == 5:
            cancel.set()

    report = catalog.import_paths([inbox], progress=progress, cancel=cancel)

    assert report.cancelled
    assert 5 <= len(report.imported) < 60
    cancelled = [r for r in report.rejected if "cancelled" in r.reason]
    assert len(report.imported) + len(cancelled) == 60
    assert sorted(i.path for i in report.imported) + sorted(r.path for r in cancelled) == files
    assert len(catalog.list_assets()) == len(report.imported)
    assert catalog.verify() == []


def test_every_file_of_a_mixed_import_lands_in_exactly_one_list(
    catalog: Catalog, inbox: Path
) -> None:
    names = []
    for i in range(30):
        names.append(make_image(inbox / f"img{i:02d}.png", fmt="PNG", color=i % 20))
    (inbox / "bad.jpg").write_bytes(b"x")
    names.append(inbox / "bad.jpg")

    report = catalog.import_paths([inbox])

    listed = (
        [i.path for i in report.imported]
        + [d.path for d in report.duplicates]
        + [r.path for r in report.rejected]
    )
    assert sorted(listed) == sorted(names)
    assert (len(report.imported), len(report.duplicates), len(report.rejected)) == (20, 10, 1)
    # Reports keep input order.
    assert [i.path for i in report.imported] == sorted(i.path for i in report.imported)


def test_the_catalog_folder_itself_is_never_imported(tmp_path: Path) -> None:
    with Catalog.open(tmp_path / "catalog") as catalog:
        make_image(tmp_path / "a.png", fmt="PNG")
        catalog.import_paths([tmp_path / "a.png"])

        report = catalog.import_paths([tmp_path, catalog.folder / "catalog.db"])

        assert [i.path for i in report.imported] == []
        assert [d.path.name for d in report.duplicates] == ["a.png"]
        assert [(r.path.name, r.reason) for r in report.rejected] == [
            ("catalog.db", "is inside the catalog folder itself")
        ]
