"""Which Pillow steps run in parallel on threads: two threads, each on its own image copy.

Each step runs on its own copy of a 6-MP image (3000×2000, half-scale decode
of a corpus file), so nothing is shared but the GIL. Two figures:

- speedup: one thread doing the step twice, against two threads doing it
  once each. Near 2: Pillow releases the GIL; near 1: it holds it. Only
  meaningful on a quiet machine — other busy programs make everything ~1.
- blocked: the share of each thread's time spent *sleeping* during the
  two-thread run, from the kernel's per-thread schedstat (wall − on-CPU −
  waiting for a CPU). A thread that waits for the GIL sleeps; a thread that
  waits because other programs hold the CPUs does not. So this figure does
  not depend on the machine's load: ~0 % means the step runs without the GIL,
  ~50 % means the two threads took turns with it. (Linux only.)
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

Step = Callable[[int, Image.Image], object]


def _steps(out: Path, palettes: list[Image.Image]) -> dict[str, Step]:
    def save(ext: str, **params: object) -> Step:
        return lambda i, im: im.save(out / f"gil{i}.{ext}", **params)

    return {
        "resize LANCZOS 1/2.5": lambda i, im: im.resize((1200, 800), Image.Resampling.LANCZOS),
        "quantize 256": lambda i, im: im.quantize(256),
        "jpeg encode q85": save("jpg", quality=85),
        "png encode level 6": save("png", compress_level=6),
        "png encode level 1 (memory)": lambda i, im: im.save(io.BytesIO(), "PNG", compress_level=1),
        "png8 encode": lambda i, im: palettes[i].save(out / f"gil{i}.png"),
        "gif encode": lambda i, im: palettes[i].save(out / f"gil{i}.gif"),
        "tiff none": save("tif"),
        "tiff lzw": save("tif", compression="tiff_lzw"),
        "tiff zip": save("tif", compression="tiff_adobe_deflate"),
        "tiff jpeg": save("tif", compression="jpeg"),
        "webp q80": save("webp", quality=80),
        "avif q80": save("avif", quality=80),
        "jpeg2000 lossy": save("jp2", irreversible=True, quality_mode="dB", quality_layers=[44]),
    }


def _schedstat() -> tuple[float, float] | None:
    """(seconds on a CPU, seconds runnable but waiting for one) of the calling thread."""
    try:
        fields = Path("/proc/thread-self/schedstat").read_text().split()
    except OSError:
        return None
    return int(fields[0]) / 1e9, int(fields[1]) / 1e9


def probe(source: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as opened:
        opened.draft("RGB", (3000, 2000))
        opened.load()
        base = opened.convert("RGB")
    images = [base.copy(), base.copy()]
    palettes = [base.quantize(256), base.quantize(256)]
    # Decoding is a step too: two threads each decoding the source file.
    print(f"{'step':28s} {'1 thread x2':>11s} {'2 threads':>10s} {'speedup':>8s} {'blocked':>8s}")

    def decode(_i: int, _im: Image.Image) -> None:
        with Image.open(source) as image:
            image.load()

    for name, step in {"jpeg decode 24 MP": decode, **_steps(out, palettes)}.items():

        def run(i: int, step: Step = step) -> None:
            image = images[i]
            if hasattr(image, "encoderinfo"):  # Pillow keeps the last save's options
                del image.encoderinfo
            step(i, image)

        try:
            run(0)  # warm: plugin import, first allocation
        except (OSError, KeyError, ValueError) as exc:
            print(f"{name:28s} skipped: {exc}")
            continue
        start = time.perf_counter()
        run(0)
        run(1)
        serial = time.perf_counter() - start
        blocked: list[float] = []

        def timed(i: int, run: Callable[[int], None] = run, blocked: list[float] = blocked) -> None:
            before, start = _schedstat(), time.perf_counter()
            run(i)
            after, wall = _schedstat(), time.perf_counter() - start
            if before is not None and after is not None and wall > 0:
                busy = (after[0] - before[0]) + (after[1] - before[1])
                blocked.append(max(0.0, wall - busy) / wall)

        threads = [threading.Thread(target=timed, args=(i,)) for i in range(2)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        parallel = time.perf_counter() - start
        share = f"{100 * sum(blocked) / len(blocked):7.0f}%" if blocked else f"{'-':>8s}"
        print(
            f"{name:28s} {serial:10.2f}s {parallel:9.2f}s {serial / parallel:7.2f}x {share}",
            flush=True,
        )
