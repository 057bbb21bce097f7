"""Scheduling from the window: the Schedule dialog and the list of scheduled jobs.

:class:`ScheduleDialog` saves one schedule: its name, its presets (the form's
own options may be saved as a new preset for it), the selection (a catalog
folder, its subfolders, a type), the destination, and when: once at a local
date and time, or a cron expression whose next runs are shown as it is
typed. :class:`SchedulesDialog` lists the schedules with their next and last
run and removes them. Both work through :class:`ScheduleStore`; the runs
themselves are ``exportgui schedule run-due``'s, and land in the Jobs panel
like any other job. ``save()`` and ``remove()`` do the work, so tests drive
them without clicking.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exportgui.gui.widgets.formatting import type_plural
from exportgui.gui.widgets.i18n import QT_TR_NOOP, date_time, number, tr
from exportgui.gui.widgets.theme import Meaning, MessageLabel
from exportgui.jobs import ExportJob
from exportgui.jobs.presets import PresetError, PresetStore
from exportgui.jobs.schedule import (
    Schedule,
    ScheduleError,
    ScheduleStore,
    check_cron,
    check_name,
    new_schedule,
    next_runs,
    parse_at,
)
from exportgui.jobs.selection import describe, exportable_types, make_selection

EVERY_FOLDER = QT_TR_NOOP("(every folder)")
ANY_TYPE = QT_TR_NOOP("Any type")
CURRENT_OPTIONS = QT_TR_NOOP("The form's current options")
_SHOWN_RUNS = 3


def local_time(when: datetime | None) -> str:
    """An instant in this computer's time, to the minute, with its offset."""
    return date_time(when) if when else "—"


def last_run_text(schedule: Schedule) -> str:
    """The last run in words: when, the job's state and counts, or why nothing ran."""
    last = schedule.last
    if last is None:
        return tr("never run")
    text = f"{local_time(last.started)} — {tr(last.state)}"
    if last.job_handle:
        text += ", " + tr("{written} of %Ln written", "", last.total).format(
            written=number(last.succeeded + last.warnings)
        )
        if last.failed:
            text += ", " + tr("%Ln failed", "", last.failed)
    if last.message:
        text += f": {last.message}"
    return text


