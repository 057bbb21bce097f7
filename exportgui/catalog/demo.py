"""``exportgui demo``: a varied demo collection made on the spot, then imported for real.

About forty images (sizes ~300 to 4000 px; modes RGB, RGBA, L, LA, P, CMYK,
I;16; JPEG, PNG, TIFF, GIF, WebP, BMP — one ``fileToExport.jpg``, one with
EXIF orientation 6, one with an embedded ICC profile), a few non-raster files
(PDF, SVG, font, MP4, WAV, ICC profile), one set of every set type and a few
macros, among them ``test`` = ``fmt=tif`` for the documented example
``fileToExport.jpg`` + ``&fmt=png`` + ``$test$`` → ``fileToExport.tiff``, and
``watermark``, which draws the transparent brand mark ``brand/logo.png`` over
any image as a layer.

Running it again adds nothing twice: files come back as duplicates, sets and
macros that already exist are left as they are.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from exportgui.catalog import demo_files as files
from exportgui.catalog.catalog import Catalog, CatalogError, ImportReport
from exportgui.catalog.model import AssetType

DEMO_FOLDER = "demo"
SETS_FOLDER = "demo/sets"

DEMO_MACROS = {
    "test": "fmt=tif",
    "web-hero": "wid=1920&hei=800&fit=crop&qlt=85",
    "thumb": "wid=300&hei=300&fit=crop",
    "print": "fmt=tif,cmyk,lzw",
    "preview": "wid=800&fmt=jpeg&qlt=70",
    "transparent-png": "fmt=png-alpha",
    # A layer (spec §11): the brand mark, a fifth of the width, half opaque, bottom-right.
    "watermark": f"layer=1&src={DEMO_FOLDER}/brand/logo&opac=50&sizeN=0.2,0"
    "&originN=0.5,0.5&posN=0.47,0.45",
}


@dataclass(frozen=True)
class _Image:
    path: str  # relative to the demo folder
    size: tuple[int, int]
    mode: str
    fmt: str
    seed: int
    options: dict[str, object] = field(default_factory=dict)


def _images() -> list[_Image]:
    icc: dict[str, object] = {"icc_profile": files.srgb_profile()}
    rotated: dict[str, object] = {"exif": files.exif_orientation(6)}
    images = [
        _Image("photos/fileToExport.jpg", (1600, 1067), "RGB", "JPEG", 1),
        _Image("photos/beach.jpg", (4000, 2667), "RGB", "JPEG", 2),
        _Image("photos/mountains-srgb.jpg", (3000, 2000), "RGB", "JPEG", 3, icc),
        _Image("photos/portrait-rotated.jpg", (1200, 900), "RGB", "JPEG", 4, rotated),
        _Image("photos/city-night.jpg", (2400, 1600), "RGB", "JPEG", 5),
        _Image("photos/forest.tif", (1800, 1200), "RGB", "TIFF", 6),
        _Image("photos/desert.webp", (1920, 1080), "RGB", "WEBP", 7),
        _Image("photos/lake.png", (1280, 853), "RGB", "PNG", 8),
        _Image("photos/sunset-gray.jpg", (1500, 1000), "L", "JPEG", 9),
        _Image("photos/old-photo.tif", (1000, 1400), "L", "TIFF", 10),
        _Image("photos/products/shoe-cutout.png", (1000, 1000), "RGBA", "PNG", 15),
        _Image("photos/products/bag-cutout.webp", (900, 900), "RGBA", "WEBP", 16),
        _Image("graphics/logo.png", (512, 256), "P", "PNG", 25),
        _Image("graphics/banner.gif", (728, 90), "P", "GIF", 26),
        _Image("graphics/icon.bmp", (300, 300), "RGB", "BMP", 27),
        _Image("graphics/palette.bmp", (320, 240), "P", "BMP", 28),
        _Image("graphics/badge.png", (400, 400), "LA", "PNG", 29),
        _Image("graphics/sticker.tif", (600, 600), "RGBA", "TIFF", 30),
        _Image("graphics/shadow-mask.png", (800, 600), "L", "PNG", 31),
        _Image("print/poster-cmyk.jpg", (2480, 3508), "CMYK", "JPEG", 32),
        _Image("print/flyer-cmyk.tif", (1240, 1754), "CMYK", "TIFF", 33),
        _Image("print/depth-16bit.png", (1024, 768), "I;16", "PNG", 34),
        _Image("print/scan-16bit.tif", (1600, 1200), "I;16", "TIFF", 35),
        _Image("rooms/room-day.jpg", (2000, 1333), "RGB", "JPEG", 40),
        _Image("rooms/room-night.jpg", (2000, 1333), "RGB", "JPEG", 41),
    ]
    for i, colour in enumerate(("red", "blue", "green", "black")):
        images.append(
            _Image(f"photos/products/shoe-{colour}.jpg", (1200, 1200), "RGB", "JPEG", 11 + i)
        )
    for page in range(1, 5):
        images.append(_Image(f"catalog/page-{page:02d}.jpg", (850, 1100), "RGB", "JPEG", 50 + page))
    return images


_SPIN_FRAMES = 8
_VIDEOS = ("promo-1080", "promo-720", "promo-480")

# name -> (type, member paths relative to the demo folder, or "set:<name>")
_SETS: dict[str, tuple[AssetType, list[str]]] = {
    "shoe-colors": (
        AssetType.IMAGE_SET,
        [f"photos/products/shoe-{c}.jpg" for c in ("red", "blue", "green", "black")],
    ),
    "shoe-spin": (
        AssetType.SPIN_SET,
        [f"photos/spin/shoe-spin-{i:02d}.jpg" for i in range(1, _SPIN_FRAMES + 1)],
    ),
    "room-render": (AssetType.RENDER_SET, ["rooms/room-day.jpg", "rooms/room-night.jpg"]),
    "shoe-media": (
        AssetType.MEDIA_SET,
        [
            "set:shoe-colors",
            "set:shoe-spin",
            "media/promo-1080.mp4",
            "photos/products/shoe-cutout.png",
        ],
    ),
    "promo-adaptive": (AssetType.ADAPTIVE_VIDEO_SET, [f"media/{v}.mp4" for v in _VIDEOS]),
    "promo-videos": (AssetType.VIDEO_SET, ["media/promo-1080.mp4", "media/promo-720.mp4"]),
    "spring-catalog": (AssetType.ECATALOG, [f"catalog/page-{p:02d}.jpg" for p in range(1, 5)]),
    "spring-offer": (
        AssetType.OFFER_SET,
        ["photos/products/bag-cutout.webp", "photos/products/shoe-cutout.png"],
    ),
}


def write_demo_files(root: Path) -> None:
    """Write every demo file under ``root`` (which becomes the ``demo`` folder)."""

    def render(spec: _Image) -> None:
        image = files.as_mode(files.photo(spec.size, spec.seed), spec.mode)
        files.save(image, root / spec.path, spec.fmt, **spec.options)

    def frame(step: int) -> None:
        image = files.spin_frame(600, step, _SPIN_FRAMES)
        files.save(image, root / f"photos/spin/shoe-spin-{step + 1:02d}.jpg", "JPEG")

    # Pillow releases the GIL while it draws and encodes: use both cores.
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = [pool.submit(render, spec) for spec in _images()]
        jobs += [pool.submit(frame, step) for step in range(_SPIN_FRAMES)]
        for job in jobs:
            job.result()
    media = root / "media"
    brand = root / "brand"
    media.mkdir(parents=True, exist_ok=True)
    brand.mkdir(parents=True, exist_ok=True)
    for video in _VIDEOS:
        (media / f"{video}.mp4").write_bytes(files.mp4_bytes(video))
    (media / "jingle.wav").write_bytes(files.wav_bytes())
    (brand / "lookbook.pdf").write_bytes(files.pdf_bytes())
    (brand / "logo.svg").write_text(files.svg_text(), encoding="utf-8")
    (brand / "DemoSans.ttf").write_bytes(files.font_bytes())
    (brand / "sRGB.icc").write_bytes(files.srgb_profile())
    files.save(files.logo_mark(), brand / "logo.png", "PNG")


def create_demo(catalog: Catalog) -> ImportReport:
    """Fill ``catalog`` with the demo collection; returns the import report.

    Raises:
        CatalogError: a demo file was rejected (a bug, not a user mistake).
    """
    with tempfile.TemporaryDirectory(prefix="exportgui-demo-") as temp:
        root = Path(temp) / DEMO_FOLDER
        write_demo_files(root)
        report = catalog.import_paths([root])
        handles = {
            item.path.relative_to(root).as_posix(): item.asset.handle for item in report.imported
        }
        handles |= {
            item.path.relative_to(root).as_posix(): item.handle for item in report.duplicates
        }
    if report.rejected:
        first = report.rejected[0]
        raise CatalogError(f"demo file {first.path.name} was rejected: {first.reason}")
    existing = _existing_sets(catalog)
    for name, (kind, members) in _SETS.items():
        if name.lower() not in existing:
            member_handles = [
                handles[m] if not m.startswith("set:") else existing[m[4:].lower()] for m in members
            ]
            existing[name] = catalog.create_set(kind, name, member_handles, SETS_FOLDER).handle
    known = {name.lower() for name in catalog.macros()}
    catalog.set_macros({n: d for n, d in DEMO_MACROS.items() if n.lower() not in known})
    return report


def _existing_sets(catalog: Catalog) -> dict[str, str]:
    """Sets already in the demo's set folder, lower-cased name -> handle."""
    rows = catalog.db.execute(
        "SELECT name, handle, type FROM assets WHERE folder = ?", (SETS_FOLDER,)
    )
    return {row[0].lower(): row[1] for row in rows if AssetType(row[2]).is_set}
