"""The strip at the bottom of the window: progress while a job runs, its summary afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QProgressBar, QPushButton, QWidget

from exportgui.gui.job_form.export_runner import RunOutcome, RunStatus
from exportgui.gui.widgets import theme
from exportgui.gui.widgets.folders import open_folder
from exportgui.gui.widgets.formatting import duration, state_word
from exportgui.gui.widgets.i18n import number, tr
from exportgui.jobs.tally import tally_words


def summary_text(outcome: RunOutcome) -> str:
    """The state and the files in words: ``Finished: 2 files written (2 replaced) · 1 failed``."""
    log = outcome.log
    text = f"{state_word(log.state)}: {tally_words(outcome.counted)}"
    if log.fatal_error:
        text += f" — {log.fatal_error}"
    return text


class RunBar(QFrame):
    """Progress bar, figures and Cancel during a run; summary and Open folder after it."""

    cancel_clicked = Signal()
    show_log_clicked = Signal(str)  # job handle

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._folder: Path | None = None
        self._job_handle = ""
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat("%v / %m")
        self.progress.setMinimumWidth(220)
        self.progress.setAccessibleName(tr("Export progress"))
        # Wrapped in at most three lines (the rest in its tooltip): a summary with two mail
        # failures once pushed the window wider than the screen.
        self.label = theme.MessageLabel(tr("Export status"), max_lines=3)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the export (Esc)"))
        self.cancel_button.setAccessibleName(tr("Cancel the export"))
        self.open_button = QPushButton(tr("Open folder"))
        self.open_button.setAccessibleName(tr("Open the destination folder"))
        self.log_button = QPushButton(tr("Show log"))
        self.log_button.setAccessibleName(tr("Show the job log"))
        self.close_button = QPushButton(tr("Dismiss"))
        self.close_button.setAccessibleName(tr("Dismiss the summary"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(10)
        layout.addWidget(self.progress)
        layout.addWidget(self.label, 1)
        for button in (self.open_button, self.log_button, self.close_button, self.cancel_button):
            layout.addWidget(button)
        self.cancel_button.clicked.connect(self.cancel_clicked)
        self.open_button.clicked.connect(self._open_folder)
        self.log_button.clicked.connect(lambda: self.show_log_clicked.emit(self._job_handle))
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_started(self, what: str) -> None:
        """Switch to progress mode."""
        self.progress.setRange(0, 0)  # busy until the first figures arrive
        self.progress.show()
        self.label.setStyleSheet("")
        self.label.setText(what)
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        for button in (self.open_button, self.log_button, self.close_button):
            button.hide()
        self.show()

    def show_progress(self, status: RunStatus) -> None:
        """Done/total, rate, time left, and the asset in hand."""
        self.progress.setRange(0, max(status.total, 1))
        self.progress.setValue(status.done)
        parts = [tr("{rate} files/s").format(rate=number(status.files_per_second, 1))]
        if status.cluster_workers:
            parts.append(tr("on %Ln cluster worker(s)", "", status.cluster_workers))
        if status.seconds_left is not None and status.done < status.total:
            parts.append(tr("about {time} left").format(time=duration(status.seconds_left)))
        if status.errors:
            parts.append(tr("%Ln error(s)", "", status.errors))
        if status.current_name:
            parts.append(status.current_name)
        self.label.setText(" · ".join(parts))

    def show_cancelling(self) -> None:
        """Cancel was pressed: say so until the run stops."""
        self.cancel_button.setEnabled(False)
        self.label.setText(tr("Cancelling — finishing the files in progress…"))

    def show_outcome(self, outcome: RunOutcome) -> None:
        """Summary mode: counts in words, Open folder and Show log."""
        log = outcome.log
        self._folder = log.job.destination
        self._job_handle = log.job_handle
        self.progress.hide()
        self.cancel_button.hide()
        text = summary_text(outcome)
        if outcome.notify_warning:
            text += f" — {outcome.notify_warning}"
        self.label.setText(text)
        color = None
        if log.file_error_count or log.fatal_error or log.state == "failed":
            color = theme.meaning_color(theme.Meaning.ERROR, self.palette())
        elif log.file_warning_count or outcome.notify_warning:
            color = theme.meaning_color(theme.Meaning.WARNING, self.palette())
        self.label.setStyleSheet(f"color: {color.name()};" if color is not None else "")
        self.open_button.setVisible(self._folder is not None)
        self.log_button.show()
        self.close_button.show()
        self.show()
        (self.open_button if self._folder else self.log_button).setFocus()

    def show_failure(self, message: str) -> None:
        """The run was refused or broke off: ``message`` says which and why, in red."""
        self.progress.hide()
        self.cancel_button.hide()
        self.label.setText(message)
        self.label.setStyleSheet(
            f"color: {theme.meaning_color(theme.Meaning.ERROR, self.palette()).name()};"
        )
        self.open_button.hide()
        self.log_button.hide()
        self.close_button.show()
        self.show()

    def _open_folder(self) -> None:
        if self._folder is not None:
            open_folder(self._folder, self)
