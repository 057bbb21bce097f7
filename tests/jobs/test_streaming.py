"""A run reads its work as it goes: the job's size does not decide what the run holds.

The plan's outputs (or, on resume, the job log's) are read a chunk at a time
with their assets; the log a run returns reads its details from the job log;
a mail lists a bounded number of outputs. Each test shrinks the chunk or the
page so that a small job crosses many of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from exportgui.catalog import Asset, Catalog
from exportgui.config import MailSettings
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
)
from exportgui.jobs import joblog as joblog_module
from exportgui.jobs import notify as notify_module
from exportgui.jobs import runner as runner_module
from exportgui.jobs.execute import run_job_items
from exportgui.jobs.joblog import StoredDetails
from exportgui.jobs.model import PlannedOutput, Rendition
from tests.helpers import export_files, import_files, make_image
from tests.smtp_server import smtp_server

COUNT = 40


@pytest.fixture
def handles(catalog: Catalog, sources: Path) -> list[str]:
    files = [make_image(sources / f"p{i:03d}.png", (12, 8), i) for i in range(COUNT)]
    found = import_files(catalog, files)
    return [found[f.name] for f in files]


class Watching(Executor):
    """Runs tasks on a thread; notes, at each task, how many outputs the run had read so far."""

    def __init__(self, read: Callable[[], int]) -> None:
        self.inner = ThreadPoolExecutor(max_workers=2)
        self.read = read
        self.read_at_submit: list[int] = []
        self.batches: list[list[tuple[str, str]]] = []  # (asset source, final name) per task

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.read_at_submit.append(self.read())
        self.batches.append([(str(t.source), t.final.name) for t in args[0]])
        return self.inner.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.inner.shutdown(wait, cancel_futures=cancel_futures)


def _counting(
    items: list[tuple[int, PlannedOutput]],
) -> tuple[Iterator[tuple[int, PlannedOutput]], Callable[[], int]]:
    read = 0

    def each() -> Iterator[tuple[int, PlannedOutput]]:
        nonlocal read
        for item in items:
            read += 1
            yield item

    return each(), lambda: read


def test_a_run_reads_its_outputs_and_their_assets_a_chunk_at_a_time(
    catalog: Catalog, handles: list[str], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner_module, "_CHUNK", 8)
    fetched: list[int] = []
    fetch = runner_module.JobRun.catalog_assets

    def counted(self: runner_module.JobRun, wanted: list[str]) -> dict[str, Asset]:
        fetched.append(len(wanted))
        return fetch(self, wanted)

    monkeypatch.setattr(runner_module.JobRun, "catalog_assets", counted)
    job = ExportJob(tuple(handles), Fmt.CONVERT, "wid=6&fmt=png", destination=dest)
    planned = plan(job, catalog)
    store = JobLogStore(catalog)
    log = store.create(planned)
    items, read = _counting(list(enumerate(planned.outputs)))
    executor = Watching(read)
    final = run_job_items(
        store, log, catalog, items, len(planned.outputs), RunOptions(executor=executor)
    )
    executor.shutdown()
    assert (final.state, final.file_success_count) == ("completed", COUNT)
    assert export_files(dest) == sorted(f"p{i:03d}.png" for i in range(COUNT))
    assert executor.read_at_submit[0] <= 8 + 1  # one chunk (and the next output, to end it)
    assert max(fetched) <= 8 and sum(fetched) == COUNT  # each asset fetched once, by chunk


def test_a_chunk_never_splits_the_renditions_of_an_asset(
    catalog: Catalog, handles: list[str], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner_module, "_CHUNK", 3)  # an odd chunk: 3 outputs end mid-asset
    renditions = (
        Rendition("big", Fmt.CONVERT, "wid=8&fmt=png"),
        Rendition("small", Fmt.CONVERT, "wid=4&fmt=png"),
    )
    job = ExportJob(tuple(handles[:9]), destination=dest).with_renditions(renditions)
    planned = plan(job, catalog)
    store = JobLogStore(catalog)
    log = store.create(planned)
    items, read = _counting(list(enumerate(planned.outputs)))
    executor = Watching(read)
    final = run_job_items(store, log, catalog, items, 18, RunOptions(executor=executor))
    executor.shutdown()
    assert (final.state, final.file_success_count) == ("completed", 18)
    assert len(executor.batches) == 9  # one task per asset, holding both its renditions
    assert all(len({source for source, _name in batch}) == 1 for batch in executor.batches)
    assert all(len(batch) == 2 for batch in executor.batches)


def test_the_log_a_run_returns_reads_its_details_from_the_job_log(
    catalog: Catalog, handles: list[str], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(joblog_module, "_PAGE", 7)
    job = ExportJob((*handles, "no-such-asset"), Fmt.ORIG, destination=dest)
    log = run(plan(job, catalog), catalog, RunOptions(workers=2))
    assert isinstance(log.details, StoredDetails)
    assert len(log.details) == COUNT + 1
    stored = JobLogStore(catalog).get(log.job_handle)  # every detail, read at once
    assert list(log.details) == list(stored.details) and log.details == stored.details
    assert [d.log_type for d in log.details].count(LogType.ERROR) == 1
    assert log.details[-1].asset_handle == "no-such-asset"
    assert log.job is not None and log.job.asset_handles == job.asset_handles


def test_resume_reads_the_job_log_a_page_at_a_time(
    catalog: Catalog, handles: list[str], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(joblog_module, "_PAGE", 5)
    monkeypatch.setattr(runner_module, "_CHUNK", 4)
    job = ExportJob(tuple(handles), Fmt.ORIG, destination=dest)
    log = run(plan(job, catalog), catalog, RunOptions(workers=2))
    store = JobLogStore(catalog)
    undone = list(range(0, COUNT, 3))  # every third output, across pages, as if never done
    for seq in undone:
        item = next(i for i in store.items(log.job_handle) if i.seq == seq)
        assert item.output is not None
        item.output.unlink()
        store.record(log.job_handle, seq, None)
    store.finish(log.job_handle, "cancelled")
    final = resume(log.job_handle, catalog, options=RunOptions(workers=2))
    assert (final.state, final.file_success_count, len(final.details)) == (
        "completed",
        COUNT,
        COUNT,
    )
    assert export_files(dest) == sorted(f"p{i:03d}.png" for i in range(COUNT))
    assert sorted(p.name for p in dest.iterdir()) == export_files(dest)  # nothing hidden left


def test_a_mail_lists_a_bounded_number_of_outputs(
    catalog: Catalog, handles: list[str], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notify_module, "MAIL_LISTED", 3)
    job = ExportJob(tuple(handles[:8]), Fmt.ORIG, destination=dest, email_setting=EmailSetting.ALL)
    with smtp_server() as (box, url):
        mail = MailSettings(smtp_url=url, sender="a@example.com", recipients=["b@example.com"])
        log = run(plan(job, catalog), catalog, RunOptions(mail=mail))
    body = box.messages[-1].get_content()
    listed = [h for h in handles[:8] if h in body]
    assert listed == handles[:3]
    assert f"… and 5 more: exportgui jobs show {log.job_handle}" in body
    assert "8 in the job" in body
