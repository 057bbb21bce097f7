"""Preview of the current asset: what it becomes (name, format, size, why) and how it looks.

Options change per keystroke; the preview waits ~150 ms for the typing to
pause, then plans the one asset and renders it on the pool with the request
that plan parsed. Only one render runs at a time; a newer request waits for
it and older results are dropped by generation, so a slow render never paints
over a newer choice. For a job of several renditions, ◀ ▶ flip through the
asset's renditions, each shown with its own planned line and picture.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from exportgui import imaging, jobs
from exportgui.catalog import Asset, Catalog
from exportgui.gui.job_form.plan_model import format_label
from exportgui.gui.widgets import theme
from exportgui.gui.widgets.formatting import pixel_size, type_label, type_plural
from exportgui.gui.widgets.i18n import tr
from exportgui.gui.widgets.image_view import ImageView, pil_to_qimage
from exportgui.gui.widgets.tasks import TaskRunner
from exportgui.jobs import ExportJob, Fmt, LogType, Plan, PlannedOutput
from exportgui.jobs.layer_sources import catalog_sources
from exportgui.jobs.model import Rendition
from exportgui.jobs.planner import RequestCache
from exportgui.jobs.produce import name_the_asset

DEBOUNCE_MS = 150
PREVIEW_BOX = (640, 640)


@dataclass(frozen=True)
class PreviewResult:
    """What one preview pass produced."""

    output: PlannedOutput | None
    original: QImage | None
    converted: QImage | None
    note: str = ""  # why there is no converted image, in words


def describe(output: PlannedOutput) -> str:
    """``fileToExport.jpg → web/fileToExport.tiff · TIFF · 1280×853``: the path inside DEST."""
    target = output.target.as_posix() if output.target else tr("nothing written")
    parts = [f"{output.source_file_name or output.asset_name} → {target}"]
    if output.format:
        parts.append(format_label(output.format))
    size = pixel_size(output.width, output.height)
    if size:
        parts.append(size)
    return " · ".join(parts)


def _load_original(path: Path, box: tuple[int, int]) -> QImage:
    return pil_to_qimage(imaging.render_original(path, box))


def _render(source: Path, request: imaging.Request, attrs: imaging.ISAttributes) -> QImage:
    image, _resolved = imaging.render_preview(source, request, attrs, PREVIEW_BOX)
    return pil_to_qimage(image)


def build_preview(
    catalog: Catalog, asset: Asset, job: ExportJob, rendition: Rendition | None = None
) -> Callable[[Any], Any]:
    """The pool-side work for one preview pass (plan the asset, then render it).

    ``rendition``: which of the job's renditions to show (default: its first).
    """
    one = dataclasses.replace(job, asset_handles=(asset.handle,))
    shown = rendition if rendition is not None else job.rendition_list[0]

    def work(report: Callable[[Any], None]) -> PreviewResult:
        requests = RequestCache(one, catalog.macros(), catalog_sources(catalog))
        plan = jobs.plan(one, catalog, requests)
        mine = [o for o in plan.outputs if not job.renditions or o.rendition == shown.name]
        output = mine[0] if mine else None
        report(output)  # the line and the reason show before the pixels are ready
        if not asset.is_raster:
            return PreviewResult(
                output,
                None,
                None,
                # English names the type in the plural, Italian in the singular: both are given.
                tr("No picture preview for {types}").format(
                    types=type_plural(asset.type), type=type_label(asset.type)
                ),
            )
        source = catalog.original_path(asset)
        label = f"{asset.folder}/{asset.name}" if asset.folder else asset.name
        try:
            original = _load_original(source, PREVIEW_BOX)
        except imaging.ISError as exc:  # a damaged or missing stored original
            note = tr("No preview: {reason}").format(
                reason=name_the_asset(exc.message, source, label)
            )
            return PreviewResult(output, None, None, note)
        if Fmt.parse(shown.fmt) is Fmt.ORIG:
            return PreviewResult(output, original, original, tr("Copied unchanged"))
        if output is not None and output.status is LogType.ERROR:
            return PreviewResult(output, original, None, tr("Not exported — see the reason above"))
        # The one the plan resolved: parsed once, same $object$.
        request = requests.get(asset, shown.name)
        if not isinstance(request, imaging.Request):
            return PreviewResult(output, original, None, name_the_asset(request, source, label))
        try:
            attrs = imaging.ISAttributes.from_strings(catalog.attributes())
            converted = _render(source, request, attrs)
        except imaging.ISError as exc:
            return PreviewResult(output, original, None, name_the_asset(exc.message, source, label))
        return PreviewResult(output, original, converted)

    return work


class PreviewPanel(QWidget):
    """The line, the reason, and original / result side by side; ◀ ▶ through the renditions."""

    rendered = Signal()  # a preview pass finished (tests wait on it)

    def __init__(self, catalog: Catalog, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._asset: Asset | None = None
        self._job = ExportJob()
        self._rendition = ""  # the name of the rendition shown, in a job of several
        self._plan_outputs: dict[tuple[str, str], PlannedOutput] = {}  # (handle, rendition)
        self._plan_job: ExportJob | None = None  # the window's plan, without its assets
        self._shown: PlannedOutput | None = None
        self._generation = 0
        self._busy = False
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        title = QLabel(tr("Preview"))
        theme.heading(title, 1.15)
        self.line_label = theme.MessageLabel()  # a long name must not widen the window
        self.line_label.setText(tr("Select an asset to see what it becomes"))
        self.line_label.setTextFormat(Qt.TextFormat.PlainText)
        self.line_label.setFont(theme.monospace_font())
        self.line_label.setWordWrap(True)
        self.line_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.line_label.setAccessibleName(tr("Output of the current asset"))
        self.reason_label = theme.MessageLabel()
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label.setWordWrap(True)
        self.reason_label.setAccessibleName(tr("Why this format"))
        theme.secondary_text(self.reason_label)
        self.problem_label = theme.MessageLabel()
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.previous_button = QPushButton("◀")
        self.previous_button.setAccessibleName(tr("Previous rendition"))
        self.previous_button.setToolTip(tr("The previous rendition of this asset"))
        self.next_button = QPushButton("▶")
        self.next_button.setAccessibleName(tr("Next rendition"))
        self.next_button.setToolTip(tr("The next rendition of this asset"))
        self.rendition_label = QLabel()
        self.rendition_label.setAccessibleName(tr("Rendition shown"))
        self.rendition_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self.previous_button, self.next_button):
            width = button.fontMetrics().horizontalAdvance("◀") * 3
            button.setFixedWidth(max(width, button.minimumSizeHint().height()))
        self.previous_button.clicked.connect(lambda: self.flip(-1))
        self.next_button.clicked.connect(lambda: self.flip(1))
        self.renditions_bar = QWidget()
        bar = QHBoxLayout(self.renditions_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.rendition_label, 1)
        bar.addWidget(self.next_button)
        self.renditions_bar.hide()
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.renditions_bar, 1)
        layout.addLayout(heading)
        layout.addWidget(self.line_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.problem_label)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.original_view = ImageView()
        self.original_view.setAccessibleName(tr("Original image"))
        self.converted_view = ImageView()
        self.converted_view.setAccessibleName(tr("Exported image"))
        for column, (caption, view) in enumerate(
            ((tr("Original"), self.original_view), (tr("Result"), self.converted_view))
        ):
            label = QLabel(caption)
            theme.secondary_text(label)
            grid.addWidget(label, 0, column)
            grid.addWidget(view, 1, column)
        grid.setRowStretch(1, 1)
        layout.addLayout(grid, 1)

    def set_context(self, asset: Asset | None, job: ExportJob) -> None:
        """Preview ``asset`` under ``job``'s options, whatever its assets (debounced)."""
        job = dataclasses.replace(job, asset_handles=(asset.handle,) if asset else ())
        if asset == self._asset and job == self._job:
            return
        self._asset, self._job = asset, job
        names = [r.name for r in job.renditions]
        if self._rendition not in names:  # a new list of renditions: start at its first
            self._rendition = names[0] if names else ""
        self._show_rendition_bar()
        self._generation += 1
        if asset is None:
            self._timer.stop()
            self.line_label.setText(tr("Select an asset to see what it becomes"))
            self.reason_label.clear()
            self.problem_label.hide()
            self._shown = None
            self.original_view.set_image(None)
            self.converted_view.set_image(None)
            return
        self._timer.start()

    def set_plan(self, plan: Plan) -> None:
        """The window's plan of the ticked assets: its line wins for an asset it holds.

        Planned alone, an asset never meets the other ticked assets whose names
        it may share, so its own target could differ from the one the plan (and
        the export) gives it.
        """
        self._plan_outputs = {(o.asset_handle, o.rendition): o for o in plan.outputs}
        self._plan_job = dataclasses.replace(plan.job, asset_handles=())
        if self._shown is not None:
            self._show_output(self._shown)

    def refresh(self) -> None:
        """Preview the current asset again under the same job (debounced).

        For what the job does not show: files that appeared in the destination
        (an export's own), changed macros or attributes.
        """
        if self._asset is None:
            return
        self._generation += 1
        self._timer.start()

    def rendition(self) -> str:
        """The name of the rendition shown ("" for a job of one)."""
        return self._rendition

    def flip(self, step: int) -> None:
        """Show the asset's next (1) or previous (-1) rendition, wrapping around."""
        names = [r.name for r in self._job.renditions]
        if len(names) < 2:
            return
        self._rendition = names[(names.index(self._rendition) + step) % len(names)]
        self._show_rendition_bar()
        if self._asset is None:
            return
        planned = self._plan_outputs.get((self._asset.handle, self._rendition))
        if planned is not None and self._plan_matches():
            self._show_output(planned)  # the line at once; the picture follows
        self._generation += 1
        self._timer.start()

    def _show_rendition_bar(self) -> None:
        names = [r.name for r in self._job.renditions]
        self.renditions_bar.setVisible(bool(names))
        if names:
            place = names.index(self._rendition) + 1
            self.rendition_label.setText(
                tr("{rendition} ({place} of {total})").format(
                    rendition=self._rendition, place=place, total=len(names)
                )
            )

    def busy(self) -> bool:
        """True while a preview is waiting or rendering."""
        return self._busy or self._timer.isActive()

    def _start(self) -> None:
        if self._asset is None:
            return
        if self._busy:
            self._pending = True  # start again when the one in flight is done
            return
        self._busy = True
        rendition = next((r for r in self._job.renditions if r.name == self._rendition), None)
        self._runner.submit(
            build_preview(self._catalog, self._asset, self._job, rendition),
            on_progress=self._on_line,
            on_finished=self._on_finished,
            on_failed=self._on_failed,
            generation=self._generation,
        )

    def _on_line(self, generation: int, output: PlannedOutput | None) -> None:
        if generation == self._generation:
            self._show_output(output)

    def _on_finished(self, generation: int, result: PreviewResult) -> None:
        self._done()
        if generation != self._generation:
            return
        self._show_output(result.output)
        if result.original is None:  # say it once, not under both captions
            self.original_view.set_image(None, result.note)
            self.converted_view.set_image(None, "")
        else:
            self.original_view.set_image(result.original)
            self.converted_view.set_image(result.converted, result.note)
        self.rendered.emit()

    def _on_failed(self, generation: int, exc: Exception) -> None:
        self._done()
        if generation != self._generation:
            return
        self.original_view.set_image(None, tr("Cannot read the original"))
        self.converted_view.set_image(None, str(exc))
        self.rendered.emit()

    def _done(self) -> None:
        self._busy = False
        if self._pending:
            self._pending = False
            self._start()

    def _show_output(self, output: PlannedOutput | None) -> None:
        self._shown = output
        output = self._as_planned(output)
        if output is None:
            self.line_label.setText("")
            self.reason_label.clear()
            return
        self.line_label.setText(describe(output))
        # A refused asset's reason is usually the error itself: say it once, in red.
        same = output.reason.strip() == output.message.strip()
        self.reason_label.setText("" if same else output.reason)
        self.reason_label.setVisible(not same)
        color = theme.severity_color(output.status, self.palette())
        if output.message and color is not None:
            self.problem_label.setStyleSheet(f"color: {color.name()};")
            self.problem_label.setText(output.message)
            self.problem_label.show()
        else:
            self.problem_label.hide()

    def _plan_matches(self) -> bool:
        """True when the window's plan is of the job previewed."""
        return self._plan_job == dataclasses.replace(self._job, asset_handles=())

    def _as_planned(self, output: PlannedOutput | None) -> PlannedOutput | None:
        if output is None or not self._plan_matches():
            return output
        return self._plan_outputs.get((output.asset_handle, output.rendition), output)
