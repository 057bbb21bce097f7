"""The job's options as a form, bound to an :class:`ExportJob` (everything but its assets).

The panel never validates by itself: it emits ``job_changed`` with a fresh
immutable job after every edit, and the window answers with the problems
from ``jobs.validate``, which :meth:`OptionsPanel.show_problems` puts under
the field they belong to (the modifier gets its bad tokens underlined).
When the panel is too narrow for labels beside their fields, each label goes
above its field, so every control stays in reach in the smallest window.
A job of several renditions (presets) shows them as one summary line in
place of a rendition's own fields (format, modifier, macro, file names);
the job-wide fields stay editable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from exportgui.gui.widgets import theme
from exportgui.gui.widgets.described_items import (
    DescribedItemDelegate,
    describe_item,
    fit_list_width,
)
from exportgui.gui.widgets.formatting import problem_text, rendition_format
from exportgui.gui.widgets.i18n import QT_TR_NOOP, tr
from exportgui.gui.widgets.modifier_edit import Mark, ModifierEdit
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.jobs import ConflictPolicy, EmailSetting, ExportJob, Fmt, LogType, Problem
from exportgui.jobs.model import Rendition, Selection
from exportgui.jobs.validate import missing_folders

CONFLICT_LABELS = {
    ConflictPolicy.RENAME: QT_TR_NOOP("Keep both: number the new file"),
    ConflictPolicy.OVERWRITE: QT_TR_NOOP("Replace the existing file"),
    ConflictPolicy.SKIP: QT_TR_NOOP("Skip the asset"),
    ConflictPolicy.UPDATE: QT_TR_NOOP("Update: write only what changed"),
}

EMAIL_LABELS = {
    EmailSetting.NONE: QT_TR_NOOP("None — no mail"),
    EmailSetting.ALL: QT_TR_NOOP("All — start and end of the job"),
    EmailSetting.JOB_COMPLETION: QT_TR_NOOP("JobCompletion — when the job ends"),
    EmailSetting.ERROR_AND_WARNING: QT_TR_NOOP("ErrorAndWarning — errors, warnings"),
    EmailSetting.ERROR: QT_TR_NOOP("Error — only on errors"),
}

NO_MACRO = ""
DEFAULT_NAMES = QT_TR_NOOP(
    "{name}.{ext} (default)"
)  # the IPS rule: the asset's name, the format's extension


class OptionsPanel(QWidget):
    """Form for fmt, is_modifier, macro, emailSetting, clientId, destination, policy, names."""

    job_changed = Signal(object)  # ExportJob without assets
    macro_manager_requested = Signal()
    renditions_requested = Signal()  # "Change…" beside the renditions: choose the presets
    rendition_kept = Signal(str)  # back to one rendition: its (preset's) name
    mail_settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionsPanel")
        self._loading = False
        self._selection: Selection | None = None  # a preset's folder rule: no field, kept as is
        self._renditions: tuple[Rendition, ...] = ()  # two or more, or () for the fields' one
        self._build()
        self._connect()
        self._update_enabled()

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(6)

        title = QLabel(tr("Export options"))
        theme.heading(title, 1.15)
        outer.addWidget(title)

        # Message labels: a long request or template wraps anywhere, never widening the panel.
        self.renditions_label = theme.MessageLabel(tr("Renditions of the job"))
        self.renditions_detail = theme.MessageLabel(tr("What each rendition writes"))
        self.renditions_detail.setFont(theme.monospace_font())
        theme.secondary_text(self.renditions_detail)
        self.renditions_change = QPushButton(tr("Chan&ge…"))
        self.renditions_change.setToolTip(tr("Choose and order the presets this job writes"))
        self.renditions_single = QPushButton(tr("One rendition"))
        self.renditions_single.setToolTip(
            tr(
                tr(
                    "Back to one rendition: the form gets the first preset's format, "
                    "modifier, macro and file names"
                )
            )
        )
        self.renditions_message = theme.MessageLabel(tr("Rendition problem"))
        renditions_buttons = QHBoxLayout()
        renditions_buttons.addWidget(self.renditions_change)
        renditions_buttons.addWidget(self.renditions_single)
        renditions_buttons.addStretch(1)
        self.renditions_box = QWidget()
        self.renditions_box.setObjectName("renditionsBox")
        renditions_layout = QVBoxLayout(self.renditions_box)
        renditions_layout.setContentsMargins(0, 0, 0, 0)
        renditions_layout.setSpacing(4)
        renditions_layout.addWidget(self.renditions_label)
        renditions_layout.addWidget(self.renditions_detail)
        renditions_layout.addLayout(renditions_buttons)
        renditions_layout.addWidget(self.renditions_message)

        self.orig_radio = QRadioButton(tr("&Original file"))
        self.orig_radio.setToolTip(tr("fmt=orig: copy the stored bytes unchanged"))
        self.convert_radio = QRadioButton(tr("&Convert"))
        self.convert_radio.setToolTip(tr("fmt=convert: render through the modifier and macro"))
        self.fmt_group = QButtonGroup(self)
        self.fmt_group.addButton(self.orig_radio)
        self.fmt_group.addButton(self.convert_radio)
        self.orig_radio.setChecked(True)
        self.setFocusProxy(self.orig_radio)  # "View > Options" lands on the first field
        fmt_row = QHBoxLayout()
        fmt_row.addWidget(self.orig_radio)
        fmt_row.addWidget(self.convert_radio)
        fmt_row.addStretch(1)

        self.modifier_edit = ModifierEdit(
            tr("Image Serving modifier"),
            tr("Image Serving commands joined by &, e.g. &wid=1200&fmt=png&qlt=85"),
        )
        self.modifier_edit.setPlaceholderText("&wid=1200&fmt=png&qlt=85")
        self.modifier_message = self._field_message(tr("Modifier problem"), 2)

        self.macro_combo = QComboBox()
        self.macro_combo.setFont(theme.monospace_font())
        self.macro_combo.setItemDelegate(DescribedItemDelegate(self.macro_combo))
        self.macro_button = QPushButton(tr("Macros…"))
        self.macro_button.setToolTip(tr("Add, edit and delete the catalog's macros (Ctrl+M)"))
        macro_row = QHBoxLayout()
        macro_row.addWidget(self.macro_combo, 1)
        macro_row.addWidget(self.macro_button)
        self.macro_message = self._field_message(tr("Macro problem"), 1)

        self.destination_edit = QLineEdit()
        self.destination_edit.setPlaceholderText(tr("Full folder path, or Choose…"))
        self.destination_button = QPushButton(tr("Choo&se…"))
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.destination_edit, 1)
        dest_row.addWidget(self.destination_button)
        self.destination_message = self._field_message(tr("Destination problem"), 2)
        self.create_folder_button = QPushButton(tr("Create folder"))
        self.create_folder_button.setAccessibleName(tr("Create the destination folder"))
        dest_message_row = QHBoxLayout()
        dest_message_row.addWidget(self.destination_message, 1)
        dest_message_row.addWidget(self.create_folder_button, 0, Qt.AlignmentFlag.AlignTop)

        self.conflict_combo = QComboBox()
        for policy, label in CONFLICT_LABELS.items():
            self.conflict_combo.addItem(tr(label), policy.value)
        self.keep_folders_check = QCheckBox(tr("&Recreate the catalog's folders"))
        self.template_edit = ModifierEdit(
            tr("File name template"),
            tr(
                "Name the files from tokens: {name} {ext} {folder} {preset} {wid} {hei} {fmt} "
                "{handle} {seq:04} {date:%Y%m%d}; '/' makes folders. Empty: the asset's name "
                "with the format's extension"
            ),
        )
        self.template_edit.setPlaceholderText(tr(DEFAULT_NAMES))
        self.template_message = self._field_message(tr("File name problem"), 2)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("e.g. Spring campaign — web"))

        self.email_combo = QComboBox()
        for setting, label in EMAIL_LABELS.items():
            self.email_combo.addItem(tr(label), setting.value)
        self.mail_button = QPushButton(tr("Mail se&ttings…"))
        self.email_message = self._field_message(tr("Email problem"), 1)
        self.client_edit = QLineEdit()
        self.client_edit.setPlaceholderText(tr("reserved, never used"))
        self.client_edit.setToolTip(tr("Reserved: stored with the job, never used"))
        self.other_message = theme.MessageLabel(tr("Job problem"))

        form = self._form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(10)
        self._row(form, tr("Renditions"), self.renditions_box, self.renditions_change)
        self._row(form, tr("Format"), fmt_row, self.orig_radio)
        self._row(form, tr("Mo&difier"), self.modifier_edit)
        form.addRow("", self.modifier_message)
        self._row(form, tr("M&acro"), macro_row, self.macro_combo)
        form.addRow("", self.macro_message)
        self._section(form, tr("Destination"))
        self._row(form, tr("Fo&lder"), dest_row, self.destination_edit)
        form.addRow("", dest_message_row)
        self._row(form, tr("If a file e&xists"), self.conflict_combo)
        form.addRow("", self.keep_folders_check)
        self._row(form, tr("F&ile names"), self.template_edit)
        form.addRow("", self.template_message)
        # The rows of one rendition's own fields, which a job of several shows as the summary.
        self._rendition_rows = [
            row
            for row in range(form.rowCount())
            if self._row_holds(
                row,
                (
                    self.orig_radio,
                    self.modifier_edit,
                    self.modifier_message,
                    self.macro_combo,
                    self.macro_message,
                    self.template_edit,
                    self.template_message,
                ),
            )
        ]
        self._renditions_row = next(
            row for row in range(form.rowCount()) if self._row_holds(row, (self.renditions_box,))
        )
        self._row(form, tr("Job &name"), self.name_edit)
        self._section(form, tr("Notification"), self.mail_button)
        self._row(form, tr("E&mail"), self.email_combo)
        form.addRow("", self.email_message)
        self._row(form, tr("Client ID"), self.client_edit)
        for combo in (self.macro_combo, self.conflict_combo, self.email_combo):
            # Let the panel shrink with its splitter instead of growing a scroll bar.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        outer.addLayout(form)
        outer.addWidget(self.other_message)
        outer.addStretch(1)
        for message in (
            self.modifier_message,
            self.macro_message,
            self.destination_message,
            self.template_message,
            self.email_message,
            self.other_message,
            self.renditions_message,
        ):
            message.clear_message()  # shown only when there is something to say
        self.create_folder_button.hide()
        self._show_renditions()

        for widget, name in (
            (self.orig_radio, tr("Format: original file")),
            (self.convert_radio, tr("Format: convert")),
            (self.modifier_edit, tr("Image Serving modifier")),
            (self.macro_combo, tr("Macro")),
            (self.macro_button, tr("Manage macros")),
            (self.destination_edit, tr("Destination folder")),
            (self.destination_button, tr("Choose destination folder")),
            (self.conflict_combo, tr("When a file already exists")),
            (self.keep_folders_check, tr("Recreate the catalog's folders")),
            (self.template_edit, tr("File name template")),
            (self.name_edit, tr("Job name")),
            (self.email_combo, tr("Email notification")),
            (self.mail_button, tr("Mail settings")),
            (self.client_edit, tr("Client ID, reserved")),
        ):
            widget.setAccessibleName(name)
        self.set_macros({})

    def _widths(self) -> tuple[int, int]:
        """The narrowest the form can be with labels beside their fields, and above them."""
        form = self._form
        labels, fields = [0], [0]
        for row in range(form.rowCount()):
            for role, widths in (
                (QFormLayout.ItemRole.LabelRole, labels),
                (QFormLayout.ItemRole.FieldRole, fields),
                (QFormLayout.ItemRole.SpanningRole, fields),
            ):
                item = form.itemAt(row, role)
                if item is None:
                    continue
                widget = item.widget()
                size = widget.minimumSizeHint() if widget is not None else item.minimumSize()
                widths.append(size.width())
        margins = self._outer.contentsMargins()
        frame = margins.left() + margins.right()
        beside = max(labels) + form.horizontalSpacing() + max(fields)
        return beside + frame, max(*labels, *fields) + frame

    def _row_holds(self, row: int, widgets: tuple[QWidget, ...]) -> bool:
        """True when the form's ``row`` holds one of ``widgets`` (alone or in its layout)."""
        for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
            item = self._form.itemAt(row, role)
            if item is None:
                continue
            if item.widget() in widgets:
                return True
            layout = item.layout()
            if layout is not None:
                inside = (layout.itemAt(i) for i in range(layout.count()))
                if any(part is not None and part.widget() in widgets for part in inside):
                    return True
        return False

    def minimumSizeHint(self) -> QSize:
        """As narrow as the form with its labels above the fields."""
        hint = super().minimumSizeHint()
        return QSize(self._widths()[1], hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Labels beside their fields when there is room, else above them."""
        super().resizeEvent(event)
        policy = (
            QFormLayout.RowWrapPolicy.DontWrapRows
            if event.size().width() >= self._widths()[0]
            else QFormLayout.RowWrapPolicy.WrapAllRows
        )
        if self._form.rowWrapPolicy() != policy:
            self._form.setRowWrapPolicy(policy)

    @staticmethod
    def _field_message(accessible_name: str, lines: int) -> theme.MessageLabel:
        """The lines under a field: their room is kept, so a message never moves the fields below.

        Two lines under the fields typed in, where messages come and go with each key;
        one under the choices, whose messages are rare and short.
        """
        return theme.MessageLabel(accessible_name, max_lines=lines, reserve=True)

    @staticmethod
    def _row(form: QFormLayout, label: str, field: object, buddy: QWidget | None = None) -> None:
        label_widget = QLabel(label)
        if buddy is None and isinstance(field, QWidget):
            buddy = field
        if buddy is not None:
            label_widget.setBuddy(buddy)
        form.addRow(label_widget, field)  # type: ignore[call-overload]

    @staticmethod
    def _section(form: QFormLayout, text: str, button: QPushButton | None = None) -> None:
        """A section title; ``button`` (the section's settings) sits at its right end."""
        label = QLabel(text)
        theme.heading(label)
        label.setContentsMargins(0, 10, 0, 0)
        if button is None:
            form.addRow(label)
            return
        row = QHBoxLayout()
        row.addWidget(label, 1, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        form.addRow(row)

    def _connect(self) -> None:
        self.fmt_group.buttonToggled.connect(lambda *_: self._on_edited())
        for edit in (
            self.modifier_edit,
            self.template_edit,
            self.destination_edit,
            self.name_edit,
            self.client_edit,
        ):
            edit.textChanged.connect(self._on_edited)
        for combo in (self.macro_combo, self.conflict_combo, self.email_combo):
            combo.currentIndexChanged.connect(self._on_edited)
        self.keep_folders_check.toggled.connect(self._on_edited)
        self.macro_button.clicked.connect(self.macro_manager_requested)
        self.renditions_change.clicked.connect(self.renditions_requested)
        self.renditions_single.clicked.connect(self.use_one_rendition)
        self.mail_button.clicked.connect(self.mail_settings_requested)
        self.destination_button.clicked.connect(self._on_choose_destination)
        self.create_folder_button.clicked.connect(self._on_create_destination)

    # -- binding -------------------------------------------------------------
    def _destination(self) -> Path | None:
        typed = self.destination_edit.text().strip()
        return Path(typed).expanduser() if typed else None

    def job(self) -> ExportJob:
        """The options as an ExportJob without assets (of the renditions, when it has several)."""
        job = ExportJob(
            fmt=Fmt.CONVERT if self.convert_radio.isChecked() else Fmt.ORIG,
            is_modifier=self.modifier_edit.text(),
            macro=self.macro_combo.currentData() or NO_MACRO,
            email_setting=EmailSetting(self.email_combo.currentData()),
            client_id=self.client_edit.text(),
            name=self.name_edit.text().strip(),
            destination=self._destination(),
            conflict=ConflictPolicy(self.conflict_combo.currentData()),
            keep_folders=self.keep_folders_check.isChecked(),
            name_template=self.template_edit.text(),
            selection=self._selection,
        )
        return job.with_renditions(self._renditions) if self._renditions else job

    def renditions(self) -> tuple[Rendition, ...]:
        """The job's renditions when it has several, else ()."""
        return self._renditions

    def set_renditions(self, renditions: tuple[Rendition, ...]) -> None:
        """Make the form a job of ``renditions``, keeping its job-wide fields.

        One rendition fills the rendition's own fields; two or more replace
        them with their summary.
        """
        self.set_job(self.job().with_renditions(renditions))

    def use_one_rendition(self) -> None:
        """Back to a job of one rendition: the first one's fields, which the user may edit."""
        if self._renditions:
            kept = self._renditions[0]
            self.set_renditions((kept,))
            self.rendition_kept.emit(kept.name)

    def set_job(self, job: ExportJob) -> None:
        """Fill every field from ``job`` and emit ``job_changed`` once."""
        self._loading = True
        self._selection = job.selection
        try:
            # The fields hold the job's own (its first rendition's) options in both modes.
            self._renditions = job.renditions
            self._show_renditions()
            (self.convert_radio if job.fmt is Fmt.CONVERT else self.orig_radio).setChecked(True)
            if self.modifier_edit.text() != job.is_modifier:
                self.modifier_edit.setText(job.is_modifier)
            self._select_macro(job.macro)
            self.email_combo.setCurrentIndex(self.email_combo.findData(job.email_setting.value))
            self.client_edit.setText(job.client_id)
            self.name_edit.setText(job.name)
            self.destination_edit.setText(str(job.destination) if job.destination else "")
            self.conflict_combo.setCurrentIndex(self.conflict_combo.findData(job.conflict.value))
            self.keep_folders_check.setChecked(job.keep_folders)
            if self.template_edit.text() != job.name_template:
                self.template_edit.setText(job.name_template)
        finally:
            self._loading = False
        self._on_edited()

    def set_macros(self, macros: Mapping[str, str]) -> None:
        """Offer the catalog's macros (name → definition, shown beside the name in the list).

        A selected macro that vanished stays, marked missing.
        """
        current = self.macro_combo.currentData() or NO_MACRO
        blocked = self.macro_combo.blockSignals(True)
        self.macro_combo.clear()
        self.macro_combo.addItem(tr("(no macro)"), NO_MACRO)
        for name, definition in sorted(macros.items(), key=lambda kv: kv[0].casefold()):
            self.macro_combo.addItem(f"${name}$", f"${name}$")
            describe_item(self.macro_combo, self.macro_combo.count() - 1, definition)
        fit_list_width(self.macro_combo)
        self._select_macro(current)
        self.macro_combo.blockSignals(blocked)
        if self.macro_combo.currentData() != current:
            self._on_edited()

    def _select_macro(self, macro: str) -> None:
        wanted = macro.strip()
        if wanted and not wanted.startswith("$"):
            wanted = f"${wanted}$"
        for i in range(self.macro_combo.count()):
            data = self.macro_combo.itemData(i) or ""
            if data.casefold() == wanted.casefold():
                self.macro_combo.setCurrentIndex(i)
                return
        # A preset or the last session named a macro the catalog does not have (any more):
        # keep it visible so validation can say so, instead of silently dropping it.
        self.macro_combo.addItem(tr("{macro} (not in this catalog)").format(macro=wanted), wanted)
        self.macro_combo.setCurrentIndex(self.macro_combo.count() - 1)

    def _show_renditions(self) -> None:
        """The summary of several renditions in place of one rendition's fields, or the fields."""
        several = bool(self._renditions)
        form = self._form
        for row in self._rendition_rows:
            form.setRowVisible(row, not several)
        form.setRowVisible(self._renditions_row, several)
        if not several:
            return
        names = ", ".join(r.name for r in self._renditions)
        self.renditions_label.setText(
            tr("%Ln presets: {names}", "", len(self._renditions)).format(names=names)
        )
        self.renditions_detail.setText(
            "\n".join(f"{r.name}: {rendition_format(r)}" for r in self._renditions)
        )
        self.renditions_single.setText(tr("Only “{name}”").format(name=self._renditions[0].name))
        self.renditions_single.setAccessibleName(
            tr("Back to one rendition: {name}").format(name=self._renditions[0].name)
        )

    # -- feedback ------------------------------------------------------------
    def show_problems(self, problems: list[Problem]) -> None:
        """Put each problem under its field; underline modifier tokens.

        A problem of one rendition of several goes under their summary, with the
        rendition's name.
        """
        by_field: dict[str, list[Problem]] = {}
        rendition_problems = by_field.setdefault("renditions", [])
        for problem in problems:
            if problem.rendition:
                rendition_problems.append(replace(problem, message=problem_text(problem)))
                continue
            by_field.setdefault(problem.field, []).append(problem)
        self.renditions_message.show_problems(by_field.pop("renditions"))
        for field, edit, message in (
            ("is_modifier", self.modifier_edit, self.modifier_message),
            ("name_template", self.template_edit, self.template_message),
        ):
            found = by_field.pop(field, [])
            message.show_problems(found)
            edit.set_marks(
                [
                    Mark(
                        p.position,
                        max(p.length, 1),
                        theme.Meaning.ERROR if p.is_error else theme.Meaning.WARNING,
                        p.message,
                    )
                    for p in found
                    if p.position is not None
                ]
            )
        self.macro_message.show_problems(by_field.pop("macro", []) + by_field.pop("fmt", []))
        destination = by_field.pop("destination", [])
        typed = self.destination_edit.text().strip()
        if not typed:
            # An empty folder is the normal state of a new form, not an error to shout about:
            # the placeholder asks for it and the Export button's tooltip says it is missing.
            destination = []
        elif not Path(typed).expanduser().is_absolute():
            # A relative folder would land wherever the program happened to start.
            destination = [
                Problem(
                    LogType.ERROR,
                    "destination",
                    tr(
                        "“{typed}” is not a full folder path: choose the folder with Choose…, "
                        "or type its whole path"
                    ).format(typed=typed),
                )
            ]
        self.destination_message.show_problems(destination + by_field.pop("conflict", []))
        self._offer_create(bool(destination))
        self.email_message.show_problems(by_field.pop("email_setting", []))
        by_field.pop("assets", None)  # the window's status bar and Export tooltip say these
        self.other_message.show_problems([p for ps in by_field.values() for p in ps])

    def _on_edited(self, *_args: object) -> None:
        self._update_enabled()
        if not self._loading:
            self.job_changed.emit(self.job())

    def _update_enabled(self) -> None:
        convert = self.convert_radio.isChecked()
        # Disabled, not hidden: the user sees the options exist and what switches them on.
        for widget in (self.modifier_edit, self.macro_combo):
            widget.setEnabled(convert)
        hint = "" if convert else tr("Only for Convert")
        self.modifier_edit.setPlaceholderText(hint or "&wid=1200&fmt=png&qlt=85")
        self.macro_combo.setToolTip(
            hint or tr("A macro from the catalog, appended after the modifier")
        )

    def _offer_create(self, has_problem: bool) -> None:
        """Show Create folder when the destination is a full path to folders not there yet."""
        destination = self._destination() if has_problem else None
        missing = missing_folders(destination) if destination else []
        self.create_folder_button.setVisible(bool(missing))
        if missing:
            above = (
                tr(" (and {folder}, which is missing too)").format(folder=missing[0])
                if len(missing) == 2
                else ""
            )
            if len(missing) > 2:
                above = tr(
                    " (and the %Ln missing folders above it, from {folder})", "", len(missing) - 1
                ).format(folder=missing[0])
            self.create_folder_button.setToolTip(
                qt_text(tr("Create {folder}").format(folder=missing[-1]) + above)
            )

    def _on_create_destination(self) -> None:
        destination = self._destination()
        if destination is None:
            return
        try:
            destination.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.create_folder_button.hide()
            self.destination_message.show_message(
                tr("Cannot create {folder}: {reason}").format(
                    folder=destination, reason=exc.strerror or exc
                ),
                theme.Meaning.ERROR,
            )
            return
        self._on_edited()  # checked again: Export follows

    def _on_choose_destination(self) -> None:
        start = self.destination_edit.text() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, tr("Export to folder"), start)
        if folder:
            self.destination_edit.setText(folder)
