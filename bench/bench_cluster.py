"""Benchmark of jobs on a Dask cluster (issue 14). Prints figures; asserts nothing.

    uv run python bench/bench_cluster.py            # everything (a few minutes)
    uv run python bench/bench_cluster.py --quick    # smaller sets, for a smoke run

Measures, as medians of paired runs (the two contenders back to back, the
order swapped every pair, so both see the same load on a shared machine):

1. convert: the same render job on the local pool (2 workers) and on a
   LocalCluster of 2 worker processes. Target: the cluster keeps ≥ 85 % of
   the local throughput.
2. orig: many small files (copies handed out 32 to a task) on both.
3. The submitting side's costs, from inside a cluster run: per placed output
   (job log record + the rename into place, summed over the run's commits),
   and the submitting process's CPU per output and per task (orig: the small
   files; convert: 64×48 photos, so the renders cost next to nothing and the
   coordination is what is left), with the scheduler and the workers in
   processes of their own (``dask scheduler`` and ``dask worker``), so only
   the submitter's own work is counted; the scheduler's CPU per task is read
   from its process. Then empty tasks: the round trip alone.
4. The submitting side's Python heap against the job's size (``--memory``
   alone): the plan, the run and a resume of the whole job, on the local pool
   and on a LocalCluster.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TypeVar

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_jobs import photo

from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt, RunOptions, plan, resume, run
from exportgui.jobs import runner as runner_module
from exportgui.jobs.cluster import Cluster, connect
from exportgui.jobs.produce import Produced

CONVERT_MODIFIER = "wid=1200&qlt=85"
T = TypeVar("T")


def fresh(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def paired(
    contenders: dict[str, Callable[[], float]], pairs: int
) -> tuple[dict[str, float], float]:
    """Median seconds of each of two contenders, and the median of the per-pair ratios b/a."""
    (a, run_a), (b, run_b) = contenders.items()
    times: dict[str, list[float]] = {a: [], b: []}
    ratios = []
    for i in range(pairs):
        order = [(a, run_a), (b, run_b)] if i % 2 == 0 else [(b, run_b), (a, run_a)]
        got = {}
        for key, fn in order:
            got[key] = fn()
            times[key].append(got[key])
        ratios.append(got[a] / got[b])  # throughput of b relative to a
    return {k: statistics.median(v) for k, v in times.items()}, statistics.median(ratios)


def timed_run(job: ExportJob, catalog: Catalog, dest: Path, options: RunOptions) -> float:
    fresh(dest)
    os.sync()
    start = time.perf_counter()
    log = run(plan(job, catalog), catalog, options)
    elapsed = time.perf_counter() - start
    assert log.file_success_count == len(job.asset_handles), log.fatal_error or log.details[:1]
    return elapsed


def on_cluster(cluster: Cluster, catalog: Catalog, job: ExportJob) -> RunOptions:
    assert job.destination is not None
    cluster.probe(catalog.original_path(job.asset_handles[0]), Path(job.destination))
    return RunOptions(executor=cluster.executor())


def make_files(root: Path, small: int) -> tuple[str, ...]:
    """``small`` files of 2-3 KB, imported; their handles."""
    files = root / "files"
    fresh(files)
    for i in range(small):
        (files / f"file_{i:05d}.bin").write_bytes(os.urandom(2000 + i % 1000))
    with Catalog.open(root / "catalog") as catalog:
        return tuple(i.asset.handle for i in catalog.import_paths([files]).imported)


# -- 1., 2. throughput -------------------------------------------------------------------
def bench_throughput(root: Path, cluster: Cluster, photos: int, size: tuple[int, int],
                     small: int, pairs: int) -> None:  # fmt: skip
    sources = root / "photos"
    fresh(sources)
    for i in range(photos):
        photo(sources / f"photo_{i:03d}.jpg", i + 1, size)
    copies = make_files(root, small)
    with Catalog.open(root / "catalog") as catalog:
        renders = tuple(i.asset.handle for i in catalog.import_paths([sources]).imported)
        dest = root / "dest"
        for title, job in (
            (
                f"convert '{CONVERT_MODIFIER}', {photos} photos {size[0]}×{size[1]} JPEG",
                ExportJob(renders, Fmt.CONVERT, CONVERT_MODIFIER, destination=dest),
            ),
            (f"orig, {small} files of 2-3 KB", ExportJob(copies, Fmt.ORIG, destination=dest)),
        ):
            fresh(dest)
            timed_run(job, catalog, dest, RunOptions(workers=2))  # warm the page cache
            medians, ratio = paired(
                {
                    "local": lambda job=job: timed_run(job, catalog, dest, RunOptions(workers=2)),
                    "cluster": lambda job=job: timed_run(
                        job, catalog, dest, on_cluster(cluster, catalog, job)
                    ),
                },
                pairs,
            )
            count = len(job.asset_handles)
            print(f"{title}: medians of {pairs} paired runs, load average {load()}")
            print(f"  local pool, 2 workers          {count / medians['local']:8.1f} files/s")
            print(
                f"  LocalCluster, 2 processes      {count / medians['cluster']:8.1f} files/s  "
                f"= {ratio:.2f} of local (median of pair ratios)"
                + ("   [target ≥ 0.85]" if job.fmt is Fmt.CONVERT else "")
            )


# -- 3. the submitting side's costs ------------------------------------------------------------
@contextmanager
def separate_cluster(workers: int) -> Iterator[tuple[str, psutil.Process]]:
    """A scheduler and workers in processes of their own; yields its address and the scheduler."""
    bin_dir = Path(sys.executable).parent
    scratch = Path(tempfile.mkdtemp())
    scheduler_file = scratch / "scheduler.json"
    scheduler = subprocess.Popen(
        [bin_dir / "dask", "scheduler", "--port", "0", "--dashboard-address", ":0",
         "--scheduler-file", scheduler_file],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    worker = None
    try:
        while not scheduler_file.exists():
            time.sleep(0.05)
        time.sleep(0.2)
        import json

        address = json.loads(scheduler_file.read_text())["address"]
        worker = subprocess.Popen(
            [bin_dir / "dask", "worker", address, "--nworkers", str(workers), "--nthreads", "1",
             "--no-dashboard"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        yield address, psutil.Process(scheduler.pid)
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)


def idle_cpu(process: psutil.Process, seconds: float = 2.0) -> float:
    """CPU seconds per second ``process`` spends with nothing to do (heartbeats, timers)."""
    before = sum(process.cpu_times()[:2])
    time.sleep(seconds)
    return (sum(process.cpu_times()[:2]) - before) / seconds


def bench_submitter(root: Path, small: int, rounds: int) -> None:
    commit_s: list[float] = []
    record_s: list[float] = []
    placed: list[int] = []
    original_commit = runner_module.JobRun._commit_many
    original_record = runner_module.JobLogStore.record_many

    def commit_many(self: runner_module.JobRun, ready: list[object]) -> None:
        start = time.perf_counter()
        original_commit(self, ready)  # type: ignore[arg-type]
        commit_s.append(time.perf_counter() - start)
        placed.append(len(ready))

    def record_many(self: object, handle: str, *outcomes_placed: object) -> None:
        start = time.perf_counter()
        original_record(self, handle, *outcomes_placed)  # type: ignore[arg-type]
        record_s.append(time.perf_counter() - start)

    # title → per-output figures of each round: place+record, record, CPU, scheduler CPU/task
    figures: dict[str, list[tuple[float, float, float, float, float]]] = {}
    with separate_cluster(2) as (address, scheduler):
        cluster = connect(address)
        cluster.client.wait_for_workers(2)
        idle = idle_cpu(scheduler)
        try:
            with Catalog.open(root / "catalog") as catalog:
                tiny = root / "tiny"
                fresh(tiny)
                for i in range(small // 4):
                    photo(tiny / f"tiny_{i:04d}.jpg", i + 1, (64, 48))
                catalog.import_paths([tiny])
                assets = catalog.list_assets()
                copies = tuple(a.handle for a in assets if a.file_name.endswith(".bin"))[:small]
                # Tiny renders: the work is next to nothing, what is left is the coordination.
                renders = tuple(a.handle for a in assets if a.file_name.startswith("tiny_"))
                dest = root / "dest"
                jobs = {
                    "orig": ExportJob(copies, Fmt.ORIG, destination=dest),
                    "convert": ExportJob(renders, Fmt.CONVERT, "wid=32&qlt=85", destination=dest),
                }
                for _ in range(rounds):
                    for title, job in jobs.items():
                        commit_s.clear(), record_s.clear(), placed.clear()
                        runner_module.JobRun._commit_many = commit_many  # type: ignore[method-assign, assignment]
                        runner_module.JobLogStore.record_many = record_many  # type: ignore[method-assign, assignment]
                        fresh(dest)
                        options = on_cluster(cluster, catalog, job)
                        cpu0 = time.process_time()
                        sched0 = sum(scheduler.cpu_times()[:2])
                        elapsed = timed_run(job, catalog, dest, options)
                        cpu = time.process_time() - cpu0
                        sched = sum(scheduler.cpu_times()[:2]) - sched0 - idle * elapsed
                        runner_module.JobRun._commit_many = original_commit  # type: ignore[method-assign]
                        runner_module.JobLogStore.record_many = original_record  # type: ignore[method-assign]
                        n = sum(placed)
                        tasks = n if job.fmt is Fmt.CONVERT else -(-n // 32)
                        figures.setdefault(title, []).append(
                            (sum(commit_s) / n, sum(record_s) / n, cpu / n, cpu / tasks,
                             sched / tasks)
                        )  # fmt: skip
        finally:
            cluster.close()
    print(
        f"submitting side, scheduler and 2 workers in processes of their own, medians of "
        f"{rounds} runs, load {load()}:"
    )
    print(f"  scheduler idle CPU {idle * 1000:.0f} ms/s (taken off its figures below)")
    for title, rows in figures.items():
        place, record, cpu, cpu_task, sched = (
            statistics.median(c) for c in zip(*rows, strict=True)
        )
        print(
            f"  {title:8s} place+record {place * 1e6:5.0f} µs/output (record {record * 1e6:4.0f}, "
            f"rename {(place - record) * 1e6:4.0f}); submitter CPU {cpu * 1e6:5.0f} µs/output "
            f"= {cpu_task * 1e6:6.0f} µs/task; scheduler CPU {sched * 1e6:5.0f} µs/task"
        )


# -- 4. memory ----------------------------------------------------------------------------
def traced(fn: Callable[[], T]) -> tuple[T, int]:
    """``fn()`` and the most Python heap it held above what was held when it began."""
    gc.collect()  # no garbage of the last measurement freed (or not) during this one
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def bench_memory(root: Path, sizes: list[int]) -> None:
    """The submitting side's Python heap against the job's size: the plan, the run, a resume.

    orig jobs of small files, on the local pool and on a LocalCluster of 2
    workers. The plan is measured on its own; the run above the plan it is
    given (what the run itself holds); the resume of the whole job (its
    outcomes cleared, its files removed) from nothing but the job's handle.
    """
    handles = make_files(root, max(sizes))
    dest = root / "dest"
    rows: dict[str, list[tuple[int, int, int, int]]] = {}
    cluster = connect("local:2")
    cluster.client.wait_for_workers(2)
    try:
        with Catalog.open(root / "catalog") as catalog:

            def options(job: ExportJob, where: str) -> RunOptions:
                if where == "cluster":
                    return on_cluster(cluster, catalog, job)
                return RunOptions(workers=2)

            for n in sizes:
                job = ExportJob(handles[:n], Fmt.ORIG, destination=dest)
                for where in ("local pool", "cluster"):
                    fresh(dest)
                    planned, plan_bytes = traced(partial(plan, job, catalog))
                    log, run_bytes = traced(partial(run, planned, catalog, options(job, where)))
                    handle = log.job_handle
                    del planned, log
                    fresh(dest)
                    catalog.db.execute(
                        "UPDATE joblog_item SET outcome=NULL, message=NULL, output=NULL,"
                        " temp=NULL WHERE job_handle=?",
                        (handle,),
                    )
                    catalog.db.execute(
                        "UPDATE joblog_job SET state='cancelled', success_count=0"
                        " WHERE job_handle=?",
                        (handle,),
                    )
                    again = options(job, where)
                    resumed, resume_bytes = traced(partial(resume, handle, catalog, options=again))
                    assert resumed.file_success_count == n, resumed.fatal_error
                    rows.setdefault(where, []).append((n, plan_bytes, run_bytes, resume_bytes))
    finally:
        cluster.close()
    print(f"submitting side's Python heap (tracemalloc peak above the start), load {load()}:")
    for where, figures in rows.items():
        for n, plan_bytes, run_bytes, resume_bytes in figures:
            print(
                f"  {where:10s} orig {n:6d} files: plan {plan_bytes / 1e6:6.2f} MB, "
                f"run {run_bytes / 1e6:6.2f} MB, resume {resume_bytes / 1e6:6.2f} MB"
            )
        (n1, p1, r1, s1), (n2, p2, r2, s2) = figures[0], figures[-1]
        print(
            f"  {where:10s} per asset more: plan {(p2 - p1) / (n2 - n1):5.0f} B, "
            f"run {(r2 - r1) / (n2 - n1):5.0f} B, resume {(s2 - s1) / (n2 - n1):5.0f} B"
        )


def bench_round_trip(count: int) -> None:
    """Empty tasks through ClusterExecutor, 40 in flight: the round trip with no work."""
    from concurrent.futures import FIRST_COMPLETED, wait

    with separate_cluster(2) as (address, scheduler):
        cluster = connect(address)
        cluster.client.wait_for_workers(2)
        try:
            executor = cluster.executor()
            for _ in range(2):  # the second round is measured (imports done)
                cpu0, sched0 = time.process_time(), sum(scheduler.cpu_times()[:2])
                start = time.perf_counter()
                pending: set[object] = set()
                sent = 0
                while sent < count or pending:
                    while sent < count and len(pending) < 40:
                        pending.add(executor.submit(Produced, sent, "ok"))
                        sent += 1
                    _done, pending = wait(pending, return_when=FIRST_COMPLETED)  # type: ignore[arg-type, assignment]
                elapsed = time.perf_counter() - start
                cpu = time.process_time() - cpu0
                sched = sum(scheduler.cpu_times()[:2]) - sched0
            executor.shutdown()
        finally:
            cluster.close()
    print(
        f"empty tasks, 40 in flight, {count}: {count / elapsed:6.0f} tasks/s; "
        f"submitter CPU {cpu / count * 1e6:5.0f} µs/task, scheduler CPU "
        f"{sched / count * 1e6:5.0f} µs/task"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sets (smoke run)")
    parser.add_argument("--costs", action="store_true", help="only the submitting side's costs")
    parser.add_argument("--memory", action="store_true", help="only the memory against job size")
    parser.add_argument("--dir", type=Path, help="scratch folder (default: a temporary one)")
    args = parser.parse_args()
    print(f"cpus: {os.cpu_count()}  python {sys.version.split()[0]}  load {load()}")
    photos, size, small, pairs = (
        (8, (1600, 1200), 400, 3) if args.quick else (24, (3000, 2000), 3000, 7)
    )
    with tempfile.TemporaryDirectory(dir=args.dir) as scratch:
        root = Path(scratch)
        sizes = [500, 2000] if args.quick else [1000, 4000, 16000]
        if args.memory:
            bench_memory(root, sizes)
            return 0
        if args.costs:
            make_files(root, small)
        else:
            cluster = connect("local:2")
            cluster.client.wait_for_workers(2)
            try:
                bench_throughput(root, cluster, photos, size, small, pairs)
            finally:
                cluster.close()
        bench_submitter(root, small, 3 if args.quick else 5)
        bench_round_trip(500 if args.quick else 3000)
        bench_memory(root / "memory", sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
