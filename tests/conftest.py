"""Every test runs offscreen, with its own EXPORTGUI_HOME, so nothing touches real user files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.config.i18n import set_language

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# No keyring daemon in CI: the null backend keeps keyring from probing D-Bus.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
# English texts whatever the machine's language; a test of another language asks for it.
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def exportgui_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A fresh EXPORTGUI_HOME for every test; EXPORTGUI_CATALOG cleared."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("EXPORTGUI_HOME", str(home))
    monkeypatch.delenv("EXPORTGUI_CATALOG", raising=False)
    monkeypatch.delenv("EXPORTGUI_SMTP_PASSWORD", raising=False)
    yield home
    set_language("")  # a command run in this process may have chosen a job's language


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    """An empty catalog in a temporary folder."""
    with Catalog.open(tmp_path / "catalog") as opened:
        yield opened
