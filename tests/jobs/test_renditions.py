"""Jobs of several renditions: the plan, the run, the log, resume and the presets that make them."""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from exportgui.catalog import Catalog
from exportgui.jobs import (
    EmailSetting,
    ExportJob,
    Fmt,
    JobLogStore,
    LogType,
    RunOptions,
    plan,
    resume,
    run,
    validate,
)
from exportgui.jobs.job_dict import job_from_dict, job_to_dict
from exportgui.jobs.model import ConflictPolicy, Rendition
from exportgui.jobs.presets import Preset, PresetError, PresetStore, combine
from exportgui.jobs.report import plan_lines, problem_lines
from tests.helpers import export_files, import_files, make_image

render_module = importlib.import_module("exportgui.imaging.render")  # the package hides it

WEB = Rendition("web", Fmt.CONVERT, "wid=40&fmt=jpeg&qlt=90")
THUMB = Rendition("thumb", Fmt.CONVERT, "wid=10&hei=10&fit=crop&fmt=png")
ORIGINALS = Rendition("originals", Fmt.ORIG)


@pytest.fixture
def photos(catalog: Catalog, sources: Path) -> list[str]:
    """Three 80×60 photos, p0.jpg … p2.jpg."""
    paths = [make_image(sources / f"p{i}.jpg", (80, 60), i + 1, quality=95) for i in range(3)]
    found = import_files(catalog, paths)
    return [found[p.name] for p in paths]


def _job(handles: list[str], dest: Path, *renditions: Rendition) -> ExportJob:
    return ExportJob(tuple(handles), destination=dest).with_renditions(renditions)


def test_a_job_of_one_rendition_is_todays_job(dest: Path) -> None:
    own = ExportJob(("a",), Fmt.CONVERT, "wid=40", destination=dest, preset="web")
    assert own.rendition_list == (Rendition("web", Fmt.CONVERT, "wid=40"),)
    assert ExportJob(("a",), destination=dest).with_renditions(own.rendition_list) == own
    assert "renditions" not in job_to_dict(own)


