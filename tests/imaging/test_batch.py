"""render_many and the executors: same files as render(), typed errors, cancel, processes."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from exportgui.imaging import (
    ErrorCode,
    ISAttributes,
    ISError,
    ISErrors,
    parse_request,
    render,
    tiff_strips,
)
from exportgui.imaging.batch import (
    RenderResult,
    RenderTask,
    executor_for,
    render_many,
    strategy_for,
)
from exportgui.imaging.batch_pool import ProcessRenderPool

ATTRS = ISAttributes()
needs_fast_tiff = pytest.mark.skipif(
    not tiff_strips.available(), reason="needs the fast-tiff extra (imagecodecs)"
)


def photo(path: Path, size: tuple[int, int], seed: int) -> Path:
    """A small JPEG with noise, a gradient and hard edges."""
    noise = Image.effect_noise(size, 40 + seed * 7).convert("RGB")
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    image = Image.blend(noise, gradient, 0.5)
    draw = ImageDraw.Draw(image)
    draw.ellipse((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), fill=(200, 30, 60))
    image.save(path, quality=90)
    return path


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "src"
    folder.mkdir()
    sizes = [(96, 64), (64, 96), (120, 80), (80, 80)]
    return [photo(folder / f"p{i}.jpg", size, i) for i, size in enumerate(sizes)]


def tasks_for(modifier: str, sources: list[Path], out: Path) -> list[RenderTask]:
    out.mkdir(exist_ok=True)
    request = parse_request(modifier, {})
    return [
        RenderTask(src, request, ATTRS, out / f"{src.stem}.out", key=i)
        for i, src in enumerate(sources)
    ]


def by_key(results: list[RenderResult]) -> dict[int, RenderResult]:
    return {r.task.key: r for r in results}


@pytest.mark.parametrize(
    ("modifier", "strategy"),
    [
        ("wid=40&qlt=85", "thread"),
        ("fmt=png", "thread"),
        ("wid=50&fmt=tif,rgb,zip", "process"),
        ("wid=50&fmt=tif,rgb,lzw", "thread" if tiff_strips.available() else "process"),
        ("wid=30&fmt=jpeg2000", "process"),
    ],
)
def test_results_are_the_files_render_writes(
    sources: list[Path], tmp_path: Path, modifier: str, strategy: str
) -> None:
    tasks = tasks_for(modifier, sources, tmp_path / "many")
    results = by_key(list(render_many(tasks, 2)))
    assert sorted(results) == [t.key for t in tasks]
    for task in tasks:
        single = tmp_path / "single" / task.target.name
        single.parent.mkdir(exist_ok=True)
        expected = render(task.source, task.request, task.attrs, single)
        result = results[task.key]
        assert result.ok and result.error is None and not result.cancelled
        assert result.output == expected
        assert task.target.read_bytes() == single.read_bytes()
    pids = {r.pid for r in results.values()}
    if strategy == "process":
        assert os.getpid() not in pids  # rendered in worker processes
    else:
        assert pids == {os.getpid()}


def test_strategy_follows_where_the_encoder_holds_the_gil(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tiff_strips, "ENABLED", False)  # as without the fast-tiff extra
    assert strategy_for("tif", "lzw") == "process"
    assert strategy_for("tif-alpha", "lzw") == "process"
    assert strategy_for("tif", "zip") == "process"
    assert strategy_for("tif") == "process"  # uncompressed too
    assert strategy_for("png") == "thread"  # Pillow 13 deflates without the GIL
    assert strategy_for("jpeg2000") == "process"
    assert strategy_for("jpg") == "thread"
    assert strategy_for("webp") == "thread"


@needs_fast_tiff
def test_lzw_tiff_renders_on_threads_when_written_without_the_gil() -> None:
    assert strategy_for("tif", "lzw") == "thread"
    assert strategy_for("tif-alpha", "lzw") == "thread"
    assert strategy_for("tif", "zip") == "process"  # Pillow still writes it
    assert strategy_for("tif", "jpeg") == "process"
    assert strategy_for("tif") == "process"


@pytest.mark.parametrize("modifier", ["wid=40", "wid=40&fmt=tif,rgb,lzw", "wid=40&fmt=tif,rgb,zip"])
def test_errors_come_back_typed_and_the_rest_renders(
    sources: list[Path], tmp_path: Path, modifier: str
) -> None:
    broken = tmp_path / "src" / "broken.jpg"
    broken.write_bytes(sources[0].read_bytes()[:200])  # a truncated JPEG
    out = tmp_path / "out"
    tasks = tasks_for(modifier, [*sources[:2], broken], out)
    # A command that only fails against the source size: raised inside the render.
    bad = parse_request(f"{modifier}&extend=-60,0,-60,0", {})
    tasks.append(RenderTask(sources[2], bad, ATTRS, out / "bad.out", key=9))
    results = by_key(list(render_many(tasks, 2)))
    assert results[0].ok and results[1].ok
    source_error = results[2].error
    assert isinstance(source_error, ISError) and source_error.code is ErrorCode.E_SOURCE
    assert "broken.jpg" in source_error.message
    value_error = results[9].error
    assert isinstance(value_error, ISError) and value_error.code is ErrorCode.E_BAD_VALUE
    assert value_error.token == "extend=-60,0,-60,0"
    assert value_error.position == len(modifier) + 1
    assert value_error.origin == "modifier"
    assert not (out / "broken.out").exists() and not (out / "bad.out").exists()
    assert sorted(p.name for p in out.iterdir()) == ["p0.out", "p1.out"]  # no leftovers


def test_several_errors_cross_a_process_intact() -> None:
    errors = ISErrors(
        [
            ISError(ErrorCode.E_UNKNOWN_COMMAND, "no such command", "foo=1", 4, "modifier"),
            ISError(ErrorCode.E_BAD_VALUE, "bad", "wid=x", 2, "macro $m$"),
        ]
    )
    pool = ProcessRenderPool(1)
    try:
        raised = pool.submit(_raise, errors).exception()
    finally:
        pool.shutdown()
    assert isinstance(raised, ISErrors)
    assert [(e.code, e.token, e.position, e.origin) for e in raised.errors] == [
        (ErrorCode.E_UNKNOWN_COMMAND, "foo=1", 4, "modifier"),
        (ErrorCode.E_BAD_VALUE, "wid=x", 2, "macro $m$"),
    ]


def _raise(error: BaseException) -> None:
    raise error


def _wait_for(cancel: threading.Event) -> tuple[int, bool]:
    return os.getpid(), cancel.wait(60)


def test_a_set_event_reaches_a_running_worker_process() -> None:
    pool = ProcessRenderPool(2)
    cancel = threading.Event()
    try:
        waiting = [pool.submit(_wait_for, cancel) for _ in range(2)]
        assert not any(f.done() for f in waiting)
        cancel.set()
        outcomes = [f.result() for f in waiting]
    finally:
        pool.shutdown()
    assert all(seen for _, seen in outcomes)
    assert {pid for pid, _ in outcomes} <= pool.worker_pids
    assert os.getpid() not in pool.worker_pids


@pytest.mark.parametrize("modifier", ["wid=40", "wid=40&fmt=tif,rgb,zip"])
def test_cancel_stops_the_batch(sources: list[Path], tmp_path: Path, modifier: str) -> None:
    many = sources * 10
    tasks = tasks_for(modifier, many, tmp_path / "out")
    tasks = [
        RenderTask(t.source, t.request, t.attrs, t.target.with_name(f"{i}.out"), key=i)
        for i, t in enumerate(tasks)
    ]
    cancel = threading.Event()
    results: list[RenderResult] = []
    for result in render_many(tasks, 2, cancel):
        results.append(result)
        cancel.set()  # after the first result: only what is already in flight may finish
    assert len(results) == len(tasks)  # every task answers, once
    done = [r for r in results if r.ok]
    assert 1 <= len(done) <= 1 + 2 * 2  # the first, plus at most the in-flight window
    assert all(r.cancelled for r in results if not r.ok)
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert written == {r.task.target.name for r in done}


def test_a_cancel_set_before_the_start_renders_nothing(sources: list[Path], tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    results = list(render_many(tasks_for("wid=40", sources, tmp_path / "out"), 2, cancel))
    assert [r.cancelled for r in results] == [True] * len(sources)
    assert list((tmp_path / "out").iterdir()) == []


def test_stopping_early_shuts_the_worker_processes_down(
    sources: list[Path], tmp_path: Path
) -> None:
    tasks = tasks_for("wid=40&fmt=tif,rgb,zip", sources * 3, tmp_path / "out")
    stream = render_many(tasks, 2)
    first = next(stream)
    stream.close()
    assert first.pid != os.getpid()
    with pytest.raises(ProcessLookupError):
        os.kill(first.pid, 0)  # the worker was joined, not left behind


def test_a_pool_whose_worker_died_starts_afresh() -> None:
    pool = ProcessRenderPool(1)
    try:
        first = set(pool.worker_pids)
        crashed = pool.submit(os._exit, 3)
        assert crashed.exception() is not None  # BrokenProcessPool
        assert pool.submit(os.getpid).result() not in first
    finally:
        pool.shutdown()


def test_executor_for_gives_threads_or_processes(sources: list[Path], tmp_path: Path) -> None:
    thread_pool = executor_for("jpeg", 1)
    process_pool = executor_for("tif", 1, "zip")
    try:
        assert thread_pool.submit(os.getpid).result() == os.getpid()
        assert process_pool.submit(os.getpid).result() != os.getpid()
        # Either one runs render_many's tasks.
        tasks = tasks_for("wid=40&fmt=tif,rgb,zip", sources[:2], tmp_path / "out")
        assert all(r.ok for r in render_many(tasks, 1, executor=process_pool))
    finally:
        thread_pool.shutdown()
        process_pool.shutdown()


_OWNER_SCRIPT = """
import sys
from exportgui.imaging.batch_pool import ProcessRenderPool
if __name__ == "__main__":
    pool = ProcessRenderPool(2)
    print(" ".join(str(pid) for pid in sorted(pool.worker_pids)), flush=True)
    sys.stdin.read()  # wait here until the test kills us
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) is not alive either.
    with contextlib.suppress(FileNotFoundError):
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    return False


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_workers_do_not_outlive_an_owner_killed_with_sigkill(tmp_path: Path) -> None:
    script = tmp_path / "owner.py"
    script.write_text(_OWNER_SCRIPT)
    with subprocess.Popen(
        [sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as owner:
        assert owner.stdout is not None
        workers = [int(pid) for pid in owner.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        owner.send_signal(signal.SIGKILL)
        owner.wait()
    deadline = time.monotonic() + 30  # generous: a liveness check, not a timing
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)
