"""Menus, toolbar and shortcuts of the main window: every action reachable from the keyboard.

Each action's shortcut appears in its menu entry and in its tooltip.
:func:`build` is handed the window's commands and the parts its menus reach
(browser, imports, presets, options), never the window's insides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from exportgui import APP_NAME
from exportgui.gui.assets.browser import AssetBrowser
from exportgui.gui.assets.import_ui import ImportController
from exportgui.gui.job_form.presets_ui import PresetController
from exportgui.gui.widgets.i18n import tr
from exportgui.gui.widgets.theme import with_shortcut


@dataclass(frozen=True)
class WindowCommands:
    """The window's own slots that its actions call."""

    export: Callable[[], object]
    cancel_export: Callable[[], object]
    open_macro_manager: Callable[[], object]
    open_settings: Callable[[], object]
    load_demo: Callable[[], object]
    show_tab: Callable[[int], object]  # 0: Plan, 1: Jobs
    show_about: Callable[[], object]
    schedule_job: Callable[[], object]  # the form's job (its preset, or its options)
    schedule_preset: Callable[[], object]  # the loaded preset
    show_schedules: Callable[[], object]


@dataclass
class WindowActions:
    """The actions other code needs to reach (enable, trigger, test)."""

    export: QAction
    cancel: QAction
    export_button: QPushButton
    tick_all: QAction
    shortcuts: ShortcutsWin


