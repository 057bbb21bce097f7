"""The window at scale (offscreen): first rows, memory, tick-all, plan updates, stalls.

    uv run python bench/bench_gui.py                       # 100,000 assets, 3 runs
    uv run python bench/bench_gui.py --assets 20000 --runs 1 --export 50

1. A catalog of N assets is built by direct inserts (the catalog's own
   schema, the same way bench_catalog.py does it), cached under bench/out.
2. First rows: a fresh process opens the catalog and the main window; time
   from interpreter start, and from window construction, to the first paint
   of the asset table with rows in it; resident memory (VmRSS / VmHWM) then.
3. Tick all (Ctrl+Shift+A on all N): GUI-thread time of the action, including
   the synchronous validation it triggers; then the time until the plan of
   all ticked assets is on screen.
4. Plan update: 10,000 ticked, an options change → plan table and output
   names updated (time until the planner's result is applied).
5. Scrolling: 300 page-downs with the viewport repainted each time; the
   longest paint (thumbnails never block it: they load on the pool).
6. Stalls: a 200-image convert export from the window while a 10 ms QTimer
   records its own gaps; the longest gap is the longest GUI-thread stall.

Figures are medians over ``--runs`` where a run is repeatable in-process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
SIZES = [(1200, 900), (1280, 960), (1440, 960), (1600, 1000), (1600, 1200)]


def rss_mib() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MiB."""
    values = {"VmRSS": 0.0, "VmHWM": 0.0}
    for line in Path("/proc/self/status").read_text().splitlines():
        key = line.split(":")[0]
        if key in values:
            values[key] = int(line.split()[1]) / 1024
    return values["VmRSS"], values["VmHWM"]


def build_big_catalog(folder: Path, count: int) -> None:
    from _big_catalog import build_big_catalog as build

    build(folder, count, SIZES)


# -- child: one fresh process per "first rows" measurement ------------------------------
def child_first_rows(folder: Path) -> None:
    from PySide6.QtCore import QEvent, QObject, QThreadPool
    from PySide6.QtWidgets import QApplication

    from exportgui.catalog import Catalog
    from exportgui.config import Settings, app_paths
    from exportgui.gui.app import configure_application
    from exportgui.gui.window.main_window import MainWindow

    app = QApplication([])
    configure_application(app)
    catalog = Catalog.open(folder)
    pool = QThreadPool()
    built = time.perf_counter()
    result: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            painted = event.type() == QEvent.Type.Paint and "first" not in result
            if painted and window.browser.proxy.rowCount() > 0:
                result["first"] = time.perf_counter()
                app.quit()
            return False

    window = MainWindow(catalog, app_paths(), Settings(), pool)
    watcher = FirstPaint()
    window.browser.view.viewport().installEventFilter(watcher)
    window.resize(1360, 860)
    window.show()
    app.exec()
    rss, hwm = rss_mib()
    print(
        json.dumps(
            {
                "since_start": result["first"] - START,
                "since_window": result["first"] - built,
                "rss": rss,
                "hwm": hwm,
                "rows": window.browser.proxy.rowCount(),
            }
        )
    )
    window.close()
    pool.waitForDone()
    catalog.close()


def first_rows(folder: Path, runs: int) -> None:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child-first-rows", str(folder)],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ,
        )
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    print(
        f"first rows: {med['since_start']:.2f} s from process start "
        f"({med['since_window']:.2f} s from window construction), {int(med['rows']):,} rows; "
        f"RSS {med['rss']:.0f} MiB (peak {med['hwm']:.0f} MiB)"
    )


# -- in-process measurements ------------------------------------------------------------
def wait_until(app: object, predicate: object, timeout: float = 60.0) -> float:
    from PySide6.QtWidgets import QApplication

    begin = time.perf_counter()
    while not predicate():  # type: ignore[operator]
        QApplication.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - begin > timeout:
            raise TimeoutError("gave up waiting")
    return time.perf_counter() - begin