def test_the_plan_has_an_output_per_asset_and_rendition_each_in_its_presets_folder(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    planned = plan(_job(photos[:2], dest, WEB, THUMB, ORIGINALS), catalog)
    rows = [(o.asset_name, o.rendition, str(o.target), o.format, o.width, o.height)
            for o in planned.outputs]  # fmt: skip
    assert rows == [
        ("p0", "web", "web/p0.jpg", "jpeg", 40, 30),
        ("p0", "thumb", "thumb/p0.png", "png", 10, 10),
        ("p0", "originals", "originals/p0.jpg", "orig", 80, 60),
        ("p1", "web", "web/p1.jpg", "jpeg", 40, 30),
        ("p1", "thumb", "thumb/p1.png", "png", 10, 10),
        ("p1", "originals", "originals/p1.jpg", "orig", 80, 60),
    ]
    assert plan_lines(planned)[0].startswith(f"{photos[0]}  p0.jpg (web) → web/p0.jpg")


def test_a_template_places_its_renditions_files_and_collisions_are_caught(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    sized = replace(WEB, name_template="{name}_{wid}.{ext}")
    same = replace(sized, name="small")
    planned = plan(_job(photos[:1], dest, sized, same), catalog)
    assert [str(o.target) for o in planned.outputs] == ["p0_40.jpg", "p0_40-2.jpg"]
    assert planned.outputs[1].status is LogType.WARNING
    assert "p0.jpg (web)" in planned.outputs[1].message  # whose name it is, with its rendition


def test_a_run_writes_every_rendition_and_decodes_each_source_once(
    catalog: Catalog, photos: list[str], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    real_open = render_module.open_source

    def counting(source: Path) -> object:
        opened.append(Path(source))
        return real_open(source)

    monkeypatch.setattr(render_module, "open_source", counting)
    log = run(plan(_job(photos, dest, WEB, THUMB, ORIGINALS), catalog), catalog)
    assert log.state == "completed" and log.file_success_count == 9
    assert sorted(opened) == sorted(catalog.original_path(h) for h in photos)  # once per source
    assert export_files(dest) == sorted(
        f"{folder}/p{i}.{ext}"
        for i in range(3)
        for folder, ext in (("web", "jpg"), ("thumb", "png"), ("originals", "jpg"))
    )
    with Image.open(dest / "thumb" / "p1.png") as thumb:
        assert thumb.size == (10, 10)
    assert (dest / "originals" / "p2.jpg").read_bytes() == catalog.original_path(
        photos[2]
    ).read_bytes()
    assert [(d.name, d.rendition) for d in log.details][:3] == [
        ("p0", "web"), ("p0", "thumb"), ("p0", "originals")
    ]  # fmt: skip


def test_the_largest_rendition_is_the_same_file_as_its_export_alone(
    catalog: Catalog, photos: list[str], tmp_path: Path
) -> None:
    together, alone = tmp_path / "together", tmp_path / "alone"
    together.mkdir()
    alone.mkdir()
    full = Rendition("full", Fmt.CONVERT, "fmt=png")  # needs the full-size decode
    run(plan(_job(photos[:1], together, full, THUMB), catalog), catalog)
    run(plan(ExportJob(tuple(photos[:1]), destination=alone).with_renditions((full,)), catalog),
        catalog)  # fmt: skip
    assert (together / "full" / "p0.png").read_bytes() == (alone / "p0.png").read_bytes()


def test_the_log_keeps_the_renditions_and_the_asset_list(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    job = _job(photos, dest, WEB, THUMB)
    log = run(plan(job, catalog), catalog)
    stored = JobLogStore(catalog).get(log.job_handle)
    assert stored.job.asset_handles == tuple(photos)  # each once, not once per rendition
    assert stored.job.renditions == (WEB, THUMB)
    listed = next(j for j in JobLogStore(catalog).list_jobs() if j.job_handle == log.job_handle)
    assert listed.job.asset_handles == tuple(photos)
    assert job_from_dict(job_to_dict(job)) == job


class CancelBetweenRenditions(Executor):
    """Runs the first task (an asset's renditions) whole, and of the second only its first
    rendition; then cancels, as a user can while a worker is between two renditions."""

    def __init__(self, cancel: threading.Event) -> None:
        self.inner = ThreadPoolExecutor(1)
        self.cancel = cancel
        self.tasks: list[int] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        tasks, halt = args
        self.tasks.append(len(tasks))
        if len(self.tasks) != 2:
            return self.inner.submit(fn, tasks, halt)

        def first_rendition_then_cancel() -> list[Any]:
            done = fn(tasks[:1], halt)
            self.cancel.set()
            assert halt.wait(60), "the run never passed the cancel on to its workers"
            return done + fn(tasks[1:], halt)

        return self.inner.submit(first_rendition_then_cancel)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.inner.shutdown(wait, cancel_futures=cancel_futures)


def test_a_cancelled_job_resumes_only_the_missing_renditions(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    cancel = threading.Event()
    executor = CancelBetweenRenditions(cancel)
    job = replace(_job(photos, dest, WEB, THUMB, ORIGINALS), workers=1)
    try:
        log = run(plan(job, catalog), catalog, RunOptions(cancel=cancel, executor=executor))
    finally:
        executor.shutdown()
    assert executor.tasks[:2] == [3, 3]  # a worker gets an asset's three renditions at once
    assert log.state == "cancelled"
    done = {(d.name, d.rendition) for d in log.details}
    assert done == {("p0", "web"), ("p0", "thumb"), ("p0", "originals"), ("p1", "web")}
    assert export_files(dest) == ["originals/p0.jpg", "thumb/p0.png", "web/p0.jpg", "web/p1.jpg"]
    final = resume(log.job_handle, catalog)
    assert final.state == "completed" and final.file_success_count == 9
    assert len(export_files(dest)) == 9  # each (asset, rendition) once: nothing done twice
    assert not list(dest.rglob(".exportgui-*"))


def test_a_rendition_the_plan_refuses_leaves_the_others(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    huge = Rendition("huge", Fmt.CONVERT, "wid=90000&fmt=png")  # over MaxRenderPixels
    log = run(plan(_job(photos[:1], dest, huge, WEB), catalog), catalog)
    kinds = {d.rendition: d.log_type for d in log.details}
    assert kinds == {"huge": LogType.ERROR, "web": LogType.SUCCESS}
    assert export_files(dest) == ["web/p0.jpg"]


def test_a_rendition_that_cannot_be_written_leaves_the_others_of_its_source(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    (dest / "thumb").write_text("a file where the rendition's folder would go")
    log = run(plan(_job(photos[:2], dest, WEB, THUMB, ORIGINALS), catalog), catalog)
    failed = {(d.name, d.rendition) for d in log.details if d.log_type is LogType.ERROR}
    assert failed == {("p0", "thumb"), ("p1", "thumb")}
    assert log.file_success_count == 4 and log.state == "completed"
    assert export_files(dest) == [
        "originals/p0.jpg", "originals/p1.jpg", "thumb", "web/p0.jpg", "web/p1.jpg"
    ]  # fmt: skip


def test_validation_names_the_rendition_and_the_cli_shows_its_text(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    bad = Rendition("thumb", Fmt.CONVERT, "wid=10&bogus=1")
    job = _job(photos, dest, WEB, bad)
    [problem] = [p for p in validate(job, catalog) if p.is_error]
    assert problem.rendition == "thumb" and problem.field == "is_modifier"
    lines = problem_lines(problem, job)
    assert lines[0].startswith("error: preset 'thumb': is_modifier:")
    assert lines[1].strip() == "wid=10&bogus=1"
    assert lines[2].index("^") == lines[1].index("bogus")


@pytest.mark.parametrize(
    ("renditions", "wanted"),
    [
        ((WEB, replace(THUMB, name="WEB")), "listed twice"),
        ((WEB, replace(THUMB, name="")), "needs a name"),
    ],
)
def test_renditions_need_names_of_their_own(
    catalog: Catalog,
    photos: list[str],
    dest: Path,
    renditions: tuple[Rendition, ...],
    wanted: str,
) -> None:
    problems = [p for p in validate(_job(photos, dest, *renditions), catalog) if p.is_error]
    assert [p.field for p in problems] == ["renditions"] and wanted in problems[0].message


def _preset(name: str, **fields: Any) -> Preset:
    return Preset(name, replace(ExportJob((), Fmt.CONVERT, "wid=40"), **fields))


def test_combine_makes_a_rendition_of_each_preset() -> None:
    web = _preset("web", email_setting=EmailSetting.ERROR, destination=Path("/out"))
    thumb = _preset("thumb", is_modifier="wid=10", email_setting=EmailSetting.ERROR)
    job = combine([web, thumb])
    assert [r.name for r in job.renditions] == ["web", "thumb"]
    assert job.renditions[1].is_modifier == "wid=10"
    assert job.email_setting is EmailSetting.ERROR
    assert job.destination == Path("/out")  # the one that has a destination says where


def test_presets_that_disagree_about_the_job_are_refused_unless_settled() -> None:
    web = _preset("web", email_setting=EmailSetting.ALL)
    thumb = _preset("thumb", email_setting=EmailSetting.NONE, conflict=ConflictPolicy.SKIP)
    with pytest.raises(PresetError) as caught:
        combine([web, thumb], how_to_settle={"email_setting": "choose one with --email-setting"})
    assert str(caught.value) == (
        "the presets 'web' and 'thumb' disagree about the emailSetting (All and None); "
        "choose one with --email-setting"
    )
    with pytest.raises(PresetError, match="conflict policy"):
        combine([web, thumb], settled={"email_setting"})
    job = combine([web, thumb], settled={"email_setting", "conflict"})
    assert len(job.renditions) == 2
    with pytest.raises(PresetError, match="listed twice"):
        combine([web, _preset("WEB")])


def test_a_preset_holds_one_rendition(catalog: Catalog, tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets")
    with pytest.raises(PresetError, match="one rendition"):
        store.save("both", _job([], tmp_path, WEB, THUMB))
    (tmp_path / "presets").mkdir()
    document = job_to_dict(_job([], tmp_path, WEB, THUMB), with_assets=False)
    (tmp_path / "presets" / "both.json").write_text(
        json.dumps({"schema": 1, "name": "both", **document})
    )
    with pytest.raises(PresetError, match='not a "renditions" list'):
        store.load("both")
