"""The job's locale: its log messages, its counts in words and its mail are written in it."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.config import MailSettings
from exportgui.config.i18n import set_language
from exportgui.jobs import (
    ConflictPolicy,
    EmailSetting,
    ExportJob,
    Fmt,
    JobLogStore,
    RunOptions,
    plan,
    run,
    validate,
)
from exportgui.jobs.job_dict import job_from_dict, job_to_dict
from exportgui.jobs.model import LogType
from exportgui.jobs.presets import Preset, PresetError, combine
from exportgui.jobs.report import joblog_lines, summary_line
from exportgui.jobs.tally import tally, tally_words
from tests.helpers import import_files, make_image
from tests.smtp_server import free_port, smtp_server


def _job(library: dict[str, str], dest: Path, locale: str, **changes: object) -> ExportJob:
    """b.png twice (the second is skipped as listed twice), a.jpg, and the Spin Set (refused)."""
    handles = (library["b.png"], library["b.png"], library["a.jpg"], library["turntable"])
    job = ExportJob(handles, Fmt.ORIG, destination=dest, name="web", locale=locale)
    return replace(job, **changes)  # type: ignore[arg-type]


def test_an_italian_job_logs_its_messages_and_counts_in_italian(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    (dest / "a.jpg").write_bytes(b"there before")
    job = _job(library, dest, "it", conflict=ConflictPolicy.SKIP)
    log = run(plan(job, catalog), catalog)
    messages = [d.message for d in log.details]
    assert "saltato: a.jpg esiste già nella destinazione" in messages
    assert "già in questo processo: esportata una volta sola" in messages
    assert "ExportJob non supporta Set 360 gradi" in messages
    # The Italian notes are still told apart: what became of each asset is counted right.
    counts = tally(JobLogStore(catalog).get(log.job_handle))
    assert (counts.written, counts.skipped_existing, counts.skipped_twice, counts.failed) == (
        1, 1, 1, 1,
    )  # fmt: skip
    words = tally_words(counts)
    assert (
        words
        == "1 file written · 2 skipped (1 already in the destination, 1 listed twice) · 1 failed"
    )
    set_language("it")
    try:
        assert summary_line(log) == (
            f"processo {log.job_handle} completato: 1 file scritto · 2 saltati "
            f"(1 già nella destinazione, 1 elencato due volte) · 1 non riuscito → {dest}"
        )
        assert "4 risorse: 1 file scritto" in "\n".join(joblog_lines(log))
    finally:
        set_language("")


def test_an_english_job_logs_what_it_always_did(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    (dest / "a.jpg").write_bytes(b"there before")
    log = run(plan(_job(library, dest, "en", conflict=ConflictPolicy.SKIP), catalog), catalog)
    messages = [d.message for d in log.details]
    assert "skipped: a.jpg already exists in the destination" in messages
    assert "ExportJob does not export Spin Sets" in messages
    assert summary_line(log).startswith(f"job {log.job_handle} completed: 1 file written")


def _spawned_processes(workers: int) -> Executor:
    """A process pool whose workers start afresh: nothing of this process's state."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


