"""Table models of the jobs panel: the job history, one job's per-asset log, and its filter."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from exportgui.gui.widgets.formatting import rendition_format, state_word
from exportgui.gui.widgets.i18n import QT_TR_NOOP, date_time, number, tr
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.gui.widgets.table_model import ListTableModel, ModelIndex
from exportgui.gui.widgets.theme import Meaning, meaning_color, monospace_font
from exportgui.jobs import JobLog, LogDetail, LogType
from exportgui.jobs.model import Rendition
from exportgui.jobs.resume import not_done_count, resumable

JobHandleRole = Qt.ItemDataRole.UserRole + 1
JobLogRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3
LogTypeRole = Qt.ItemDataRole.UserRole + 4
DetailRole = Qt.ItemDataRole.UserRole + 5

_STATE_MEANING = {
    "interrupted": Meaning.WARNING,
    "cancelled": Meaning.WARNING,
    "failed": Meaning.ERROR,
}
_WORDS = (  # job states and log types, as the window shows them
    QT_TR_NOOP("completed"),
    QT_TR_NOOP("running"),
    QT_TR_NOOP("cancelled"),
    QT_TR_NOOP("failed"),
    QT_TR_NOOP("interrupted"),
    QT_TR_NOOP("Success"),
    QT_TR_NOOP("Warning"),
    QT_TR_NOOP("Error"),
)
_TYPE_MEANING = {
    LogType.SUCCESS: Meaning.SUCCESS,
    LogType.WARNING: Meaning.WARNING,
    LogType.ERROR: Meaning.ERROR,
}
_NUMERIC = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def local_time(iso: str | None) -> str:
    """An ISO 8601 time in the user's local time and locale (the text itself if unreadable)."""
    if not iso:
        return ""
    try:
        return date_time(datetime.fromisoformat(iso))
    except ValueError:
        return iso


def job_title(log: JobLog) -> str:
    """The job's name, or its handle when it has none."""
    return log.job.name or tr("Job {handle}").format(handle=log.job_handle)


def counted_items(log: JobLog, n: int) -> str:
    """``n`` of what the job's counts count: assets, or outputs when it has several renditions."""
    return tr("%Ln output(s)", "", n) if log.job.renditions else tr("%Ln asset(s)", "", n)


def job_format(log: JobLog) -> str:
    """``orig`` or ``convert`` and what it converts with; when several, each rendition's, named."""
    job = log.job
    if job.renditions:
        return "; ".join(f"{r.name}: {_converts(r)}" for r in job.renditions)
    return _converts(job.rendition_list[0])


def _converts(rendition: Rendition) -> str:
    """``orig``, or ``convert`` with what it converts with (the file names are said apart)."""
    return rendition_format(replace(rendition, name_template=""))


