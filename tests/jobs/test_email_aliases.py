"""emailSetting as Adobe's Italian page spells it (Tutto, Errore, Nessuno) reads as IPS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exportgui.jobs import EmailSetting
from exportgui.jobs.job_dict import job_from_dict, job_to_dict
from exportgui.jobs.presets import PresetStore


@pytest.mark.parametrize(
    ("text", "value"),
    [("Tutto", "All"), ("ERRORE", "Error"), (" nessuno ", "None"), ("all", "All")],
)
def test_the_italian_values_are_aliases_in_any_case(text: str, value: str) -> None:
    assert EmailSetting.parse(text).value == value


def test_a_job_file_keeps_the_ips_spelling() -> None:
    job = job_from_dict({"fmt": "orig", "emailSetting": "Tutto"})
    assert job.email_setting is EmailSetting.ALL
    assert job_to_dict(job)["emailSetting"] == "All"


def test_a_preset_file_written_with_an_italian_value_loads(tmp_path: Path) -> None:
    store = PresetStore(tmp_path)
    (tmp_path / "web.json").write_text(
        json.dumps({"schema": 1, "name": "web", "fmt": "orig", "emailSetting": "Errore"})
    )
    assert store.load("web").job.email_setting is EmailSetting.ERROR


def test_an_unknown_value_still_names_the_ips_values() -> None:
    with pytest.raises(ValueError, match="use one of All, Error, ErrorAndWarning"):
        EmailSetting.parse("Sempre")
