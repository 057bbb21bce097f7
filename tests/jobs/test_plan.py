from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from exportgui.catalog import Catalog
from exportgui.jobs import ConflictPolicy, ExportJob, Fmt, LogType, plan
from tests.helpers import export_files, import_files, make_image


def _targets(job: ExportJob, catalog: Catalog) -> list[str | None]:
    return [o.target.as_posix() if o.target else None for o in plan(job, catalog).outputs]


def test_documented_example_macro_format_wins(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = import_files(catalog, [make_image(sources / "fileToExport.jpg", (50, 40))])
    catalog.set_macro("test", "fmt=tif")
    job = ExportJob(
        (handles["fileToExport.jpg"],), Fmt.CONVERT, "&fmt=png", "$test$", destination=dest
    )
    [out] = plan(job, catalog).outputs
    assert out.target == Path("fileToExport.tiff")
    assert out.format == "tif"
    assert "macro $test$" in out.reason and "overridden" in out.reason
    assert (out.width, out.height) == (50, 40)
    assert out.status is LogType.SUCCESS


def test_orig_keeps_the_file_name_and_size(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob((library["a.jpg"], library["notes.txt"]), Fmt.ORIG, destination=dest)
    first, second = plan(job, catalog).outputs
    assert (first.target, first.format, first.width, first.height) == (
        Path("a.jpg"),
        "orig",
        40,
        30,
    )
    assert first.reason == "original bytes, unchanged"
    assert second.target == Path("notes.txt") and second.width is None


def test_refused_assets_are_errors_in_the_plan(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob(
        (library["turntable"], "missing-handle", library["notes.txt"], library["b.png"]),
        Fmt.CONVERT,
        "fmt=png",
        destination=dest,
    )
    spin, missing, text, image = plan(job, catalog).outputs
    assert spin.status is LogType.ERROR and spin.message == "ExportJob does not export Spin Sets"
    assert missing.status is LogType.ERROR and "missing-handle" in missing.message
    assert text.status is LogType.ERROR and "images only" in text.message
    assert image.status is LogType.SUCCESS and image.target == Path("b.png")
    assert plan(job, catalog).error_count == 3


def test_collisions_inside_the_job_get_distinct_names(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob((library["a.jpg"], library["a.tif"]), Fmt.CONVERT, "fmt=png", destination=dest)
    for policy in ConflictPolicy:
        first, second = plan(replace(job, conflict=policy), catalog).outputs
        assert first.target == Path("a.png") and first.status is LogType.SUCCESS
        assert second.target == Path("a-2.png") and second.status is LogType.WARNING
        assert "a.jpg" in second.message


def test_existing_files_and_the_three_policies(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    (dest / "a.png").write_bytes(b"old")
    (dest / "A-2.PNG").write_bytes(b"old")  # case-insensitive comparison
    job = ExportJob((library["a.jpg"], library["b.png"]), Fmt.CONVERT, "fmt=png", destination=dest)
    renamed = plan(replace(job, conflict=ConflictPolicy.RENAME), catalog).outputs
    assert renamed[0].target == Path("a-3.png") and renamed[0].status is LogType.WARNING
    assert "already exists" in renamed[0].message
    assert renamed[1].target == Path("b.png") and renamed[1].status is LogType.SUCCESS
    overwrite = plan(replace(job, conflict=ConflictPolicy.OVERWRITE), catalog).outputs
    assert overwrite[0].target == Path("a.png") and overwrite[0].status is LogType.WARNING
    assert "replaces" in overwrite[0].message
    skipped = plan(replace(job, conflict=ConflictPolicy.SKIP), catalog).outputs
    assert skipped[0].target is None and skipped[0].status is LogType.WARNING
    assert skipped[0].message.startswith("skipped:")
    assert export_files(dest) == ["A-2.PNG", "a.png"]  # planning wrote nothing


def test_skip_twice_is_idempotent_for_collisions(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    (dest / "a.png").write_bytes(b"1")
    (dest / "a-2.png").write_bytes(b"2")
    job = ExportJob(
        (library["a.jpg"], library["a.tif"]),
        Fmt.CONVERT,
        "fmt=png",
        destination=dest,
        conflict=ConflictPolicy.SKIP,
    )
    assert _targets(job, catalog) == [None, None]


def test_keep_folders_recreates_catalog_folders(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob(
        (library["c.gif"], library["b.png"]), Fmt.ORIG, destination=dest, keep_folders=True
    )
    assert _targets(job, catalog) == ["shoots/day1/c.gif", "b.png"]
    flat = replace(job, keep_folders=False)
    assert _targets(flat, catalog) == ["c.gif", "b.png"]


def test_unsafe_asset_names_are_made_safe(catalog: Catalog, sources: Path, dest: Path) -> None:
    files = [
        make_image(sources / "CON.png"),
        make_image(sources / ("x" * 250 + ".png"), color=9),
    ]
    handles = import_files(catalog, files)
    job = ExportJob(tuple(handles[f.name] for f in files), Fmt.CONVERT, "fmt=tif", destination=dest)
    reserved, long = _targets(job, catalog)
    assert reserved == "_CON.tiff"
    assert long is not None and long.endswith(".tiff") and len(long.encode()) <= 255


def test_object_variable_is_parsed_per_asset(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = import_files(
        catalog,
        [make_image(sources / "120.png", (300, 200)), make_image(sources / "x.png", color=5)],
    )
    job = ExportJob(
        (handles["120.png"], handles["x.png"]), Fmt.CONVERT, "wid=$object$", destination=dest
    )
    sized, invalid = plan(job, catalog).outputs
    assert (sized.width, sized.height, sized.status) == (120, 80, LogType.SUCCESS)
    assert invalid.status is LogType.ERROR and "'x'" in invalid.message


def test_too_large_output_is_an_error(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob(
        (library["b.png"],), Fmt.CONVERT, "wid=5000&hei=5000&fit=stretch", destination=dest
    )
    [out] = plan(job, catalog).outputs
    assert out.status is LogType.ERROR and "E_TOO_LARGE" in out.message


def test_duplicate_handles_are_exported_once(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob((library["b.png"], library["b.png"]), Fmt.ORIG, destination=dest)
    first, second = plan(job, catalog).outputs
    assert first.target == Path("b.png")
    assert second.target is None and second.status is LogType.WARNING


def test_a_size_capped_by_default_pix_says_so(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = import_files(catalog, [make_image(sources / "big.png", (1600, 800))])
    job = ExportJob((handles["big.png"],), Fmt.CONVERT, "fmt=png", destination=dest)
    [out] = plan(job, catalog).outputs
    assert (out.width, out.height) == (1280, 640)
    assert out.reason == (
        "the modifier sets fmt=png; "
        "1600×800 → 1280×640: DefaultPix 1280,1280 caps replies without wid/hei"
    )
    sized = plan(replace(job, is_modifier="fmt=png&wid=1600"), catalog).outputs[0]
    assert (sized.width, sized.height) == (1600, 800)
    assert "DefaultPix" not in sized.reason


def test_a_size_capped_by_max_pix_says_so(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = import_files(catalog, [make_image(sources / "big.png", (1600, 800))])
    catalog.set_attribute("MaxPix", "2000,2000")
    job = ExportJob((handles["big.png"],), Fmt.CONVERT, "wid=1600&dpr=on,2", destination=dest)
    [out] = plan(job, catalog).outputs
    assert (out.width, out.height) == (2000, 1000)
    assert out.reason.endswith(
        "3200×1600 → 2000×1000: MaxPix 2000,2000 caps the reply of wid/hei × dpr"
    )


def test_a_refused_type_is_named_in_words(catalog: Catalog, sources: Path, dest: Path) -> None:
    sources.mkdir(parents=True, exist_ok=True)
    (sources / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    )
    (sources / "notes.txt").write_text("text\n")
    handles = import_files(catalog, [sources / "logo.svg", sources / "notes.txt"])
    job = ExportJob(tuple(handles.values()), Fmt.CONVERT, "fmt=png", destination=dest)
    svg, other = plan(job, catalog).outputs
    assert svg.message == (
        "fmt=convert renders images only and logo.svg is an SVG file (export it with fmt=orig)"
    )
    assert "notes.txt is a file of another type (export it with fmt=orig)" in other.message
