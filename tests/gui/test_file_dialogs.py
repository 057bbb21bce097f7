"""Where file dialogs start and the names they suggest."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from exportgui.gui.widgets.file_dialogs import start_folder, suggested_path


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A documents folder of the test's own (Qt reads XDG_DOCUMENTS_DIR)."""
    home = tmp_path / "home"
    (home / "Docs").mkdir(parents=True)
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/Docs"\n')
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(found) == home / "Docs"
    return home / "Docs"


def test_a_dialog_starts_in_the_first_real_folder_given(tmp_path: Path, documents: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    assert start_folder(None, Path("relative"), tmp_path / "missing", dest) == dest
    assert start_folder(None, tmp_path / "missing") == documents
    assert start_folder() == documents


def test_a_suggested_name_has_no_spaces_and_keeps_accented_letters(
    tmp_path: Path, documents: Path
) -> None:
    assert suggested_path("Campagna primavera — città-log", ".csv", tmp_path) == (
        tmp_path / "Campagna-primavera-città-log.csv"
    )
    assert suggested_path("web hero", ".json") == documents / "web-hero.json"
    assert suggested_path("  / ", ".txt") == documents / "exportgui.txt"
