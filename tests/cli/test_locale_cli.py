"""``--locale``: the command's lines for the job in the job's language; --json stays the same."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportgui.catalog import AssetType, Catalog
from exportgui.jobs import ExportJob, Fmt, RunOptions, plan, run
from tests.helpers import exportgui, import_files, make_image


@pytest.fixture
def cat(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str], Path]]:
    """(catalog folder, handles of a.png, b.png and a Spin Set, an empty destination)."""
    folder = tmp_path / "catalog"
    sources = tmp_path / "sources"
    with Catalog.open(folder) as catalog:
        handles = import_files(
            catalog, [make_image(sources / "a.png", (40, 30)), make_image(sources / "b.png")]
        )
        spin = catalog.create_set(AssetType.SPIN_SET, "giro", [handles["a.png"]])
        handles["giro"] = spin.handle
    dest = tmp_path / "out"
    dest.mkdir()
    yield folder, handles, dest


def test_plan_and_export_speak_the_jobs_language(
    cat: tuple[Path, dict[str, str], Path],
) -> None:
    folder, h, dest = cat
    (dest / "b.png").write_bytes(b"there before")
    common = ("--catalog", folder, h["a.png"], h["b.png"], "--fmt", "orig", "--dest", dest)
    planned = exportgui(common[0], common[1], "plan", *common[2:], "--locale", "it")
    assert planned.returncode == 0, planned.stderr
    assert f"{h['a.png']}  a.png → a.png  [orig 40×30]  byte originali, invariati" in planned.stdout
    assert "    avviso: rinominato in b-2.png: b.png esiste già nella destinazione" in (
        planned.stdout
    )
    done = exportgui(
        common[0], common[1], "export", *common[2:], "--locale", "it", "--job-name", "x"
    )
    assert done.returncode == 0, done.stderr
    assert "avviso: b (" in done.stderr
    assert done.stdout.startswith("processo j")
    assert "completato: 2 file scritti (1 con un nuovo nome) → " in done.stdout
    handle = done.stdout.split()[1]
    shown = exportgui("--catalog", folder, "jobs", "show", handle)
    assert shown.returncode == 0, shown.stderr
    assert "2 risorse: 2 file scritti (1 con un nuovo nome)" in shown.stdout
    assert "stato: completato   avviato " in shown.stdout
    assert "  Avviso   " in shown.stdout and "rinominato in b-2.png" in shown.stdout


def test_a_refused_set_is_named_in_adobes_italian(cat: tuple[Path, dict[str, str], Path]) -> None:
    folder, h, dest = cat
    done = exportgui("--catalog", folder, "export", h["a.png"], h["giro"], "--fmt", "orig",
                     "--dest", dest, "--locale", "it")  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert f"errore: giro ({h['giro']}): ExportJob non supporta Set 360 gradi" in done.stderr
    assert "1 file scritto · 1 non riuscito" in done.stdout


def test_json_is_the_same_document_in_either_language(
    cat: tuple[Path, dict[str, str], Path],
) -> None:
    folder, h, dest = cat
    args = ("--catalog", folder, "plan", h["a.png"], "--fmt", "orig", "--dest", dest, "--json")
    english = json.loads(exportgui(*args).stdout)
    italian = json.loads(exportgui(*args, "--locale", "it").stdout)
    assert italian["job"].pop("locale") == "it"
    (out_en,) = english.pop("outputs")
    (out_it,) = italian.pop("outputs")
    assert english == italian
    assert out_it.pop("reason") == "byte originali, invariati"  # the plan's own words
    out_en.pop("reason")
    assert out_en == out_it  # numbers, sizes and keys: machine-readable in either
    done = exportgui("--catalog", folder, "export", h["a.png"], "--fmt", "orig", "--dest", dest,
                     "--json", "--locale", "it")  # fmt: skip
    document = json.loads(done.stdout)
    assert document["state"] == "completed" and document["fileSuccessCount"] == 1
    assert "T" in document["startDate"]  # ISO 8601, not "30 nov 2026"


def test_an_unsupported_locale_is_refused_with_the_supported_ones(
    cat: tuple[Path, dict[str, str], Path],
) -> None:
    folder, h, dest = cat
    for command in ("plan", "export"):
        result = exportgui("--catalog", folder, command, h["a.png"], "--fmt", "orig", "--dest",
                           dest, "--locale", "xx")  # fmt: skip
        assert result.returncode == 2, result.stderr
        assert "--locale: unknown locale 'xx'; use en or it" in result.stderr
    assert not list(dest.iterdir())
    saved = exportgui("presets", "save", "p", "--fmt", "orig", "--locale", "klingon")
    assert saved.returncode == 2 and "use en or it" in saved.stderr


def test_resume_keeps_the_jobs_locale(cat: tuple[Path, dict[str, str], Path]) -> None:
    folder, h, dest = cat
    cancel = threading.Event()
    cancel.set()  # stopped before its first asset: everything is left to resume
    with Catalog.open(folder) as catalog:
        job = ExportJob((h["a.png"], h["b.png"]), Fmt.ORIG, destination=dest, locale="it")
        cancelled = run(plan(job, catalog), catalog, RunOptions(cancel=cancel))
    assert cancelled.state == "cancelled"
    listed = exportgui("--catalog", folder, "jobs", "list")
    assert "cancelled" in listed.stdout  # the list of every job: the user's language (English)
    resumed = exportgui("--catalog", folder, "jobs", "resume", cancelled.job_handle)
    assert resumed.returncode == 0, resumed.stderr
    assert f"processo {cancelled.job_handle} completato: 2 file scritti" in resumed.stdout
    again = exportgui("--catalog", folder, "jobs", "show", cancelled.job_handle, "--json")
    assert json.loads(again.stdout)["job"]["locale"] == "it"


def test_a_preset_keeps_its_locale(cat: tuple[Path, dict[str, str], Path]) -> None:
    folder, h, dest = cat
    saved = exportgui("presets", "save", "italiano", "--fmt", "orig", "--locale", "it_IT")
    assert saved.returncode == 0, saved.stderr
    shown = exportgui("presets", "show", "italiano", "--json")
    assert '"locale": "it"' in shown.stdout
    done = exportgui("--catalog", folder, "export", h["a.png"], "--preset", "italiano", "--dest",
                     dest)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "completato: 1 file scritto" in done.stdout
