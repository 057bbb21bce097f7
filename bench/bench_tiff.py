"""TIFF LZW encoder candidates on one 24-MP corpus image: time, CPU, size, GIL.

    uv run --group bench python bench/bench_tiff.py
    uv run --group bench python bench/bench_tiff.py --repeats 3
    uv run --group bench --with tifffile python bench/bench_tiff.py   # + tifffile's writer

The source is decoded once (Pillow, full size); every candidate then encodes
the same RGB pixels as ``fmt=tif,rgb,lzw`` would, to a file. Medians over
interleaved repeats (every candidate once, then every candidate again). Per
candidate: wall and CPU milliseconds of one encode, the file's size, whether
it reads back pixel-identical in Pillow and in libvips, and the share of the
time two threads encoding two copies at once spend *blocked* (on the GIL; see
``bench/_gil.py``: ~0 % = runs without the GIL, ~50 % = the two take turns;
only meaningful for the one-thread candidates).
On a shared machine CPU milliseconds say more than wall time: at 2 workers on
2 busy cores, throughput is the cores divided by the CPU time per image.

Candidates: Pillow's libtiff (the path without the fast-tiff extra; 64 KB
strips, and 1 MB strips), tifffile + imagecodecs on the whole array (1 and 2
compression threads; when tifffile is installed), the engine's strip writer
(:mod:`exportgui.imaging.tiff_strips`, 1 and 2 threads), and libvips from
memory; then decode + encode per image, one thread, for Pillow, the engine's
writer and libvips.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np
from _gil import _schedstat
from PIL import Image

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "tiff"

Encode = Callable[[Image.Image, Path], None]


def candidates() -> dict[str, Encode]:
    found: dict[str, Encode] = {}

    def pillow(strip: int) -> Encode:
        def run(image: Image.Image, path: Path) -> None:
            image.encoderinfo = {}  # Pillow keeps the last save's options on the image
            image.save(path, "TIFF", compression="tiff_lzw", tiffinfo={317: 2}, strip_size=strip)

        return run

    found["pillow libtiff, 64 KB strips"] = pillow(65536)
    found["pillow libtiff, 1 MB strips"] = pillow(1 << 20)
    from exportgui.imaging import tiff_strips

    if not tiff_strips.available():
        print("skipped: the engine's writer and tifffile (imagecodecs missing: uv sync)")
        return found
    try:
        import tifffile
    except ImportError:
        print("skipped: tifffile (not a dependency: uv run --with tifffile ...)")
        tifffile = None

    def whole(workers: int) -> Encode:
        def run(image: Image.Image, path: Path) -> None:
            pixels = np.asarray(image)
            tifffile.imwrite(
                path,
                pixels,
                photometric="rgb",
                compression="lzw",
                predictor=True,
                maxworkers=workers,
                metadata=None,
                software=None,
            )

        return run

    if tifffile is not None:
        found["tifffile array, 1 thread"] = whole(1)
        found["tifffile array, 2 threads"] = whole(2)

    def engine(workers: int) -> Encode:
        def run(image: Image.Image, path: Path) -> None:
            with path.open("wb") as out:
                tiff_strips.write_lzw(image, out, threads=workers)

        return run

    found["engine strips, 1 thread"] = engine(1)
    found["engine strips, 2 threads"] = engine(2)
    try:
        import pyvips
    except (ImportError, OSError):
        print("skipped: pyvips (uv sync --group bench, and libvips)")
        return found

    def vips(image: Image.Image, path: Path) -> None:
        pyvips.cache_set_max(0)
        pyvips.concurrency_set(1)
        memory = pyvips.Image.new_from_memory(image.tobytes(), *image.size, 3, "uchar")
        memory.write_to_file(str(path), compression="lzw")

    found["libvips (from memory, conc 1)"] = vips
    return found


def pipelines(source: Path) -> dict[str, Callable[[Path], None]]:
    """Decode + encode of one file, as each tool does it for one image."""

    def decoded() -> Image.Image:
        # As render() decodes: no copy (Pillow lets go of the file once a JPEG is loaded).
        image = Image.open(source)
        image.load()
        return image if image.mode == "RGB" else image.convert("RGB")

    found: dict[str, Callable[[Path], None]] = {
        "pillow decode + libtiff": lambda path: decoded().save(
            path, "TIFF", compression="tiff_lzw", tiffinfo={317: 2}
        )
    }
    try:
        from exportgui.imaging import tiff_strips

        def engine(path: Path) -> None:
            with path.open("wb") as out:
                tiff_strips.write_lzw(decoded(), out, threads=1)

        found["pillow decode + engine strips"] = engine
    except ImportError:
        pass
    try:
        import pyvips

        def vips(path: Path) -> None:
            pyvips.cache_set_max(0)
            pyvips.concurrency_set(1)
            image = pyvips.Image.new_from_file(str(source), access="sequential")
            image.write_to_file(str(path), compression="lzw")

        found["libvips decode + encode"] = vips
    except (ImportError, OSError):
        pass
    return found


def blocked_share(encode: Encode, images: list[Image.Image]) -> float | None:
    """Share of two concurrent encodes' wall time spent sleeping (waiting for the GIL)."""
    shares: list[float] = []

    def one(i: int) -> None:
        before, start = _schedstat(), time.perf_counter()
        encode(images[i], OUT / f"gil{i}.tif")
        after, wall = _schedstat(), time.perf_counter() - start
        if before is not None and after is not None and wall > 0:
            busy = (after[0] - before[0]) + (after[1] - before[1])
            shares.append(max(0.0, wall - busy) / wall)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statistics.mean(shares) if shares else None


