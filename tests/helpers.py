"""What test modules share: images made on the spot, catalog chores, the real ``exportgui`` command.

Test modules import from here, never from one another or from a conftest;
fixtures live in the conftest of the folder that uses them (``catalog`` in
the top one). Nothing here imports Qt, so the headless tests stay headless.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from exportgui.catalog import Asset, AssetType, Catalog

REPOSITORY = Path(__file__).resolve().parents[1]

# ``python -c`` this to run ``exportgui`` where Qt cannot be imported at all.
_WITHOUT_QT = """
import runpy, sys
sys.modules["PySide6"] = sys.modules["shiboken6"] = None  # importing them raises ImportError
sys.argv[0] = "exportgui"
runpy.run_module("exportgui", run_name="__main__")
"""

# Renders slow enough (tens of ms each) that a job can be cancelled half-way.
SLOW_MODIFIER = "op_blur=4&fmt=png"

Color = int | tuple[int, int, int]


def make_image(
    path: Path,
    size: tuple[int, int] = (32, 24),
    color: Color = 0,
    *,
    mode: str = "RGB",
    fmt: str | None = None,
    **options: object,
) -> Path:
    """Write a small real image file and return its path.

    The image is one colour (an ``int`` picks a distinct one, so numbered
    files differ) with a gradient along its top row, in ``mode``; partly
    transparent in the alpha modes, or WebP would drop the alpha. The format
    follows the suffix unless ``fmt`` names it; ``options`` go to Pillow's save.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    rgb = color if isinstance(color, tuple) else (color % 256, color * 7 % 256, color * 13 % 256)
    image = Image.new("RGB", size, rgb)
    for x in range(size[0]):
        image.putpixel((x, 0), (x % 256, x * 7 % 256, x * 13 % 256))
    if mode == "I;16":
        image = image.convert("I").point(lambda v: v * 257).convert("I;16")
    elif mode == "P":
        image = image.quantize(16)
    elif mode != "RGB":
        image = image.convert(mode)
        if mode in ("RGBA", "LA"):
            image.putalpha(Image.linear_gradient("L").resize(size))
    image.save(path, fmt, **options)
    return path


def asset(i: int, asset_type: AssetType = AssetType.IMAGE, folder: str = "shoot") -> Asset:
    """Asset number ``i`` as the catalog would list it, without a catalog."""
    is_set = asset_type.is_set
    return Asset(
        handle=f"h{i:04d}",
        name=f"photo{i:04d}" if not is_set else f"set{i:04d}",
        file_name="" if is_set else f"photo{i:04d}.jpg",
        folder=folder,
        type=asset_type,
        bytes=0 if is_set else 1000 + i,
        sha256=None if is_set else f"{i:064x}",
        width=None if is_set else 100 + i,
        height=None if is_set else 80,
        mode=None if is_set else "RGB",
        imported_at="2024-05-01T10:00:00+00:00",
        members=("h0001", "h0002") if is_set else (),
    )


def noise_images(
    catalog: Catalog, folder: Path, n: int, size: tuple[int, int] = (320, 240)
) -> list[str]:
    """``n`` distinct noise images, imported; their handles in order."""
    paths = []
    for i in range(n):
        image = Image.effect_noise(size, 30 + i).convert("RGB")
        image.putpixel((0, 0), (i % 256, i // 256, 7))
        path = folder / f"noise{i:03d}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, compress_level=1)
        paths.append(path)
    found = import_files(catalog, paths)
    return [found[p.name] for p in paths]


def import_files(catalog: Catalog, paths: Sequence[Path], folder: str = "") -> dict[str, str]:
    """Import files; returns file name → handle (file names must be unique in the call)."""
    report = catalog.import_paths(list(paths), folder=folder)
    assert not report.rejected, report.rejected
    found = {item.path.name: item.asset.handle for item in report.imported}
    found.update({dup.path.name: dup.handle for dup in report.duplicates})
    return found


def export_files(dest: Path) -> list[str]:
    """Every file under ``dest`` as a sorted list of relative POSIX paths."""
    return sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())


def exportgui(
    *args: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 90,
    without_qt: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``exportgui ARGS…`` as a user would; EXPORTGUI_HOME comes from the test's environment.

    Output is read as strict UTF-8, and a traceback on stderr fails the test
    at once: no user may ever see one. ``without_qt`` runs it in a Python
    that cannot import PySide6.
    """
    environment = {**(os.environ if env is None else env), "PYTHONIOENCODING": "utf-8"}
    environment["PYTHONPATH"] = str(REPOSITORY)  # also from another current folder
    done = subprocess.run(
        [sys.executable, *(("-c", _WITHOUT_QT) if without_qt else ("-m", "exportgui"))]
        + [str(arg) for arg in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="strict",
        cwd=cwd,
        env=environment,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def can_mount_tmpfs(tmp_path: Path) -> bool:
    """True where a test may mount a small tmpfs in a user namespace of its own (Linux)."""
    if not shutil.which("unshare") or sys.platform != "linux":
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
         f"mount -t tmpfs -o size=64k tmpfs {probe}"],
        capture_output=True,
        check=False,
    )  # fmt: skip
    return result.returncode == 0
