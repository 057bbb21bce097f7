"""The shape every settings page shares (after Picard's option pages), and the General page."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exportgui.config import Settings
from exportgui.config.settings import WINDOW_LANGUAGES
from exportgui.gui.widgets import theme
from exportgui.gui.widgets.i18n import LANGUAGE_NAMES, QT_TR_NOOP, tr
from exportgui.gui.widgets.theme import MessageLabel, expand_wrapped
from exportgui.jobs.cluster import parse_address
from exportgui.jobs.execute import WORKERS_PER_CORE, worker_limit


class PageSaveError(Exception):
    """Saving a page failed for a reason the user can act on (keyring locked, catalog busy)."""


class OptionsPage(QWidget):
    """One tab of the settings dialog.

    ``load`` fills the widgets from what is stored, ``restore_defaults`` fills
    them with the defaults (nothing is stored until ``save``), ``problem``
    says why the page cannot be saved, ``save`` writes the page's part.
    """

    title = ""
    changed = Signal()  # a field changed (the dialog re-checks its message)

    def load(self) -> None:
        """Fill the widgets from the stored settings."""
        raise NotImplementedError

    def restore_defaults(self) -> None:
        """Fill the widgets with the defaults."""
        raise NotImplementedError

    def problem(self) -> str | None:
        """Why the page cannot be saved as it is, or None."""
        return None

    def save(self, settings: Settings) -> None:
        """Write the page's values into ``settings`` (and wherever else they live)."""
        raise NotImplementedError


def add_field(
    form: QFormLayout,
    label: str,
    field: QWidget,
    accessible: str,
    hint: str = "",
    buddy: QWidget | None = None,
    *,
    stretch: bool = True,
) -> MessageLabel:
    """Add a labelled field with a greyed hint under it and a line for its problems.

    Field, hint and message share one form row; the message line keeps its
    room when empty. ``buddy`` is the control the label's mnemonic focuses when ``field``
    is a row holding several controls; it gets the accessible name.
    ``stretch=False`` keeps the field at its natural width (spin boxes).
    """
    parent = form.parentWidget()
    if parent is None:
        # Made without a parent, the field would join the page last in the Tab order.
        raise ValueError("add_field needs a form already laid out in its page")
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if stretch:
        column.addWidget(field)
    else:
        row = QHBoxLayout()
        row.addWidget(field)
        row.addStretch(1)
        column.addLayout(row)
    target = buddy or field
    target.setAccessibleName(accessible)
    if hint:
        hint_label = QLabel(hint, box)
        hint_label.setWordWrap(True)
        hint_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        hint_label.setEnabled(False)  # greyed: a hint, not a message
        hint_label.setAccessibleName(tr("{field} hint").format(field=accessible))
        expand_wrapped(hint_label)
        column.addWidget(hint_label)
        target.setAccessibleDescription(hint)
        if isinstance(target, QLineEdit):
            target.setToolTip(hint)
    # Its room is kept when it is empty: a message that comes and goes while the user
    # types must not move the fields below (a click meant for one would land on another).
    message = MessageLabel(
        tr("{field} problem").format(field=accessible), box, max_lines=2, reserve=True
    )
    message.clear_message()
    column.addWidget(message)
    title = QLabel(label, parent)
    title.setBuddy(target)
    form.addRow(title, box)
    return message


class GeneralPage(OptionsPage):
    """How many workers an export uses, where they run, and the language of the window."""

    title = QT_TR_NOOP("General")

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setAccessibleName(tr("General settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)  # before the fields: they are made in the page, in Tab order
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.workers_spin = QSpinBox(self)
        self.workers_spin.setRange(0, 256)
        cores = os.cpu_count() or 1
        self.workers_spin.setSpecialValueText(tr("One per core ({cores})").format(cores=cores))
        self.workers_message = add_field(
            form,
            tr("&Workers:"),
            self.workers_spin,
            tr("Export workers"),
            tr(
                "How many images are converted at the same time. More than the number of cores "
                "rarely helps: at most {limit} ({per_core} per core) are used, "
                "and never more than the assets exported."
            ).format(limit=worker_limit(), per_core=WORKERS_PER_CORE),
            stretch=False,
        )
        self.workers_spin.valueChanged.connect(self.changed)
        self.cluster_edit = QLineEdit(self)
        self.cluster_edit.setPlaceholderText(tr("This computer"))
        self.cluster_message = add_field(
            form,
            tr("&Cluster:"),
            self.cluster_edit,
            tr("Export cluster"),
            tr(
                "Run the conversions and copies on a Dask cluster: its scheduler's address "
                "(tcp://host:8786), or local:N for N worker processes on this computer. Every "
                "worker must see the catalog and the destination folder at the same paths. "
                "Empty: this computer."
            ),
        )
        self.cluster_edit.textChanged.connect(self._check_cluster)
        self.cluster_edit.textChanged.connect(self.changed)
        self.language_combo = QComboBox(self)
        for code in WINDOW_LANGUAGES:  # each language in its own words, "System" in the current
            self.language_combo.addItem(LANGUAGE_NAMES[code] or tr("System"), code)
        self.language_message = add_field(
            form,
            tr("&Language:"),
            self.language_combo,
            tr("Language of the window"),
            tr("System follows the computer's language. A change takes effect on restart."),
            stretch=False,
        )
        self.language_combo.currentIndexChanged.connect(self.changed)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        """Show the stored worker count and cluster."""
        self.workers_spin.setValue(self._settings.workers)
        self.cluster_edit.setText(self._settings.cluster)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(self._settings.language))
        )

    def restore_defaults(self) -> None:
        """One worker per core, on this computer."""
        self.workers_spin.setValue(Settings().workers)
        self.cluster_edit.setText(Settings().cluster)
        self.language_combo.setCurrentIndex(self.language_combo.findData(Settings().language))

    def problem(self) -> str | None:
        """A cluster address that is not one."""
        return self._cluster_problem()

    def save(self, settings: Settings) -> None:
        """Store the worker count and the cluster."""
        settings.workers = self.workers_spin.value()
        text = self.cluster_edit.text().strip()
        settings.cluster = parse_address(text) if text else ""
        settings.language = str(self.language_combo.currentData())

    def _cluster_problem(self) -> str | None:
        text = self.cluster_edit.text().strip()
        if not text:
            return None
        try:
            parse_address(text)
        except ValueError as exc:
            return tr("Cluster: {problem}").format(problem=exc)
        return None

    def _check_cluster(self) -> None:
        problem = self._cluster_problem()
        if problem is None:
            self.cluster_message.clear_message()
        else:
            self.cluster_message.show_message(problem, theme.Meaning.ERROR)
