"""``export`` and ``jobs resume`` with ``--cluster`` in a subprocess: a LocalCluster, refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from exportgui.catalog import Catalog
from exportgui.cli.job_cmds import _running_on
from exportgui.config.i18n import use_language
from exportgui.jobs import ExportJob, Fmt, JobLog, JobLogStore, Progress, RunOptions, plan, run
from tests.helpers import (
    REPOSITORY,
    SLOW_MODIFIER,
    export_files,
    exportgui,
    import_files,
    make_image,
    noise_images,
)

_WITHOUT_DISTRIBUTED = """
import runpy, sys
sys.modules["distributed"] = None  # importing it raises ImportError, as without the extra
sys.argv[0] = "exportgui"
runpy.run_module("exportgui", run_name="__main__")
"""


def _catalog(tmp_path: Path) -> tuple[Path, Path]:
    folder, sources = tmp_path / "catalog", tmp_path / "sources"
    with Catalog.open(folder) as catalog:
        files = [make_image(sources / f"p{i}.png", (40, 30), i) for i in range(5)]
        import_files(catalog, files)
    dest = tmp_path / "out"
    dest.mkdir()
    return folder, dest


def test_export_on_a_local_cluster_end_to_end(tmp_path: Path) -> None:
    folder, dest = _catalog(tmp_path)
    done = exportgui(
        "--catalog", folder, "export", "--all", "--fmt", "convert", "--modifier", "wid=20&fmt=png",
        "--dest", dest, "--cluster", "local:2",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "running on 2 workers of local:2" in done.stderr
    assert export_files(dest) == [f"p{i}.png" for i in range(5)]
    assert [p.name for p in dest.iterdir() if p.name.startswith(".")] == []


def test_a_destination_the_workers_cannot_reach_is_an_invalid_job(tmp_path: Path) -> None:
    folder, dest = _catalog(tmp_path)
    elsewhere = tmp_path / "not-mounted"
    done = exportgui(
        "--catalog", folder, "export", "--all", "--fmt", "orig", "--dest", dest,
        "--cluster-path", f"{dest}={elsewhere}",
        env={**os.environ, "EXPORTGUI_CLUSTER": "local:1"},
    )  # fmt: skip
    assert done.returncode == 2
    assert "the cluster cannot run this job: worker tcp://127.0.0.1:" in done.stderr
    assert f"cannot write in the destination {elsewhere}" in done.stderr
    assert export_files(dest) == []


def test_without_the_cluster_extra_the_message_says_what_to_install(tmp_path: Path) -> None:
    folder, dest = _catalog(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_DISTRIBUTED, "--catalog", str(folder), "export", "--all",
         "--fmt", "orig", "--dest", str(dest), "--cluster", "tcp://10.0.0.1:8786"],
        capture_output=True, text=True, check=False, timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "install exportgui[cluster]" in done.stderr
    assert export_files(dest) == []


def test_a_malformed_cluster_address_is_refused(tmp_path: Path) -> None:
    folder, dest = _catalog(tmp_path)
    done = exportgui(
        "--catalog", folder, "export", "--all", "--fmt", "orig", "--dest", dest,
        "--cluster", "scheduler:8786",
    )  # fmt: skip
    assert done.returncode == 2
    assert (
        "--cluster: 'scheduler:8786' is not a scheduler address like tcp://HOST:8786" in done.stderr
    )


def _cancelled_job(tmp_path: Path) -> tuple[Path, Path, JobLog]:
    """A catalog, its destination and a job of 8 renders cancelled after 2 (locally)."""
    folder, dest = tmp_path / "catalog", tmp_path / "out"
    dest.mkdir()
    cancel = threading.Event()

    def progress(p: Progress) -> None:
        if p.done >= 2:
            cancel.set()

    with Catalog.open(folder) as catalog:
        handles = noise_images(catalog, tmp_path / "sources", 8, (200, 150))
        job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
        options = RunOptions(workers=1, cancel=cancel, progress=progress)
        cancelled = run(plan(job, catalog), catalog, options)
    assert cancelled.state == "cancelled" and 2 <= len(export_files(dest)) < 8
    return folder, dest, cancelled


def test_jobs_resume_finishes_a_cancelled_job_on_a_local_cluster(tmp_path: Path) -> None:
    folder, dest, cancelled = _cancelled_job(tmp_path)
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in dest.iterdir()}
    resumed = exportgui(
        "--catalog", folder, "jobs", "resume", cancelled.job_handle, "--cluster", "local:2",
        "--json",
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert "running on 2 workers of local:2" in resumed.stderr
    log = json.loads(resumed.stdout)
    assert log["state"] == "completed" and log["fileSuccessCount"] == 8
    outputs = [d["output"] for d in log["details"]]
    assert len(outputs) == len(set(outputs)) == 8
    # One output per asset, nothing hidden left (no temporary or attempt file).
    assert sorted(os.listdir(dest)) == [f"noise{i:03d}.png" for i in range(8)]
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in dest.iterdir()}
    assert {name: after[name] for name in before} == before  # the done ones were not redone


def test_jobs_resume_on_a_cluster_that_cannot_reach_the_destination_is_refused(
    tmp_path: Path,
) -> None:
    folder, dest, cancelled = _cancelled_job(tmp_path)
    before = sorted(os.listdir(dest))
    elsewhere = tmp_path / "not-mounted"
    refused = exportgui(
        "--catalog", folder, "jobs", "resume", cancelled.job_handle,
        "--cluster-path", f"{dest}={elsewhere}",
        env={**os.environ, "EXPORTGUI_CLUSTER": "local:1"},
    )  # fmt: skip
    assert refused.returncode == 2
    assert "the cluster cannot run this job: worker tcp://127.0.0.1:" in refused.stderr
    assert f"cannot write in the destination {elsewhere}" in refused.stderr
    assert sorted(os.listdir(dest)) == before  # nothing written, nothing hidden
    assert not elsewhere.exists()
    with Catalog.open(folder) as catalog:
        still = JobLogStore(catalog).get(cancelled.job_handle)
    assert still.state == "cancelled"
    assert len(still.details) == len(cancelled.details)


def test_jobs_resume_on_a_cluster_into_a_missing_destination_stops_as_it_does_locally(
    tmp_path: Path,
) -> None:
    folder, dest, cancelled = _cancelled_job(tmp_path)
    away = dest.rename(tmp_path / "away")  # unmounted here too: the workers are not to blame
    resumed = exportgui(
        "--catalog", folder, "jobs", "resume", cancelled.job_handle, "--cluster", "local:1"
    )
    local = exportgui("--catalog", folder, "jobs", "resume", cancelled.job_handle)
    assert (resumed.returncode, local.returncode) == (1, 1)
    problem = f"exportgui: error: stopped: the destination folder {dest} does not exist"
    assert problem in resumed.stderr and problem in local.stderr
    assert "worker tcp:" not in resumed.stderr
    assert not dest.exists()
    assert sorted(os.listdir(away)) == export_files(away)  # nothing hidden left behind


def test_the_worker_count_line_counts_in_words_of_the_job_s_language() -> None:
    assert _running_on(1, "local:1") == "exportgui: running on 1 worker of local:1"
    assert _running_on(2, "local:2") == "exportgui: running on 2 workers of local:2"
    with use_language("it"):
        assert _running_on(2, "local:2") == "exportgui: in esecuzione su 2 worker di local:2"
