"""The Image Serving page of the settings dialog: the catalog's IS attributes.

Values are typed in the IS text form administrators know ("3000,3000",
"80,0", "255,255,255") and checked by the engine's own parser as they are
typed, so what the dialog accepts is exactly what an export will accept.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exportgui.catalog import DEFAULT_ATTRIBUTES, Catalog, CatalogError, CatalogUnavailable
from exportgui.config import Settings
from exportgui.gui.settings.page import OptionsPage, PageSaveError, add_field
from exportgui.gui.widgets.i18n import QT_TR_NOOP, tr
from exportgui.gui.widgets.theme import Meaning, MessageLabel, monospace_font
from exportgui.imaging import ISAttributes, ISError
from exportgui.imaging.attributes import RES_MODES

TEXT_ATTRIBUTES = ("MaxPix", "DefaultPix", "JpegQuality", "BkgColor")
ATTRIBUTES = ("MaxPix", "DefaultPix", "JpegQuality", "ResMode", "BkgColor")

_HINTS = {
    "MaxPix": QT_TR_NOOP("Largest reply, width,height in pixels; 0 = no limit on that side"),
    "DefaultPix": QT_TR_NOOP(
        "Size cap when a request gives no wid, hei or scl; 0 = no cap on that side"
    ),
    "JpegQuality": QT_TR_NOOP(
        "Default qlt: quality 1–100, then 1 to keep full chroma, 0 to subsample"
    ),
    "ResMode": QT_TR_NOOP("Default resampling (resMode)"),
    "BkgColor": QT_TR_NOOP("Fill for areas without image data: r,g,b (0–255 each) or RRGGBB"),
}
_LABELS = {
    "MaxPix": "&MaxPix:",
    "DefaultPix": "&DefaultPix:",
    "JpegQuality": "&JpegQuality:",
    "ResMode": "&ResMode:",
    "BkgColor": "&BkgColor:",
}


def attribute_problem(name: str, value: str) -> str | None:
    """The engine's complaint about one attribute value, or None."""
    if not value.strip():
        return tr("{name} needs a value (Restore Defaults puts back the default).").format(
            name=name
        )
    try:
        ISAttributes.from_strings({name: value.strip()})
    except ISError as exc:
        return exc.message[:1].upper() + exc.message[1:]
    return None


class AttributesPage(OptionsPage):
    """MaxPix, DefaultPix, JpegQuality, ResMode and BkgColor of the open catalog."""

    title = QT_TR_NOOP("Image Serving")

    def __init__(self, catalog: Catalog | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._stored: dict[str, str] = {}
        self.setAccessibleName(tr("Image Serving attributes of the catalog"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)  # before the fields: they are made in the page, in Tab order
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        self.messages: dict[str, MessageLabel] = {}
        for name in ATTRIBUTES:
            if name == "ResMode":
                self.res_mode_combo = QComboBox(self)
                self.res_mode_combo.addItems(list(RES_MODES))
                self.messages[name] = add_field(
                    form, _LABELS[name], self.res_mode_combo, name, tr(_HINTS[name]), stretch=False
                )
                self.res_mode_combo.currentTextChanged.connect(self._revalidate)
                continue
            edit = QLineEdit(self)
            edit.setFont(monospace_font())
            edit.setPlaceholderText(DEFAULT_ATTRIBUTES[name])
            edit.textChanged.connect(self._revalidate)
            self.edits[name] = edit
            if name == "BkgColor":
                self.color_button = QToolButton(self)
                self.color_button.setText(tr("Pick…"))
                self.color_button.setAccessibleName(tr("Pick the background colour"))
                self.color_button.setToolTip(tr("Choose BkgColor with the colour picker"))
                self.color_button.clicked.connect(self._on_pick_color)
                row = QWidget(self)
                row_layout = QHBoxLayout(row)
                row_layout.setContentsMargins(0, 0, 0, 0)
                row_layout.addWidget(edit, 1)
                row_layout.addWidget(self.color_button)
                self.messages[name] = add_field(
                    form, _LABELS[name], row, name, tr(_HINTS[name]), buddy=edit
                )
            else:
                self.messages[name] = add_field(form, _LABELS[name], edit, name, tr(_HINTS[name]))
        self.catalog_message = MessageLabel(tr("Catalog message"), self)
        self.catalog_message.clear_message()
        layout.addWidget(self.catalog_message)
        layout.addStretch(1)
        self.load()

    # -- OptionsPage ---------------------------------------------------------------
    def load(self) -> None:
        """Show the catalog's stored attributes."""
        if self._catalog is None:
            self._stored = dict(DEFAULT_ATTRIBUTES)
            self.setEnabled(False)
            self.catalog_message.show_message(tr("No catalog is open."))
        else:
            self._stored = self._catalog.attributes()
        self._show(self._stored)

    def restore_defaults(self) -> None:
        """Show the Image Serving defaults (stored only on save)."""
        self._show(DEFAULT_ATTRIBUTES)

    def problem(self) -> str | None:
        """The first attribute the engine rejects."""
        return next((p for p in (self._problems()).values() if p), None)

    def save(self, settings: Settings) -> None:
        """Store every changed attribute in the catalog."""
        if self._catalog is None:
            return
        for name, value in self.values().items():
            if value != self._stored.get(name):
                try:
                    self._catalog.set_attribute(name, value)
                except (CatalogError, CatalogUnavailable, OSError) as exc:
                    raise PageSaveError(f"{name} was not stored in the catalog: {exc}") from None
                self._stored[name] = value

    # -- fields --------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        """The attribute values as typed, stripped."""
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        values["ResMode"] = self.res_mode_combo.currentText()
        return values

    def _show(self, values: dict[str, str]) -> None:
        for name, edit in self.edits.items():
            edit.setText(values.get(name, DEFAULT_ATTRIBUTES[name]))
        mode = values.get("ResMode", DEFAULT_ATTRIBUTES["ResMode"]).strip().lower()
        mode = "sharp2" if mode == "sharp" else mode
        if self.res_mode_combo.findText(mode) < 0:
            self.res_mode_combo.addItem(mode)  # shown so its problem can be seen
        self.res_mode_combo.setCurrentText(mode)
        self._revalidate()

    def _problems(self) -> dict[str, str | None]:
        return {name: attribute_problem(name, value) for name, value in self.values().items()}

    def _revalidate(self) -> None:
        for name, problem in self._problems().items():
            label = self.messages[name]
            if problem:
                label.show_message(f"✗ {problem}", Meaning.ERROR)
            else:
                label.clear_message()
        self._update_swatch()
        self.changed.emit()

    def _update_swatch(self) -> None:
        color = self._bkg_color()
        pixmap = QPixmap(16, 16)
        pixmap.fill(color if color is not None else QColor(0, 0, 0, 0))
        self.color_button.setIcon(QIcon(pixmap))

    def _bkg_color(self) -> QColor | None:
        text = self.edits["BkgColor"].text().strip()
        try:
            r, g, b = ISAttributes.from_strings({"BkgColor": text}).bkg_color
        except ISError:
            return None
        return QColor(r, g, b)

    def _on_pick_color(self) -> None:
        start = self._bkg_color() or QColor(255, 255, 255)
        color = QColorDialog.getColor(start, self, "BkgColor")
        if color.isValid():
            self.edits["BkgColor"].setText(f"{color.red()},{color.green()},{color.blue()}")
