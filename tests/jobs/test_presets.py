from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from exportgui.jobs import ConflictPolicy, EmailSetting, ExportJob, Fmt, PresetError, PresetStore

JOB = ExportJob(
    asset_handles=("h1", "h2"),
    fmt=Fmt.CONVERT,
    is_modifier="wid=800&fmt=png",
    macro="$web$",
    email_setting=EmailSetting.ERROR,
    client_id="client-7",
    name="web export",
    destination=Path("/srv/exports"),
    conflict=ConflictPolicy.SKIP,
    keep_folders=True,
    workers=3,
)


@pytest.fixture
def store(tmp_path: Path) -> PresetStore:
    return PresetStore(tmp_path / "presets")


def test_round_trip_drops_the_assets(store: PresetStore) -> None:
    saved = store.save("Web hero", JOB)
    assert saved.job.asset_handles == ()
    loaded = store.load("Web hero")
    assert loaded == saved
    assert loaded.to_job(["x"]) == ExportJob(
        **{**JOB.__dict__, "asset_handles": ("x",), "preset": "Web hero"}
    )
    document = json.loads((store.folder / "Web hero.json").read_text())
    assert document["schema"] == 1 and document["emailSetting"] == "Error"
    assert "asset" not in json.dumps(document).lower()


def test_list_rename_delete(store: PresetStore) -> None:
    assert store.list() == []
    store.save("b", JOB)
    store.save("A", JOB)
    assert store.list() == ["A", "b"]
    store.rename("b", "c")
    assert store.list() == ["A", "c"]
    with pytest.raises(PresetError, match="already exists"):
        store.rename("A", "c")
    store.rename("A", "a")  # only the letter case changes
    assert store.list() == ["a", "c"]
    store.delete("c")
    assert store.list() == ["a"]
    with pytest.raises(PresetError, match="no preset"):
        store.delete("c")
    with pytest.raises(PresetError, match="no preset"):
        store.load("c")


@pytest.mark.parametrize("name", ["", " x", "a/b", "..", ".hidden", "CON", "x" * 101, "a:b"])
def test_names_must_be_safe_file_names(store: PresetStore, name: str) -> None:
    with pytest.raises(PresetError):
        store.save(name, JOB)
    assert not store.folder.exists() or list(store.folder.iterdir()) == []


def test_damaged_files_are_reported_skipped_and_kept(store: PresetStore) -> None:
    store.save("good", JOB)
    bad_json = store.folder / "broken.json"
    bad_json.write_text("{ not json")
    bad_field = store.folder / "wrongfmt.json"
    bad_field.write_text(json.dumps({"schema": 1, "name": "wrongfmt", "fmt": "gif"}))
    future = store.folder / "future.json"
    future.write_text(json.dumps({"schema": 9, "name": "future"}))
    assert store.list() == ["good"]
    damaged = dict(store.damaged())
    assert set(damaged) == {bad_json, bad_field, future}
    assert "line 1" in damaged[bad_json] and str(bad_json) in damaged[bad_json]
    assert "fmt" in damaged[bad_field] and "schema" in damaged[future]
    with pytest.raises(PresetError, match="not valid JSON"):
        store.load("broken")
    # Saving under a damaged file's name keeps the damaged file aside.
    store.save("broken", JOB)
    assert store.load("broken").job.fmt is Fmt.CONVERT
    aside = [p for p in store.folder.iterdir() if p.name.startswith("broken.json.damaged-")]
    assert len(aside) == 1 and aside[0].read_text() == "{ not json"


def test_import_and_export(store: PresetStore, tmp_path: Path) -> None:
    store.save("shared", JOB)
    exported = tmp_path / "elsewhere" / "shared-preset.json"
    store.export("shared", exported)
    other = PresetStore(tmp_path / "other")
    imported = other.import_file(exported)
    assert imported == store.load("shared")
    with pytest.raises(PresetError, match="already exists"):
        other.import_file(exported)
    assert other.import_file(exported, replace_existing=True) == imported
    junk = tmp_path / "junk.json"
    junk.write_text("[]")
    with pytest.raises(PresetError, match=r"junk\.json"):
        other.import_file(junk)


def test_importing_a_taken_name_can_keep_both_under_a_free_name(
    store: PresetStore, tmp_path: Path
) -> None:
    store.save("web", JOB)
    store.save("web (2)", JOB)
    exported = tmp_path / "web.json"
    store.export("web", exported)
    assert store.free_name("web") == "web (3)"
    assert store.free_name("print") == "print"
    kept = store.import_file(exported, name=store.free_name("web"))
    assert kept.name == "web (3)"
    assert kept.job == replace(store.load("web").job, preset="web (3)")
    assert store.list() == ["web", "web (2)", "web (3)"]
    with pytest.raises(PresetError, match="already exists"):
        store.import_file(exported, name="web (2)")


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({"name": "web"}, 'has no "schema" field'),
        ({"schema": 1}, 'has no "name" field'),
        ({"schema": 1, "name": 7}, '"name" must be text'),
        ({"schema": 1, "name": "web", "fmt": 3}, "'fmt' must be text"),
    ],
)
def test_an_imported_preset_says_which_field_is_missing_or_wrong(
    store: PresetStore, tmp_path: Path, document: dict[str, object], words: str
) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(PresetError, match=words):
        store.import_file(path)
