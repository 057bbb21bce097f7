from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportgui.catalog import Catalog
from exportgui.jobs import (
    ConflictPolicy,
    EmailSetting,
    ExportJob,
    Fmt,
    JobLogStore,
    LogType,
    Progress,
    RunOptions,
    plan,
    resume,
    run,
    validate,
)
from exportgui.jobs.job_dict import job_from_dict, job_to_dict
from exportgui.jobs.model import JobLog
from exportgui.jobs.name_template import (
    TOKENS,
    NameFields,
    TemplateError,
    parse_template,
)
from exportgui.jobs.notify import compose
from exportgui.jobs.report import problem_lines
from tests.helpers import SLOW_MODIFIER, import_files, make_image, noise_images

DAY = datetime(2020, 1, 2, 3, 4, 5)
FIELDS = NameFields(
    name="hero",
    ext="jpg",
    folder="shoots/day1",
    preset="web",
    wid=1920,
    hei=1080,
    fmt="jpeg",
    handle="a1b2",
    seq=7,
    date=DAY,
)


@pytest.mark.parametrize(
    ("template", "path"),
    [
        ("{preset}/{name}_{wid}x{hei}.{ext}", "web/hero_1920x1080.jpg"),
        ("{seq:04}-{name}.{ext}", "0007-hero.jpg"),
        ("{seq}-{name}.{ext}", "7-hero.jpg"),
        ("{date:%Y%m%d}/{name}.{ext}", "20200102/hero.jpg"),
        ("{date}_{name}", "2020-01-02_hero"),
        ("{folder}/{name}.{ext}", "shoots/day1/hero.jpg"),
        ("{folder}-{name}.{ext}", "shoots_day1-hero.jpg"),
        ("{handle}.{fmt}", "a1b2.jpeg"),
        ("{{{name}}}.{ext}", "{hero}.jpg"),
    ],
)
def test_a_template_expands_to_a_relative_path(template: str, path: str) -> None:
    assert "/".join(parse_template(template).expand(FIELDS)) == path


def test_values_make_no_folders_and_empty_folders_drop_out() -> None:
    fields = replace(FIELDS, name="../../etc/passwd", folder="", preset="")
    parts = parse_template("{preset}/{folder}/{name}.{ext}").expand(fields)
    assert parts == ("_._.._etc_passwd.jpg",)
    with pytest.raises(ValueError, match="empty file name"):
        parse_template("x/{preset}").expand(fields)
    assert parse_template("{name}_{wid}.{ext}").expand(replace(FIELDS, wid=None)) == ("hero_.jpg",)


@pytest.mark.parametrize(
    ("template", "message", "position", "length"),
    [
        ("{name}_{size}", "unknown token {size} at position 8 (tokens: name, ext,", 7, 6),
        ("{}", "unknown token {} at position 1", 0, 2),
        ("{Name}", "unknown token {Name} at position 1", 0, 6),
        ("a{name", "'{' at position 2 opens a token that is never closed", 1, 1),
        ("a}b", "'}' at position 2 closes no token", 1, 1),
        ("{na{me}", "'{' at position 1 opens a token", 0, 1),
        ("{seq:x4}", "{seq:x4} at position 1: the format of {seq} is a number of digits", 0, 8),
        ("{seq:99}", "number of digits up to 12", 0, 8),
        ("{name:>9}", "{name:>9} at position 1: {name} takes no format", 0, 9),
        ("a{date:%Q}", "unknown date code '%Q'", 1, 9),
        ("{date:}", "give a date pattern", 0, 7),
        ("{date:%Y/%m}", "a date pattern cannot make folders", 0, 12),
        ("/{name}", "'/' at position 1: the name template is a path inside the destination", 0, 1),
        ("a//{name}", "'/' at position 3: the name template has an empty folder name", 2, 1),
        ("{name}/", "'/' at position 7: the name template ends with '/'", 6, 1),
        ("../{name}", "'..' at position 1 would leave the destination folder", 0, 2),
        ("a/./{name}", "'.' at position 3 would leave", 2, 1),
        ("a\\{name}", "'\\' at position 2: use '/' between folders", 1, 1),
        ("{name}:{ext}", "':' at position 7 is not allowed in file names", 6, 1),
        ("   ", "the name template is empty", 0, 3),
    ],
)
def test_mistakes_are_named_with_their_position(
    template: str, message: str, position: int, length: int
) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template(template)
    assert message in str(caught.value)
    assert (caught.value.position, caught.value.length) == (position, length)
    assert template[caught.value.position] in template  # a real character of the template


