"""Catalog speed: import throughput and listing a 100,000-asset catalog.

    uv run python bench/bench_catalog.py                 # 1,000 JPEGs, 100,000 assets
    uv run python bench/bench_catalog.py --files 200 --assets 20000 --runs 3

1. Import: 1,000 ordinary 1–2 MP JPEGs (photo-like, with per-pixel grain so
   they are ~300–600 kB like camera exports), generated once into
   ``bench/corpus/catalog-jpegs/``; each run imports them into a fresh
   catalog. Prints files/s and MB/s, median of the runs. The corpus is in
   the page cache after the first run (warm cache: this measures hashing,
   copying, header probing and the database, not the disk).
2. List: a catalog of 100,000 metadata rows (and a few sets) built by direct
   inserts; times ``Catalog.list_assets()`` in this process and the real
   ``exportgui --catalog DIR list --json`` subprocess (stdout to /dev/null).

Needs numpy (the ``bench`` dependency group).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from _big_catalog import SIZES, build_big_catalog
from PIL import Image

from exportgui.catalog import Catalog
from exportgui.catalog.demo_files import photo

BENCH = Path(__file__).resolve().parent
CORPUS = BENCH / "corpus" / "catalog-jpegs"
OUT = BENCH / "out"


def _make_jpeg(index: int) -> None:
    size = SIZES[index % len(SIZES)]
    rng = np.random.default_rng(index)
    base = np.asarray(photo(size, index), dtype=np.int16)
    grain = rng.normal(0, 6, (size[1], size[0], 1)).astype(np.int16)
    pixels = np.clip(base + grain, 0, 255).astype(np.uint8)
    path = CORPUS / f"photo-{index:04d}.jpg"
    Image.fromarray(pixels, "RGB").save(path.with_suffix(".part"), "JPEG", quality=90)
    path.with_suffix(".part").replace(path)


def make_corpus(count: int) -> list[Path]:
    CORPUS.mkdir(parents=True, exist_ok=True)
    missing = [i for i in range(count) if not (CORPUS / f"photo-{i:04d}.jpg").exists()]
    if missing:
        print(f"generating {len(missing)} JPEGs into {CORPUS} …", flush=True)
        started = time.perf_counter()
        with ProcessPoolExecutor() as pool:
            list(pool.map(_make_jpeg, missing, chunksize=8))
        print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
    return [CORPUS / f"photo-{i:04d}.jpg" for i in range(count)]


def bench_import(files: list[Path], runs: int) -> None:
    total_bytes = sum(f.stat().st_size for f in files)
    pixels = []
    for f in files[: len(SIZES)]:
        with Image.open(f) as im:
            pixels.append(im.width * im.height / 1e6)
    print(
        f"\nimport: {len(files)} JPEGs, {total_bytes / 1e6:.0f} MB "
        f"({total_bytes / len(files) / 1e3:.0f} kB each, {min(pixels):.1f}–{max(pixels):.1f} MP), "
        f"{os.cpu_count()} CPUs"
    )
    OUT.mkdir(exist_ok=True)
    rates = []
    for run in range(runs):
        with tempfile.TemporaryDirectory(dir=OUT) as temp:
            with Catalog.open(Path(temp) / "catalog") as catalog:
                started = time.perf_counter()
                report = catalog.import_paths(files)
                elapsed = time.perf_counter() - started
            assert len(report.imported) == len(files), report.rejected[:3]
        rates.append(len(files) / elapsed)
        print(f"  run {run + 1}: {elapsed:.2f} s  {rates[-1]:.0f} files/s")
    median = statistics.median(rates)
    print(
        f"  median: {median:.0f} files/s, {median * total_bytes / len(files) / 1e6:.0f} MB/s "
        "(target ≥ 150 files/s)"
    )


def bench_list(count: int, runs: int) -> None:
    folder = OUT / f"catalog-{count}"
    build_big_catalog(folder, count)
    print(f"\nlist: {count:,} assets (+20 spin sets of 24 members)")
    timings = []
    with Catalog.open(folder) as catalog:
        for _ in range(runs):
            started = time.perf_counter()
            assets = catalog.list_assets()
            timings.append(time.perf_counter() - started)
        assert len(assets) == count + 20
    print(f"  Catalog.list_assets():            median {statistics.median(timings):.3f} s")
    for args in (["list", "--json"], ["list"]):
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "exportgui", "--catalog", str(folder), *args],
                stdout=subprocess.DEVNULL,
                check=True,
            )
            timings.append(time.perf_counter() - started)
        label = f"exportgui {' '.join(args)} (subprocess):"
        print(f"  {label:<34}median {statistics.median(timings):.3f} s (target < 2 s)")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import exportgui.cli"], check=True)
    print(f"  (python start + import exportgui.cli: {time.perf_counter() - started:.3f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bench_import(make_corpus(args.files), args.runs)
    bench_list(args.assets, args.runs)


if __name__ == "__main__":
    main()
