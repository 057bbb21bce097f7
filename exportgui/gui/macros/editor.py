"""The editor half of the macro manager: name and definition, checked by the engine as typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exportgui.gui.widgets.i18n import tr
from exportgui.gui.widgets.modifier_edit import Mark, ModifierEdit
from exportgui.gui.widgets.theme import (
    Meaning,
    MessageLabel,
    expand_wrapped,
    monospace_font,
    with_shortcut,
)
from exportgui.imaging.macro_checks import (
    DefinitionCheck,
    check_definition,
    check_name,
    macros_for_check,
)
from exportgui.imaging.sources import SourceIndex


class MacroEditor(QGroupBox):
    """Edits one macro; emits :attr:`changed` after every keystroke's check.

    ``stored_macros`` returns the catalog's macros (name → definition) that
    the name and definition are checked against; ``sources`` (the catalog's
    images) checks and completes ``src=`` names.
    """

    changed = Signal()

    def __init__(
        self,
        stored_macros: Callable[[], dict[str, str]],
        parent: QWidget | None = None,
        sources: SourceIndex | None = None,
    ) -> None:
        super().__init__(tr("Macro"), parent)
        self._stored_macros = stored_macros
        self._sources = sources
        self._original: str | None = None  # stored name of the macro being edited
        self._original_definition = ""
        self._check = DefinitionCheck()
        self._name_problem: str | None = None
        self._loading = False

        self.name_edit = QLineEdit(self)
        self.name_edit.setFont(monospace_font())
        self.name_edit.setAccessibleName(tr("Macro name"))
        self.name_edit.setPlaceholderText(tr("e.g. web-hero"))
        self.name_edit.setToolTip(tr("Letters, digits, '.', '_' and '-'; letter case is ignored"))
        self.name_message = MessageLabel(tr("Macro name message"), self, max_lines=2, reserve=True)
        self.definition_edit = ModifierEdit(
            tr("Macro definition"), tr("Image Serving commands joined by '&'"), lines=3, parent=self
        )
        self.definition_edit.setPlaceholderText(tr("e.g. wid=1200&hei=1200&fit=constrain&fmt=jpeg"))
        if sources is not None:
            self.definition_edit.set_completions(sources.names)
        self.definition_message = MessageLabel(
            tr("Macro definition message"), self, max_lines=3, reserve=True
        )
        self.usage_label = QLabel(self)
        self.usage_label.setWordWrap(True)
        expand_wrapped(self.usage_label)
        self.usage_label.setAccessibleName(tr("How to use the macro"))
        self.usage_label.setEnabled(False)  # greyed: a hint, not a message

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            self._label(tr("Na&me:"), self.name_edit),
            self._stack(self.name_edit, [self.name_message]),
        )
        form.addRow(
            self._label(tr("D&efinition:"), self.definition_edit),
            self._stack(self.definition_edit, [self.definition_message, self.usage_label]),
        )

        self.revert_button = QPushButton(tr("&Revert"), self)
        self.revert_button.setAccessibleName(tr("Revert"))
        self.revert_button.setToolTip(tr("Discard the changes in the editor"))
        self.revert_button.setAutoDefault(False)
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(tr("&Save"), self)
        self.save_button.setAccessibleName(tr("Save"))
        self.save_button.setToolTip(with_shortcut(tr("Save the macro"), "Ctrl+S"))
        self.save_button.setAutoDefault(False)
        self.save_reason = QLabel(self)
        self.save_reason.setWordWrap(True)
        self.save_reason.setAccessibleName(tr("Why the macro cannot be saved"))
        self.save_reason.setEnabled(False)  # greyed: a hint, like the usage line
        policy = self.save_reason.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the buttons stay put when the reason goes
        self.save_reason.setSizePolicy(policy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_reason, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.name_edit.textChanged.connect(self.revalidate)
        self.definition_edit.textChanged.connect(self.revalidate)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _stack(self, field: QWidget, below: list[QWidget]) -> QWidget:
        # Field and its messages in one form row, so a hidden message takes no room.
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        for widget in below:
            column.addWidget(widget)
        return box

    # -- state ---------------------------------------------------------------------
    @property
    def original(self) -> str | None:
        """The stored name of the macro being edited (None for a new macro)."""
        return self._original

    @property
    def name(self) -> str:
        """The name as typed, stripped."""
        return self.name_edit.text().strip()

    @property
    def definition(self) -> str:
        """The definition as typed."""
        return self.definition_edit.text()

    @property
    def check(self) -> DefinitionCheck:
        """The engine's verdict on the definition."""
        return self._check

    @property
    def is_dirty(self) -> bool:
        """True when the editor holds changes that are not stored."""
        if self._original is None:
            return bool(self.name or self.definition.strip())
        return self.name != self._original or self.definition != self._original_definition

    @property
    def can_save(self) -> bool:
        """True when the macro is valid and differs from what is stored."""
        return self._name_problem is None and self._check.ok and self.is_dirty

    def load(self, name: str | None, definition: str) -> None:
        """Edit the stored macro ``name`` (None: a new, empty macro)."""
        self._original = name
        self._original_definition = definition
        self._loading = True
        try:
            self.name_edit.setText(name or "")
            self.definition_edit.setText(definition)
        finally:
            self._loading = False
        self.setTitle(tr("Macro ${name}$").format(name=name) if name else tr("New macro"))
        self.revalidate()

    def revert(self) -> None:
        """Put back the stored name and definition."""
        self.load(self._original, self._original_definition)

    def revalidate(self) -> None:
        """Check the name and the definition and show what the engine says."""
        if self._loading:
            return
        name, definition = self.name, self.definition
        existing = self._stored_macros()
        self._name_problem = check_name(name, self._original, existing)
        table = macros_for_check(name, definition, self._original, existing)
        self._check = check_definition(definition, table, self._sources)

        untouched = self._original is None and not name and not definition.strip()
        if self._name_problem and not untouched:  # a new, empty form is not an error yet
            self.name_message.show_message(f"✗ {self._name_problem}", Meaning.ERROR)
        else:
            self.name_message.clear_message()
        self.definition_edit.set_marks(
            [
                Mark(f.start, f.length, Meaning.WARNING if f.warning else Meaning.ERROR)
                for f in self._check.findings
                if f.start is not None
            ]
        )
        lines = [f"✗ {f.message}" for f in self._check.errors]
        lines += [
            "⚠ "
            + tr("{problem} — fine if the request that uses the macro provides it.").format(
                problem=f.message
            )
            for f in self._check.warnings
        ]
        if not definition.strip() and self._original is None:
            self.definition_message.clear_message()
        elif lines:
            meaning = Meaning.ERROR if self._check.errors else Meaning.WARNING
            self.definition_message.show_message("\n".join(lines), meaning)
        else:
            self.definition_message.show_message(tr("✓ Valid"), Meaning.SUCCESS)
        self.definition_edit.setAccessibleDescription(self.definition_message.full_text())
        usage = name if name and not self._name_problem else tr("name")
        self.usage_label.setText(
            tr("Use it as ${name}$ in the job's macro field or in a modifier.").format(name=usage)
        )
        self.save_button.setEnabled(self.can_save)
        reason = self._why_not_saved(untouched)
        self.save_reason.setText(reason)
        self.save_reason.setVisible(bool(reason))
        self.save_button.setToolTip(
            f"{with_shortcut(tr('Save the macro'), 'Ctrl+S')} {reason}".strip()
        )
        self.revert_button.setEnabled(self.is_dirty and self._original is not None)
        self.changed.emit()

    def _why_not_saved(self, untouched: bool) -> str:
        if self.can_save:
            return ""
        if untouched:
            return tr("Type a name and a definition to save.")
        if not self.name:
            return tr("Give the macro a name to save it.")
        if self._name_problem:
            return tr("Fix the name to save.")
        if not self.definition.strip():
            return tr("Type the definition to save.")
        if not self._check.ok:
            return tr("Fix the definition to save.")
        return tr("No changes to save.")

    def focus_problem(self) -> None:
        """Put the keyboard focus on the field that stops saving."""
        if self._name_problem:
            self.name_edit.setFocus()
        elif not self._check.ok:
            self.definition_edit.setFocus()
