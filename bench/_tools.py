"""The contenders of the imaging benchmark: exportgui and its peers, one runner per tool.

A runner is built once per (tool, task, workers) and then called with the
file list; it writes one output per file into its folder and returns when all
are done. Setup (pools, warm-up) happens in ``prepare`` and is not timed.

Peer settings, chosen to match what exportgui is asked for:
- (a) ``wid=1200&qlt=85``: libvips ``thumbnail`` (shrink-on-load, lanczos3),
  JPEG Q85; ImageMagick ``-resize 1200x -quality 85`` (Lanczos when shrinking),
  optionally ``-define jpeg:size=2400x1600`` (2× the target, like libvips'
  shrink-on-load which leaves a factor of 2 for the final filter).
- (b) ``wid=300&hei=300&fit=crop``: ``thumbnail(300, height=300, crop=centre)``;
  ImageMagick ``-resize 300x300^ -gravity center -extent 300x300``; JPEG Q80
  (exportgui's default JpegQuality).
- (c) ``fmt=png``: zlib level 6 everywhere (libvips' default row filter is
  none, ImageMagick's and Pillow's adaptive); the table shows sizes.
- (d) ``fmt=tif,rgb,lzw``: LZW; the predictor each tool uses by default is read
  back from the files and shown. ``exportgui-pillow`` is exportgui's path
  without the ``fast-tiff`` extra: Pillow's libtiff on the process pool.
Workers: exportgui uses ``render_many`` with N workers; pyvips runs with N
Python threads × ``concurrency`` 1 and with 1 thread × ``concurrency`` N, and
the faster is reported (the peer at its best); the command-line tools run N
processes at a time, each limited to one thread (``VIPS_CONCURRENCY=1``,
``MAGICK_THREAD_LIMIT=1``), so N workers means N cores of work for everyone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

TASKS = {
    "a": "wid=1200&qlt=85",
    "b": "wid=300&hei=300&fit=crop",
    "c": "fmt=png",
    "d": "fmt=tif,rgb,lzw",
}
TASK_TITLES = {
    "a": "wid=1200 JPEG q85",
    "b": "300x300 fit=crop",
    "c": "full-size PNG",
    "d": "full-size TIFF LZW",
}
EXT = {"a": ".jpg", "b": ".jpg", "c": ".png", "d": ".tiff"}
FULL_SIZE = ("c", "d")

Run = Callable[[Sequence[Path]], None]


@dataclass
class Runner:
    """A prepared contender: ``run(files)`` does the timed work, ``close()`` tidies up."""

    run: Run
    close: Callable[[], None] = lambda: None
    note: str = ""


def out_path(folder: Path, source: Path, task: str) -> Path:
    return folder / f"{source.stem}{EXT[task]}"


# -- exportgui -----------------------------------------------------------------------------
def exportgui_runner(task: str, workers: int, folder: Path, strategy: str | None) -> Runner:
    from exportgui.imaging import ISAttributes, parse_request
    from exportgui.imaging.batch import (
        RenderTask,
        make_executor,
        render_many,
        request_format,
        strategy_for,
    )

    request = parse_request(TASKS[task], {})
    # Full size: nothing may cap the reply (MaxPix 3000 would refuse it, DefaultPix 1280 shrink it).
    attrs = (
        ISAttributes(max_pix=(0, 0), default_pix=(0, 0)) if task in FULL_SIZE else ISAttributes()
    )
    kind = strategy or strategy_for(*request_format(request))
    executor: Executor = make_executor(kind, workers)  # type: ignore[arg-type]

    def run(files: Sequence[Path]) -> None:
        tasks = [
            RenderTask(f, request, attrs, out_path(folder, f, task), i) for i, f in enumerate(files)
        ]
        for result in render_many(tasks, workers, executor=executor):
            if not result.ok:
                raise RuntimeError(f"exportgui failed on {result.task.source}: {result.error}")

    return Runner(run, lambda: executor.shutdown(wait=True), note=kind)


def pillow_tiff_task(task: object, cancel: object) -> object:
    """render_task with TIFF written by Pillow, as without the fast-tiff extra (in a worker)."""
    from exportgui.imaging import tiff_strips
    from exportgui.imaging.batch import render_task

    tiff_strips.ENABLED = False
    return render_task(task, cancel)  # type: ignore[arg-type]


def exportgui_pillow_runner(task: str, workers: int, folder: Path) -> Runner:
    """exportgui as it writes TIFF without the fast-tiff extra: Pillow on the process pool."""
    import threading

    from exportgui.imaging import ISAttributes, parse_request
    from exportgui.imaging.batch import RenderTask, make_executor

    request = parse_request(TASKS[task], {})
    attrs = ISAttributes(max_pix=(0, 0), default_pix=(0, 0))
    executor = make_executor("process", workers)
    cancel = threading.Event()

    def run(files: Sequence[Path]) -> None:
        futures = [
            executor.submit(
                pillow_tiff_task,
                RenderTask(f, request, attrs, out_path(folder, f, task), i),
                cancel,
            )
            for i, f in enumerate(files)
        ]
        for future in futures:
            result = future.result()
            if not result.ok:  # type: ignore[attr-defined]
                raise RuntimeError(f"exportgui-pillow failed: {result.error}")  # type: ignore[attr-defined]

    return Runner(run, lambda: executor.shutdown(wait=True), note="process, Pillow libtiff")


# -- pyvips --------------------------------------------------------------------------------
def pyvips_available() -> str | None:
    try:
        import pyvips

        return f"pyvips {pyvips.__version__}, libvips {pyvips.version(0)}.{pyvips.version(1)}"
    except Exception:  # ImportError, or OSError when libvips itself is missing
        return None


def pyvips_runner(task: str, threads: int, concurrency: int, folder: Path) -> Runner:
    import pyvips

    pyvips.cache_set_max(0)  # repeats must decode again, not hit the operation cache

    def one(source: Path) -> None:
        dest = str(out_path(folder, source, task))
        if task == "a":
            pyvips.Image.thumbnail(str(source), 1200, height=100_000).write_to_file(dest, Q=85)
        elif task == "b":
            image = pyvips.Image.thumbnail(str(source), 300, height=300, crop="centre")
            image.write_to_file(dest, Q=80)
        elif task == "c":
            image = pyvips.Image.new_from_file(str(source), access="sequential")
            image.write_to_file(dest, compression=6)
        else:
            image = pyvips.Image.new_from_file(str(source), access="sequential")
            image.write_to_file(dest, compression="lzw")

    pool = ThreadPoolExecutor(threads)

    def run(files: Sequence[Path]) -> None:
        pyvips.concurrency_set(concurrency)
        list(pool.map(one, files))

    return Runner(run, lambda: pool.shutdown(), note=f"{threads}thr×conc{concurrency}")


# -- command-line tools --------------------------------------------------------------------
def vips_cli() -> tuple[str, str] | None:
    thumb, vips = shutil.which("vipsthumbnail"), shutil.which("vips")
    return (thumb, vips) if thumb and vips else None


def magick_cli() -> str | None:
    # Prefer the real binary: a `convert` earlier on PATH may be a wrapper script whose own
    # start-up would be timed too.
    for candidate in ("/usr/bin/convert", "/usr/local/bin/magick", "/usr/bin/magick"):
        if Path(candidate).is_file() and _is_binary(Path(candidate)):
            return candidate
    return shutil.which("magick") or shutil.which("convert")


def _is_binary(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def vips_commands(task: str, source: Path, dest: Path, tools: tuple[str, str]) -> list[str]:
    thumb, vips = tools
    if task == "a":
        return [thumb, str(source), "-s", "1200x100000", "-o", f"{dest}[Q=85]"]
    if task == "b":
        return [thumb, str(source), "-s", "300x300", "-m", "centre", "-o", f"{dest}[Q=80]"]
    if task == "c":
        return [vips, "copy", str(source), f"{dest}[compression=6]"]
    return [vips, "copy", str(source), f"{dest}[compression=lzw]"]


def magick_commands(task: str, source: Path, dest: Path, binary: str, hint: bool) -> list[str]:
    head = [binary]
    if task == "a":
        return [
            *head,
            *(["-define", "jpeg:size=2400x1600"] if hint else []),
            str(source),
            "-resize",
            "1200x",
            "-quality",
            "85",
            str(dest),
        ]
    if task == "b":
        return [
            *head,
            *(["-define", "jpeg:size=600x600"] if hint else []),
            str(source),
            "-resize",
            "300x300^",
            "-gravity",
            "center",
            "-extent",
            "300x300",
            "-quality",
            "80",
            str(dest),
        ]
    if task == "c":
        return [*head, str(source), "-define", "png:compression-level=6", str(dest)]
    return [*head, str(source), "-compress", "LZW", str(dest)]


def cli_runner(
    workers: int, folder: Path, task: str, command: Callable[[Path, Path], list[str]]
) -> Runner:
    env = {
        **os.environ,
        "VIPS_CONCURRENCY": "1",
        "MAGICK_THREAD_LIMIT": "1",
        "OMP_NUM_THREADS": "1",
    }
    pool = ThreadPoolExecutor(workers)

    def one(source: Path) -> None:
        argv = command(source, out_path(folder, source, task))
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.strip()[:300]}")

    def run(files: Sequence[Path]) -> None:
        list(pool.map(one, files))

    return Runner(run, lambda: pool.shutdown(), note=f"{workers} procs")
