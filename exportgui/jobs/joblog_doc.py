"""The job log as documents: versioned JSON (IPS field names) and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from exportgui.jobs.job_dict import job_from_dict, job_to_dict
from exportgui.jobs.model import ExportJob, JobLog, Plan, Problem
from exportgui.jobs.tally import tally, tally_to_dict

JOBLOG_DOCUMENT_SCHEMA = 1
CSV_COLUMNS = ("assetHandle", "name", "logType", "message", "output", "rendition")


def joblog_to_dict(log: JobLog, *, files: bool = True) -> dict[str, Any]:
    """The job log as the ``"schema": 1`` JSON document of ``export --json``.

    Counts and details use the IPS JobLog names (each detail also names its
    ``rendition``); ``details`` lists the outputs that have an outcome, in job
    order (empty for logs read without details).
    ``files`` adds what became of the assets (see tally.py); it is counted
    from the details, so leave it out for a log read without them.
    """
    job = log.job
    document: dict[str, Any] = {
        "schema": JOBLOG_DOCUMENT_SCHEMA,
        "jobHandle": log.job_handle,
        "jobName": job.name,
        "state": log.state,
        "startDate": log.start_date,
        "endDate": log.end_date,
        "fileSuccessCount": log.file_success_count,
        "fileErrorCount": log.file_error_count,
        "fileWarningCount": log.file_warning_count,
        "totalFileCount": log.total_file_count,
        "fatalError": log.fatal_error,
        "notificationWarning": log.notification_warning,
        "job": job_to_dict(job),
        "details": [
            {
                "assetHandle": d.asset_handle,
                "name": d.name,
                "logType": d.log_type.value,
                "message": d.message,
                "output": str(d.output) if d.output else None,
                "rendition": d.rendition,
            }
            for d in log.details
        ],
    }
    if files:
        document["files"] = tally_to_dict(tally(log))
    return document


def joblog_to_csv(log: JobLog) -> str:
    """One row per detail under a header row of the IPS detail names (and ``rendition``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for d in log.details:
        writer.writerow(
            (d.asset_handle, d.name, d.log_type.value, d.message, str(d.output or ""), d.rendition)
        )
    return buffer.getvalue()


def job_to_json(job: ExportJob) -> str:
    """The job's fields without its asset list (the items hold that), as stored in the log."""
    return json.dumps(job_to_dict(job, with_assets=False))


def job_from_json(text: str, handles: Sequence[str]) -> ExportJob:
    """Inverse of :func:`job_to_json` (also reads the spellings older logs stored)."""
    return replace(job_from_dict(json.loads(text)), asset_handles=tuple(handles))


def problem_to_dict(problem: Problem) -> dict[str, Any]:
    """A validation problem as JSON (``position``/``length`` mark the field's text)."""
    return {
        "severity": problem.severity.value,
        "field": problem.field,
        "message": problem.message,
        "position": problem.position,
        "length": problem.length,
    }


def plan_to_dict(plan: Plan, problems: Sequence[Problem] = ()) -> dict[str, Any]:
    """The plan as the ``"schema": 1`` JSON document of ``exportgui plan --json``.

    ``target`` is relative to the job's destination (null: nothing will be written).
    """
    return {
        "schema": JOBLOG_DOCUMENT_SCHEMA,
        "job": job_to_dict(plan.job),
        "problems": [problem_to_dict(p) for p in problems],
        "errorCount": plan.error_count,
        "outputs": [
            {
                "assetHandle": o.asset_handle,
                "name": o.asset_name,
                "sourceFileName": o.source_file_name,
                "target": o.target.as_posix() if o.target else None,
                "format": o.format,
                "width": o.width,
                "height": o.height,
                "reason": o.reason,
                "status": o.status.value,
                "message": o.message,
                "rendition": o.rendition,
                "layers": list(o.layers),
            }
            for o in plan.outputs
        ],
    }
