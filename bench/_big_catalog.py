"""A catalog of many assets for the benchmarks: metadata rows inserted directly, built once."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from pathlib import Path

from exportgui.catalog import AssetType, Catalog

SIZES = [(1200, 900), (1280, 960), (1440, 960), (1600, 1000), (1600, 1200), (1680, 1050)]


def build_big_catalog(folder: Path, count: int, sizes: Sequence[tuple[int, int]] = SIZES) -> None:
    """A catalog of ``count`` image rows (direct inserts) plus 20 Spin Sets, built once."""
    marker = folder / f".built-{count}"
    if marker.exists():
        return
    if folder.exists():
        shutil.rmtree(folder)
    print(f"building a {count:,}-asset catalog in {folder} …", flush=True)
    with Catalog.open(folder) as catalog:
        rows = []
        for i in range(count):
            w, h = sizes[i % len(sizes)]
            digest = hashlib.sha256(i.to_bytes(8, "big")).hexdigest()
            rows.append(
                (
                    f"a{digest[:16]}",
                    f"photo-{i:06d}",
                    f"photo-{i:06d}.jpg",
                    f"shoots/{i % 40:02d}/day-{i % 7}",
                    AssetType.IMAGE.value,
                    400_000 + i % 100_000,
                    digest,
                    w,
                    h,
                    "RGB",
                    "2026-01-01T12:00:00+00:00",
                )
            )
        with catalog.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO assets (handle, name, file_name, folder, type, bytes, sha256, "
                "width, height, mode, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        for k in range(20):
            members = [rows[k * 50 + j][0] for j in range(24)]
            catalog.create_set(AssetType.SPIN_SET, f"spin-{k}", members, folder="sets")
    marker.touch()