_TEMPLATE_PIECES = st.one_of(
    st.sampled_from([f"{{{t}}}" for t in TOKENS] + ["{seq:03}", "{date:%Y%m%d}"]),
    st.sampled_from(["/", ".", "..", "_", "x", "{", "}", "{{", "\\", ":", " "]),
    st.text(max_size=3),
)
_ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ["..", ".", "../..", "/", "/etc/passwd", "a/../../b", "CON", "", " ", "\\..\\x", ".hidden"]
)


@settings(max_examples=400, deadline=None)
@given(
    template=st.lists(_TEMPLATE_PIECES, max_size=8).map("".join),
    name=_ANY_TEXT,
    ext=_ANY_TEXT,
    folder=_ANY_TEXT,
    preset=_ANY_TEXT,
    fmt=_ANY_TEXT,
    handle=_ANY_TEXT,
)
def test_no_expansion_ever_leaves_the_destination(
    tmp_path_factory: pytest.TempPathFactory,
    template: str,
    name: str,
    ext: str,
    folder: str,
    preset: str,
    fmt: str,
    handle: str,
) -> None:
    try:
        parsed = parse_template(template)
    except TemplateError as exc:
        assert 0 <= exc.position < max(len(template), 1)
        return
    fields = replace(
        FIELDS, name=name, ext=ext, folder=folder, preset=preset, fmt=fmt, handle=handle
    )
    try:
        parts = parsed.expand(fields)
    except ValueError as exc:
        assert "empty file name" in str(exc)
        return
    assert parts
    for part in parts:
        assert part.strip(" .") and "/" not in part and "\\" not in part and "\0" not in part
        assert not part.startswith(".")  # no hidden file, never one of our temporary names
    destination = PurePosixPath("/dest")
    joined = destination.joinpath(*parts)
    assert ".." not in joined.parts and joined.is_relative_to(destination) and joined != destination


# -- the plan --------------------------------------------------------------------
def _job(library: dict[str, str], dest: Path, template: str, **changes: Any) -> ExportJob:
    handles = (library["a.jpg"], library["a.tif"], library["b.png"], library["c.gif"])
    base = ExportJob(
        handles, Fmt.CONVERT, "wid=10", destination=dest, name_template=template, preset="web"
    )
    return replace(base, **changes)


