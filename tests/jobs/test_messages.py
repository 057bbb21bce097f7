"""Messages in the job log name what the user knows: the asset, its output, the destination."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt, LogType, Progress, RunOptions, plan, run
from tests.helpers import import_files, make_image


def _internal_names(catalog: Catalog, handle: str) -> list[str]:
    stored = catalog.original_path(handle)
    return [str(stored), stored.name, ".exportgui-", ".part"]


@pytest.mark.parametrize("fmt", [Fmt.CONVERT, Fmt.ORIG])
def test_a_damaged_original_is_named_by_its_asset(
    catalog: Catalog, sources: Path, dest: Path, fmt: Fmt
) -> None:
    handle = import_files(catalog, [make_image(sources / "cover.png", (20, 10), 4)], "web")[
        "cover.png"
    ]
    stored = catalog.original_path(handle)
    stored.chmod(0o600)
    if fmt is Fmt.CONVERT:
        stored.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)  # not decodable
    else:
        stored.unlink()
    job = ExportJob((handle,), fmt, "fmt=png", destination=dest)
    [detail] = run(plan(job, catalog), catalog).details
    assert detail.log_type is LogType.ERROR
    assert "web/cover" in detail.message
    for internal in _internal_names(catalog, handle):
        assert internal not in detail.message


@pytest.mark.parametrize("fmt", [Fmt.CONVERT, Fmt.ORIG])
def test_a_vanished_output_folder_names_the_output(
    catalog: Catalog, sources: Path, dest: Path, fmt: Fmt
) -> None:
    paths = [make_image(sources / f"img{i}.png", (30, 20), i) for i in range(4)]
    handles = import_files(catalog, paths, "web")
    tidied: list[Path] = []

    def progress(p: Progress) -> None:
        while p.done >= 1 and not (dest / "web").is_file():
            # Someone tidies the folder away mid-job, and a file of that name keeps it from
            # coming back. The worker may make the folder again in between: tidy that too.
            with contextlib.suppress(FileNotFoundError):
                tidied.append((dest / "web").rename(dest / f"tidied-{len(tidied)}"))
            with contextlib.suppress(IsADirectoryError, FileExistsError):
                (dest / "web").write_text("")

    job = ExportJob(tuple(handles.values()), fmt, "fmt=png", destination=dest, keep_folders=True)
    log = run(plan(job, catalog), catalog, RunOptions(workers=1, progress=progress))
    assert tidied and len(log.details) == 4
    for detail in log.details:
        assert ".exportgui-" not in detail.message and ".part" not in detail.message
    errors = [d.message for d in log.details if d.log_type is LogType.ERROR]
    assert len(errors) == 3  # every asset after the tidy-up
    assert all(f"{dest / 'web'}" in message for message in errors), errors


@pytest.mark.parametrize("fmt", [Fmt.CONVERT, Fmt.ORIG])
def test_a_vanished_destination_names_the_destination(
    catalog: Catalog, sources: Path, dest: Path, fmt: Fmt
) -> None:
    paths = [make_image(sources / f"img{i}.png", (30, 20), i) for i in range(4)]
    handles = import_files(catalog, paths)

    def progress(p: Progress) -> None:
        if p.done >= 1 and dest.exists():
            dest.rename(dest.with_name("moved-away"))

    job = ExportJob(tuple(handles.values()), fmt, "fmt=png", destination=dest)
    log = run(plan(job, catalog), catalog, RunOptions(workers=1, progress=progress))
    assert log.fatal_error is not None and str(dest) in log.fatal_error
    for text in [log.fatal_error, *(d.message for d in log.details)]:
        assert ".exportgui-" not in text and ".part" not in text