@pytest.mark.parametrize("pool_type", [ThreadPoolExecutor, _spawned_processes])
def test_a_worker_writes_in_the_jobs_language(
    pool_type: Callable[[int], Executor], catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    """A worker thread or process (which knows only the user's language) gets the job's."""
    job = ExportJob((library["b.png"],), Fmt.ORIG, destination=dest, locale="it")
    planned = plan(job, catalog)
    catalog.original_path(library["b.png"]).unlink()  # the copy fails on the worker
    with pool_type(1) as pool:
        log = run(planned, catalog, RunOptions(executor=pool))
    (detail,) = log.details
    assert detail.log_type is LogType.ERROR
    assert detail.message.startswith("impossibile leggere l'originale archiviato di b:"), detail


def test_the_plan_of_an_italian_job_gives_its_reasons_in_italian(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    outputs = plan(_job(library, dest, "it"), catalog).outputs
    assert outputs[0].reason == "byte originali, invariati"
    assert outputs[1].reason == "elencata due volte"
    english = plan(_job(library, dest, ""), catalog).outputs  # the user's language: English here
    assert english[0].reason == "original bytes, unchanged"


def test_the_locale_is_stored_only_when_set_and_read_back(tmp_path: Path) -> None:
    job = ExportJob(("h",), Fmt.ORIG, destination=tmp_path)
    assert "locale" not in job_to_dict(job)  # documents written before stay identical
    italian = replace(job, locale="it")
    assert job_to_dict(italian)["locale"] == "it"
    assert job_from_dict(job_to_dict(italian)) == italian
    assert job_from_dict({**job_to_dict(job), "locale": "it_IT"}).locale == "it"
    with pytest.raises(ValueError, match="en or it"):
        job_from_dict({**job_to_dict(job), "locale": "xx"})


def test_an_unsupported_locale_is_an_invalid_job(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    problems = validate(_job(library, dest, "xx"), catalog)
    (problem,) = [p for p in problems if p.field == "locale"]
    assert problem.is_error and problem.message == "unknown locale 'xx'; use en or it"


def test_the_mail_of_an_italian_job_is_in_italian(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    mail = MailSettings(smtp_url="", sender="exports@example.com", recipients=["d@example.com"])
    job = _job(library, dest, "it", email_setting=EmailSetting.ALL)
    with smtp_server() as (box, url):
        log = run(plan(job, catalog), catalog, RunOptions(mail=replace(mail, smtp_url=url)))
    assert log.notification_warning is None
    start, end = box.messages
    assert start["Subject"] == "[exportgui] processo 'web' avviato: 4 risorse"
    assert "Riceverai un altro messaggio al termine del processo." in start.get_content()
    assert end["Subject"] == (
        "[exportgui] processo 'web' completato: 2 file scritti · 1 saltato: "
        "elencato due volte · 1 non riuscito"
    )
    body = end.get_content()
    assert "Risorse:      4 nel processo; 2 file scritti" in body
    assert "Errore   turntable" in body and "ExportJob non supporta Set 360 gradi" in body
    assert "Processo:     web (" in body and "Esportazione: file originali in" in body


def test_an_italian_jobs_problems_are_in_italian(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = _job(library, dest, "it", destination=None, fmt=Fmt.CONVERT)
    messages = [p.message for p in validate(job, catalog)]
    assert "scegli una cartella di destinazione" in messages
    assert (
        "ExportJob non supporta Set 360 gradi: 1 risorsa selezionata verrà registrata come errore"
    ) in messages
    assert "alcune risorse sono selezionate due volte; ognuna viene esportata una volta sola" in (
        messages
    )
    english = {p.field: p.message for p in validate(replace(job, locale="en"), catalog)}
    assert english["destination"] == "choose a destination folder"


def test_an_italian_jobs_mail_failure_is_noted_in_italian(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    url = f"smtp://127.0.0.1:{free_port()}"
    mail = MailSettings(smtp_url=url, sender="a@example.com", recipients=["b@example.com"])
    job = ExportJob((library["b.png"],), Fmt.ORIG, destination=dest, locale="it",
                    email_setting=EmailSetting.ERROR_AND_WARNING)  # fmt: skip
    job = replace(job, asset_handles=(library["b.png"], library["turntable"]))
    log = run(plan(job, catalog), catalog, RunOptions(mail=mail))
    assert log.notification_warning is not None
    assert log.notification_warning.startswith(
        "la notifica di fine processo non è stata inviata: "
        "impossibile raggiungere il server di posta smtp://127.0.0.1:"
    ), log.notification_warning


def test_presets_of_one_job_agree_about_its_locale() -> None:
    def preset(name: str, locale: str) -> Preset:
        return Preset(name, ExportJob((), Fmt.CONVERT, "wid=40", locale=locale))

    assert combine([preset("web", "it"), preset("thumb", "")]).locale == "it"
    with pytest.raises(PresetError, match=r"disagree about the locale \(it and en\)"):
        combine([preset("web", "it"), preset("thumb", "en")])
    assert combine([preset("web", "it"), preset("thumb", "en")], settled={"locale"}).renditions


# --- the Image Serving engine's words ----------------------------------------------------


def test_an_italian_plan_says_where_the_format_came_from_in_italian(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob(
        (library["b.png"],), Fmt.CONVERT, "fmt=png", macro="test", destination=dest, locale="it"
    )
    [out] = plan(job, catalog).outputs
    assert (
        out.reason == "la macro $test$ imposta fmt=tif; fmt=png del modificatore viene sostituito"
    )
    [english] = plan(replace(job, locale="en"), catalog).outputs
    assert english.reason == "macro $test$ sets fmt=tif; the modifier's fmt=png is overridden"


def test_an_italian_plan_names_every_overridden_fmt_in_italian(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob(
        (library["b.png"],), Fmt.CONVERT, "fmt=gif&fmt=png", macro="test", destination=dest
    )
    [out] = plan(replace(job, locale="it"), catalog).outputs
    assert out.reason == (
        "la macro $test$ imposta fmt=tif; fmt=gif del modificatore e "
        "fmt=png del modificatore vengono sostituiti"
    )
    [english] = plan(job, catalog).outputs
    assert english.reason == (
        "macro $test$ sets fmt=tif; the modifier's fmt=gif and "
        "the modifier's fmt=png are overridden"
    )


def test_an_italian_plan_explains_a_capped_size_in_italian(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = import_files(catalog, [make_image(sources / "big.png", (1600, 800))])
    job = ExportJob((handles["big.png"],), Fmt.CONVERT, destination=dest, locale="it")
    [out] = plan(job, catalog).outputs
    assert out.reason == (
        "nessun fmt indicato: JPEG, il formato predefinito di Image Serving; "
        "1600×800 → 1280×640: DefaultPix 1280,1280 limita le risposte senza wid/hei"
    )
    catalog.set_attribute("MaxPix", "2000,2000")
    [capped] = plan(replace(job, is_modifier="wid=1600&dpr=on,2"), catalog).outputs
    assert capped.reason.endswith(
        "3200×1600 → 2000×1000: MaxPix 2000,2000 limita la risposta di wid/hei × dpr"
    )


def test_an_italian_jobs_modifier_errors_are_in_italian_at_the_same_places(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    modifier = "wid=abc&hei=10&zzz=1&fmt=pnx"
    job = ExportJob((library["a.jpg"],), Fmt.CONVERT, modifier, destination=dest, locale="it")
    italian = [p for p in validate(job, catalog) if p.field == "is_modifier"]
    english = [p for p in validate(replace(job, locale="en"), catalog) if p.field == "is_modifier"]
    assert [(p.position, p.length) for p in italian] == [(0, 7), (15, 5), (21, 7)]
    assert [(p.position, p.length) for p in english] == [(0, 7), (15, 5), (21, 7)]
    assert [p.message for p in italian] == [
        "'wid=abc' alla posizione 1: wid deve essere un numero intero maggiore di 0, non 'abc'",
        "'zzz=1' alla posizione 16: comando sconosciuto 'zzz'",
        "'fmt=pnx' alla posizione 22: formato sconosciuto 'pnx' (forse intendevi png?)",
    ]
    assert (
        english[0].message
        == "'wid=abc' at position 1: wid must be a whole number above 0, not 'abc'"
    )


def test_an_italian_macro_fields_error_drops_the_position_it_cannot_show(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    """The macro field shows no position in the combined string, in Italian as in English."""
    catalog.set_macro("broken", "fmt=png&wid=-3")
    job = ExportJob((library["a.jpg"],), Fmt.CONVERT, "hei=5", "broken", destination=dest)
    [italian] = validate(replace(job, locale="it"), catalog)
    [english] = validate(job, catalog)
    assert (italian.field, italian.position, italian.length) == ("macro", 0, 6)
    assert (english.field, english.position, english.length) == ("macro", 0, 6)
    assert italian.message == (
        "'wid=-3' nella macro $broken$ alla posizione 9 (usata da $broken$): "
        "wid deve essere un numero intero maggiore di 0, non '-3'"
    )
    assert english.message == (
        "'wid=-3' in macro $broken$ at position 9 (used by $broken$): "
        "wid must be a whole number above 0, not '-3'"
    )
    [unknown] = validate(replace(job, macro="$nope$", locale="it"), catalog)
    assert unknown.message == "nessuna macro chiamata 'nope' è definita"


def test_an_italian_plan_refuses_a_too_large_reply_in_italian(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    catalog.set_attribute("MaxPix", "100,100")
    job = ExportJob((library["b.png"],), Fmt.CONVERT, "wid=500", destination=dest, locale="it")
    [out] = plan(job, catalog).outputs
    assert out.status is LogType.ERROR
    assert "la risposta sarebbe 500×500, oltre MaxPix 100,100 (0 = nessun limite)" in out.message


def test_an_italian_jobs_name_template_mistake_is_in_italian_at_the_same_place(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = replace(_job(library, dest, "it"), name_template="{name}_{size}.{ext}")
    [italian] = [p for p in validate(job, catalog) if p.field == "name_template"]
    [english] = [
        p for p in validate(replace(job, locale="en"), catalog) if p.field == "name_template"
    ]
    assert italian.message.startswith("segnaposto sconosciuto {size} alla posizione 8")
    assert english.message.startswith("unknown token {size} at position 8")
    assert (italian.position, italian.length) == (english.position, english.length) == (7, 6)