def in_process(folder: Path, runs: int, export_count: int, work: Path) -> None:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from exportgui.catalog import Catalog
    from exportgui.config import Settings, app_paths
    from exportgui.gui.window.main_window import MainWindow
    from exportgui.jobs import ExportJob, Fmt

    app = QApplication([])
    pool = QThreadPool()
    pool.setMaxThreadCount(max(4, os.cpu_count() or 4))
    catalog = Catalog.open(folder)
    window = MainWindow(catalog, app_paths(), Settings(), pool)
    window.resize(1360, 860)
    window.show()
    wait_until(app, lambda: not window.loading() and not window.planner.busy())
    browser = window.browser
    total = browser.model.rowCount()

    ticks, plans = [], []
    for _ in range(runs):
        browser.untick_all()
        wait_until(app, lambda: not window.planner.busy())
        begin = time.perf_counter()
        window.actions_.tick_all.trigger()
        ticks.append(time.perf_counter() - begin)
        wait_until(app, lambda: not window.planner.busy() and window.plan_model.rowCount() > 0)
        plans.append(time.perf_counter() - begin)
    rss, hwm = rss_mib()
    print(
        f"tick all {browser.model.ticked_count():,} of {total:,}: "
        f"{statistics.median(ticks) * 1000:.0f} ms on the GUI thread "
        f"(incl. validation); plan of all on screen after {statistics.median(plans):.2f} s; "
        f"RSS {rss:.0f} MiB (peak {hwm:.0f} MiB)"
    )

    browser.untick_all()
    ten_k = [a.handle for a in browser.model.rows() if a.exportable][:10_000]
    browser.model.set_ticked(ten_k, True)
    wait_until(app, lambda: not window.planner.busy())
    updates, gui = [], []
    for i in range(max(runs, 3)):
        job = ExportJob(fmt=Fmt.CONVERT, is_modifier=f"&wid={400 + i * 10}&fmt=png")
        seen = window.plan
        begin = time.perf_counter()
        window.options.set_job(job)
        gui.append(time.perf_counter() - begin)
        wait_until(app, lambda s=seen: window.plan is not s and not window.planner.busy())
        updates.append(time.perf_counter() - begin)
    print(
        f"plan view, 10,000 ticked, options changed: updated after "
        f"{statistics.median(updates) * 1000:.0f} ms (GUI thread busy "
        f"{statistics.median(gui) * 1000:.0f} ms of it)"
    )

    view = browser.view
    view.setFocus()
    paints = []
    for _ in range(300):
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + view.height())
        begin = time.perf_counter()
        view.viewport().repaint()
        paints.append(time.perf_counter() - begin)
    print(
        f"scrolling 300 pages: paint median {statistics.median(paints) * 1000:.1f} ms, "
        f"longest {max(paints) * 1000:.1f} ms (thumbnails load on the pool)"
    )
    window.close()
    pool.waitForDone()
    catalog.close()
    stalls(app, export_count, work)


def stalls(app: object, count: int, work: Path) -> None:
    from PIL import Image
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from exportgui.catalog import Catalog
    from exportgui.config import Settings, app_paths
    from exportgui.gui.window.main_window import MainWindow
    from exportgui.jobs import ExportJob, Fmt

    src = work / "export-src"
    src.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        path = src / f"img-{i:03d}.jpg"
        if not path.exists():
            # Noise differs per call, so no two files are duplicates of each other.
            noise = Image.effect_noise((1600, 1200), 30)
            gradient = Image.linear_gradient("L").resize((1600, 1200))
            Image.merge("RGB", (noise, gradient, noise.rotate(180))).save(path, quality=90)
    catalog = Catalog.open(work / "export-catalog")
    catalog.import_paths([src])
    pool = QThreadPool()
    pool.setMaxThreadCount(max(4, os.cpu_count() or 4))
    window = MainWindow(catalog, app_paths(), Settings(), pool)
    window.show()
    wait_until(app, lambda: not window.loading() and not window.planner.busy())
    out = work / "export-out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    window.browser.tick_all_in_view()
    window.options.set_job(
        ExportJob(fmt=Fmt.CONVERT, is_modifier="&wid=800&fmt=jpeg&qlt=85", destination=out)
    )
    wait_until(app, lambda: not window.planner.busy() and not window.preview.busy())

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    done: list[Any] = []
    window.export_runner.finished.connect(done.append)
    begin = time.perf_counter()
    timer.start()
    last[0] = time.perf_counter()
    assert window.export(), window.actions_.export.toolTip()
    while not done:
        QApplication.processEvents()
        time.sleep(0.0005)
    timer.stop()
    elapsed = time.perf_counter() - begin
    gaps.sort()
    p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
    log = done[0].log
    print(
        f"export of {count} images from the window ({log.file_success_count} written, "
        f"{log.file_error_count} errors): {elapsed:.1f} s "
        f"({count / elapsed:.1f} files/s); GUI-thread stall (10 ms timer gaps): "
        f"longest {max(gaps) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
        f"median {statistics.median(gaps) * 1000:.1f} ms"
    )
    window.close()
    pool.waitForDone()
    catalog.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--export", type=int, default=200)
    parser.add_argument("--child-first-rows", metavar="DIR")
    args = parser.parse_args()
    if args.child_first_rows:
        child_first_rows(Path(args.child_first_rows))
        return
    work = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    os.environ["EXPORTGUI_HOME"] = str(work / "home")
    folder = OUT / f"gui-catalog-{args.assets}"
    build_big_catalog(folder, args.assets)
    print(f"cpus: {os.cpu_count()}  python {sys.version.split()[0]}")
    first_rows(folder, args.runs)
    in_process(folder, args.runs, args.export, work)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