def identical(path: Path, image: Image.Image) -> str:
    """'yes'/'NO' per reader: Pillow, then libvips (when it is there)."""
    with Image.open(path) as back:
        answers = ["yes" if back.mode == image.mode and back.tobytes() == image.tobytes() else "NO"]
    try:
        import pyvips

        vips = pyvips.Image.new_from_file(str(path), access="sequential")
        answers.append("yes" if vips.write_to_memory() == image.tobytes() else "NO")
    except (ImportError, OSError):
        answers.append("-")
    return "/".join(answers)


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="interleaved repeats (default 5)")
    args = parser.parse_args(argv)
    import make_corpus

    source = make_corpus.build(count=1)[0]
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"source: {source.name}; cpus {os.cpu_count()}; load at start {os.getloadavg()}")
    with Image.open(source) as opened:
        image = opened.convert("RGB")
    copies = [image.copy(), image.copy()]
    encoders = candidates()
    walls: dict[str, list[float]] = defaultdict(list)
    cpus: dict[str, list[float]] = defaultdict(list)
    for encode in encoders.values():  # untimed: imports, first allocations
        encode(image, OUT / "warm.tif")
    for _ in range(args.repeats):
        for name, encode in encoders.items():
            wall, cpu = timed(lambda encode=encode: encode(image, OUT / "one.tif"))
            walls[name].append(wall)
            cpus[name].append(cpu)
    print()
    print(f"encode only, 6000x4000 RGB, median of {args.repeats}")
    header = f"{'candidate':32s} {'wall ms':>8s} {'CPU ms':>7s} {'MB':>7s}"
    print(f"{header} {'same px (PIL/vips)':>18s} {'GIL':>5s}")
    for name, encode in encoders.items():
        path = OUT / "check.tif"
        encode(image, path)
        share = blocked_share(encode, copies)
        print(
            f"{name:32s} {statistics.median(walls[name]) * 1000:8.0f}"
            f" {statistics.median(cpus[name]) * 1000:7.0f} {path.stat().st_size / 1e6:7.2f}"
            f" {identical(path, image):>18s}"
            f" {'-' if share is None else f'{100 * share:4.0f}%':>5s}"
        )
    flows = pipelines(source)
    walls.clear()
    cpus.clear()
    for _ in range(args.repeats):
        for name, flow in flows.items():
            wall, cpu = timed(lambda flow=flow: flow(OUT / "flow.tif"))
            walls[name].append(wall)
            cpus[name].append(cpu)
    print()
    print(f"decode + encode per image (one thread), median of {args.repeats}")
    base = statistics.median(cpus.get("libvips decode + encode", [0.0])) or None
    for name in flows:
        cpu = statistics.median(cpus[name])
        ratio = f"  libvips CPU / this = {base / cpu:.2f}x" if base else ""
        print(f"{name:32s} {statistics.median(walls[name]) * 1000:8.0f} {cpu * 1000:7.0f}{ratio}")
    print(f"\nload at end {os.getloadavg()}")
    for leftover in OUT.glob("*.tif"):
        leftover.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
