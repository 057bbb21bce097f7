"""The ExportJob and the data that flows through one export.

An :class:`ExportJob` carries the IPS fields (assetHandleArray, fmt,
is_modifier, macro, emailSetting, clientId) plus what a desktop export also
needs (destination, conflict policy, folders, name, workers, a naming template). A job
may carry several :class:`Rendition` s (what a preset holds: fmt, request and
file names), and then makes one output per asset and rendition. ``validate``
turns it into :class:`Problem` s for the live form, ``plan`` into a
:class:`Plan` of :class:`PlannedOutput` s (one per asset and rendition: target,
format, size and why), ``run`` into a :class:`JobLog` modelled on the IPS JobLog,
whose :class:`LogDetail` s say what became of each asset; :class:`Progress`
is what a run reports while it goes. The enums spell every value as IPS does
and accept any letter case when parsing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import ClassVar, Self

from exportgui.config.i18n import parse_locale

MAX_WORKERS = 256  # the most workers a job may ask for


class _Choice(StrEnum):
    """A closed set of job values that :meth:`parse` reads in any letter case."""

    __label__ = "value"
    __aliases__: ClassVar[dict[str, str]] = {}  # other spelling (lower case) → the value

    @classmethod
    def parse(cls, text: str) -> Self:
        """The member whose value (or an alias of it) matches ``text`` in any case.

        Raises:
            ValueError: naming the values.
        """
        wanted = str(text).strip().lower()
        wanted = cls.__aliases__.get(wanted, wanted).lower()
        for member in cls:
            if member.value.lower() == wanted:
                return member
        values = [m.value for m in cls]
        allowed = " or ".join(values) if len(values) == 2 else f"one of {', '.join(values)}"
        raise ValueError(f"unknown {cls.__label__} {text!r}; use {allowed}")


class Fmt(_Choice):
    """ExportJob ``fmt``."""

    __label__ = "fmt"

    ORIG = "orig"
    CONVERT = "convert"


class EmailSetting(_Choice):
    """ExportJob ``emailSetting`` (IPS spelling)."""

    __label__ = "emailSetting"
    # Adobe's Italian ExportJob page translates three of the values themselves.
    __aliases__: ClassVar[dict[str, str]] = {
        "tutto": "All",
        "errore": "Error",
        "nessuno": "None",
    }

    ALL = "All"
    ERROR = "Error"
    ERROR_AND_WARNING = "ErrorAndWarning"
    JOB_COMPLETION = "JobCompletion"
    NONE = "None"


class ConflictPolicy(_Choice):
    """What to do with a file that was in the destination before the job."""

    __label__ = "conflict policy"

    RENAME = "rename"
    OVERWRITE = "overwrite"
    SKIP = "skip"
    UPDATE = "update"  # rewrite only what changed since this program placed it (update.py)


class LogType(StrEnum):
    """IPS JobLog detail ``logType``."""

    SUCCESS = "Success"
    WARNING = "Warning"
    ERROR = "Error"


@dataclass(frozen=True)
class Rendition:
    """One output per asset: the fmt, request and file names of one preset."""

    name: str = ""  # the preset's name; "" for a job's own options not saved as a preset
    fmt: Fmt = Fmt.ORIG
    is_modifier: str = ""
    macro: str = ""
    name_template: str = ""


@dataclass(frozen=True)
class Selection:
    """Assets chosen by rule, resolved against the catalog each time the job runs."""

    folder: str | None = None  # a catalog folder ("" = the root); None = every folder
    recursive: bool = False  # the folder's subfolders too
    types: tuple[str, ...] = ()  # asset type names (IPS spelling); () = every exportable type


@dataclass(frozen=True)
class ExportJob:
    """IPS ExportJob fields plus what a local export needs. Immutable: snapshot it freely."""

    asset_handles: tuple[str, ...] = ()  # assetHandleArray, in list order
    fmt: Fmt = Fmt.ORIG
    is_modifier: str = ""
    macro: str = ""  # "$name$" or "name" or ""
    email_setting: EmailSetting = EmailSetting.NONE
    client_id: str = ""  # reserved: stored, never acted on
    name: str = ""
    destination: Path | None = None
    conflict: ConflictPolicy = ConflictPolicy.RENAME
    keep_folders: bool = False  # recreate the catalog's folder tree under destination
    force: bool = False  # with "update": also replace files changed at the destination
    workers: int = 0  # 0 = one per CPU core
    name_template: str = ""  # "" = the IPS rule (asset name + the format's extension)
    preset: str = ""  # the preset the job was made from, for the template's {preset}
    selection: Selection | None = None  # assets by rule, added to asset_handles when it runs
    # Two or more: one output per asset and rendition, and fmt … preset above are the
    # first rendition's. Empty: the job's own fields are its one rendition.
    renditions: tuple[Rendition, ...] = ()
    locale: str = ""  # IPS locale: the language of the job's log and mail ("" = the user's)

    @property
    def rendition_list(self) -> tuple[Rendition, ...]:
        """The job's renditions: its own fields when it has no list of them."""
        if self.renditions:
            return self.renditions
        return (Rendition(self.preset, self.fmt, self.is_modifier, self.macro, self.name_template),)

    def for_rendition(self, rendition: Rendition) -> ExportJob:
        """The one-rendition job that makes ``rendition``'s outputs."""
        return replace(
            self,
            fmt=rendition.fmt,
            is_modifier=rendition.is_modifier,
            macro=rendition.macro,
            name_template=rendition.name_template,
            preset=rendition.name,
            renditions=(),
        )

    def with_renditions(self, renditions: tuple[Rendition, ...]) -> ExportJob:
        """The job making ``renditions`` (one: exactly a job with those fields and no list)."""
        if not renditions:
            raise ValueError("a job has at least one rendition")
        job = self.for_rendition(renditions[0])
        return replace(job, renditions=renditions) if len(renditions) > 1 else job


