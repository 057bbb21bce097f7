"""Imaging benchmark: exportgui against libvips and ImageMagick on the same photo-like files.

    uv run python bench/bench_imaging.py            # the full run (about 7–10 minutes)
    uv run python bench/bench_imaging.py --quick    # smoke run: 2 images, 1 repeat
    uv run python bench/bench_imaging.py --gil      # where Pillow's encoders hold the GIL

In one run, on the same files, with 1 and 2 workers, images per second for
(a) ``wid=1200&qlt=85``, (b) ``wid=300&hei=300&fit=crop``, (c) ``fmt=png`` and
(d) ``fmt=tif,rgb,lzw`` at full size (MaxPix and DefaultPix 0,0); for (d) also
``exportgui-pillow``, the engine without the fast-tiff extra. Medians over
repeats; the repeats are interleaved (every tool once, then every tool again)
so that load from other programs spreads over all tools alike. Next to the
rates, the CPU seconds each tool spends per image (all its processes and
threads), which other programs on a shared machine barely move. Then PSNR of
(a) and (b) against a full-decode + LANCZOS reference, output sizes and
compression settings, the peak memory of exportgui's 2-worker (a) run in a
fresh process, and the resolver's throughput over 100,000 synthetic assets.
How each peer is configured: see ``bench/_tools.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import _tools
from _tools import FULL_SIZE, TASK_TITLES, TASKS, Runner

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

Factory = Callable[[str, int, Path], Runner]


def contenders(args: argparse.Namespace) -> tuple[dict[str, Factory], list[str]]:
    """Tool name → runner factory(task, workers, folder); plus notes on skipped tools."""
    tools: dict[str, Factory] = {}
    skipped: list[str] = []
    tools["exportgui"] = lambda t, n, d: _tools.exportgui_runner(t, n, d, None)
    if "d" in args.tasks:
        tools["exportgui-pillow"] = lambda t, n, d: _tools.exportgui_pillow_runner(t, n, d)
    if args.alt:
        tools["exportgui-alt"] = lambda t, n, d: _tools.exportgui_runner(
            t, n, d, _other(_chosen(t))
        )
    if _tools.pyvips_available():
        tools["pyvips"] = lambda t, n, d: _tools.pyvips_runner(t, n, 1, d)
        tools["pyvips-conc"] = lambda t, n, d: _tools.pyvips_runner(t, 1, n, d)
    else:
        skipped.append("pyvips (not importable: uv sync --group bench, and libvips)")
    vips = _tools.vips_cli()
    if vips:
        tools["vips-cli"] = lambda t, n, d: _tools.cli_runner(
            n, d, t, lambda s, o: _tools.vips_commands(t, s, o, vips)
        )
    else:
        skipped.append("vipsthumbnail / vips (not on PATH: apt install libvips-tools)")
    magick = _tools.magick_cli()
    if magick:
        tools["magick"] = lambda t, n, d: _tools.cli_runner(
            n, d, t, lambda s, o: _tools.magick_commands(t, s, o, magick, hint=False)
        )
        tools["magick-hint"] = lambda t, n, d: _tools.cli_runner(
            n, d, t, lambda s, o: _tools.magick_commands(t, s, o, magick, hint=True)
        )
    else:
        skipped.append("ImageMagick convert (not on PATH: apt install imagemagick)")
    return tools, skipped


def _chosen(task: str) -> str:
    from exportgui.imaging import parse_request
    from exportgui.imaging.batch import request_format, strategy_for

    return strategy_for(*request_format(parse_request(TASKS[task], {})))


def _other(strategy: str) -> str:
    return "process" if strategy == "thread" else "thread"


def applies(tool: str, task: str) -> bool:
    # The jpeg:size hint only matters when shrinking on load; the Pillow TIFF row only for TIFF.
    if tool == "exportgui-pillow":
        return task == "d"
    return not (tool == "magick-hint" and task in FULL_SIZE)


class Quiet:
    """Wait (a bounded time) for other programs to leave the CPUs alone before a timed run.

    Shared machines run other work; a run timed while another process takes a
    core says nothing about either tool. Linux only (/proc/stat); a no-op elsewhere.
    """

    def __init__(self, per_run: float, total: float) -> None:
        self.per_run, self.left = per_run, total
        self.busy_runs = 0

    @staticmethod
    def _busy(interval: float = 0.5) -> float | None:
        def sample() -> tuple[int, int]:
            fields = [int(v) for v in Path("/proc/stat").read_text().split()[1:9]]
            return sum(fields), fields[3] + fields[4]  # total, idle + iowait

        try:
            total0, idle0 = sample()
            time.sleep(interval)
            total1, idle1 = sample()
        except (OSError, ValueError):
            return None
        return 1.0 - (idle1 - idle0) / max(1, total1 - total0)

    def wait(self) -> None:
        deadline = time.monotonic() + min(self.per_run, self.left)
        while True:
            busy = self._busy()
            if busy is None or busy < 0.15:
                return
            if time.monotonic() >= deadline:
                self.busy_runs += 1
                return
            time.sleep(0.5)
            self.left = max(0.0, self.left - 1.0)


def tree_cpu() -> float | None:
    """CPU seconds used so far by this process, its live descendants and all they reaped.

    Unlike wall time, barely moved by other programs on the machine: at N workers on
    N busy cores, throughput is the cores divided by the CPU time per image. Linux only.
    """
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(v) for v in fields[11:15]) / tick  # u, s, cu, cs
    if not times:
        return None
    ours, total = {os.getpid()}, 0.0
    for pid in sorted(parents):  # parents start before their children: lower pids first,
        if parents[pid] in ours:  # save after pid wrap-around (then a child is missed)
            ours.add(pid)
            total += times[pid]
    own = os.times()
    return total + own.user + own.system + own.children_user + own.children_system


def measure(args: argparse.Namespace, files: list[Path], full_files: list[Path]) -> dict:
    tools, skipped = contenders(args)
    for note in skipped:
        print(f"skipped: {note}")
    rates: dict[tuple[str, str, int], list[float]] = defaultdict(list)
    cpu: dict[tuple[str, str, int], list[float]] = defaultdict(list)
    notes: dict[tuple[str, str, int], str] = {}
    rounds = max(args.repeats, args.full_repeats)
    quiet = Quiet(args.quiet_wait, args.quiet_total)
    # Untimed first pass on one file per tool and task: imports, page cache, forkserver.
    for task in args.tasks:
        for name, factory in tools.items():
            if applies(name, task) and task not in FULL_SIZE:
                folder = _folder(name, task)
                runner = factory(task, 1, folder)
                runner.run(files[:1])
                runner.close()
    for round_no in range(rounds):
        for task in args.tasks:
            full = task in FULL_SIZE
            if round_no >= (args.full_repeats if full else args.repeats):
                continue
            batch = full_files if full else files
            for name, factory in tools.items():
                if not applies(name, task):
                    continue
                for workers in args.workers:
                    if name in ("pyvips-conc", "exportgui-alt") and workers == 1:
                        continue  # the same as the main row at 1 worker, give or take start-up
                    runner = factory(task, workers, _folder(name, task))
                    quiet.wait()
                    try:
                        cpu_start = tree_cpu()
                        start = time.perf_counter()
                        runner.run(batch)
                        seconds = time.perf_counter() - start
                        cpu_end = tree_cpu()
                    finally:
                        runner.close()
                    rates[(task, name, workers)].append(len(batch) / seconds)
                    if cpu_start is not None and cpu_end is not None:
                        cpu[(task, name, workers)].append((cpu_end - cpu_start) / len(batch))
                    notes[(task, name, workers)] = runner.note
                    print(
                        f"  round {round_no + 1} {TASK_TITLES[task]:20s} {name:13s} N={workers}"
                        f" {len(batch) / seconds:7.2f} img/s  ({runner.note})",
                        flush=True,
                    )
    return {
        "rates": rates,
        "cpu": cpu,
        "notes": notes,
        "tools": list(tools),
        "skipped": skipped,
        "busy_runs": quiet.busy_runs,
    }


def _folder(tool: str, task: str) -> Path:
    folder = OUT / tool / task
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def quality(tools: list[str], tasks: list[str], files: list[Path], full: list[Path]) -> dict:
    import _quality

    facts: dict[tuple[str, str], dict[str, object]] = {}
    for task in tasks:
        batch = full if task in FULL_SIZE else files
        for tool in tools:
            if not applies(tool, task):
                continue
            outputs = [_tools.out_path(_folder(tool, task), f, task) for f in batch]
            present = [(o, f) for o, f in zip(outputs, batch, strict=True) if o.exists()]
            if not present:
                continue
            entry: dict[str, object] = {
                "mb": statistics.mean(o.stat().st_size for o, _ in present) / 1e6,
                "compression": _quality.compression_note(present[0][0], task),
            }
            if task in ("a", "b"):
                entry["psnr"] = statistics.mean(_quality.psnr(o, f, task) for o, f in present)
            facts[(task, tool)] = entry
    return facts


def peak_memory(files: list[Path], workers: int) -> dict:
    folder = _folder("memory", "a")
    command = [sys.executable, str(HERE / "_rss_probe.py"), TASKS["a"], str(workers), str(folder)]
    done = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip()[-500:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def resolver_rate(count: int = 100_000) -> dict[str, float]:
    import random

    from exportgui.imaging import ISAttributes, parse_request, resolve

    rng = random.Random(7)
    attrs = ISAttributes(max_pix=(0, 0))  # wid=1200 on a tall source exceeds MaxPix 3000
    modes = ("RGB", "RGBA", "L", "CMYK", "P", "I;16")
    unique = [(rng.randint(200, 9000), rng.randint(200, 9000)) for _ in range(count)]
    common = [(6000, 4000), (4000, 6000), (1920, 1080), (3000, 3000), (800, 600)]
    repeated = [common[i % len(common)] for i in range(count)]
    out: dict[str, float] = {}
    for label, modifier in (("wid=1200", TASKS["a"]), ("fit=crop", TASKS["b"])):
        request = parse_request(modifier, {})
        for kind, sizes in (("unique sizes", unique), ("5 sizes", repeated)):
            start = time.perf_counter()
            for i, (w, h) in enumerate(sizes):
                resolve(request, w, h, modes[i % 6], attrs)
            out[f"{label}, {kind}"] = count / (time.perf_counter() - start)
    return out


def report(args: argparse.Namespace, timing: dict, facts: dict, memory: dict, resolver: dict):
    rates, notes, tools = timing["rates"], timing["notes"], timing["tools"]
    top = max(args.workers)

    def median(task: str, tool: str, workers: int) -> float | None:
        values = rates.get((task, tool, workers))
        return statistics.median(values) if values else None

    def best_pyvips(task: str, workers: int) -> tuple[float | None, str]:
        options = [(median(task, t, workers), t) for t in ("pyvips", "pyvips-conc")]
        found = [(v, t) for v, t in options if v is not None]
        if not found:
            return None, ""
        value, tool = max(found)
        return value, tool

    def cpu_per_image(task: str, tool: str) -> float | None:
        if tool == "pyvips":
            tool = best_pyvips(task, top)[1] or tool
        values = timing["cpu"].get((task, tool, top))
        return statistics.median(values) if values else None

    print()
    print(f"Results (median img/s over {args.repeats} repeats, {args.full_repeats} for full size;")
    print(f"         {len(args.files)} images, {len(args.full_files)} for full size; 6000x4000;")
    print(f"         CPU s = median CPU seconds per image at N={top}, every process of the tool)")
    header = f"{'task':20s} {'tool':13s}" + "".join(f" {'N=' + str(n):>7s}" for n in args.workers)
    print(header + f" {'CPU s':>6s} {'MB/img':>7s} {'PSNR':>6s}  notes")
    summary: list[str] = []
    for task in args.tasks:
        title = TASK_TITLES[task]
        shown_rows: dict[str, dict[int, float | None]] = {}
        for tool in tools:
            if tool == "pyvips-conc" or not applies(tool, task):
                continue
            row: dict[int, float | None] = {}
            note = ""
            for n in args.workers:
                if tool == "pyvips":
                    value, how = best_pyvips(task, n)
                    note = f"best: {notes.get((task, how, n), '')}"
                else:
                    value = median(task, tool, n)
                    note = notes.get((task, tool, n), "")
                row[n] = value
            shown_rows[tool] = row
            fact = facts.get((task, tool), {})
            if tool == "pyvips" and "pyvips-conc" in tools:
                fact = fact or facts.get((task, "pyvips-conc"), {})
            cells = "".join(f" {v:7.2f}" if v else f" {'-':>7s}" for v in row.values())
            spent = cpu_per_image(task, tool)
            cells += f" {spent:6.2f}" if spent is not None else f" {'-':>6s}"
            mb = f"{fact['mb']:7.2f}" if "mb" in fact else f"{'':7s}"
            ps = f"{fact['psnr']:6.2f}" if "psnr" in fact else f"{'':6s}"
            extra = str(fact.get("compression", ""))
            print(f"{title:20s} {tool:13s}{cells} {mb} {ps}  {note}{'; ' + extra if extra else ''}")
            title = ""
        ours = shown_rows.get("exportgui", {}).get(top)
        peers = {
            t: r.get(top)
            for t, r in shown_rows.items()
            if not t.startswith("exportgui") and r.get(top)
        }
        if ours and peers:
            fastest = max(peers, key=lambda t: peers[t] or 0)
            line = f"{TASK_TITLES[task]}, N={top}: exportgui/fastest peer ({fastest}) = "
            line += f"{ours / (peers[fastest] or 1):.3f}x"
            if peers.get("pyvips"):
                line += f"; exportgui/pyvips = {ours / (peers['pyvips'] or 1):.3f}x"
            alt = shown_rows.get("exportgui-alt", {}).get(top)
            if alt:
                line += f"; chosen/other strategy = {ours / alt:.2f}x"
            old = shown_rows.get("exportgui-pillow", {}).get(top)
            if old:
                line += f"; exportgui/exportgui-pillow = {ours / old:.2f}x"
            if task in ("a", "b") and (task, "pyvips") in facts and (task, "exportgui") in facts:
                gap = facts[(task, "exportgui")]["psnr"] - facts[(task, "pyvips")]["psnr"]
                line += f"; PSNR exportgui-pyvips = {gap:+.2f} dB"
                speed = ours / (peers.get("pyvips") or float("inf"))
                met = speed >= 1.2 and gap >= -0.3
                line += f"  [target ≥1.2x pyvips, PSNR within 0.3 dB: {_verdict(met)}]"
            elif task in FULL_SIZE:
                spent = {t: cpu_per_image(task, t) for t in ("exportgui", "pyvips")}
                if spent["exportgui"] and spent["pyvips"]:
                    line += (
                        f"; CPU per image exportgui {spent['exportgui']:.2f} s,"
                        f" pyvips {spent['pyvips']:.2f} s"
                    )
                sizes = {t: facts.get((task, t), {}).get("mb") for t in ("exportgui", fastest)}
                line += f"  [target ≥1.0x fastest peer: {_verdict(ours >= (peers[fastest] or 0))}"
                if all(isinstance(v, float) for v in sizes.values()):
                    line += f"; files {sizes['exportgui']:.2f} MB vs {sizes[fastest]:.2f} MB"
                line += "]"
            summary.append(line)
    print()
    for line in summary:
        print(line)
    print()
    if "error" in memory:
        print(f"peak memory probe failed: {memory['error']}")
    else:
        print(
            f"peak memory, exportgui wid=1200 with 2 workers, fresh process: "
            f"VmHWM {memory['vmhwm_mib']:.0f} MiB (after imports {memory['imported_mib']:.0f} MiB;"
            f" largest child {memory['children_maxrss_mib']:.0f} MiB)"
            f"  [target < 100 MiB: {_verdict(memory['vmhwm_mib'] < 100)}]"
        )
    for label, value in resolver.items():
        print(
            f"resolver ({label}): {value:,.0f} assets/s"
            f"  [target ≥ 100,000/s: {_verdict(value >= 100_000)}]"
        )
    for note in timing["skipped"]:
        print(f"skipped: {note}")
    if timing["busy_runs"]:
        print(
            f"note: {timing['busy_runs']} timed runs started while other programs kept the CPUs"
            " over 15 % busy (shared machine); medians and interleaving soften this"
        )


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 images, 1 repeat: a smoke run")
    parser.add_argument("--images", type=int, default=8, help="images for (a), (b) (default 8)")
    parser.add_argument("--full-images", type=int, default=2, help="for (c), (d) (default 2)")
    parser.add_argument("--repeats", type=int, default=3, help="repeats for (a), (b)")
    parser.add_argument("--full-repeats", type=int, default=3, help="repeats for (c), (d)")
    parser.add_argument("--tasks", default="abcd", help="subset of abcd (default all)")
    parser.add_argument("--no-alt", dest="alt", action="store_false", help="skip exportgui-alt")
    parser.add_argument("--gil", action="store_true", help="only: which Pillow steps use 2 threads")
    parser.add_argument("--keep", action="store_true", help="keep bench/out afterwards")
    parser.add_argument(
        "--quiet-wait", type=float, default=10.0, help="seconds to wait for idle CPUs per run"
    )
    parser.add_argument(
        "--quiet-total", type=float, default=60.0, help="cap on all such waiting (seconds)"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.images, args.full_images, args.repeats, args.full_repeats = 2, 2, 1, 1
        args.quiet_total = min(args.quiet_total, 10.0)
    args.workers = [1, 2]
    args.tasks = [t for t in args.tasks if t in TASKS]

    import make_corpus

    start = time.perf_counter()
    files = make_corpus.build(count=max(args.images, args.full_images))
    args.files, args.full_files = files[: args.images], files[: args.full_images]
    for f in files:  # into the page cache, so the first tool does not pay for the disk
        f.read_bytes()
    print(f"corpus: {len(files)} files in {files[0].parent} ({time.perf_counter() - start:.0f} s)")
    print(f"cpus: {os.cpu_count()}, load average at start: {os.getloadavg()}")
    print(f"tools: {_tools.pyvips_available()}; magick: {_tools.magick_cli()}")
    if args.gil:
        import _gil

        _gil.probe(files[0], OUT / "gil")
        return 0
    timing = measure(args, args.files, args.full_files)
    facts = quality(timing["tools"], args.tasks, args.files, args.full_files)
    memory = peak_memory(args.files, 2)
    resolver = resolver_rate()
    report(args, timing, facts, memory, resolver)
    print(f"load average at end: {os.getloadavg()}; total {time.perf_counter() - start:.0f} s")
    if not args.keep:
        shutil.rmtree(OUT, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
