"""A job without a usable destination is invalid everywhere: nothing runs, nothing is logged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt, JobLogStore, ResumeError, plan, resume, run, validate
from exportgui.jobs.validate import InvalidJob

UNUSABLE = [None, Path(""), Path("out"), Path("./out")]


@pytest.mark.parametrize("destination", UNUSABLE)
def test_validate_refuses_a_missing_or_relative_destination(
    catalog: Catalog,
    library: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    destination: Path | None,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()  # it would exist, relative to where the program runs
    job = ExportJob((library["b.png"],), Fmt.ORIG, destination=destination)
    errors = [p for p in validate(job, catalog) if p.is_error]
    assert [p.field for p in errors] == ["destination"]


@pytest.mark.parametrize("destination", UNUSABLE)
def test_run_refuses_before_logging_or_writing(
    catalog: Catalog,
    library: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    destination: Path | None,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    before = set(os.listdir(tmp_path))
    job = ExportJob((library["b.png"],), Fmt.ORIG, destination=destination)
    with pytest.raises(InvalidJob, match="destination"):
        run(plan(job, catalog), catalog)
    assert JobLogStore(catalog).list_jobs() == []
    assert set(os.listdir(tmp_path)) == before and not any((tmp_path / "out").iterdir())


def test_a_logged_job_without_destination_is_not_resumed(
    catalog: Catalog, library: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    store = JobLogStore(catalog)
    # As an older version logged it: the job was created, then stopped for want of a folder.
    log = store.create(plan(ExportJob((library["b.png"],), Fmt.ORIG), catalog))
    store.finish(log.job_handle, "failed", "stopped: the job has no destination folder")
    with pytest.raises(ResumeError, match="destination"):
        resume(log.job_handle, catalog)
    assert store.get(log.job_handle).state == "failed"
    assert list(cwd.iterdir()) == []