@dataclass(frozen=True)
class Problem:
    """A validation finding for the live form."""

    severity: LogType  # ERROR or WARNING
    field: str  # "fmt", "is_modifier", "macro", "email_setting", "destination", "assets", …
    message: str
    position: int | None = None  # character offset in the field's text, for underlining
    length: int = 0  # how many characters to underline
    rendition: str = ""  # in a job of several renditions: the one whose field it is

    @property
    def is_error(self) -> bool:
        """True for errors (which block the export), False for warnings."""
        return self.severity is LogType.ERROR


@dataclass(frozen=True, slots=True)
class PlannedOutput:
    """One asset's line in the plan: what will be written, and why."""

    asset_handle: str
    asset_name: str
    source_file_name: str  # e.g. "fileToExport.jpg"
    target: Path | None  # relative to the destination; None when nothing will be written
    format: str | None  # "orig" copies, else the canonical fmt, e.g. "tif"
    width: int | None
    height: int | None
    reason: str  # why that format (or why the asset is refused)
    status: LogType  # SUCCESS = will be written; WARNING = written with a warning; ERROR = refused
    message: str = ""  # warning or error text ("renamed: a.png is also the target of …")
    rendition: str = ""  # the rendition's (preset's) name
    layers: tuple[str, ...] = ()  # catalog images the request draws as layers ("brand/logo")


@dataclass
class Plan:
    """The job and its planned outputs, in job order."""

    job: ExportJob
    outputs: list[PlannedOutput] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        """Assets the plan already knows will fail."""
        return sum(1 for o in self.outputs if o.status is LogType.ERROR)


@dataclass(frozen=True)
class Progress:
    """Reported after each asset finishes (and once at the start, with done=0)."""

    done: int
    total: int
    current_name: str
    bytes_written: int
    successes: int = 0
    warnings: int = 0
    errors: int = 0


@dataclass(frozen=True)
class LogDetail:
    """One asset's outcome in the job log."""

    asset_handle: str
    name: str
    log_type: LogType
    message: str
    output: Path | None  # absolute path written, or None
    rendition: str = ""  # the rendition's (preset's) name


@dataclass
class JobLog:
    """IPS JobLog: the job's fields, dates, counts and one detail per asset."""

    job_handle: str
    job: ExportJob
    start_date: str  # ISO 8601 with time zone
    end_date: str | None
    state: str  # "running" | "completed" | "cancelled" | "failed" | "interrupted"
    file_success_count: int = 0
    file_error_count: int = 0
    file_warning_count: int = 0
    total_file_count: int = 0
    fatal_error: str | None = None
    details: Sequence[LogDetail] = field(default_factory=list)
    notification_warning: str | None = None  # the mail server failed; the export did not
    pid: int | None = None  # process that ran (or runs) the job, to tell live from dead
    host: str | None = None

    @property
    def finished(self) -> bool:
        """True once the job can no longer change by itself (not running)."""
        return self.state != "running"


def normalize(job: ExportJob) -> ExportJob:
    """The job with canonical spellings of fmt, emailSetting, conflict and locale (any case).

    Raises:
        ValueError: naming the field and the values it accepts.
    """
    return replace(
        job,
        fmt=Fmt.parse(job.fmt),
        email_setting=EmailSetting.parse(job.email_setting),
        conflict=ConflictPolicy.parse(job.conflict),
        renditions=tuple(replace(r, fmt=Fmt.parse(r.fmt)) for r in job.renditions),
        locale=parse_locale(job.locale),
    )
