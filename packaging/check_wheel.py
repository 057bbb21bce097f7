"""Build the wheel, install it into a fresh virtual environment and run the installed exportgui.

    uv run python packaging/check_wheel.py [--keep]

Needs uv. ``uv build`` makes the sdist and, from it, the wheel; ``uv venv`` and
``uv pip install`` put the wheel into a new environment in a temporary
folder (``UV_OFFLINE=1`` installs from uv's cache alone). Then, from that
folder and with ``EXPORTGUI_HOME`` inside it, the installed copy must run
``--version``, ``demo``, ``export`` and ``render``, find its icons and the
desktop files the wheel installs under ``share/``, and open its window
offscreen with the demo catalog listed and the icon at every size. Any
failure ends the script with exit status 1 and says what went wrong; ``--keep``
leaves the temporary folder for a look.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _steps import ROOT, CheckFailed, expect, run

APP_ID = "io.github.exportgui.ExportGui"

# Run by the installed Python: the window opens offscreen on the demo catalog and must list
# it, with the application icon at every hicolor size; then it closes as the process would.
WINDOW_CHECK = """
import sys, time
from PySide6.QtWidgets import QApplication
from exportgui.config.resources import ICON_SIZES
from exportgui.gui.app import configure_application, make_pool, open_main_window

app = QApplication(sys.argv)
configure_application(app)
pool = make_pool()
window = open_main_window(None, pool)
window.show()
deadline = time.monotonic() + 60
while window.loading() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
rows = window.browser.model.rowCount()
sizes = {(s.width(), s.height()) for s in app.windowIcon().availableSizes()}
missing = [n for n in ICON_SIZES if (n, n) not in sizes]
window.quit_guard.close_without_asking()
pool.waitForDone()
window.catalog.close()
from exportgui.config.resources import translations_dir
from exportgui.gui.widgets.i18n import install_translators, tr
install_translators("it", translations_dir())
if tr("Settings") != "Impostazioni":
    sys.exit(f"window: the Italian catalog did not load ({tr('Settings')!r})")
if window.loading() or rows == 0 or missing:
    sys.exit(f"window: loading={window.loading()} rows={rows} icon sizes missing={missing}")
print(f"window: {rows} assets listed, icon at {len(ICON_SIZES)} sizes, Italian loads")
"""

WHERE_CHECK = """
import exportgui
from exportgui.config.resources import icon_files, resources_dir, translations_dir
print(exportgui.__file__)
print(resources_dir())
print(translations_dir())
print(len(icon_files()))
print(" ".join(sorted(path.name for path in translations_dir().glob("*.qm"))))
"""


def project_version() -> str:
    """The version pyproject.toml gives the wheel."""
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as file:
        version: str = tomllib.load(file)["project"]["version"]
    return version


def check(work: Path) -> None:
    """Every step, in ``work``; raises CheckFailed at the first that goes wrong."""
    version = project_version()
    uv = shutil.which("uv")
    expect(uv is not None, "uv is not installed (python3 -m pip install uv)")
    assert uv is not None
    run([uv, "build", "--out-dir", work / "dist", ROOT], cwd=work)
    [wheel] = (work / "dist").glob("exportgui-*.whl")

    venv = work / "venv"
    python_version = f"{sys.version_info.major}.{sys.version_info.minor}"
    run([uv, "venv", "--python", python_version, venv], cwd=work)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    run([uv, "pip", "install", "--python", python, wheel], cwd=work)

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "EXPORTGUI_CATALOG")
    }
    env |= {"EXPORTGUI_HOME": str(work / "home"), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    exportgui = shutil.which("exportgui", path=str(bin_dir))
    expect(exportgui is not None, f"the wheel installed no exportgui command in {bin_dir}")
    assert exportgui is not None

    package, resources, translations, icons, catalogs = run(
        [python, "-c", WHERE_CHECK], cwd=work, env=env
    ).splitlines()
    expect(
        Path(package).is_relative_to(venv),
        f"the installed Python imported exportgui from {package}, not from the wheel",
    )
    expect(
        Path(resources) == Path(package).parent / "resources",
        f"the installed exportgui looks for its resources in {resources}",
    )
    expect(
        Path(translations) == Path(resources) / "translations",
        f"translations are looked for in {translations}",
    )
    expect(icons == "9", f"the installed copy finds {icons} of the 9 icon files")
    expect(
        catalogs == "exportgui_en.qm exportgui_it.qm",
        f"the wheel carries the compiled translations {catalogs or 'none'}, not en and it",
    )
    for shared in (
        f"share/applications/{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"share/icons/hicolor/48x48/apps/{APP_ID}.png",
    ):
        expect((venv / shared).is_file(), f"the wheel installed no {shared}")

    facts = run([exportgui, "--version"], cwd=work, env=env)
    expect(
        facts.splitlines()[0].split() == ["exportgui", version],
        f"--version says:\n{facts}",
    )
    expect(str(work / "home") in facts, f"--version names no folder in EXPORTGUI_HOME:\n{facts}")

    run([exportgui, "demo"], cwd=work, env=env)
    listed = json.loads(run([exportgui, "list", "--json"], cwd=work, env=env))
    images = [asset["handle"] for asset in listed if asset["type"] == "Image"][:4]
    expect(len(images) == 4, f"the demo catalog lists {len(images)} images")
    out = work / "out"
    out.mkdir()
    log = json.loads(
        run(
            [exportgui, "export", *images, "--fmt", "convert", "--modifier", "wid=200&fmt=png",
             "--dest", out, "--json"],
            cwd=work,
            env=env,
        )
    )  # fmt: skip
    written = sorted(out.glob("*.png"))
    expect(
        log["fileSuccessCount"] == len(images) == len(written),
        f"export wrote {[p.name for p in written]}; its log says {log['fileSuccessCount']} ok",
    )
    rendered = run(
        [exportgui, "render", written[0], "--modifier", "wid=50&fmt=jpg", "--out", work],
        cwd=work,
        env=env,
    ).strip()
    expect(Path(rendered).is_file(), f"render printed {rendered!r}, which is no file")
    italian = run(
        [exportgui, "plan", images[0], "--fmt", "orig", "--dest", out, "--locale", "it"],
        cwd=work,
        env=env,
    )
    expect("byte originali" in italian, f"the wheel's Italian job texts are missing:\n{italian}")

    print(run([python, "-c", WINDOW_CHECK], cwd=work, env=env).strip())


def main() -> int:
    """Run the check in a temporary folder; 0 if the installed wheel works, else 1."""
    keep = "--keep" in sys.argv[1:]
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="exportgui-wheel-"))
    try:
        check(work)
    except CheckFailed as exc:
        print(f"\ncheck_wheel: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if keep:
            print(f"check_wheel: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"check_wheel: the installed wheel works ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
