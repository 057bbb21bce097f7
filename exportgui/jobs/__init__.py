"""The ExportJob: validate, plan, run, job log, resume, notify, presets. Qt-free."""

from exportgui.jobs.execute import RunOptions, run
from exportgui.jobs.joblog import JobLogStore, JobTakenOver, joblog_to_csv, joblog_to_dict
from exportgui.jobs.model import (
    ConflictPolicy,
    EmailSetting,
    ExportJob,
    Fmt,
    JobLog,
    LogDetail,
    LogType,
    Plan,
    PlannedOutput,
    Problem,
    Progress,
    normalize,
)
from exportgui.jobs.planner import plan
from exportgui.jobs.presets import Preset, PresetError, PresetStore
from exportgui.jobs.resume import ResumeError, resume
from exportgui.jobs.validate import validate

__all__ = [
    "ConflictPolicy",
    "EmailSetting",
    "ExportJob",
    "Fmt",
    "JobLog",
    "JobLogStore",
    "JobTakenOver",
    "LogDetail",
    "LogType",
    "Plan",
    "PlannedOutput",
    "Preset",
    "PresetError",
    "PresetStore",
    "Problem",
    "Progress",
    "ResumeError",
    "RunOptions",
    "joblog_to_csv",
    "joblog_to_dict",
    "normalize",
    "plan",
    "resume",
    "run",
    "validate",
]
