"""Build the PyInstaller bundle from packaging/exportgui.spec and smoke-test its exportgui-cli.

    uv run python packaging/build_bundle.py [--dist DIR] [--keep]

PyInstaller comes from the ``bundle`` dependency group (``uv run --group
bundle``). The bundle lands in ``DIR/exportgui/`` (default: a temporary folder,
removed afterwards unless ``--keep``). Then the bundled ``exportgui-cli``, with
``EXPORTGUI_HOME`` in a temporary folder, must run ``--version``, ``demo``, an
``export`` of deflate TIFFs (Pillow's TIFF encoder holds the GIL, so these go
to the engine's process pool: a frozen program has to hand the forkserver and
its workers over to multiprocessing before its own argument parsing), and a
``render`` to TIFF. On Linux the script watches ``/proc`` during the export
and requires that the pool's processes ran and were gone after it. The icons
and the compiled translations (with Qt's own Italian) must be in the bundle. Any
failure ends with exit status 1 and what went wrong.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _steps import ROOT, CheckFailed, expect, run

APP_ID = "io.github.exportgui.ExportGui"
TIFF = "wid=300&fmt=tif,,zip"  # deflate: a Pillow encode that holds the GIL, so a process pool
_POLL_S = 0.005


def _parents() -> dict[int, int]:
    """Every process's parent, from /proc (Linux)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    return parents


def _descendants(pid: int) -> set[int]:
    parents = _parents()
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _command_line(pid: int) -> str:
    try:
        return Path("/proc", str(pid), "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:  # gone meanwhile
        return ""


def _alive(pid: int) -> bool:
    return Path("/proc", str(pid)).exists()


def export_through_the_pool(command: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    """Run the export, watching the processes it starts; its stdout.

    On Linux, requires that it started processes (the forkserver and its
    workers) and that none of them outlived it.
    """
    if not sys.platform.startswith("linux"):
        return run(command, cwd=cwd, env=env)
    print(f"$ {' '.join(str(part) for part in command)}  (watching its processes)", flush=True)
    process = subprocess.Popen(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: dict[int, str] = {}
    while process.poll() is None:
        for pid in _descendants(process.pid) - seen.keys():
            seen[pid] = _command_line(pid)
        time.sleep(_POLL_S)
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise CheckFailed(f"export exited with {process.returncode}\n{stdout}\n{stderr}")
    pool = [pid for pid, line in seen.items() if "multiprocessing.forkserver" in line]
    expect(len(pool) >= 2, f"no forkserver with workers among the export's processes: {seen}")
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in seen) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = sorted(pid for pid in seen if _alive(pid))
    expect(not left, f"processes of the export outlived it: {left}")
    print(f"  the export's pool: a forkserver and {len(pool) - 1} workers; none outlived it")
    return stdout


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; the bundle's folder."""
    uv = shutil.which("uv")
    expect(uv is not None, "uv is not installed (python3 -m pip install uv)")
    assert uv is not None
    run(
        [uv, "run", "--group", "bundle", "pyinstaller", ROOT / "packaging" / "exportgui.spec",
         "--noconfirm", "--distpath", dist, "--workpath", work / "build"],
        cwd=ROOT,
    )  # fmt: skip
    return dist / "exportgui"


def smoke(bundle: Path, work: Path) -> None:
    """The bundled exportgui-cli runs the commands; the icons travelled with it."""
    exe = ".exe" if os.name == "nt" else ""
    cli = bundle / f"exportgui-cli{exe}"
    expect(cli.is_file(), f"no {cli.name} in {bundle}")
    expect((bundle / f"exportgui{exe}").is_file(), f"no exportgui{exe} in {bundle}")
    icons = list(bundle.rglob(f"exportgui/resources/icons/hicolor/*/apps/{APP_ID}.*"))
    expect(len(icons) == 9, f"the bundle carries {len(icons)} of the 9 icon files")
    catalogs = sorted(p.name for p in bundle.rglob("exportgui/resources/translations/*.qm"))
    expect(
        catalogs == ["exportgui_en.qm", "exportgui_it.qm"],
        f"the bundle carries the compiled translations {catalogs}, not en and it",
    )
    qt_italian = list(bundle.rglob("qtbase_it.qm"))
    expect(bool(qt_italian), "the bundle carries no qtbase_it.qm: Qt's buttons would stay English")

    env = {key: value for key, value in os.environ.items() if key != "EXPORTGUI_CATALOG"}
    env |= {"EXPORTGUI_HOME": str(work / "home"), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

    facts = run([cli, "--version"], cwd=work, env=env)
    expect(facts.startswith("exportgui "), f"--version says:\n{facts}")
    run([cli, "demo"], cwd=work, env=env)
    listed = json.loads(run([cli, "list", "--json"], cwd=work, env=env))
    images = [asset["handle"] for asset in listed if asset["type"] == "Image"][:6]
    expect(len(images) == 6, f"the demo catalog lists {len(images)} images")
    out = work / "out"
    out.mkdir()
    log = json.loads(
        export_through_the_pool(
            [cli, "export", *images, "--fmt", "convert", "--modifier", TIFF, "--dest", out,
             "--json"],
            work,
            env,
        )
    )  # fmt: skip
    written = sorted(out.glob("*.tiff"))
    expect(
        log["fileSuccessCount"] == len(images) == len(written),
        f"export wrote {[p.name for p in written]}; its log says {log['fileSuccessCount']} ok",
    )
    for tiff in written:
        expect(tiff.read_bytes()[:4] in (b"II*\0", b"MM\0*"), f"{tiff.name} is no TIFF")
    rendered = run(
        [cli, "render", written[0], "--modifier", "wid=120&fmt=tif,,zip", "--out", work],
        cwd=work,
        env=env,
    ).strip()
    expect(Path(rendered).is_file(), f"render printed {rendered!r}, which is no file")


def main() -> int:
    """Build and smoke-test; 0 if the bundle works, else 1."""
    args = sys.argv[1:]
    keep = "--keep" in args
    work = Path(tempfile.mkdtemp(prefix="exportgui-bundle-"))
    dist = Path(args[args.index("--dist") + 1]).resolve() if "--dist" in args else work / "dist"
    started = time.monotonic()
    try:
        bundle = build(dist, work)
        built = time.monotonic()
        print(f"build_bundle: built {bundle} in {built - started:.0f} s")
        smoke(bundle, work)
    except CheckFailed as exc:
        print(f"\nbuild_bundle: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if keep:
            print(f"build_bundle: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"build_bundle: the bundle works (build {built - started:.0f} s, "
        f"smoke test {time.monotonic() - built:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
