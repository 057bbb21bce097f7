"""The macro list of the macro manager: a thin table model over the catalog's macros."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from exportgui.gui.widgets.i18n import QT_TR_NOOP
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.gui.widgets.table_model import ListTableModel, ModelIndex
from exportgui.gui.widgets.theme import Meaning, meaning_color, monospace_font

NameRole = Qt.ItemDataRole.UserRole + 1
DefinitionRole = Qt.ItemDataRole.UserRole + 2
ProblemRole = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class MacroRow:
    """One macro as listed: stored name, definition, and the engine's complaint if any."""

    name: str
    definition: str
    problem: str | None = None


class MacroTableModel(ListTableModel[MacroRow]):
    """Columns: the invocation (``$name$``) and the definition; rows sorted by name."""

    NAME, DEFINITION = range(2)
    HEADERS = (QT_TR_NOOP("Macro"), QT_TR_NOOP("Definition"))

    def set_macros(
        self, macros: Mapping[str, str], problems: Mapping[str, str] | None = None
    ) -> None:
        """Replace the list (sorted case-insensitively by name)."""
        problems = problems or {}
        self.reset_rows(
            MacroRow(name, definition, problems.get(name))
            for name, definition in sorted(macros.items(), key=lambda kv: kv[0].casefold())
        )

    def row_of(self, name: str) -> int:
        """Row of the macro called ``name`` (any letter case), or -1."""
        folded = name.casefold()
        for row, entry in enumerate(self._rows):
            if entry.name.casefold() == folded:
                return row
        return -1

    # -- QAbstractTableModel ---------------------------------------------------
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, monospace font, the engine's complaint as tooltip and colour."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == NameRole:
            return entry.name
        if role == DefinitionRole:
            return entry.definition
        if role == ProblemRole:
            return entry.problem
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.NAME:
                text = f"${entry.name}$"
                return f"{text} (invalid)" if entry.problem else text
            return entry.definition
        if role == Qt.ItemDataRole.ToolTipRole:
            return qt_text(entry.problem or entry.definition)
        if role == Qt.ItemDataRole.FontRole:
            return monospace_font()
        if role == Qt.ItemDataRole.ForegroundRole and entry.problem and column == self.NAME:
            return meaning_color(Meaning.ERROR)
        return None
