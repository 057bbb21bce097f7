"""The ExportJob: validate, plan, run, job log, resume, notify, presets. Qt-free."""

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
)

__all__ = [
    "ConflictPolicy",
    "EmailSetting",
    "ExportJob",
    "Fmt",
    "JobLog",
    "LogDetail",
    "LogType",
    "Plan",
    "PlannedOutput",
    "Problem",
    "Progress",
]