def test_the_plan_shows_every_templated_name(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = _job(library, dest, "{preset}/{seq:02}_{name}_{wid}x{hei}.{ext}")
    targets = [o.target.as_posix() for o in plan(job, catalog).outputs if o.target]
    assert targets == [
        "web/01_a_10x8.jpg",
        "web/02_a_10x5.jpg",
        "web/03_b_10x10.jpg",
        "web/04_c_10x10.jpg",
    ]


def test_orig_keeps_the_sources_extension_and_folder_comes_from_the_catalog(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = _job(library, dest, "{folder}/{fmt}-{name}.{ext}", fmt=Fmt.ORIG, keep_folders=True)
    targets = [o.target.as_posix() for o in plan(job, catalog).outputs if o.target]
    assert targets == ["orig-a.jpg", "orig-a.tif", "orig-b.png", "shoots/day1/orig-c.gif"]


def test_two_outputs_on_one_name_are_caught_by_the_plan(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = _job(library, dest, "{preset}/{name}.jpg")
    outputs = plan(job, catalog).outputs
    assert [o.target.as_posix() for o in outputs if o.target] == [
        "web/a.jpg",
        "web/a-2.jpg",
        "web/b.jpg",
        "web/c.jpg",
    ]
    assert outputs[1].status is LogType.WARNING
    assert outputs[1].message == "renamed to a-2.jpg: a.jpg is also the target of a.jpg"
    (dest / "web").mkdir()
    (dest / "web" / "b.jpg").write_bytes(b"there before")
    skipping = plan(replace(job, conflict=ConflictPolicy.SKIP), catalog).outputs
    assert skipping[2].target is None
    assert skipping[2].message == "skipped: b.jpg already exists in the destination"


def test_without_a_template_the_names_are_the_ips_rule(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = _job(library, dest, "", keep_folders=True)
    targets = [o.target.as_posix() for o in plan(job, catalog).outputs if o.target]
    assert targets == ["a.jpg", "a-2.jpg", "b.jpg", "shoots/day1/c.jpg"]


def test_an_invalid_template_is_an_invalid_job_with_its_position(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = _job(library, dest, "{name}_{size}")
    [problem] = [p for p in validate(job, catalog) if p.is_error]
    assert problem.field == "name_template"
    assert (problem.position, problem.length) == (7, 6)
    assert problem_lines(problem, job) == [
        "error: --name: unknown token {size} at position 8 (tokens: name, ext, folder, preset,"
        " wid, hei, fmt, handle, seq, date)",
        "    {name}_{size}",
        "           ^^^^^^",
    ]
    assert all(o.status is LogType.ERROR for o in plan(job, catalog).outputs)


def test_the_form_warns_what_a_template_leaves_out(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = _job(library, dest, "{preset}/{name}.{ext}", keep_folders=True, preset="")
    warnings = [p.message for p in validate(job, catalog) if p.field == "name_template"]
    assert warnings == [
        "the template decides the folders, so the catalog's folders are not recreated; "
        "put {folder} in it to keep them",
        "{preset} is empty: this job was not made from a preset",
    ]
    assert next(o.target.as_posix() for o in plan(job, catalog).outputs if o.target) == "a.jpg"


def test_the_job_codec_keeps_the_template_and_reads_old_jobs() -> None:
    job = ExportJob(("h",), Fmt.CONVERT, name_template="{seq}.{ext}", preset="web")
    data = job_to_dict(job)
    assert (data["nameTemplate"], data["preset"]) == ("{seq}.{ext}", "web")
    assert job_from_dict(data) == job
    del data["nameTemplate"], data["preset"]
    assert job_from_dict(data) == replace(job, name_template="", preset="")
    with pytest.raises(ValueError, match="'nameTemplate' must be text"):
        job_from_dict({"nameTemplate": 3})


def test_the_mail_says_how_the_files_were_named() -> None:
    job = ExportJob(fmt=Fmt.ORIG, destination=Path("/srv/out"), name_template="{seq:03}.{ext}")
    log = JobLog("j1", job, "2026-01-02T03:04:05+00:00", None, "running")
    body = compose(log, EmailSetting.ALL, starting=True).get_content()
    assert "Exports:      original files to /srv/out\nFile names:   {seq:03}.{ext}\n" in body


# -- run and resume --------------------------------------------------------------
_TEMPLATE = "{date:%Y%m%d}/{seq:03}_{name}.{ext}"


def _names(dest: Path) -> list[str]:
    return sorted(
        p.relative_to(dest).as_posix()
        for p in dest.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )


def test_a_cancelled_job_resumes_with_the_names_it_planned(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = noise_images(catalog, sources, 12)
    cancel = threading.Event()

    def progress(p: Progress) -> None:
        if p.done >= 3:
            cancel.set()

    job = ExportJob(
        tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest, name_template=_TEMPLATE
    )
    planned = plan(job, catalog, date=DAY)
    expected = sorted(o.target.as_posix() for o in planned.outputs if o.target)
    log = run(planned, catalog, RunOptions(workers=2, cancel=cancel, progress=progress))
    assert log.state == "cancelled" and len(_names(dest)) < 12
    assert JobLogStore(catalog).get(log.job_handle).job.name_template == _TEMPLATE
    final = resume(log.job_handle, catalog)
    assert final.state == "completed"
    assert _names(dest) == expected  # the plan's date and numbers, not today's
    assert expected[0] == "20200102/001_" + Path(expected[0]).name.split("_", 1)[1]


_KILLED_EXPORT = """
import sys, time
from datetime import datetime
from pathlib import Path
from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt, RunOptions, plan, run

catalog = Catalog.open(Path(sys.argv[1]))
handles = tuple(Path(sys.argv[3]).read_text().split())
job = ExportJob(handles, Fmt.ORIG, destination=Path(sys.argv[2]), name_template=sys.argv[4])
print("started", flush=True)


def progress(p):
    time.sleep(0.01 if p.done < 4 else 3600)  # the kill lands on an unfinished job


planned = plan(job, catalog, date=datetime(2020, 1, 2))
run(planned, catalog, RunOptions(workers=2, progress=progress))
"""


def test_a_killed_job_resumes_with_the_names_it_planned(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    paths = [make_image(sources / f"f{i}.png", (8, 6), i) for i in range(10)]
    found = import_files(catalog, paths)
    listing = dest.parent / "handles.txt"
    listing.write_text("\n".join(found[p.name] for p in paths))
    args = [str(catalog.folder), str(dest), str(listing), _TEMPLATE]
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_EXPORT, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"started"
        deadline = time.monotonic() + 30
        while len(_names(dest)) < 4 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
    assert 0 < len(_names(dest)) < 10
    [log] = JobLogStore(catalog).interrupted()
    final = resume(log.job_handle, catalog)
    assert final.state == "completed"
    assert _names(dest) == [f"20200102/{i + 1:03d}_f{i}.png" for i in range(10)]
