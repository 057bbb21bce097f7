"""Watermark benchmark: what a watermark layer adds to a ``wid=1200`` export of 24-MP JPEGs.

    uv run --group bench python bench/bench_watermark.py           # 8 images, 5 repeats
    uv run --group bench python bench/bench_watermark.py --quick   # smoke run: 2 images, 1 repeat

Each source of the corpus (``make_corpus.py``) is rendered to ``wid=1200&qlt=85``
JPEG twice, in alternation, one thread, into memory: plain, and with the demo
catalog's ``watermark`` macro (a 1200×480 RGBA brand mark, a fifth of the
width, 50 % opaque, bottom-right) looked up in a real little catalog of
files. Medians over the repeats per source, then over the sources; the
watermark's cost is the difference, as a share of the plain export. The
mark is decoded once per process and scale (the first, untimed round
decodes it), as in a job.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_imaging import Quiet

PLAIN = "wid=1200&qlt=85"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 images, 1 repeat: a smoke run")
    parser.add_argument("--images", type=int, default=8, help="images (default 8)")
    parser.add_argument("--repeats", type=int, default=5, help="repeats (default 5)")
    parser.add_argument("--quiet-wait", type=float, default=5.0, help="idle wait per round (s)")
    parser.add_argument("--quiet-total", type=float, default=30.0, help="cap on idle waits (s)")
    args = parser.parse_args(argv)
    if args.quick:
        args.images, args.repeats, args.quiet_total = 2, 1, 5.0

    import make_corpus

    from exportgui.catalog.demo import DEMO_MACROS
    from exportgui.catalog.demo_files import logo_mark
    from exportgui.imaging import ISAttributes, parse_request, render
    from exportgui.imaging.sources import SourceEntry, SourceIndex

    files = make_corpus.build(count=args.images)
    for f in files:
        f.read_bytes()
    print(f"corpus: {len(files)} files in {files[0].parent}")
    print(f"cpus: {os.cpu_count()}, load average at start: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="bench-watermark-") as temp:
        logo = Path(temp) / "logo.png"
        mark = logo_mark((1200, 480))
        mark.save(logo)
        entry = SourceEntry(
            "a0000000000000001", "demo/brand", "logo", "logo.png", True, "an image",
            mark.width, mark.height, mark.mode, lambda: logo,
        )  # fmt: skip
        sources = SourceIndex(lambda: [entry])
        macros = {"watermark": DEMO_MACROS["watermark"]}
        requests = {
            "plain": parse_request(PLAIN, {}),
            "watermark": parse_request(f"{PLAIN}&$watermark$", macros, sources=sources),
        }
        attrs = ISAttributes()
        times: dict[str, dict[Path, list[float]]] = {name: {} for name in requests}

        def once(name: str, source: Path) -> float:
            start = time.perf_counter()
            render(source, requests[name], attrs, io.BytesIO())
            return time.perf_counter() - start

        for source in files[:1]:  # untimed: imports, page cache, the mark's one decode
            for name in requests:
                once(name, source)
        quiet = Quiet(args.quiet_wait, args.quiet_total)
        for round_ in range(args.repeats):
            quiet.wait()
            for source in files:
                order = list(requests) if round_ % 2 == 0 else list(reversed(requests))
                for name in order:
                    times[name].setdefault(source, []).append(once(name, source))
        if quiet.busy_runs:
            print(f"note: {quiet.busy_runs} rounds started with the CPUs over 15 % busy")
    medians = {
        name: statistics.median(statistics.median(v) for v in per_file.values())
        for name, per_file in times.items()
    }
    plain, marked = medians["plain"], medians["watermark"]
    print(f"\n{'export, 1 thread':<28} {'ms per 24-MP source':>20}")
    print(f"{'wid=1200 JPEG':<28} {1000 * plain:>20.1f}")
    print(f"{'wid=1200 JPEG + watermark':<28} {1000 * marked:>20.1f}")
    share = 100 * (marked - plain) / plain
    print(f"watermark cost: {1000 * (marked - plain):+.1f} ms = {share:+.1f} % (target ≤ 10 %)")
    print(f"load average at end: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
