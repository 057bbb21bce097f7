import json
from pathlib import Path

import pytest

from exportgui.config import (
    MailSettings,
    Settings,
    app_paths,
    atomic_write_text,
    load_settings,
    resolve_catalog_dir,
    save_settings,
)


def test_home_puts_every_folder_under_it(exportgui_home: Path) -> None:
    paths = app_paths()
    for folder in (
        paths.config_dir,
        paths.data_dir,
        paths.cache_dir,
        paths.log_dir,
        paths.default_catalog_dir,
        paths.presets_dir,
        paths.thumbnails_dir,
    ):
        assert folder.resolve().is_relative_to(exportgui_home.resolve())


def test_catalog_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPORTGUI_CATALOG", str(tmp_path / "env-cat"))
    assert resolve_catalog_dir(None) == (tmp_path / "env-cat").resolve()
    assert resolve_catalog_dir(str(tmp_path / "cli-cat")) == (tmp_path / "cli-cat").resolve()
    monkeypatch.delenv("EXPORTGUI_CATALOG")
    assert resolve_catalog_dir(None) == app_paths().default_catalog_dir


def test_settings_round_trip() -> None:
    paths = app_paths()
    settings = Settings(
        mail=MailSettings("smtp://127.0.0.1:2525", "a@example.org", ["b@example.org"], "user"),
        workers=3,
    )
    save_settings(paths, settings)
    loaded = load_settings(paths)
    assert loaded.problem is None
    assert loaded.settings == settings
    assert json.loads(paths.settings_file.read_text())["schema"] == 1


def test_missing_settings_give_defaults() -> None:
    loaded = load_settings(app_paths())
    assert loaded.settings == Settings()
    assert loaded.problem is None


def test_corrupt_settings_are_moved_aside_not_lost() -> None:
    paths = app_paths()
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text("{ not json", encoding="utf-8")
    loaded = load_settings(paths)
    assert loaded.settings == Settings()
    assert loaded.problem is not None and "not valid JSON" in loaded.problem
    assert loaded.moved_to is not None and loaded.moved_to.read_text() == "{ not json"
    assert not paths.settings_file.exists()


def test_settings_with_wrong_field_type_names_the_field() -> None:
    paths = app_paths()
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text(json.dumps({"schema": 1, "workers": "many"}))
    loaded = load_settings(paths)
    assert loaded.problem is not None and "workers" in loaded.problem
    assert loaded.moved_to is not None


def test_settings_from_a_newer_version_are_kept_aside() -> None:
    paths = app_paths()
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text(json.dumps({"schema": 99}))
    loaded = load_settings(paths)
    assert loaded.problem is not None and "schema" in loaded.problem


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "out" / "file.txt"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.txt"]
