"""The conflict policy ``update``: only what changed is written, and a user's edit is never lost."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.jobs import ConflictPolicy, ExportJob, Fmt, LogType, plan, run
from exportgui.jobs.model import Rendition
from exportgui.jobs.tally import plan_tally, tally
from exportgui.jobs.validate import nothing_written_problem
from tests.helpers import export_files, import_files, make_image


@pytest.fixture
def photos(catalog: Catalog, sources: Path) -> list[str]:
    """Two photos, p0.jpg and p1.jpg."""
    paths = [make_image(sources / f"p{i}.jpg", (60, 40), i + 1) for i in range(2)]
    found = import_files(catalog, paths)
    return [found[p.name] for p in paths]


def _update(handles: list[str], dest: Path, modifier: str = "wid=30&fmt=png") -> ExportJob:
    return ExportJob(tuple(handles), Fmt.CONVERT, modifier, destination=dest,
                     conflict=ConflictPolicy.UPDATE)  # fmt: skip


def _notes(catalog: Catalog, job: ExportJob) -> list[str]:
    return [o.message for o in plan(job, catalog).outputs]


def _stamps(dest: Path) -> dict[str, int]:
    return {name: (dest / name).stat().st_mtime_ns for name in export_files(dest)}


def test_a_second_run_writes_nothing_when_nothing_changed(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    job = _update(photos, dest)
    assert _notes(catalog, job) == ["new", "new"]
    first = run(plan(job, catalog), catalog)
    assert tally(first).written == 2
    before = _stamps(dest)
    again = plan(job, catalog)
    assert [(o.target, o.status, o.message) for o in again.outputs] == [
        (None, LogType.SUCCESS, "up to date: p0.png"),
        (None, LogType.SUCCESS, "up to date: p1.png"),
    ]
    counts = plan_tally(again)
    assert (counts.written, counts.up_to_date) == (0, 2)
    problem = nothing_written_problem(again)
    assert problem is not None and "2 of 2 outputs are up to date" in problem.message
    second = run(again, catalog)
    assert second.state == "completed"
    assert (second.file_success_count, second.file_warning_count) == (2, 0)  # not warnings
    assert tally(second).up_to_date == 2 and tally(second).written == 0
    assert _stamps(dest) == before  # not touched


def test_outputs_placed_by_a_job_of_another_policy_are_known(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    run(plan(replace(_update(photos, dest), conflict=ConflictPolicy.RENAME), catalog), catalog)
    assert _notes(catalog, _update(photos, dest)) == ["up to date: p0.png", "up to date: p1.png"]


def test_a_changed_request_rewrites_and_a_changed_source_rewrites(
    catalog: Catalog, photos: list[str], dest: Path, sources: Path
) -> None:
    run(plan(_update(photos, dest), catalog), catalog)
    assert _notes(catalog, _update(photos, dest, "wid=20&fmt=png")) == [
        "request changed", "request changed"
    ]  # fmt: skip
    # p1 uploaded again with other pixels: a new asset of the same name and file name
    catalog.delete([photos[1]])
    changed = make_image(sources / "again" / "p1.jpg", (60, 40), 99)
    photos[1] = import_files(catalog, [changed])["p1.jpg"]
    job = _update(photos, dest)
    assert _notes(catalog, job) == ["up to date: p0.png", "source changed"]
    log = run(plan(job, catalog), catalog)
    assert tally(log).written == 1 and tally(log).up_to_date == 1
    assert _notes(catalog, job) == ["up to date: p0.png", "up to date: p1.png"]


def test_a_file_edited_at_the_destination_is_kept_unless_forced(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    run(plan(_update(photos, dest), catalog), catalog)
    edited = dest / "p0.png"
    edited.write_bytes(edited.read_bytes() + b"the designer's retouch")
    mine = edited.read_bytes()
    planned = plan(_update(photos, dest), catalog)
    assert planned.outputs[0].target is None and planned.outputs[0].status is LogType.WARNING
    assert planned.outputs[0].message == (
        "kept: p0.png (changed at the destination); force the job to replace it"
    )
    log = run(planned, catalog)
    assert edited.read_bytes() == mine
    assert tally(log).kept == 1 and log.file_warning_count == 1
    forced = plan(replace(_update(photos, dest), force=True), catalog)
    assert forced.outputs[0].target == Path("p0.png")
    assert "(changed at the destination; forced)" in forced.outputs[0].message
    run(forced, catalog)
    assert edited.read_bytes() != mine
    assert _notes(catalog, _update(photos, dest))[0] == "up to date: p0.png"


def test_a_file_only_touched_at_the_destination_is_still_up_to_date(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    run(plan(_update(photos, dest), catalog), catalog)
    os.utime(dest / "p0.png", ns=(1_000_000_000, 1_000_000_000))  # copied back, say
    assert _notes(catalog, _update(photos, dest)) == ["up to date: p0.png", "up to date: p1.png"]


def test_a_file_not_placed_by_exportgui_is_kept_but_a_copy_of_the_original_is_up_to_date(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    (dest / "p0.png").write_bytes(b"someone else's file")
    assert _notes(catalog, _update(photos[:1], dest))[0].startswith(
        "kept: p0.png (not placed by exportgui)"
    )
    copy = replace(_update(photos, dest), fmt=Fmt.ORIG)
    (dest / "p1.jpg").write_bytes(catalog.original_path(photos[1]).read_bytes())
    assert _notes(catalog, copy) == ["new", "up to date: p1.jpg"]


def test_every_rendition_is_judged_on_its_own(
    catalog: Catalog, photos: list[str], dest: Path
) -> None:
    web = Rendition("web", Fmt.CONVERT, "wid=30&fmt=png")
    thumb = Rendition("thumb", Fmt.CONVERT, "wid=10&fmt=png")
    job = _update(photos[:1], dest).with_renditions((web, thumb))
    run(plan(job, catalog), catalog)
    changed = job.with_renditions((web, replace(thumb, is_modifier="wid=12&fmt=png")))
    assert _notes(catalog, changed) == ["up to date: p0.png", "request changed"]


def test_planning_an_update_job_in_a_catalog_that_never_ran_one_writes_nothing(
    tmp_path: Path, sources: Path, dest: Path
) -> None:
    with Catalog.open(tmp_path / "fresh") as fresh:
        handles = list(import_files(fresh, [make_image(sources / "n.jpg", (20, 10), 5)]).values())
        before = (
            fresh.db.execute("PRAGMA data_version").fetchone()[0],
            fresh.db.connection.total_changes,
        )
        planned = plan(_update(handles, dest), fresh)
        after = (
            fresh.db.execute("PRAGMA data_version").fetchone()[0],
            fresh.db.connection.total_changes,
        )
    assert [o.message for o in planned.outputs] == ["new"]
    assert after == before  # a plan is a read, also for the policy update
