"""Assets by rule: a folder (with or without subfolders) and types, resolved when the job runs."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from exportgui.catalog import AssetType, Catalog
from exportgui.jobs import ExportJob, Fmt, PresetStore, RunOptions, plan, resume, run
from exportgui.jobs.job_dict import job_from_dict, job_to_dict
from exportgui.jobs.model import Selection
from exportgui.jobs.selection import describe, make_selection, parse_types, resolve
from tests.helpers import export_files, import_files, make_image


@pytest.fixture
def tree(catalog: Catalog, tmp_path: Path) -> dict[str, str]:
    """demo/photos: a.jpg, b.png, notes.txt; demo/photos/old: c.jpg; demo: d.jpg; a Spin Set."""
    src = tmp_path / "src"
    handles = import_files(
        catalog,
        [make_image(src / "a.jpg", (20, 10), 1), make_image(src / "b.png", (20, 10), 2)],
        folder="demo/photos",
    )
    (src / "notes.txt").write_text("words\n")
    handles |= import_files(catalog, [src / "notes.txt"], folder="demo/photos")
    handles |= import_files(catalog, [make_image(src / "c.jpg", (20, 10), 3)], "demo/photos/old")
    handles |= import_files(catalog, [make_image(src / "d.jpg", (20, 10), 4)], "demo")
    handles |= import_files(catalog, [make_image(src / "e.jpg", (20, 10), 5)], "demo/photosets")
    spin = catalog.create_set(AssetType.SPIN_SET, "spin", [handles["a.jpg"]])
    handles["spin"] = spin.handle
    return handles


def _names(catalog: Catalog, job: ExportJob) -> list[str]:
    found = catalog.get_many(job.asset_handles)
    return [found[h].file_name for h in job.asset_handles]


def test_a_folder_alone_takes_only_its_own_assets(catalog: Catalog, tree: dict[str, str]) -> None:
    job = resolve(ExportJob(selection=make_selection("demo/photos")), catalog)
    assert sorted(_names(catalog, job)) == ["a.jpg", "b.png", "notes.txt"]


def test_recursive_takes_subfolders_but_not_a_sibling_with_the_same_prefix(
    catalog: Catalog, tree: dict[str, str]
) -> None:
    job = resolve(ExportJob(selection=make_selection("/demo/photos/", recursive=True)), catalog)
    assert sorted(_names(catalog, job)) == ["a.jpg", "b.png", "c.jpg", "notes.txt"]


def test_the_root_with_subfolders_is_every_exportable_asset(
    catalog: Catalog, tree: dict[str, str]
) -> None:
    job = resolve(ExportJob(selection=make_selection("", recursive=True)), catalog)
    assert tree["spin"] not in job.asset_handles  # sets are never exported
    assert len(job.asset_handles) == 6


def test_a_type_filter_alone_searches_every_folder(catalog: Catalog, tree: dict[str, str]) -> None:
    job = resolve(ExportJob(selection=make_selection(None, types=["image"])), catalog)
    assert "notes.txt" not in _names(catalog, job)
    assert len(job.asset_handles) == 5


def test_named_assets_come_first_and_each_asset_is_taken_once(
    catalog: Catalog, tree: dict[str, str]
) -> None:
    named = (tree["d.jpg"], tree["b.png"])
    job = resolve(
        ExportJob(named, selection=make_selection("demo/photos", types=["Image"])), catalog
    )
    assert _names(catalog, job) == ["d.jpg", "b.png", "a.jpg"]


def test_a_new_upload_is_picked_up_the_next_time_the_job_resolves(
    catalog: Catalog, tree: dict[str, str], tmp_path: Path
) -> None:
    job = ExportJob(selection=make_selection("demo/photos", types=["Image"]))
    assert len(resolve(job, catalog).asset_handles) == 2
    new = import_files(catalog, [make_image(tmp_path / "n" / "new.jpg", (8, 8), 9)], "demo/photos")
    assert new["new.jpg"] in resolve(job, catalog).asset_handles


def test_bad_rules_are_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="unknown asset type 'photo'; use Image, Video"):
        parse_types(["photo"])
    with pytest.raises(ValueError, match="Spin Sets are never exported"):
        parse_types(["SpinSet"])
    with pytest.raises(ValueError, match="subfolders need a folder"):
        make_selection(None, recursive=True)
    with pytest.raises(ValueError, match=r"'..' are not allowed"):
        make_selection("demo/../x")
    assert make_selection(None) is None


def test_describe_says_the_rule_in_words() -> None:
    rule = Selection("demo/photos", True, ("Image", "Pdf"))
    assert describe(rule) == "folder 'demo/photos' and its subfolders, Image, Pdf only"
    assert describe(Selection(None, False, ("Video",))) == "every folder, Video only"


def test_the_rule_survives_the_job_codec_and_a_preset(tmp_path: Path) -> None:
    job = ExportJob(fmt=Fmt.ORIG, selection=Selection("demo/photos", True, ("Image",)))
    assert job_from_dict(job_to_dict(job)) == job
    store = PresetStore(tmp_path / "presets")
    store.save("photos", job)
    assert store.load("photos").job.selection == job.selection
    with pytest.raises(ValueError, match=r"'selection\.includeSubfolders' must be true or false"):
        job_from_dict({"selection": {"folder": "x", "includeSubfolders": "yes"}})
    with pytest.raises(ValueError, match=r"unknown asset type 'nope'"):
        job_from_dict({"selection": {"assetTypes": ["nope"]}})
    assert job_from_dict({}).selection is None


def test_resume_does_exactly_the_assets_its_log_planned(
    catalog: Catalog, tree: dict[str, str], tmp_path: Path
) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    job = ExportJob(fmt=Fmt.ORIG, destination=dest, selection=make_selection("demo", True))
    job = resolve(job, catalog)
    planned = set(job.asset_handles)
    cancel = threading.Event()
    cancel.set()  # stopped before any asset: the log holds the plan and nothing done
    log = run(plan(job, catalog), catalog, RunOptions(cancel=cancel))
    assert log.state == "cancelled" and log.total_file_count == len(planned) == 6
    new = import_files(catalog, [make_image(tmp_path / "n" / "late.jpg", (8, 8), 9)], "demo")
    finished = resume(log.job_handle, catalog)
    assert finished.state == "completed"
    assert set(finished.job.asset_handles) == planned
    assert new["late.jpg"] not in {d.asset_handle for d in finished.details}
    assert "late.jpg" not in export_files(dest)
    assert len(export_files(dest)) == len(planned)
    assert replace(finished.job, asset_handles=()).selection == job.selection