def _buddy(text: str, field: QWidget) -> QLabel:
    """A form label whose Alt+letter goes to ``field`` (rows holding a layout get none)."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


class ScheduleDialog(QDialog):
    """Save a job that runs later: presets, selection, destination and when."""

    saved = Signal(str)  # the new schedule's name

    def __init__(
        self,
        schedules: Path,
        presets: PresetStore,
        catalog_folder: Path,
        folders: list[str],
        parent: QWidget | None = None,
        *,
        checked: tuple[str, ...] = (),
        options: ExportJob | None = None,
        destination: Path | None = None,
        folder: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Schedule Export"))
        self.setAccessibleName(tr("Schedule export"))
        self._schedules = schedules
        self._presets = presets
        self._catalog_folder = catalog_folder
        self._options = options  # saved as a preset when its entry is ticked

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(tr("Schedule name"))
        self.name_edit.setPlaceholderText(tr("e.g. nightly web renditions"))
        self.preset_list = QListWidget()
        self.preset_list.setAccessibleName(tr("Presets to run"))
        self.preset_list.setMaximumHeight(110)
        if options is not None:
            self._add_preset_item(tr(CURRENT_OPTIONS), None, checked=not checked)
        for name in presets.list():
            self._add_preset_item(name, name, checked=name in checked)

        self.folder_combo = QComboBox()
        self.folder_combo.setAccessibleName(tr("Catalog folder"))
        self.folder_combo.addItem(tr(EVERY_FOLDER), None)
        for each in folders:
            self.folder_combo.addItem(each, each)
        if folder is not None:
            self.folder_combo.setCurrentIndex(max(self.folder_combo.findData(folder), 0))
        self.subfolders_box = QCheckBox(tr("Include &subfolders"))
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(tr("Asset type"))
        self.type_combo.addItem(tr(ANY_TYPE), None)
        for kind in exportable_types():
            self.type_combo.addItem(type_plural(kind), kind.value)

        self.dest_edit = QLineEdit(str(destination) if destination else "")
        self.dest_edit.setAccessibleName(tr("Destination folder"))
        choose = QPushButton(tr("C&hoose…"))
        choose.clicked.connect(self._choose_destination)

        self.once_radio = QRadioButton(tr("&Once at"))
        self.cron_radio = QRadioButton(tr("&Repeating (cron)"))
        group = QButtonGroup(self)
        group.addButton(self.once_radio)
        group.addButton(self.cron_radio)
        self.at_edit = QDateTimeEdit()
        self.at_edit.setAccessibleName(tr("Run once at (local time)"))
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        tomorrow = QDateTime.currentDateTime().addDays(1)
        self.at_edit.setDateTime(QDateTime(tomorrow.date(), QTime(6, 0)))
        self.cron_edit = QLineEdit("0 6 * * *")
        self.cron_edit.setAccessibleName(tr("Cron expression (local time)"))
        self.cron_edit.setToolTip(
            tr("minute hour day-of-month month day-of-week, e.g. 0 6 * * 1-5")
        )
        self.cron_radio.setChecked(True)
        self.runs_label = MessageLabel(tr("Next runs"), self)
        self.message = MessageLabel(tr("Schedule message"), self)
        self.message.clear_message()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

        self._lay_out(choose)
        for signal in (
            self.once_radio.toggled,
            self.cron_edit.textChanged,
            self.at_edit.dateTimeChanged,
        ):
            signal.connect(self.update_runs)
        self.update_runs()
        self.name_edit.setFocus()

    def _add_preset_item(self, text: str, name: str | None, *, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.preset_list.addItem(item)

    def _lay_out(self, choose: QPushButton) -> None:
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name_edit)
        form.addRow(tr("&Presets"), self.preset_list)
        where = QHBoxLayout()
        where.addWidget(self.folder_combo, 1)
        where.addWidget(self.subfolders_box)
        form.addRow(_buddy(tr("&Folder"), self.folder_combo), where)
        form.addRow(tr("&Type"), self.type_combo)
        dest = QHBoxLayout()
        dest.addWidget(self.dest_edit, 1)
        dest.addWidget(choose)
        form.addRow(_buddy(tr("&Destination"), self.dest_edit), dest)
        when = QGridLayout()
        when.addWidget(self.once_radio, 0, 0)
        when.addWidget(self.at_edit, 0, 1)
        when.addWidget(self.cron_radio, 1, 0)
        when.addWidget(self.cron_edit, 1, 1)
        when.addWidget(self.runs_label, 2, 1)
        when.setColumnStretch(1, 1)
        form.addRow(tr("When"), when)
        for label in (form.labelForField(w) for w in (self.name_edit, self.preset_list)):
            if isinstance(label, QLabel):
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 480)

    def _choose_destination(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, tr("Destination folder"), self.dest_edit.text()
        )
        if chosen:
            self.dest_edit.setText(chosen)

    # -- reading the form ------------------------------------------------------
    def _at(self) -> datetime:
        local = self.at_edit.dateTime().toPython()
        assert isinstance(local, datetime)
        return local.astimezone()  # the form shows this computer's time

    def update_runs(self) -> None:
        """Show the next runs for what is typed, or why there are none."""
        self.at_edit.setEnabled(self.once_radio.isChecked())
        self.cron_edit.setEnabled(self.cron_radio.isChecked())
        try:
            if self.once_radio.isChecked():
                runs = [parse_at(self._at().isoformat())]
            else:
                runs = next_runs(check_cron(self.cron_edit.text()), datetime.now(UTC), _SHOWN_RUNS)
        except ScheduleError as exc:
            self.runs_label.show_message(str(exc), Meaning.ERROR)
            return
        self.runs_label.show_message(tr("Next: ") + "; ".join(local_time(run) for run in runs))

    def checked_presets(self) -> list[str | None]:
        """The ticked presets (None: the form's options, to be saved as a preset)."""
        found = []
        for row in range(self.preset_list.count()):
            item = self.preset_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(item.data(Qt.ItemDataRole.UserRole))
        return found

    # -- saving ----------------------------------------------------------------
    def save(self) -> bool:
        """Store the schedule the form describes; False (with the reason shown) if it cannot.

        When the form's options are ticked, they are saved as a new preset named
        after the schedule, and the schedule runs that preset.
        """
        name = self.name_edit.text().strip()
        chosen = self.checked_presets()
        try:
            check_name(name)
            own = self._presets.free_name(name) if None in chosen else None
            schedule = self._schedule(name, [own] if own else [])
            with ScheduleStore(self._schedules) as store:
                if any(s.name.casefold() == name.casefold() for s in store.list()):
                    raise ScheduleError(f"a schedule named {name!r} already exists")
                if own is not None and self._options is not None:
                    self._presets.save(own, self._options)
                store.add(schedule)
        except (ScheduleError, PresetError, ValueError) as exc:
            self.message.show_message(str(exc), Meaning.ERROR)
            return False
        self.saved.emit(name)
        return True

    def _schedule(self, name: str, own: list[str]) -> Schedule:
        presets = [*own, *(p for p in self.checked_presets() if p is not None)]
        dest_text = self.dest_edit.text().strip()
        if not dest_text:
            raise ScheduleError("choose a destination folder")
        dest = Path(dest_text).expanduser()
        if not dest.is_absolute() or not dest.is_dir():
            raise ScheduleError(f"the destination {dest} is not an existing folder")
        folder = self.folder_combo.currentData()
        kind = self.type_combo.currentData()
        selection = make_selection(
            folder, self.subfolders_box.isChecked() and folder is not None, [kind] if kind else []
        )
        at = parse_at(self._at().isoformat()) if self.once_radio.isChecked() else None
        cron = self.cron_edit.text() if self.cron_radio.isChecked() else None
        return new_schedule(
            name, presets, dest, self._catalog_folder, selection=selection, at=at, cron=cron
        )

    def _on_save(self) -> None:
        if self.save():
            self.accept()


class SchedulesDialog(QDialog):
    """The scheduled jobs with their next and last run; remove them."""

    COLUMNS = (
        QT_TR_NOOP("Name"),
        QT_TR_NOOP("Presets"),
        QT_TR_NOOP("Selection"),
        QT_TR_NOOP("When"),
        QT_TR_NOOP("Next run"),
        QT_TR_NOOP("Last run"),
    )

    def __init__(self, schedules: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Scheduled Jobs"))
        self.setAccessibleName(tr("Scheduled jobs"))
        self._path = schedules
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setAccessibleName(tr("Scheduled jobs"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for wide in (self.COLUMNS.index("Selection"), self.COLUMNS.index("Last run")):
            header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hint = QLabel(
            tr(
                "Due jobs run whenever <code>exportgui schedule run-due</code> does; "
                "<code>exportgui schedule install</code> has the system run it every minute. "
                "Each run appears in the Jobs panel."
            )
        )
        hint.setWordWrap(True)
        self.message = MessageLabel(tr("Schedules message"), self)
        self.message.clear_message()
        self.remove_button = QPushButton(tr("&Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        refresh = QPushButton(tr("Re&fresh"))
        refresh.clicked.connect(self.refresh)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(900, 360)
        self.refresh()

    def refresh(self) -> None:
        """Read the schedules again."""
        try:
            with ScheduleStore(self._path) as store:
                schedules = store.list()
                problem = store.problem
        except ScheduleError as exc:
            schedules, problem = [], str(exc)
        if problem:
            self.message.show_message(problem, Meaning.WARNING)
        self.table.setRowCount(len(schedules))
        for row, s in enumerate(schedules):
            running = (
                tr(" (running since {time})").format(time=local_time(s.running_since))
                if s.running_since
                else ""
            )
            cells = (
                s.name,
                ", ".join(s.presets),
                describe(s.selection) if s.selection else tr("as the preset says"),
                (
                    tr("once at {time}").format(time=local_time(s.at))
                    if s.at
                    else tr("cron {cron} (local time)").format(cron=s.cron)
                ),
                local_time(s.next_run) + running,
                last_run_text(s),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def names(self) -> list[str]:
        """The listed schedules' names, in order."""
        return [self._name(row) for row in range(self.table.rowCount())]

    def _name(self, row: int) -> str:
        item = self.table.item(row, 0)
        return item.text() if item is not None else ""

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.remove(self._name(rows[0].row()))

    def remove(self, name: str) -> bool:
        """Delete a schedule and list the rest; False (with the reason shown) if it cannot."""
        try:
            with ScheduleStore(self._path) as store:
                store.remove(name)
        except ScheduleError as exc:
            self.message.show_message(str(exc), Meaning.ERROR)
            return False
        self.message.show_message(tr("Removed “{name}”.").format(name=name), Meaning.SUCCESS)
        self.refresh()
        return True
