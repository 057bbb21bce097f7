"""Benchmark of the ExportJob machinery (issue 4). Prints figures; asserts nothing.

    uv run python bench/bench_jobs.py            # everything (a few minutes)
    uv run python bench/bench_jobs.py --quick    # smaller sets, for a smoke run

Measures, each as the median of several runs:

1. plan() and validate() for 10,000 assets (rows inserted straight into a
   scratch catalog: the planner reads metadata only). Target: plan < 0.5 s.
2. orig export throughput against a plain sequential ``shutil.copyfile`` loop
   over the same stored originals to the same disk, interleaved in one run
   (target ratio ≥ 0.9): 1,000 files of 100 KB, 1,000 of 1 MB, 20 of 50 MB;
   plus the cost of ``durable=True`` (fsync per file).
3. convert: the job with 1 and 2 workers (target ≥ 1.7×), against the engine's
   own render_many() with the same number of workers (target: within 10 %),
   and the job on a process pool instead of threads.
4. cancel latency: from ``cancel.set()`` to ``run()`` returning, next to the
   time one render takes (target: ≤ 1 s + the renders in flight).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exportgui.catalog import Catalog
from exportgui.imaging import ISAttributes, parse_request
from exportgui.imaging.batch import RenderTask, render_many
from exportgui.jobs import ExportJob, Fmt, Progress, RunOptions, plan, run, validate

CONVERT_MODIFIER = "wid=1200&qlt=85"


def median_time(
    fn: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None
) -> float:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fresh(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


# -- 1. plan and validate on 10,000 assets ---------------------------------------------
def bench_plan(root: Path, count: int) -> None:
    with Catalog.open(root / "big-catalog") as catalog:
        rows = []
        for i in range(count):
            name = f"photo_{i:05d}"
            folder = f"shoots/day{i % 40}"
            sha = hashlib.sha256(name.encode()).hexdigest()
            rows.append(
                (f"h{i:07d}", name, f"{name}.jpg", folder, "Image", 2_000_000, sha,
                 6000, 4000, "RGB", "2026-01-01T00:00:00+00:00")
            )  # fmt: skip
        with catalog.db.transaction() as conn:
            conn.executemany("INSERT INTO assets VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        catalog.set_macro("web", "fmt=png&qlt=90")
        dest = root / "plan-dest"
        fresh(dest)
        handles = tuple(r[0] for r in rows)
        orig = ExportJob(handles, Fmt.ORIG, destination=dest, keep_folders=True)
        convert = ExportJob(handles, Fmt.CONVERT, "wid=800", "$web$", destination=dest)
        per_object = ExportJob(handles, Fmt.CONVERT, "wid=800&$t=$object$", destination=dest)
        plan(orig, catalog)  # warm caches
        t_orig = median_time(lambda: plan(orig, catalog), 5)
        t_convert = median_time(lambda: plan(convert, catalog), 5)
        t_object = median_time(lambda: plan(per_object, catalog), 5)
        t_validate = median_time(lambda: validate(convert, catalog), 9)
    print(
        f"plan, {count} assets: orig {t_orig:.3f} s, convert {t_convert:.3f} s, "
        f"convert with $object$ (parse per asset) {t_object:.3f} s   [target < 0.5 s]"
    )
    print(f"validate, {count} assets selected (per keystroke): {t_validate * 1000:.1f} ms")


# -- 2. orig throughput ------------------------------------------------------------------
def bench_orig(root: Path, count: int, size: int) -> None:
    sources = root / "orig-sources"
    fresh(sources)
    rng = os.urandom
    for i in range(count):
        (sources / f"file_{i:04d}.bin").write_bytes(rng(size))
    with Catalog.open(root / f"orig-catalog-{count}-{size}") as catalog:
        report = catalog.import_paths([sources])
        handles = tuple(item.asset.handle for item in report.imported)
        stored = [catalog.original_path(h) for h in handles]
        total = sum(p.stat().st_size for p in stored)
        dest = root / "orig-dest"
        plain_dest = root / "orig-plain"

        def plain_copy() -> None:
            for path in stored:
                shutil.copyfile(path, plain_dest / path.name)

        def export(durable: bool = False, workers: int = 0) -> None:
            job = ExportJob(handles, Fmt.ORIG, destination=dest)
            log = run(plan(job, catalog), catalog, RunOptions(workers=workers, durable=durable))
            assert log.file_success_count == len(handles), log.fatal_error

        repeat = 9 if total < 200e6 else 5  # small sets vary more
        results: dict[str, list[float]] = {"plain": [], "export": [], "export1": []}
        for _ in range(repeat):  # interleaved, so both see the same disk state
            for key, fn, folder in (
                ("plain", plain_copy, plain_dest),
                ("export", export, dest),
                ("export1", lambda: export(workers=1), dest),
            ):
                fresh(folder)
                os.sync()  # no writeback of the last round's files pacing this one
                start = time.perf_counter()
                fn()
                results[key].append(time.perf_counter() - start)
        t_plain = statistics.median(results["plain"])
        t_export = statistics.median(results["export"])
        t_export1 = statistics.median(results["export1"])
        t_durable = median_time(lambda: export(durable=True), 3, setup=lambda: fresh(dest))
    mb = total / 1e6
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"orig, {count} files × {size / 1e6:g} MB ({mb:.0f} MB), medians of {repeat}:")
    print(f"  load average {load}")
    print(f"  plain copyfile loop    {mb / t_plain:6.0f} MB/s  {t_plain:7.3f} s")
    print(
        f"  export (workers=cores) {mb / t_export:6.0f} MB/s  {t_export:7.3f} s  "
        f"ratio {t_plain / t_export:.2f}   [target ≥ 0.9]"
    )
    print(
        f"  export (workers=1)     {mb / t_export1:6.0f} MB/s  {t_export1:7.3f} s  "
        f"ratio {t_plain / t_export1:.2f}"
    )
    print(
        f"  export durable=True    {mb / t_durable:6.0f} MB/s  {t_durable:7.3f} s  "
        f"(fsync each file: {t_durable / t_export:.1f}× the time)"
    )


# -- 3. convert throughput, 4. cancel latency -------------------------------------------------
def photo(path: Path, seed: int, size: tuple[int, int]) -> None:
    try:
        from make_corpus import make_image  # numpy, the bench group

        image = make_image(seed, *size)
    except ImportError:
        image = Image.effect_noise(size, 30 + seed).convert("RGB")
    image.save(path, quality=90)


def bench_convert(root: Path, count: int, size: tuple[int, int]) -> None:
    sources = root / "photos"
    fresh(sources)
    for i in range(count):
        photo(sources / f"photo_{i:03d}.jpg", i + 1, size)
    request = parse_request(CONVERT_MODIFIER, {})
    attrs = ISAttributes()
    with Catalog.open(root / "convert-catalog") as catalog:
        report = catalog.import_paths([sources])
        handles = tuple(item.asset.handle for item in report.imported)
        stored = [catalog.original_path(h) for h in handles]
        dest = root / "convert-dest"
        job = ExportJob(handles, Fmt.CONVERT, CONVERT_MODIFIER, destination=dest)

        def engine(workers: int) -> None:
            tasks = [
                RenderTask(path, request, attrs, dest / f"{i}.jpg", i)
                for i, path in enumerate(stored)
            ]
            for result in render_many(tasks, workers):
                assert result.ok, result.error

        def export(workers: int, processes: bool = False) -> None:
            pool = ProcessPoolExecutor(workers) if processes else None
            try:
                log = run(plan(job, catalog), catalog, RunOptions(workers=workers, executor=pool))
            finally:
                if pool is not None:
                    pool.shutdown()
            assert log.file_success_count == len(handles), log.details[:1]

        fresh(dest)
        engine(2)  # warm up decoders and the page cache
        times: dict[str, list[float]] = {}
        runs = {
            "engine1": lambda: engine(1),
            "job1": lambda: export(1),
            "engine2": lambda: engine(2),
            "job2": lambda: export(2),
            "job2proc": lambda: export(2, processes=True),
        }
        for _ in range(3):
            for key, fn in runs.items():
                fresh(dest)
                start = time.perf_counter()
                fn()
                times.setdefault(key, []).append(time.perf_counter() - start)
        t = {k: statistics.median(v) for k, v in times.items()}
        per_asset = t["engine1"] / count

        # Cancel latency: set the flag after the second asset, time until run() returns.
        latencies = []
        for _ in range(3):
            fresh(dest)
            cancel = threading.Event()
            asked: list[float] = []

            def progress(
                p: Progress, cancel: threading.Event = cancel, asked: list[float] = asked
            ) -> None:
                if p.done >= 2 and not cancel.is_set():
                    asked.append(time.perf_counter())
                    cancel.set()

            run(
                plan(job, catalog), catalog, RunOptions(workers=2, cancel=cancel, progress=progress)
            )
            latencies.append(time.perf_counter() - asked[0])
    rate = {k: count / v for k, v in t.items()}
    print(
        f"convert '{CONVERT_MODIFIER}', {count} photos {size[0]}×{size[1]} JPEG "
        f"(one render ≈ {per_asset * 1000:.0f} ms):"
    )
    print(f"  engine render_many, 1 worker   {rate['engine1']:6.2f} images/s")
    print(
        f"  job, 1 worker                  {rate['job1']:6.2f} images/s  "
        f"= {rate['job1'] / rate['engine1']:.2f} of the engine   [target ≥ 0.9]"
    )
    print(
        f"  engine render_many, 2 workers  {rate['engine2']:6.2f} images/s  "
        f"= {rate['engine2'] / rate['engine1']:.2f}× 1 worker"
    )
    print(
        f"  job, 2 workers (threads)       {rate['job2']:6.2f} images/s  "
        f"= {rate['job2'] / rate['engine2']:.2f} of the engine, "
        f"{rate['job2'] / rate['job1']:.2f}× 1 worker   [targets ≥ 0.9, ≥ 1.7×]"
    )
    print(
        f"  job, 2 workers (processes)     {rate['job2proc']:6.2f} images/s  "
        f"= {rate['job2proc'] / rate['job2']:.2f} of threads"
    )
    print(
        f"cancel latency (2 workers): median {statistics.median(latencies) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms; one render ≈ {per_asset * 1000:.0f} ms   "
        "[target ≤ 1 s + renders in flight]"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sets (smoke run)")
    parser.add_argument("--dir", type=Path, help="scratch folder (default: a temporary one)")
    args = parser.parse_args()
    print(f"cpus: {os.cpu_count()}  python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(dir=args.dir) as scratch:
        root = Path(scratch)
        bench_plan(root, 10_000)
        if args.quick:
            bench_orig(root, 40, 1_000_000)
            bench_convert(root, 6, (1600, 1200))
        else:
            bench_orig(root, 1000, 100_000)
            bench_orig(root, 1000, 1_000_000)
            bench_orig(root, 20, 50_000_000)
            bench_convert(root, 16, (4000, 3000))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
