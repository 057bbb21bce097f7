"""A bug in a command reaches the user as one sentence and a report file, never a traceback."""

from __future__ import annotations

import argparse
from pathlib import Path

import PIL
import pytest

from exportgui.cli import EXIT_BUG, run_command
from exportgui.config import app_paths


def _broken(_args: argparse.Namespace) -> int:
    raise RuntimeError("the widget frobnicator fell over")


def test_a_bug_in_a_command_is_one_line_and_a_report(
    capsys: pytest.CaptureFixture[str], exportgui_home: Path
) -> None:
    code = run_command(argparse.Namespace(command="list", func=_broken))

    err = capsys.readouterr().err
    assert code == EXIT_BUG
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert "RuntimeError: the widget frobnicator fell over" in err
    reports = sorted(app_paths().log_dir.glob("crash-*.txt"))
    assert len(reports) == 1
    assert str(reports[0]) in err
    text = reports[0].read_text(encoding="utf-8")
    assert "exportgui list" in text
    assert "Traceback (most recent call last)" in text
    assert "_broken" in text


def test_the_report_names_the_versions_a_bug_report_needs(exportgui_home: Path) -> None:
    run_command(argparse.Namespace(command="list", func=_broken))

    [report] = app_paths().log_dir.glob("crash-*.txt")
    text = report.read_text(encoding="utf-8")
    for line in ("Python", f"Pillow     {PIL.__version__}", "PySide6", "Qt", "Platform"):
        assert f"\n{line}" in text


def test_without_a_writable_logs_folder_the_message_still_comes(
    capsys: pytest.CaptureFixture[str], exportgui_home: Path
) -> None:
    app_paths().log_dir.parent.mkdir(parents=True, exist_ok=True)
    app_paths().log_dir.write_text("a file where the logs folder should be")

    code = run_command(argparse.Namespace(command="list", func=_broken))

    err = capsys.readouterr().err
    assert code == EXIT_BUG
    assert "Traceback" not in err
    assert "This is a bug in exportgui." in err
