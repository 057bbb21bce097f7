"""The main window: assembles the parts and keeps form, list, plan and preview in step.

One pass on every edit (options or ticks): the job is built once, from the
form's options and the ticked handles → the planner checks its fields at once
(against one ticked asset: microseconds, on the GUI thread), which marks the
problems and enables Export → the planner plans and checks the whole
selection on the pool → the plan table, the "will be written as" column and
the Export button follow; the preview re-renders the current asset after a
short pause. Export hands the job to the runner, which plans and checks its
own snapshot on the pool. The catalog list is read on the pool too, so the
window is up before 100,000 rows have loaded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exportgui import APP_NAME
from exportgui.catalog import Asset, Catalog, ImportReport
from exportgui.config import AppPaths, Settings
from exportgui.gui.assets.browser import AssetBrowser
from exportgui.gui.assets.import_ui import ImportController
from exportgui.gui.assets.thumbnails import ThumbnailLoader
from exportgui.gui.history.jobs_panel import JobsPanel
from exportgui.gui.job_form.export_runner import ExportRunner, RunOutcome, RunStatus
from exportgui.gui.job_form.options_panel import OptionsPanel
from exportgui.gui.job_form.plan_panel import PlanPanel
from exportgui.gui.job_form.planner import Planner, PlanResult
from exportgui.gui.job_form.presets_ui import PresetController, comparable
from exportgui.gui.job_form.preview import PreviewPanel
from exportgui.gui.job_form.run_bar import RunBar, summary_text
from exportgui.gui.job_form.schedule_ui import ScheduleDialog, SchedulesDialog
from exportgui.gui.macros.manager import MacroManagerDialog
from exportgui.gui.settings.dialog import SettingsDialog
from exportgui.gui.widgets.i18n import number, tr
from exportgui.gui.widgets.notice_bar import NoticeBar
from exportgui.gui.widgets.tasks import TaskRunner
from exportgui.gui.window import actions as window_actions
from exportgui.gui.window import state as window_state
from exportgui.gui.window.about import AboutDialog
from exportgui.gui.window.termination import QuitGuard
from exportgui.gui.window.ui_state import load_ui_state, save_ui_state
from exportgui.jobs import ExportJob, Fmt, LogType, Plan
from exportgui.jobs.catalog_view import LoadedCatalogView
from exportgui.jobs.layer_sources import catalog_sources
from exportgui.jobs.presets import PresetStore


class MainWindow(QMainWindow):
    """Asset list, options, preview, plan, jobs, presets and the run strip in one window."""

    def __init__(
        self,
        catalog: Catalog,
        paths: AppPaths,
        settings: Settings,
        pool: QThreadPool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.paths = paths
        self.settings = settings
        self.pool = pool
        self.runner = TaskRunner(pool, self)
        self._job = ExportJob()  # the form's options with the ticked assets, as of the last change
        self.plan: Plan | None = None
        self.view = LoadedCatalogView(catalog, [])
        self._names_of: LoadedCatalogView | None = None
        self._names: list[str] = []
        self._load_generation = 0
        self._loaded_generation = 0
        self._asset_count = 0
        self._tray: QSystemTrayIcon | None = None
        self._splitters_restored = False
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(1360, 860)

        self._build_parts()
        self._build_layout()
        self.actions_ = window_actions.build(
            self,
            window_actions.WindowCommands(
                export=self.export,
                cancel_export=self.cancel_export,
                open_macro_manager=self.open_macro_manager,
                open_settings=self.open_settings,
                load_demo=self.load_demo,
                show_tab=self._show_tab,
                show_about=self.show_about,
                schedule_job=self.open_schedule,
                schedule_preset=lambda: self.open_schedule(preset=True),
                show_schedules=self.open_schedules,
            ),
            self.browser,
            self.imports,
            self.presets,
            self.options,
        )
        self._connect()
        self.quit_guard = QuitGuard(self, self.export_runner.running)
        self._kept = window_state.KeptParts(
            window=self,
            splitters={
                "main": self.main_split,
                "center": self.center_split,
                "right": self.right_split,
            },
            header=self.browser.view.tick_header,
            options=self.options,
            presets=self.presets,
        )
        self.ui_state = load_ui_state(paths.ui_state_file)
        window_state.restore(self._kept, self.ui_state)
        self.reload_assets()

    # -- construction --------------------------------------------------------
    def _build_parts(self) -> None:
        self.browser = AssetBrowser()
        self.thumbnails = ThumbnailLoader(self.catalog, self.paths.thumbnails_dir, self.pool, self)
        self.browser.model.set_thumbnail_provider(self.thumbnails.icon_for)
        self.options = OptionsPanel()
        self.options.modifier_edit.set_completions(self._image_names)
        self.preview = PreviewPanel(self.catalog, self.runner)
        self.plan_panel = PlanPanel()
        self.plan_model = self.plan_panel.model
        self.jobs_panel = JobsPanel(self.catalog, pool=self.pool)
        self.planner = Planner(self.view, self.runner, self)
        self.export_runner = ExportRunner(self.catalog, self.runner, lambda: self.settings.mail)
        self.export_runner.setParent(self)
        self.imports = ImportController(self.catalog, self.runner, self)
        self.presets = PresetController(
            PresetStore(self.paths.presets_dir), self.options.job, self.options.set_job, self
        )
        self.run_bar = RunBar()
        self.notice = NoticeBar()
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName(tr("Ticked and exportable assets"))
        self.statusBar().addPermanentWidget(self.counts_label)

    def _build_layout(self) -> None:
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.addTab(self.plan_panel, tr("Plan"))
        self.bottom_tabs.addTab(self.jobs_panel, tr("Jobs"))
        self.bottom_tabs.setAccessibleName(tr("Plan and job history"))

        self.center_split = QSplitter(Qt.Orientation.Vertical)
        self.center_split.addWidget(self.browser)
        self.center_split.addWidget(self.bottom_tabs)
        self.center_split.setStretchFactor(0, 3)
        self.center_split.setStretchFactor(1, 1)

        options_scroll = self.options_scroll = QScrollArea()
        options_scroll.setWidget(self.options)
        options_scroll.setWidgetResizable(True)
        options_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        options_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(options_scroll)
        self.right_split.addWidget(self.preview)
        self.right_split.setStretchFactor(1, 1)

        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.browser.folder_view)
        self.main_split.addWidget(self.center_split)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([150, 790, 420])
        self.center_split.setSizes([560, 220])
        self.right_split.setSizes([480, 320])  # the options with room for their messages
        for splitter in (self.main_split, self.center_split, self.right_split):
            splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.notice)
        layout.addWidget(self.main_split, 1)
        layout.addWidget(self.run_bar)
        self.setCentralWidget(central)

    def _connect(self) -> None:
        self.options.job_changed.connect(self._on_form_changed)
        self.options.macro_manager_requested.connect(self.open_macro_manager)
        self.options.mail_settings_requested.connect(self.open_settings)
        self.options.renditions_requested.connect(self.presets.ask_renditions)
        self.options.rendition_kept.connect(self._on_rendition_kept)
        self.browser.ticks_changed.connect(lambda: self._on_form_changed())
        self.browser.view_changed.connect(self._update_counts)
        self.browser.current_changed.connect(self._on_current_changed)
        self.browser.tick_note.connect(lambda note: self.statusBar().showMessage(note, 10_000))
        self.browser.empty_view.demo_requested.connect(self.load_demo)
        self.browser.empty_view.import_requested.connect(self.imports.ask_files)
        self.thumbnails.thumbnail_ready.connect(self.browser.model.thumbnail_ready)
        self.planner.planned.connect(self._on_planned)
        self.planner.failed.connect(self.plan_panel.show_failure)
        self.export_runner.progressed.connect(self._on_run_progress)
        self.export_runner.finished.connect(self._on_run_finished)
        self.export_runner.failed.connect(self._on_run_failed)
        self.run_bar.cancel_clicked.connect(self.cancel_export)
        self.run_bar.show_log_clicked.connect(self._show_job_log)
        self.imports.imported.connect(self._on_imported)
        self.imports.demo_created.connect(self._on_demo_created)
        self.imports.failed.connect(
            lambda msg: self.notice.notify(tr("Import failed: {reason}").format(reason=msg))
        )
        self.presets.problem.connect(lambda text, topic: self.notice.notify(text, topic=topic))
        self.presets.solved.connect(self.notice.withdraw)
        self.presets.message.connect(lambda m: self.statusBar().showMessage(m, 4000))
        self.presets.state_changed.connect(self._on_presets_changed)
        self.presets.refresh()
        self.jobs_panel.resume_requested.connect(self.resume_job)

    # -- content -------------------------------------------------------------
    def reload_assets(self) -> None:
        """Re-read the catalog into the list, on the pool (at start, after an import…)."""
        self._load_generation += 1
        self.browser.show_loading()
        catalog = self.catalog

        def load(_report: Callable[[Any], None]) -> tuple[list[Asset], list[str], dict[str, str]]:
            return catalog.list_assets(), catalog.folders(), catalog.macros()

        self.runner.submit(
            load,
            on_finished=self._on_assets_loaded,
            on_failed=self._on_load_failed,
            generation=self._load_generation,
        )

    def loading(self) -> bool:
        """True until the newest catalog read has reached the list."""
        return self._loaded_generation != self._load_generation

    def _on_load_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._load_generation:
            self._loaded_generation = generation
            self.notice.notify(
                tr("The catalog could not be read: {reason}").format(reason=exc), LogType.ERROR
            )

    def _image_names(self) -> list[str]:
        """The catalog's image names ("folder/name"), offered in a src= value."""
        view = self.view
        if self._names_of is not view:
            self._names_of, self._names = view, catalog_sources(view).names()
        return self._names

    def _on_assets_loaded(
        self, generation: int, loaded: tuple[list[Asset], list[str], dict[str, str]]
    ) -> None:
        if generation != self._load_generation:
            return  # a newer reload is on its way
        self._loaded_generation = generation
        assets, folders, macros = loaded
        self._asset_count = len(assets)
        self.view = LoadedCatalogView(self.catalog, assets)
        self.browser.set_assets(assets, folders)
        self.options.set_macros(macros)
        if self.browser.current_asset() is None:
            self.browser.select_first()
        self._update_counts()
        self._on_form_changed()

    def current_job(self) -> ExportJob:
        """The form's options with the ticked assets, as the runner will get it."""
        return self._job

    def _on_form_changed(self, options: ExportJob | None = None) -> None:
        """One pass per change: build the job once and hand it on (``options``: the form's)."""
        options = options if options is not None else self.options.job()
        job = dataclasses.replace(
            options,
            asset_handles=self.browser.model.ticked_handles(),
            # What a name template's {preset} says; several renditions name themselves.
            preset=options.preset if options.renditions else self.presets.current_name() or "",
        )
        self._job = dataclasses.replace(job, selection=None)  # the ticked assets, not a rule
        self.browser.set_images_only(all(r.fmt is Fmt.CONVERT for r in job.rendition_list))
        self.options.show_problems(self.planner.check(self._job, self.view, self.settings.mail))
        self.presets.on_form_changed(job)
        self._update_export_action()
        self._update_counts()
        self._update_title()
        self.preview.set_context(self.browser.current_asset(), self._job)

    def _on_presets_changed(self) -> None:
        """The title follows the preset; a saved, renamed or deleted one renames {preset} too."""
        if not self._job.renditions and self._job.preset != (self.presets.current_name() or ""):
            self._on_form_changed()
        self._update_title()

    def _on_rendition_kept(self, name: str) -> None:
        """Back to one rendition: its preset is selected again (marked if it changed since)."""
        if name and self.presets.store.exists(name):
            self.presets.adopt(name)

    def _on_current_changed(self, asset: Asset | None) -> None:
        self.preview.set_context(asset, self._job)

    def _on_planned(self, result: PlanResult) -> None:
        plan = result.plan
        self.plan = plan
        self._update_export_action()
        self.plan_panel.show_plan(plan, result.problems)
        self.preview.set_plan(plan)
        targets: dict[str, list[str]] = {}
        refusals: dict[str, list[str]] = {}
        for o in plan.outputs:
            if o.target is not None:
                targets.setdefault(o.asset_handle, []).append(o.target.as_posix())
            if o.status is LogType.ERROR:
                reason = o.message or o.reason
                refusals.setdefault(o.asset_handle, []).append(
                    f"{o.rendition}: {reason}" if plan.job.renditions else reason
                )
        # The first rendition's name, and how many more the plan tab lists; an asset
        # is "not exported" when no rendition of it is written.
        self.browser.model.set_outputs(
            {
                h: names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "")
                for h, names in targets.items()
            },
            {h: "\n".join(r) for h, r in refusals.items() if h not in targets},
        )
        total = len(plan.outputs)
        self.bottom_tabs.setTabText(
            0, tr("Plan ({count})").format(count=number(total)) if total else tr("Plan")
        )

    def _update_export_action(self) -> None:
        action = self.actions_.export
        if self.export_runner.running():
            reason = tr("An export is running")
        elif not self.browser.model.ticked_count():
            reason = tr("Tick at least one asset to export")
        else:
            reason = self.planner.blocker()
        action.setEnabled(not reason)
        action.setToolTip(reason or tr("Export the ticked assets (Ctrl+E)"))
        self.actions_.export_button.setToolTip(action.toolTip())

    def _update_counts(self) -> None:
        model = self.browser.model
        text = tr("{ticked} ticked · {exportable} exportable").format(
            ticked=number(model.ticked_count()), exportable=number(self.browser.exportable_total())
        )
        shown = self.browser.shown_count()
        if shown != self._asset_count:
            text += " · " + tr("{shown} of {total} shown").format(
                shown=number(shown), total=number(self._asset_count)
            )
        self.counts_label.setText(text)

    def _update_title(self) -> None:
        preset = self.presets.current_name()
        title = APP_NAME
        if self._job.renditions:
            title = f"{' + '.join(r.name for r in self._job.renditions)} — {APP_NAME}"
        elif preset:
            mark = " •" if self.presets.is_dirty() else ""
            title = f"{preset}{mark} — {APP_NAME}"
        self.setWindowTitle(title)

    # -- running -------------------------------------------------------------
    def export(self) -> bool:
        """Start exporting the ticked assets; False if the job is not ready.

        The ticked assets need not be checked yet: the runner checks its own
        snapshot of the job on the pool before it writes anything.
        """
        self._on_form_changed()  # the destination, say, may have gone since it was typed
        if not self.actions_.export.isEnabled():
            self.statusBar().showMessage(self.actions_.export.toolTip(), 5000)
            return False
        self.export_runner.start_export(self._job, self.settings.workers, self.settings.cluster)
        self._on_run_started(tr("Planning the export…"))
        return True

    def resume_job(self, job_handle: str, retry_failed: bool) -> None:
        """Resume (or retry the failed assets of) a job from the history."""
        if self.export_runner.running():
            self.statusBar().showMessage(tr("Wait for the running export to finish"), 5000)
            return
        self.export_runner.start_resume(
            job_handle, retry_failed, self.settings.workers, self.settings.cluster
        )
        self._on_run_started(
            tr("Retrying failed assets…") if retry_failed else tr("Resuming the job…")
        )

    def cancel_export(self) -> None:
        """Stop the running export (Esc)."""
        if self.export_runner.running():
            self.export_runner.cancel()
            self.run_bar.show_cancelling()

    def _on_run_started(self, what: str) -> None:
        self.run_bar.show_started(what)
        self.actions_.cancel.setEnabled(True)
        self._update_export_action()

    def _on_run_progress(self, status: RunStatus) -> None:
        if not self.export_runner.cancelling():
            self.run_bar.show_progress(status)

    def _on_run_finished(self, outcome: RunOutcome) -> None:
        self.actions_.cancel.setEnabled(False)
        self.run_bar.show_outcome(outcome)
        self.jobs_panel.refresh()
        self._on_form_changed()  # existing files now change the plan (conflicts)…
        self.preview.refresh()  # …and the preview of the same asset under the same job
        if not self.isActiveWindow():
            self._desktop_notification(tr("Export finished"), summary_text(outcome))

    def _on_run_failed(self, message: str) -> None:
        self.actions_.cancel.setEnabled(False)
        self.run_bar.show_failure(message)
        self._on_form_changed()  # a run that broke off may have written files all the same
        self.preview.refresh()

    def _desktop_notification(self, title: str, text: str) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.windowIcon(), self)
            self._tray.show()
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        else:
            QApplication.alert(self)

    def _show_job_log(self, job_handle: str) -> None:
        self.bottom_tabs.setCurrentWidget(self.jobs_panel)
        self.jobs_panel.show_job(job_handle)

    # -- dialogs and imports -------------------------------------------------
    def open_macro_manager(self) -> None:
        """Open the macro manager (non-blocking)."""
        dialog = MacroManagerDialog(self.catalog, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.macros_changed.connect(self._on_macros_changed)
        dialog.open()

    def open_settings(self) -> None:
        """Open the settings dialog (non-blocking)."""
        dialog = SettingsDialog(self.paths, self.settings, self.catalog, self, pool=self.pool)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_saved.connect(self._on_settings_saved)
        dialog.open()

    def show_about(self) -> None:
        """Open the About dialog (non-blocking)."""
        dialog = AboutDialog(self.catalog.folder, self.paths, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_schedule(self, *, preset: bool = False) -> ScheduleDialog:
        """Open the Schedule dialog for the form's job, or (``preset``) the loaded preset."""
        current = self.presets.current_name()
        use_preset = current is not None and (preset or not self.presets.is_dirty())
        dialog = ScheduleDialog(
            self.paths.schedules_file,
            self.presets.store,
            self.catalog.folder,
            self.catalog.folders(),
            self,
            checked=(current,) if use_preset and current else (),
            options=None if preset else comparable(self._job),
            destination=self._job.destination,
            folder=self.browser.current_folder(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_scheduled)
        dialog.open()
        return dialog

    def _on_scheduled(self, name: str) -> None:
        self.presets.refresh()  # the form's options may have become a preset
        self.statusBar().showMessage(
            tr("Scheduled “{name}” (Job ▸ Scheduled Jobs…)").format(name=name), 6000
        )

    def open_schedules(self) -> SchedulesDialog:
        """Open the scheduled jobs (non-blocking); the Jobs panel reads the log again after."""
        dialog = SchedulesDialog(self.paths.schedules_file, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.jobs_panel.refresh())
        dialog.open()
        return dialog

    def _on_macros_changed(self) -> None:
        self.options.set_macros(self.catalog.macros())
        self._on_form_changed()
        self.preview.refresh()  # the same job may render differently now

    def _on_settings_saved(self, settings: Settings) -> None:
        self.settings = settings
        self._on_macros_changed()  # attributes may have changed sizes and formats

    def load_demo(self) -> None:
        """Create the demo collection in the empty catalog."""
        if self.imports.start_demo():
            self.browser.empty_view.set_busy(tr("Creating the demo collection…"))

    def _on_demo_created(self) -> None:
        self.reload_assets()
        self.statusBar().showMessage(tr("Demo collection loaded"), 5000)

    def _on_imported(self, _report: ImportReport) -> None:
        self.reload_assets()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files and folders dragged from the file manager."""
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import what was dropped."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.imports.start(paths):
            event.acceptProposedAction()

    # -- state ---------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Restore splitter positions once the window has its real size."""
        super().showEvent(event)
        if not self._splitters_restored:
            self._splitters_restored = True
            window_state.restore_splitters(self._kept, self.ui_state)

    def _show_tab(self, index: int) -> None:
        self.bottom_tabs.setCurrentIndex(index)
        self.bottom_tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window state; stop background work so quitting is quick."""
        save_ui_state(self.paths.ui_state_file, window_state.capture(self._kept))
        self.export_runner.cancel()
        self.imports.cancel()
        self.thumbnails.stop()
        if self._tray is not None:
            self._tray.hide()
        super().closeEvent(event)
