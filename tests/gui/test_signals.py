"""SIGTERM (and Ctrl+C) to the window's process: the export is cancelled cleanly, not killed."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.window.termination import closing_on_signals
from exportgui.jobs import ExportJob, Fmt, JobLogStore
from tests.gui.helpers import WindowFactory, prepare_export, settle
from tests.helpers import make_image

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")


def test_sigterm_closes_the_window_and_cancels_the_export(
    qtbot: QtBot,
    catalog: Catalog,
    tmp_path: Path,
    open_window: WindowFactory,
) -> None:
    sources = [
        make_image(tmp_path / "many" / f"img{i:02d}.png", (700, 700), (i * 5, 90, 200 - i * 4))
        for i in range(40)
    ]
    catalog.import_paths(sources)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(
        window,
        ExportJob(fmt=Fmt.CONVERT, is_modifier="op_blur=4&fmt=png", destination=out, workers=1),
    )
    settle(qtbot, window)

    with closing_on_signals(window) as signalled:
        with qtbot.waitSignal(window.export_runner.finished, timeout=60_000) as blocker:
            assert window.export()
            qtbot.waitUntil(lambda: any(out.glob("*.png")), timeout=30_000)
            os.kill(os.getpid(), signal.SIGTERM)
        assert signalled.is_set()
    assert not window.isVisible()
    assert window.quit_guard.question is None  # a signal does not ask
    log = blocker.args[0].log
    assert log.state == "cancelled"
    assert JobLogStore(catalog).get(log.job_handle).state == "cancelled"
    files = sorted(p.name for p in out.iterdir())
    assert 0 < len(files) < 40
    assert not any(name.startswith(".") for name in files)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back as it was