def _action(
    window: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: str | QKeySequence | QKeySequence.StandardKey = "",
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    sequence = QKeySequence(shortcut) if shortcut else QKeySequence()
    if shortcut:
        action.setShortcut(sequence)
    plain = tip or text.replace("&", "").rstrip("…")
    action.setToolTip(with_shortcut(plain, sequence))
    action.setStatusTip(plain)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def build(
    window: QMainWindow,
    commands: WindowCommands,
    browser: AssetBrowser,
    imports: ImportController,
    presets: PresetController,
    options: QWidget,
) -> WindowActions:
    """Create the menus and the toolbar of ``window``."""
    export = _action(
        window, tr("&Export"), commands.export, "Ctrl+E", tr("Export the ticked assets")
    )
    cancel = _action(window, tr("&Cancel Export"), commands.cancel_export, "Esc")
    cancel.setEnabled(False)
    tick_all = _action(
        window,
        tr("&Tick All in View"),
        browser.tick_all_in_view,
        "Ctrl+Shift+A",
        tr("Tick every exportable asset that the search and filters show"),
    )
    untick_view = _action(window, tr("U&ntick All in View"), browser.untick_all_in_view)
    untick_all = _action(window, tr("Untick &Everything"), browser.untick_all, "Ctrl+Shift+D")
    toggle = _action(window, tr("Tick or Untick &Selected\tSpace"), browser.toggle_selected)
    find = _action(window, tr("&Find"), _focus(browser.search_edit), QKeySequence.StandardKey.Find)
    macros = _action(window, tr("&Macros…"), commands.open_macro_manager, "Ctrl+M")
    settings = _action(window, tr("&Settings…"), commands.open_settings, "Ctrl+,")
    demo = _action(window, tr("Load &Demo Collection"), commands.load_demo)
    quit_action = _action(window, tr("&Quit"), window.close, _quit_keys())
    choose_preset = _action(window, tr("&Choose Preset…"), _popup(presets.combo), "Ctrl+P")

    for action in (
        imports.files_action,
        imports.folder_action,
        *presets.actions(),
        presets.renditions_action,
    ):
        window.addAction(action)
    mail = _action(window, tr("Mail Se&ttings…"), commands.open_settings)
    schedule = _action(
        window,
        tr("Sc&hedule…"),
        commands.schedule_job,
        tip=tr("Run this job later, once or repeatedly"),
    )
    schedules = _action(window, tr("Scheduled &Jobs…"), commands.show_schedules)
    schedule_preset = _action(
        window, tr("Sc&hedule Preset…"), commands.schedule_preset, tip=tr("Run the preset later")
    )
    menu = window.menuBar()
    _fill(
        menu.addMenu(tr("&File")),
        imports.files_action,
        imports.folder_action,
        demo,
        None,
        settings,
        None,
        quit_action,
    )
    _fill(menu.addMenu(tr("&Edit")), find, None, toggle, tick_all, untick_view, untick_all)
    _fill(
        menu.addMenu(tr("&Job")),
        export,
        presets.renditions_action,
        cancel,
        None,
        schedule,
        schedules,
        None,
        macros,
        mail,
    )
    _fill(
        menu.addMenu(tr("&Presets")),
        choose_preset,
        presets.renditions_action,
        None,
        presets.save_as_action,
        presets.update_action,
        presets.rename_action,
        presets.delete_action,
        None,
        presets.import_action,
        presets.export_action,
        None,
        schedule_preset,
    )

    view_menu = menu.addMenu(tr("&View"))
    for text, target, keys in (
        (tr("&Folders"), _focus(browser.folder_view), "Ctrl+0"),
        (tr("&Asset List"), _focus(browser.view), "Ctrl+1"),
        (tr("&Options"), _focus(options), "Ctrl+2"),
        (tr("&Plan"), lambda: commands.show_tab(0), "Ctrl+3"),
        (tr("&Jobs"), lambda: commands.show_tab(1), "Ctrl+4"),
    ):
        view_menu.addAction(_action(window, text, target, keys))

    help_menu = menu.addMenu(tr("&Help"))
    help_menu.addAction(
        _action(window, tr("&About {app}").format(app=APP_NAME), commands.show_about)
    )

    export_button = _toolbar(window, imports, presets, export, macros, settings)
    shortcuts = ShortcutsWin(window)
    shortcuts.watch(window)
    return WindowActions(export, cancel, export_button, tick_all, shortcuts)


def _toolbar(
    window: QMainWindow,
    imports: ImportController,
    presets: PresetController,
    export: QAction,
    macros: QAction,
    settings: QAction,
) -> QPushButton:
    toolbar = QToolBar(tr("Main toolbar"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.setAccessibleName(tr("Main toolbar"))
    window.addToolBar(toolbar)
    toolbar.addAction(imports.files_action)
    toolbar.addAction(imports.folder_action)
    toolbar.addSeparator()
    label = QLabel(tr("Preset "))
    label.setBuddy(presets.combo)
    toolbar.addWidget(label)
    toolbar.addWidget(presets.combo)
    toolbar.addAction(presets.renditions_action)
    toolbar.addAction(presets.save_as_action)
    toolbar.addAction(presets.update_action)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addAction(macros)
    toolbar.addAction(settings)
    toolbar.addSeparator()
    button = QPushButton(tr("Export"))
    button.setObjectName("exportButton")
    button.setAccessibleName(tr("Export the ticked assets"))
    button.setMinimumWidth(110)
    button.setStyleSheet(
        "QPushButton#exportButton { background: palette(highlight); "
        "color: palette(highlighted-text); border: none; border-radius: 4px; "
        "padding: 6px 18px; font-weight: 600; }"
        "QPushButton#exportButton:disabled { background: palette(midlight); "
        "color: palette(mid); }"
    )
    button.clicked.connect(export.trigger)
    export.enabledChanged.connect(button.setEnabled)
    button.setEnabled(export.isEnabled())
    toolbar.addWidget(button)
    return button


class ShortcutsWin(QObject):
    """Lets the window's shortcuts through when a text field has the focus.

    Text fields claim some keys for themselves before shortcuts are looked up
    (on X11, Ctrl+E moves to the end of the line), so Export would not fire
    while the user is typing a modifier. For keys that are one of the window's
    own action shortcuts, the claim is withheld; every other key (Ctrl+A,
    Ctrl+C, …) keeps its text-editing meaning.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Swallow ShortcutOverride for keys bound to an enabled window action."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            for action in self._window.actions():
                if action.isEnabled() and any(
                    pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                    for s in action.shortcuts()
                ):
                    return True
        return False

    def watch(self, root: QWidget) -> None:
        """Watch every text field (line edits, editable combos, the modifier) under ``root``."""
        for edit in (*root.findChildren(QLineEdit), *root.findChildren(QPlainTextEdit)):
            edit.installEventFilter(self)


def _fill(menu: QMenu, *actions: QAction | None) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)


def _quit_keys() -> QKeySequence:
    """The platform's Quit key, else Ctrl+Q (Windows' themes bind none)."""
    keys = QKeySequence(QKeySequence.StandardKey.Quit)
    return keys if not keys.isEmpty() else QKeySequence("Ctrl+Q")


def _focus(widget: QWidget) -> Callable[[], None]:
    return lambda: widget.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _popup(combo: QWidget) -> Callable[[], None]:
    def show() -> None:
        combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        combo.showPopup()  # type: ignore[attr-defined]

    return show