class JobHistoryModel(ListTableModel[JobLog]):
    """One row per job, newest first: name, date, fmt, counts, state."""

    # The state next to the name and the long Format column last: in a narrow panel
    # what a job is and how it ended stay in view.
    NAME, STATE, STARTED, TOTAL, SUCCESS, WARNINGS, ERRORS, FORMAT = range(8)
    HEADERS = (
        QT_TR_NOOP("Job"),
        QT_TR_NOOP("State"),
        QT_TR_NOOP("Started"),
        QT_TR_NOOP("Assets"),
        QT_TR_NOOP("Succeeded"),
        QT_TR_NOOP("Warnings"),
        QT_TR_NOOP("Errors"),
        QT_TR_NOOP("Format"),
    )

    def row_of(self, job_handle: str) -> int:
        """The row of ``job_handle``, or -1."""
        return next((i for i, j in enumerate(self._rows) if j.job_handle == job_handle), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, sort keys, the handle and the whole log under named roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        log = self._rows[index.row()]
        column = index.column()
        if role == JobHandleRole:
            return log.job_handle
        if role == JobLogRole:
            return log
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(log, column)
        if role == SortRole:
            return self._sort_key(log, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return qt_text(self._tooltip(log))
        if role == Qt.ItemDataRole.TextAlignmentRole and self.TOTAL <= column <= self.ERRORS:
            return _NUMERIC
        if role == Qt.ItemDataRole.FontRole and column == self.FORMAT:
            return monospace_font()
        if role == Qt.ItemDataRole.ForegroundRole:
            meaning = self._meaning(log, column)
            return meaning_color(meaning) if meaning else None
        return None

    def _text(self, log: JobLog, column: int) -> str:
        values = {
            self.NAME: job_title(log),
            self.STARTED: local_time(log.start_date),
            self.FORMAT: job_format(log),
            self.TOTAL: number(log.total_file_count),
            self.SUCCESS: number(log.file_success_count),
            self.WARNINGS: number(log.file_warning_count),
            self.ERRORS: number(log.file_error_count),
            self.STATE: tr(log.state),
        }
        return values.get(column, "")

    def _sort_key(self, log: JobLog, column: int) -> Any:
        numbers = {
            self.TOTAL: log.total_file_count,
            self.SUCCESS: log.file_success_count,
            self.WARNINGS: log.file_warning_count,
            self.ERRORS: log.file_error_count,
        }
        if column in numbers:
            return numbers[column]
        if column == self.STARTED:
            return log.start_date
        return self._text(log, column).casefold()

    def _meaning(self, log: JobLog, column: int) -> Meaning | None:
        if column == self.STATE:
            return _STATE_MEANING.get(log.state)
        if column == self.ERRORS and log.file_error_count:
            return Meaning.ERROR
        if column == self.WARNINGS and log.file_warning_count:
            return Meaning.WARNING
        return None

    def _tooltip(self, log: JobLog) -> str:
        lines = [
            f"{job_title(log)} ({log.job_handle})",
            tr("Format: {format}").format(format=job_format(log)),
        ]
        if log.job.destination is not None:
            lines.append(tr("Destination: {folder}").format(folder=log.job.destination))
        if log.job.renditions:
            lines.append(tr("%Ln renditions:", "", len(log.job.renditions)))
            lines += [f"  {r.name}: {rendition_format(r)}" for r in log.job.renditions]
        elif log.job.name_template:
            lines.append(tr("File names: {template}").format(template=log.job.name_template))
        lines.append(tr("Started {time}").format(time=local_time(log.start_date)))
        if log.end_date:
            lines.append(tr("Ended {time}").format(time=local_time(log.end_date)))
        if log.fatal_error:
            lines.append(tr("Stopped: {reason}").format(reason=log.fatal_error))
        if log.notification_warning:
            lines.append(tr("Mail: {warning}").format(warning=log.notification_warning))
        if resumable(log):
            left = not_done_count(log)
            lines.append(
                tr("{state} with {left} of {total} not done: Resume finishes them.").format(
                    state=state_word(log.state),
                    left=number(left),
                    total=counted_items(log, log.total_file_count),
                )
                if left
                else tr("{state}: Resume checks its last files and closes it.").format(
                    state=state_word(log.state)
                )
            )
        return "\n".join(lines)


class LogDetailModel(ListTableModel[LogDetail]):
    """One row per output of one job: result, asset, rendition, message, output file."""

    RESULT, NAME, RENDITION, MESSAGE, OUTPUT = range(5)
    HEADERS = (
        QT_TR_NOOP("Result"),
        QT_TR_NOOP("Asset"),
        QT_TR_NOOP("Rendition"),
        QT_TR_NOOP("Message"),
        QT_TR_NOOP("Output"),
    )

    def counts(self) -> dict[LogType, int]:
        """How many rows of each log type."""
        result = dict.fromkeys(LogType, 0)
        for detail in self._rows:
            result[detail.log_type] += 1
        return result

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, the log type and the detail under named roles, colour by outcome."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        detail = self._rows[index.row()]
        column = index.column()
        if role == LogTypeRole:
            return detail.log_type.value
        if role == DetailRole:
            return detail
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(detail, column)
        if role == SortRole:
            return self._text(detail, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return qt_text(self._text(detail, column)) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.RESULT:
            return meaning_color(_TYPE_MEANING[detail.log_type])
        return None

    def _text(self, detail: LogDetail, column: int) -> str:
        if column == self.RESULT:
            return tr(detail.log_type.value)
        if column == self.NAME:
            return detail.name
        if column == self.RENDITION:
            return detail.rendition
        if column == self.MESSAGE:
            return detail.message
        if column == self.OUTPUT:
            return str(detail.output) if detail.output is not None else ""
        return ""


class LogTypeFilterProxy(QSortFilterProxyModel):
    """Shows only the log types that are switched on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown: set[str] = {t.value for t in LogType}
        self.setSortRole(SortRole)

    @property
    def shown(self) -> frozenset[LogType]:
        """The log types shown."""
        return frozenset(LogType(v) for v in self._shown)

    def set_shown(self, log_type: LogType, shown: bool) -> None:
        """Show or hide one log type."""
        self.beginFilterChange()
        if shown:
            self._shown.add(log_type.value)
        else:
            self._shown.discard(log_type.value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Accept rows whose log type is shown."""
        model = self.sourceModel()
        value = model.index(source_row, 0, source_parent).data(LogTypeRole)
        return value in self._shown
