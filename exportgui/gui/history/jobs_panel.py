"""The jobs panel: the job history, one job's per-asset log, resume, retry, save the log.

The panel reads the job log through :class:`exportgui.jobs.joblog.JobLogStore`
and never runs a job itself: Resume and Retry failed are requests
(:attr:`JobsPanel.resume_requested`) for the window, which owns the workers.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exportgui.catalog import Catalog
from exportgui.config import atomic_write_text
from exportgui.gui.history.models import (
    JobHandleRole,
    JobHistoryModel,
    JobLogRole,
    LogDetailModel,
    LogTypeFilterProxy,
    SortRole,
    counted_items,
    job_title,
)
from exportgui.gui.widgets.file_dialogs import suggested_path
from exportgui.gui.widgets.i18n import number, tr
from exportgui.gui.widgets.table_model import compact_rows
from exportgui.gui.widgets.tasks import TaskRunner, failure_message
from exportgui.gui.widgets.theme import Meaning, MessageLabel, with_shortcut
from exportgui.jobs import JobLog, LogType
from exportgui.jobs.joblog import JobLogStore, joblog_to_csv, joblog_to_dict
from exportgui.jobs.resume import resumable

_NAME_CHARS = 22  # a job's or asset's name column, in average characters, before it elides


class _FittedScrollArea(QScrollArea):
    """A scroll area as high as its wrapped content, between one line and ``lines`` lines."""

    def __init__(self, content: QWidget, *, lines: int, parent: QWidget) -> None:
        super().__init__(parent)
        self._content = content
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line)  # a short panel shrinks it to one line, not the log
        layout = content.layout()
        gaps = layout.spacing() * (layout.count() - 1) if layout is not None else 0
        self._most = line * lines + max(gaps, 0)
        self.fit()

    def fit(self) -> None:
        """Take the height the content needs at the current width (call after a change)."""
        needed = self._content.heightForWidth(self.viewport().width())
        if needed < 0:
            needed = self._content.sizeHint().height()
        self.setMaximumHeight(max(self.minimumHeight(), min(needed, self._most)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width wraps the text anew."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()


class JobsPanel(QWidget):
    """Job history and logs. Emits ``resume_requested(job_handle, retry_failed)``."""

    resume_requested = Signal(str, bool)
    jobs_loaded = Signal()  # the history was read (after refresh())
    log_loaded = Signal(str)  # the selected job's log was read: its handle

    def __init__(
        self,
        catalog: Catalog,
        parent: QWidget | None = None,
        *,
        pool: QThreadPool,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Jobs"))
        self._catalog = catalog
        self._store = JobLogStore(catalog)
        # Reading a log of 10,000 assets takes about half a second: always off the GUI thread.
        self._tasks = TaskRunner(pool, self)
        self._list_generation = 0
        self._log_generation = 0
        self._selected: JobLog | None = None  # the selected job as listed (no details)
        self._wanted: str | None = None  # the job to select once the history is read again
        self._log: JobLog | None = None  # the selected job, with details

        self.history = JobHistoryModel(self)
        self.history_proxy = QSortFilterProxyModel(self)
        self.history_proxy.setSourceModel(self.history)
        self.history_proxy.setSortRole(SortRole)
        self.details = LogDetailModel(self)
        self.details_proxy = LogTypeFilterProxy(self)
        self.details_proxy.setSourceModel(self.details)

        self._build()
        self.summary_label.show_message(tr("Reading the job log…"))
        self._show_actions(None)
        self.refresh()

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        # No mnemonics here: the panel lives inside the main window, whose form
        # already uses most letters. Keys are shortcuts scoped to the panel
        # (Ctrl+R, Ctrl+Shift+R, F5) and Tab.
        self.history_view = self._table(self.history_proxy, tr("Job history"))
        self.history_view.sortByColumn(JobHistoryModel.STARTED, Qt.SortOrder.DescendingOrder)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A long job name would push the state out of view: it gets at most about 22
        # characters (elided; the whole name is in the tooltip), and the user may widen it.
        header.setSectionResizeMode(JobHistoryModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # Format
        self.history_view.selectionModel().currentRowChanged.connect(self._on_job_changed)

        self.empty_label = QLabel(tr("No jobs yet: every export is listed here."), self)
        self.empty_label.setAccessibleName(tr("No jobs"))
        self.empty_label.setEnabled(False)
        self.empty_label.setWordWrap(True)  # on one line it widened a 1000 px window

        self.refresh_button = self._button(tr("Refresh"), tr("Read the job log again"), "F5")
        self.refresh_button.clicked.connect(self.refresh)
        self.resume_button = self._button(
            tr("Resume"),
            tr("Finish the assets a stopped job (cancelled, failed or killed) did not get to"),
            "Ctrl+R",
        )
        self.resume_button.clicked.connect(self._on_resume)
        self.retry_button = self._button(
            tr("Retry failed"),
            tr("Export again the assets that failed in this job"),
            "Ctrl+Shift+R",
        )
        self.retry_button.clicked.connect(self._on_retry)
        self.csv_button = self._button(
            tr("Save log as CSV…"), tr("Write this job's log as CSV"), ""
        )
        self.csv_button.clicked.connect(self._on_save_csv)
        self.json_button = self._button(
            tr("Save log as JSON…"), tr("Write this job's log as JSON"), ""
        )
        self.json_button.clicked.connect(self._on_save_json)

        actions = QHBoxLayout()
        actions.addWidget(self.resume_button)
        actions.addWidget(self.retry_button)
        actions.addStretch(1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.json_button)
        actions.addWidget(self.refresh_button)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.history_view, 1)
        top_layout.addWidget(self.empty_label)

        # Wrapped: a long fatal error or mail failure must not widen the window.
        self.summary_label = MessageLabel(tr("Selected job"), self)
        self.mail_label = MessageLabel(tr("Mail of the selected job"), self)
        self.mail_label.clear_message()
        self.filter_boxes: dict[LogType, QCheckBox] = {}
        filters = QHBoxLayout()
        for log_type in (LogType.SUCCESS, LogType.WARNING, LogType.ERROR):
            text = log_type.value
            box = QCheckBox(text, self)
            box.setChecked(True)
            box.setAccessibleName(tr("Show {type} lines").format(type=tr(log_type.value)))
            box.setToolTip(
                tr("Show the assets whose result is {type}").format(type=tr(log_type.value))
            )
            box.toggled.connect(lambda on, t=log_type: self.details_proxy.set_shown(t, on))
            self.filter_boxes[log_type] = box
            filters.addWidget(box)
        filters.addStretch(1)
        self.details_view = self._table(self.details_proxy, tr("Log of the selected job"))
        # Job order until the user sorts by a column.
        self.details_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        detail_header = self.details_view.horizontalHeader()
        detail_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        detail_header.setSectionResizeMode(
            LogDetailModel.RESULT, QHeaderView.ResizeMode.ResizeToContents
        )
        detail_header.setStretchLastSection(True)
        self.details_view.setColumnWidth(LogDetailModel.MESSAGE, 280)

        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self._about_job())
        bottom_layout.addLayout(filters)
        bottom_layout.addWidget(self.details_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setAccessibleName(tr("Jobs and log"))
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        self.message = MessageLabel(tr("Jobs panel message"), self)
        self.message.clear_message()
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)

    def _about_job(self) -> QScrollArea:
        """The summary and mail lines, one to four lines high: a longer text scrolls."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.mail_label)
        self.about = _FittedScrollArea(box, lines=4, parent=self)
        self.about.setAccessibleName(tr("About the selected job"))
        return self.about

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when the panel is wide and short (a bottom tab), else stacked."""
        super().resizeEvent(event)
        size = event.size()
        wanted = (
            Qt.Orientation.Horizontal
            if size.width() >= 2 * size.height()
            else Qt.Orientation.Vertical
        )
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            # Side by side the history needs room for its name, state and counts.
            first, second = (3, 2) if wanted == Qt.Orientation.Horizontal else (2, 3)
            # The splitter is laid out after this event: measure the panel instead.
            horizontal = wanted == Qt.Orientation.Horizontal
            total = size.width() if horizontal else size.height()
            part = max(total, 1) // (first + second)
            self.splitter.setSizes([part * first, part * second])
            # Growing and shrinking keep these shares (until the user drags the handle).
            self.splitter.setStretchFactor(0, first)
            self.splitter.setStretchFactor(1, second)

    @staticmethod
    def _fit_name_column(view: QTableView, column: int) -> None:
        """Size a name column to its content, but at most ``_NAME_CHARS`` wide (it elides)."""
        widest = view.fontMetrics().averageCharWidth() * _NAME_CHARS
        view.resizeColumnToContents(column)
        view.setColumnWidth(column, min(view.columnWidth(column), widest))

    def _table(self, model: QSortFilterProxyModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSortingEnabled(True)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        compact_rows(view)
        return view

    def _button(self, text: str, tip: str, keys: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(with_shortcut(tip, keys))
        if keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(button.click)
            self.addAction(action)
        return button

    # -- data ------------------------------------------------------------------
    @property
    def selected_job(self) -> JobLog | None:
        """The selected job with its details, once they are read; else None."""
        return self._log

    def busy(self) -> bool:
        """True while the history or a log is being read."""
        return self._tasks.busy()

    def show_job(self, job_handle: str) -> None:
        """Read the job history again and select ``job_handle`` (a job that has just run)."""
        self._wanted = job_handle
        self.refresh()

    def refresh(self) -> None:
        """Read the job history again (off the GUI thread), keeping the selection."""
        self._list_generation += 1
        self._tasks.submit(
            lambda _report: self._store.list_jobs(),
            on_finished=self._on_jobs_read,
            on_failed=self._on_read_failed,
            generation=self._list_generation,
        )

    def _on_jobs_read(self, generation: int, jobs: list[JobLog]) -> None:
        if generation != self._list_generation:
            return  # a newer refresh is on its way
        wanted = [self._wanted, self._selected.job_handle if self._selected else None]
        self._wanted = None
        self.history.reset_rows(jobs)
        self._fit_name_column(self.history_view, JobHistoryModel.NAME)
        self.empty_label.setVisible(not jobs)
        if not any(handle is not None and self.select_job(handle) for handle in wanted):
            if jobs:
                self.select_job(self.history_proxy.index(0, 0).data(JobHandleRole))
            else:
                self._selected = None
                self._log_generation += 1  # drop any log still being read
                self._show_log(None)
        self.jobs_loaded.emit()

    def select_job(self, job_handle: str) -> bool:
        """Select a job and read its log; False when it is not in the history."""
        row = self.history.row_of(job_handle)
        if row < 0:
            return False
        index = self.history_proxy.mapFromSource(self.history.index(row, 0))
        self.history_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.history_view.scrollTo(index)
        self._request_log(self.history.row_at(row))  # also when current: it may have changed
        return True

    def _on_job_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            listed = current.data(JobLogRole)
            if self._selected is None or listed.job_handle != self._selected.job_handle:
                self._request_log(listed)

    def _request_log(self, listed: JobLog) -> None:
        self._selected = listed
        self._show_actions(listed)
        self._log_generation += 1
        handle = listed.job_handle
        self._tasks.submit(
            lambda _report: self._store.get(handle),
            on_finished=self._on_log_read,
            on_failed=self._on_read_failed,
            generation=self._log_generation,
        )

    def _on_log_read(self, generation: int, log: JobLog) -> None:
        if generation != self._log_generation:
            return  # the user has moved on to another job
        self._show_log(log)
        self.log_loaded.emit(log.job_handle)

    def _on_read_failed(self, generation: int, exc: Exception) -> None:
        if generation in (self._list_generation, self._log_generation):
            message = failure_message(exc)
            self.message.show_message(
                "✗ " + tr("The job log cannot be read: {reason}").format(reason=message),
                Meaning.ERROR,
            )

    def _show_actions(self, log: JobLog | None) -> None:
        """Resume and Retry need only the listed job; saving needs its details."""
        self.resume_button.setEnabled(log is not None and resumable(log))
        self.retry_button.setEnabled(
            log is not None and log.file_error_count > 0 and log.state != "running"
        )
        loaded = (
            log is not None and self._log is not None and self._log.job_handle == (log.job_handle)
        )
        self.csv_button.setEnabled(loaded)
        self.json_button.setEnabled(loaded)

    def _show_log(self, log: JobLog | None) -> None:
        self._log = log
        self.details.reset_rows(log.details if log is not None else [])
        self._fit_name_column(self.details_view, LogDetailModel.NAME)
        several = log is not None and bool(log.job.renditions)
        self.details_view.setColumnHidden(LogDetailModel.RENDITION, not several)
        if several:
            self.details_view.resizeColumnToContents(LogDetailModel.RENDITION)
        counts = self.details.counts()
        for log_type, box in self.filter_boxes.items():
            box.setText(f"{tr(log_type.value)} ({number(counts[log_type])})")
        if log is None:
            self.summary_label.show_message(tr("No job selected."))
        else:
            done = len(log.details)
            self.summary_label.show_message(
                tr("{job}: {done} of {total} done, {state}").format(
                    job=job_title(log),
                    done=number(done),
                    total=counted_items(log, log.total_file_count),
                    state=tr(log.state),
                )
                + (f" — {log.fatal_error}" if log.fatal_error else ""),
                Meaning.ERROR if log.fatal_error else None,
            )
        if log is not None and log.notification_warning:
            self.mail_label.show_message(
                tr("Mail: {warning}").format(warning=log.notification_warning), Meaning.WARNING
            )
        else:
            self.mail_label.clear_message()
        self.about.fit()
        self._show_actions(log)

    # -- actions -----------------------------------------------------------------
    def _on_resume(self) -> None:
        if self._selected is not None and self.resume_button.isEnabled():
            self.resume_requested.emit(self._selected.job_handle, False)

    def _on_retry(self) -> None:
        if self._selected is not None and self.retry_button.isEnabled():
            self.resume_requested.emit(self._selected.job_handle, True)

    def suggested_log_path(self, log: JobLog, suffix: str) -> Path:
        """Where Save log starts: ``catalogue-shots-log.csv`` in the job's destination."""
        return suggested_path(f"{job_title(log)}-log", suffix, log.job.destination)

    def _ask_path(self, title: str, suffix: str, kind: str) -> Path | None:
        if self._log is None:
            return None
        start = self.suggested_log_path(self._log, suffix)
        path, _ = QFileDialog.getSaveFileName(self, title, str(start), f"{kind} (*{suffix})")
        return Path(path) if path else None

    def _on_save_csv(self) -> None:
        path = self._ask_path(tr("Save log as CSV"), ".csv", tr("CSV files"))
        if path is not None:
            self.save_log_csv(path)

    def _on_save_json(self) -> None:
        path = self._ask_path(tr("Save log as JSON"), ".json", tr("JSON files"))
        if path is not None:
            self.save_log_json(path)

    def save_log_csv(self, path: Path) -> bool:
        """Write the selected job's log as CSV (atomically); False if nothing was written."""
        if self._log is None:
            return False
        return self._write(path, joblog_to_csv(self._log))

    def save_log_json(self, path: Path) -> bool:
        """Write the selected job's log as the versioned JSON document (atomically)."""
        if self._log is None:
            return False
        text = json.dumps(joblog_to_dict(self._log), indent=2, ensure_ascii=False) + "\n"
        return self._write(path, text)

    def _write(self, path: Path, text: str) -> bool:
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            self.message.show_message(
                "✗ "
                + tr("The log was not saved to {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                ),
                Meaning.ERROR,
            )
            return False
        self.message.show_message(tr("Log saved to {path}.").format(path=path))
        return True
