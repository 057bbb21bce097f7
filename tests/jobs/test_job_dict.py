"""One ExportJob codec: presets, job logs and window state of the earlier format still load."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.jobs import (
    ConflictPolicy,
    EmailSetting,
    ExportJob,
    Fmt,
    JobLogStore,
    PresetError,
    PresetStore,
    plan,
    run,
)
from exportgui.jobs.job_dict import job_from_dict, job_to_dict

JOB = ExportJob(
    asset_handles=("a|1", "b|2"),
    fmt=Fmt.CONVERT,
    is_modifier="&wid=20",
    macro="$thumb$",
    email_setting=EmailSetting.ERROR_AND_WARNING,
    client_id="c-7",
    name="spring",
    destination=Path("/tmp/out"),
    conflict=ConflictPolicy.SKIP,
    keep_folders=True,
    workers=3,
)


def test_the_job_round_trips_with_ips_names() -> None:
    data = job_to_dict(JOB)
    assert job_from_dict(json.loads(json.dumps(data))) == JOB
    assert {"assetHandleArray", "emailSetting", "clientId", "jobName", "keepFolders"} <= set(data)
    assert not {"name", "client_id", "email_setting", "keep_folders"} & set(data)
    assert "assetHandleArray" not in job_to_dict(JOB, with_assets=False)


def test_a_wrong_field_is_named_or_with_lenient_gets_its_default() -> None:
    with pytest.raises(ValueError, match="'workers'"):
        job_from_dict({"workers": "many"})
    with pytest.raises(ValueError, match="unknown fmt 'gif'"):
        job_from_dict({"fmt": "gif"})
    lenient = job_from_dict({"fmt": "gif", "macro": 3, "jobName": "kept"}, lenient=True)
    assert lenient == ExportJob(name="kept")


def test_a_preset_file_written_by_the_earlier_code_loads(tmp_path: Path) -> None:
    folder = tmp_path / "presets"
    folder.mkdir()
    today = {
        "schema": 1,
        "name": "web",
        "jobName": "spring",
        "fmt": "convert",
        "is_modifier": "&wid=20",
        "macro": "$thumb$",
        "emailSetting": "ErrorAndWarning",
        "clientId": "c-7",
        "destination": "/tmp/out",
        "conflict": "skip",
        "keepFolders": True,
        "workers": 3,
    }
    (folder / "web.json").write_text(json.dumps(today), encoding="utf-8")
    store = PresetStore(folder)
    preset = store.load("web")
    assert preset.name == "web"
    assert preset.job == replace(JOB, asset_handles=(), preset="web")
    store.save("web", preset.job)  # written again: the same document, and no template
    assert json.loads((folder / "web.json").read_text(encoding="utf-8")) == {
        **today,
        "nameTemplate": "",
    }


def test_a_preset_without_a_job_name_does_not_take_the_presets(tmp_path: Path) -> None:
    (tmp_path / "web.json").write_text(json.dumps({"schema": 1, "name": "web"}), encoding="utf-8")
    assert PresetStore(tmp_path).load("web").job == ExportJob(preset="web")
    (tmp_path / "bad.json").write_text(
        json.dumps({"schema": 1, "name": "bad", "keepFolders": "yes"}), encoding="utf-8"
    )
    with pytest.raises(PresetError, match=r"bad.json.*'keepFolders' must be true or false"):
        PresetStore(tmp_path).load("bad")


def test_window_state_options_written_by_the_earlier_code_load() -> None:
    today = {  # gui/ui_state.py's job_to_options() before the codec was shared
        "fmt": "convert",
        "is_modifier": "&wid=20",
        "macro": "$thumb$",
        "email_setting": "ErrorAndWarning",
        "client_id": "c-7",
        "name": "spring",
        "destination": "/tmp/out",
        "conflict": "skip",
        "keep_folders": True,
    }
    expected = replace(JOB, asset_handles=(), workers=0)
    assert job_from_dict(today, lenient=True) == expected
    assert job_from_dict({**today, "destination": ""}, lenient=True).destination is None


def test_a_job_stored_in_the_catalog_by_the_earlier_code_loads(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob((library["b.png"],), Fmt.ORIG, destination=dest, name="j1", client_id="c")
    log = run(plan(job, catalog), catalog)
    today = {  # jobs/joblog_doc.py's job_to_json() before the codec was shared
        "fmt": "orig",
        "is_modifier": "",
        "macro": "",
        "emailSetting": "None",
        "clientId": "old-client",
        "name": "old name",
        "destination": str(dest),
        "conflict": "rename",
        "keepFolders": False,
        "workers": 0,
    }
    with sqlite3.connect(catalog.folder / "catalog.db") as db:
        db.execute(
            "UPDATE joblog_job SET job_json = ? WHERE job_handle = ?",
            (json.dumps(today), log.job_handle),
        )
    db.close()
    stored = JobLogStore(catalog).get(log.job_handle).job
    assert (stored.name, stored.client_id, stored.destination) == ("old name", "old-client", dest)
    assert stored.asset_handles == (library["b.png"],)
