from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.jobs import EmailSetting, ExportJob, Fmt, LogType, Problem, normalize, validate
from exportgui.jobs.validate import missing_folders


def _by_field(problems: list[Problem]) -> dict[str, list[Problem]]:
    found: dict[str, list[Problem]] = {}
    for p in problems:
        found.setdefault(p.field, []).append(p)
    return found


def test_a_good_job_has_no_problem(catalog: Catalog, library: dict[str, str], dest: Path) -> None:
    job = ExportJob((library["a.jpg"], library["b.png"]), Fmt.CONVERT, "wid=10", destination=dest)
    assert validate(job, catalog) == []


def test_any_case_is_accepted_and_canonicalised() -> None:
    job = ExportJob(fmt="CONVERT", email_setting="errorandwarning", conflict="SKIP")  # type: ignore[arg-type]
    canonical = normalize(job)
    assert canonical.fmt is Fmt.CONVERT
    assert canonical.email_setting is EmailSetting.ERROR_AND_WARNING
    assert canonical.conflict.value == "skip"


def test_unknown_fmt_and_email_setting(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob((library["a.jpg"],), "png", email_setting="Sometimes", destination=dest)  # type: ignore[arg-type]
    fields = _by_field(validate(job, catalog))
    assert "orig or convert" in fields["fmt"][0].message
    assert "JobCompletion" in fields["email_setting"][0].message
    assert all(p.is_error for p in fields["fmt"] + fields["email_setting"])


def test_every_modifier_error_with_position(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    modifier = "wid=abc&hei=10&zzz=1"
    job = ExportJob((library["a.jpg"],), Fmt.CONVERT, modifier, destination=dest)
    problems = [p for p in validate(job, catalog) if p.field == "is_modifier"]
    assert [(p.position, p.length) for p in problems] == [(0, 7), (15, 5)]
    assert modifier[0:7] == "wid=abc" and modifier[15:20] == "zzz=1"
    assert all(p.severity is LogType.ERROR for p in problems)


def test_unknown_macro_marks_the_macro_field(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob((library["a.jpg"],), Fmt.CONVERT, "wid=10", "$nope$", destination=dest)
    [problem] = validate(job, catalog)
    assert problem.field == "macro" and problem.is_error
    assert (problem.position, problem.length) == (0, 6)
    assert "nope" in problem.message and "position" not in problem.message


def test_error_inside_the_macro_definition(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    catalog.set_macro("broken", "wid=-3")
    job = ExportJob((library["a.jpg"],), Fmt.CONVERT, "", "broken", destination=dest)
    [problem] = validate(job, catalog)
    assert problem.field == "macro" and "broken" in problem.message


def test_modifier_and_macro_ignored_with_orig(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob((library["a.jpg"],), Fmt.ORIG, "wid=abc", "test", destination=dest)
    problems = validate(job, catalog)
    assert {(p.field, p.severity) for p in problems} == {
        ("is_modifier", LogType.WARNING),
        ("macro", LogType.WARNING),
    }


def test_destination_problems(
    catalog: Catalog, library: dict[str, str], dest: Path, tmp_path: Path
) -> None:
    job = ExportJob((library["a.jpg"],), Fmt.ORIG)
    assert "choose" in _by_field(validate(job, catalog))["destination"][0].message
    missing = replace(job, destination=tmp_path / "nowhere")
    assert "does not exist" in _by_field(validate(missing, catalog))["destination"][0].message
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    not_dir = replace(job, destination=a_file)
    assert "not a folder" in _by_field(validate(not_dir, catalog))["destination"][0].message
    inside = replace(job, destination=catalog.folder)
    assert "catalog" in _by_field(validate(inside, catalog))["destination"][0].message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_destination(catalog: Catalog, library: dict[str, str], dest: Path) -> None:
    dest.chmod(0o500)
    try:
        job = ExportJob((library["a.jpg"],), Fmt.ORIG, destination=dest)
        assert "not writable" in _by_field(validate(job, catalog))["destination"][0].message
    finally:
        dest.chmod(0o700)


def test_asset_selection_problems(catalog: Catalog, library: dict[str, str], dest: Path) -> None:
    empty = ExportJob((), Fmt.ORIG, destination=dest)
    assert _by_field(validate(empty, catalog))["assets"][0].message == "no asset selected"
    only_set = ExportJob((library["turntable"],), Fmt.ORIG, destination=dest)
    [problem] = validate(only_set, catalog)
    assert problem.is_error and problem.message == "no exportable asset selected"
    mixed = ExportJob(
        (library["a.jpg"], library["turntable"], "no-such-handle", library["a.jpg"]),
        Fmt.ORIG,
        destination=dest,
    )
    warnings = _by_field(validate(mixed, catalog))["assets"]
    assert all(not p.is_error for p in warnings)
    text = " | ".join(p.message for p in warnings)
    assert "Spin Sets" in text and "not in the catalog" in text and "twice" in text


def test_convert_of_non_images(catalog: Catalog, library: dict[str, str], dest: Path) -> None:
    only_text = ExportJob((library["notes.txt"],), Fmt.CONVERT, destination=dest)
    assert validate(only_text, catalog)[0].is_error
    mixed = ExportJob((library["notes.txt"], library["b.png"]), Fmt.CONVERT, destination=dest)
    [problem] = validate(mixed, catalog)
    assert not problem.is_error and "images only" in problem.message


def test_errors_come_before_warnings(catalog: Catalog, library: dict[str, str]) -> None:
    job = ExportJob((library["a.jpg"], library["turntable"]), Fmt.ORIG, "wid=1")
    severities = [p.severity for p in validate(job, catalog)]
    assert severities == sorted(severities, key=lambda s: s is not LogType.ERROR)
    assert severities[0] is LogType.ERROR


def test_validation_sees_catalog_changes(
    catalog: Catalog, library: dict[str, str], dest: Path, tmp_path: Path
) -> None:
    job = ExportJob((library["a.jpg"], library["b.png"]), Fmt.ORIG, destination=dest)
    assert validate(job, catalog) == []
    assert validate(job, catalog) == []  # the same selection again (cached lookup)
    catalog.delete([library["b.png"]])
    [problem] = validate(job, catalog)
    assert "not in the catalog" in problem.message
    # A change made through another connection (another program) is seen too.
    with Catalog.open(catalog.folder) as other:
        other.delete([library["a.jpg"]])
    [problem] = validate(job, catalog)
    assert problem.is_error and problem.message == "no exportable asset selected"


def test_missing_folders_lists_what_to_make_outermost_first(tmp_path: Path) -> None:
    assert missing_folders(tmp_path) == []
    assert missing_folders(tmp_path / "a" / "b") == [tmp_path / "a", tmp_path / "a" / "b"]
    assert missing_folders(Path("relative") / "out") == []
    (tmp_path / "file").write_text("x")
    assert missing_folders(tmp_path / "file" / "out") == []  # a file is in the way
