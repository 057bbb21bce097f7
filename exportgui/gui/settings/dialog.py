"""The settings dialog: Mail, Image Serving attributes of the catalog, General.

Each tab is an option page with ``load()/save()/restore_defaults()``.
Nothing is stored until OK: then every page is checked, every page saves its
part (settings fields, the keyring, the catalog's attributes), and the
settings file is written atomically.
"""

from __future__ import annotations

import copy
import dataclasses

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exportgui.catalog import Catalog
from exportgui.config import AppPaths, Settings, save_settings
from exportgui.gui.settings.attributes_page import AttributesPage
from exportgui.gui.settings.mail_page import MailPage
from exportgui.gui.settings.page import GeneralPage, OptionsPage, PageSaveError
from exportgui.gui.widgets.i18n import tr
from exportgui.gui.widgets.theme import Meaning, MessageLabel, with_shortcut


class SettingsDialog(QDialog):
    """Preferences and the catalog's Image Serving attributes.

    Emits :attr:`settings_saved` with the new :class:`Settings` after they
    were written. ``pool`` (the application's) runs the test message, so
    closing the dialog while a message is on its way never waits for the
    mail server.
    """

    settings_saved = Signal(object)

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        catalog: Catalog | None,
        parent: QWidget | None = None,
        *,
        pool: QThreadPool,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.setAccessibleName(tr("Settings"))
        self._paths = paths
        self._settings = copy.deepcopy(settings)
        self.pool = pool

        self.mail_page = MailPage(self._settings, self.pool, self)
        self.attributes_page = AttributesPage(catalog, self)
        self.general_page = GeneralPage(self._settings, self)
        self.pages: list[OptionsPage] = [self.mail_page, self.attributes_page, self.general_page]

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("Settings pages"))
        for page in self.pages:
            self.tabs.addTab(page, tr(page.title))
            page.changed.connect(self._on_page_changed)
        self.tabs.setToolTip(with_shortcut(tr("Next page"), "Ctrl+Tab"))

        self.message = MessageLabel(tr("Settings message"), self)
        self.message.clear_message()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setAccessibleName(tr("Save settings"))
        ok.setToolTip(with_shortcut(tr("Save the settings and close"), "Ctrl+Return"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(tr("Cancel"))
        cancel.setToolTip(with_shortcut(tr("Close without saving"), "Esc"))
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setAccessibleName(tr("Restore defaults of this page"))
        defaults.setToolTip(
            tr("Put back the defaults of this page (stored only when you press OK)")
        )
        defaults.clicked.connect(self.restore_defaults)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_action = QAction(self)
        save_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        save_action.triggered.connect(self.save)
        self.addAction(save_action)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, 520)
        self._focus_first_field()

    def _focus_first_field(self) -> None:
        """Put the cursor in the current page's first field (not on the tab bar)."""
        page = self.tabs.currentWidget()
        widget = page.nextInFocusChain()
        while widget is not None and page.isAncestorOf(widget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _on_page_changed(self) -> None:
        # A save problem that the user has since fixed should not linger.
        if self.message.meaning is Meaning.ERROR and all(p.problem() is None for p in self.pages):
            self.message.clear_message()

    @property
    def settings(self) -> Settings:
        """The settings as last saved by this dialog (or as given)."""
        return self._settings

    def load(self) -> None:
        """Reload every page from what is stored."""
        for page in self.pages:
            page.load()
        self.message.clear_message()

    def restore_defaults(self) -> None:
        """Put the defaults into the current page (nothing is stored yet)."""
        page = self.tabs.currentWidget()
        if isinstance(page, OptionsPage):
            page.restore_defaults()
            self.message.show_message(
                tr("Defaults restored on the {page} page; press OK to keep them.").format(
                    page=tr(page.title)
                )
            )

    def save(self) -> bool:
        """Check every page, store everything, close; False (dialog stays open) on a problem."""
        for page in self.pages:
            problem = page.problem()
            if problem:
                self.tabs.setCurrentWidget(page)
                self.message.show_message(f"✗ {tr(page.title)}: {problem}", Meaning.ERROR)
                return False
        new = copy.deepcopy(self._settings)
        for page in self.pages:
            try:
                page.save(new)
            except PageSaveError as exc:
                self.tabs.setCurrentWidget(page)
                self.message.show_message(f"✗ {tr(page.title)}: {exc}", Meaning.ERROR)
                return False
        try:
            save_settings(self._paths, new)
        except OSError as exc:
            self.message.show_message(
                "✗ "
                + tr("The settings could not be written to {file}: {reason}").format(
                    file=self._paths.settings_file, reason=exc
                ),
                Meaning.ERROR,
            )
            return False
        # Pages keep a reference to self._settings: update it in place.
        for item in dataclasses.fields(new):
            setattr(self._settings, item.name, copy.deepcopy(getattr(new, item.name)))
        self.message.clear_message()
        self.settings_saved.emit(copy.deepcopy(new))
        self.accept()
        return True
