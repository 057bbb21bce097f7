from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from exportgui.catalog import Catalog
from exportgui.jobs import (
    ExportJob,
    Fmt,
    JobLogStore,
    LogType,
    joblog_to_csv,
    joblog_to_dict,
    plan,
    run,
)


def test_log_document_uses_ips_names(catalog: Catalog, library: dict[str, str], dest: Path) -> None:
    job = ExportJob((library["b.png"], library["turntable"]), Fmt.ORIG, destination=dest, name="j1")
    log = run(plan(job, catalog), catalog)
    doc = joblog_to_dict(log)
    json.dumps(doc)  # a plain JSON document
    assert doc["schema"] == 1
    assert doc["jobHandle"] == log.job_handle and doc["jobName"] == "j1"
    for key in ("startDate", "endDate"):
        assert datetime.fromisoformat(doc[key]).tzinfo is not None
    assert (doc["fileSuccessCount"], doc["fileErrorCount"], doc["fileWarningCount"]) == (1, 1, 0)
    assert doc["totalFileCount"] == 2 and doc["fatalError"] is None
    assert doc["job"]["assetHandleArray"] == [library["b.png"], library["turntable"]]
    assert doc["details"] == [
        {
            "assetHandle": library["b.png"],
            "name": "b",
            "logType": "Success",
            "message": "",
            "output": str(dest / "b.png"),
            "rendition": "",
        },
        {
            "assetHandle": library["turntable"],
            "name": "turntable",
            "logType": "Error",
            "message": "ExportJob does not export Spin Sets",
            "output": None,
            "rendition": "",
        },
    ]
    rows = list(csv.DictReader(io.StringIO(joblog_to_csv(log))))
    assert [r["logType"] for r in rows] == ["Success", "Error"]
    assert rows[0]["output"] == str(dest / "b.png") and rows[1]["output"] == ""


def test_store_lists_newest_first_and_survives_reopening(
    tmp_path: Path, library: dict[str, str], catalog: Catalog, dest: Path
) -> None:
    first = run(plan(ExportJob((library["b.png"],), Fmt.ORIG, destination=dest), catalog), catalog)
    second = run(plan(ExportJob((library["a.jpg"],), Fmt.ORIG, destination=dest), catalog), catalog)
    catalog.close()
    with Catalog.open(catalog.folder) as reopened:
        store = JobLogStore(reopened)
        listed = store.list_jobs()
        assert [log.job_handle for log in listed] == [second.job_handle, first.job_handle]
        assert all(log.details == [] and log.state == "completed" for log in listed)
        assert store.get(first.job_handle).details[0].log_type is LogType.SUCCESS
        assert store.interrupted() == []


def test_unknown_job_is_a_key_error(catalog: Catalog) -> None:
    store = JobLogStore(catalog)
    try:
        store.get("j-nope")
    except KeyError as exc:
        assert "j-nope" in str(exc)
    else:
        raise AssertionError("KeyError expected")


_DIE_WHILE_RUNNING = """
import os, signal, sys
from pathlib import Path
from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt, RunOptions, plan, run

catalog = Catalog.open(Path(sys.argv[1]))
handles = tuple(sys.argv[3:])
job = ExportJob(handles, Fmt.ORIG, destination=Path(sys.argv[2]))

def progress(p):
    if p.done >= 1:
        os.kill(os.getpid(), signal.SIGKILL)

run(plan(job, catalog), catalog, RunOptions(workers=1, progress=progress))
"""


def test_a_killed_run_is_reported_as_interrupted(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    handles = [library["a.jpg"], library["b.png"], library["notes.txt"]]
    proc = subprocess.run(
        [sys.executable, "-c", _DIE_WHILE_RUNNING, str(catalog.folder), str(dest), *handles],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == -9, proc.stderr.decode()
    store = JobLogStore(catalog)
    [log] = store.interrupted()
    assert log.state == "interrupted" and log.end_date is None
    assert log.pid is not None and log.pid != proc.returncode
    assert store.is_live(log.job_handle) is False
    assert log.file_success_count >= 1  # recorded before the kill (a batch may hold more)
