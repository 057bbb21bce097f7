"""Jobs on a real Dask LocalCluster of worker processes: same outputs, exactly once, cancel."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import pytest
from PIL import Image

from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt, JobLogStore, LogType, Progress, RunOptions, plan, run
from exportgui.jobs.cluster import (
    LOCAL_SETTINGS,
    NO_WORKERS_GRACE_S,
    Cluster,
    ClusterError,
    ClusterExecutor,
    PathMap,
    connect,
    parse_address,
    sample_original,
)
from exportgui.jobs.resume import resume
from tests.helpers import SLOW_MODIFIER, export_files, import_files, make_image, noise_images


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """Two worker processes for the whole module: starting them takes seconds.

    Tests scale it to 0 and back, which reuses the workers' names; Dask closes
    the nanny of a name still missing 15 s after its worker left
    (lost-worker-timeout), so a later test whose killed workers are restarting
    then could lose one for good. Here no worker is given up: each test waits
    for its workers itself.
    """
    with dask.config.set({"distributed.deploy.lost-worker-timeout": "1h"}):
        started = connect("local:2")
        started.client.wait_for_workers(2)
        try:
            yield started
        finally:
            started.close()


def _on(
    cluster: Cluster,
    job: ExportJob,
    catalog: Catalog,
    no_workers_grace_s: float = NO_WORKERS_GRACE_S,
    **options: object,
) -> RunOptions:
    """Probe like the command line does, then run options for the cluster."""
    first = catalog.original_path(job.asset_handles[0])
    assert job.destination is not None
    cluster.probe(first, Path(job.destination))
    executor = cluster.executor(no_workers_grace_s=no_workers_grace_s)
    return RunOptions(executor=executor, **options)  # type: ignore[arg-type]


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in export_files(folder)}


def test_convert_job_gives_the_same_bytes_as_the_local_pool(
    cluster: Cluster, catalog: Catalog, sources: Path, tmp_path: Path
) -> None:
    handles = noise_images(catalog, sources, 6, (96, 64))
    local, remote = tmp_path / "local", tmp_path / "remote"
    local.mkdir()
    remote.mkdir()
    job = ExportJob(tuple(handles), Fmt.CONVERT, "wid=40&fmt=png", destination=local)
    here = run(plan(job, catalog), catalog, RunOptions(workers=2))
    job = ExportJob(tuple(handles), Fmt.CONVERT, "wid=40&fmt=png", destination=remote)
    there = run(plan(job, catalog), catalog, _on(cluster, job, catalog))
    assert (here.state, there.state) == ("completed", "completed")
    assert there.file_success_count == 6
    assert _files(remote) == _files(local)
    assert len(_files(remote)) == 6


def test_orig_job_in_batches_gives_the_same_bytes_as_the_local_pool(
    cluster: Cluster, catalog: Catalog, sources: Path, tmp_path: Path
) -> None:
    files = [make_image(sources / f"f{i:03d}.png", (20, 12), i) for i in range(70)]
    found = import_files(catalog, files)
    handles = tuple(found[f.name] for f in files)
    local, remote = tmp_path / "local", tmp_path / "remote"
    local.mkdir()
    remote.mkdir()
    here = run(
        plan(ExportJob(handles, Fmt.ORIG, destination=local), catalog),
        catalog,
        RunOptions(workers=2),
    )
    job = ExportJob(handles, Fmt.ORIG, destination=remote)
    there = run(plan(job, catalog), catalog, _on(cluster, job, catalog))
    assert there.file_success_count == 70 == here.file_success_count
    assert _files(remote) == _files(local)


def _tasks_held(dask_scheduler: Any) -> int:
    """On the scheduler: how many tasks it holds."""
    return len(dask_scheduler.tasks)


def _workers_back(cluster: Cluster) -> None:
    """Two workers again, started with local:N's settings (a nanny sets its environment here)."""
    assert cluster.local is not None
    with dask.config.set(LOCAL_SETTINGS):
        cluster.local.scale(2)
        cluster.client.wait_for_workers(2)


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.startswith(".")]


def test_a_worker_killed_mid_job_still_gives_one_output_per_asset(
    cluster: Cluster, catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = noise_images(catalog, sources, 16, (300, 300))
    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    pids = cluster.worker_pids()
    killed: list[str] = []

    def kill_a_busy_worker() -> None:
        # Once both workers write a file (each render half-way), one of them is killed outright.
        while not killed:
            busy = [w for w, keys in cluster.client.processing().items() if keys and w in pids]
            if busy and len(_leftovers(dest)) >= 2:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    killer.start()
    try:
        log = run(plan(job, catalog), catalog, _on(cluster, job, catalog))
    finally:
        killed.append("")  # the job is over: stop looking
        killer.join()
    cluster.client.wait_for_workers(2)
    assert killed[0], "no worker was killed while writing"
    assert [d.message for d in log.details if d.message] == []
    assert log.state == "completed" and log.file_success_count == 16
    assert export_files(dest) == sorted(f"noise{i:03d}.png" for i in range(16))
    assert _leftovers(dest) == []
    assert {d.output for d in log.details} == {dest / f"noise{i:03d}.png" for i in range(16)}


def test_cancel_stops_the_cluster_tasks_and_resume_finishes_locally(
    cluster: Cluster, catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = noise_images(catalog, sources, 24, (200, 150))
    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    cancel = threading.Event()

    def progress(p: Progress) -> None:
        if p.done >= 2:
            cancel.set()

    log = run(
        plan(job, catalog), catalog, _on(cluster, job, catalog, cancel=cancel, progress=progress)
    )
    assert log.state == "cancelled"
    done = export_files(dest)
    assert 2 <= len(done) < 24
    assert _leftovers(dest) == []
    finished = resume(log.job_handle, catalog)
    assert finished.state == "completed" and finished.file_success_count == 24
    assert export_files(dest) == sorted(f"noise{i:03d}.png" for i in range(24))
    assert _leftovers(dest) == []


def test_a_cancel_reaches_the_workers_that_join_after_it(
    cluster: Cluster, catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = noise_images(catalog, sources, 6, (300, 300))
    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    local = cluster.local
    assert local is not None
    cancel = threading.Event()
    options = _on(cluster, job, catalog, cancel=cancel)
    local.scale(0)  # the tasks wait at the scheduler until workers join, after the cancel
    executor = options.executor
    assert isinstance(executor, ClusterExecutor)

    def cancel_then_add_workers() -> None:
        while not cluster.client.run_on_scheduler(_tasks_held):
            time.sleep(0.01)
        cancel.set()
        while not executor._raised:  # the cancel went out (to no worker)
            time.sleep(0.01)
        _workers_back(cluster)

    helper = threading.Thread(target=cancel_then_add_workers, daemon=True)
    try:
        while cluster.client.scheduler_info()["n_workers"]:
            time.sleep(0.01)
        helper.start()
        log = run(plan(job, catalog), catalog, options)
    finally:
        helper.join()
        _workers_back(cluster)
    assert log.state == "cancelled" and log.file_success_count == 0
    assert os.listdir(dest) == []


def test_a_destination_a_worker_cannot_reach_is_refused_up_front(
    cluster: Cluster, catalog: Catalog, sources: Path, dest: Path, tmp_path: Path
) -> None:
    handles = noise_images(catalog, sources, 2, (20, 20))
    original = catalog.original_path(handles[0])
    unreachable = Cluster(
        cluster.address, cluster.client, None, PathMap.parse([f"{dest}={tmp_path}/not-mounted"])
    )
    with pytest.raises(ClusterError) as refused:
        unreachable.probe(original, dest)
    message = str(refused.value)
    assert "worker tcp://127.0.0.1:" in message
    assert f"cannot write in the destination {tmp_path}/not-mounted" in message
    store = PathMap.parse([f"{original.parent}={tmp_path}/no-store"])
    with pytest.raises(ClusterError, match=r"worker tcp://.*cannot read the original .*no-store"):
        Cluster(cluster.address, cluster.client, None, store).probe(original, dest)
    assert export_files(dest) == []


def test_an_original_missing_here_too_fails_its_asset_as_locally_not_the_probe(
    cluster: Cluster, catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = noise_images(catalog, sources, 3, (20, 20))
    catalog.original_path(handles[0]).unlink()  # the store lost it: no worker is to blame
    sample = sample_original(catalog, handles)
    assert sample == catalog.original_path(handles[1])
    cluster.probe(sample, dest)
    job = ExportJob(tuple(handles), Fmt.ORIG, destination=dest)
    log = run(plan(job, catalog), catalog, RunOptions(executor=cluster.executor()))
    assert log.state == "completed"
    assert [d.log_type for d in log.details].count(LogType.SUCCESS) == 2
    assert export_files(dest) == ["noise001.png", "noise002.png"]
    assert _leftovers(dest) == []


def test_a_cluster_that_goes_away_stops_the_job_and_resume_finishes_it_on_another(
    cluster: Cluster, catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = noise_images(catalog, sources, 24, (200, 150))
    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    doomed = connect("local:1")
    try:

        def progress(p: Progress) -> None:
            if p.done >= 2 and doomed.local is not None:
                doomed.local.close()  # the scheduler and its worker go away

        log = run(plan(job, catalog), catalog, _on(doomed, job, catalog, progress=progress))
    finally:
        doomed.close()
    assert log.state == "failed"
    assert (
        log.fatal_error is not None
        and "lost the connection to the local cluster" in log.fatal_error
    )
    assert _leftovers(dest) == []
    assert len(export_files(dest)) < 24
    finished = resume(log.job_handle, catalog, options=_on(cluster, job, catalog))
    assert finished.state == "completed" and finished.file_success_count == 24
    assert export_files(dest) == sorted(f"noise{i:03d}.png" for i in range(24))
    assert _leftovers(dest) == []
    assert [d.log_type for d in JobLogStore(catalog).get(log.job_handle).details] == [
        LogType.SUCCESS
    ] * 24


def test_workers_that_all_die_and_come_back_within_the_grace_period_finish_the_job(
    cluster: Cluster, catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = noise_images(catalog, sources, 16, (300, 300))
    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    pids = cluster.worker_pids()
    killed: list[bool] = []

    def kill_every_worker() -> None:
        # Once both workers write a file, both are killed: the cluster has none until their
        # nannies start new ones, well within the grace period.
        while not killed:
            if len(_leftovers(dest)) >= 2:
                for pid in pids.values():
                    os.kill(pid, signal.SIGKILL)
                killed.append(True)

    killer = threading.Thread(target=kill_every_worker, daemon=True)
    killer.start()
    try:
        log = run(plan(job, catalog), catalog, _on(cluster, job, catalog))
    finally:
        killed.append(False)  # the job is over: stop looking
        killer.join()
    cluster.client.wait_for_workers(2)
    assert killed[0], "the workers were not killed while writing"
    assert log.fatal_error is None
    assert log.state == "completed" and log.file_success_count == 16
    assert sorted(os.listdir(dest)) == sorted(f"noise{i:03d}.png" for i in range(16))


def test_a_cluster_left_without_workers_stops_the_job_and_resume_finishes_it_locally(
    cluster: Cluster, catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = noise_images(catalog, sources, 24, (200, 150))
    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    local = cluster.local
    assert local is not None
    left: list[int] = []

    def progress(p: Progress) -> None:
        if p.done >= 2 and not left:
            left.append(p.done)
            local.scale(0)  # every worker leaves for good; the scheduler stays up

    try:
        log = run(
            plan(job, catalog),
            catalog,
            _on(cluster, job, catalog, no_workers_grace_s=0.5, progress=progress),
        )
        # Its tasks are cancelled on the cluster too: the workers that come back run none.
        deadline = time.monotonic() + 30
        while cluster.client.run_on_scheduler(_tasks_held) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert cluster.client.run_on_scheduler(_tasks_held) == 0
    finally:
        _workers_back(cluster)
    assert left, "the workers never left"
    assert log.state == "failed", (log.state, log.fatal_error, export_files(dest))
    assert log.fatal_error == (
        "stopped: the local cluster has had no workers for 0.5 s; "
        "finish the job with: exportgui jobs resume"
    )
    visible = [name for name in os.listdir(dest) if not name.startswith(".")]
    assert 2 <= len(visible) < 24
    for name in visible:
        with Image.open(dest / name) as image:
            image.load()  # each placed file is whole
    # A worker leaving tells the scheduler before its last task ends: that task may still
    # leave its file under a hidden name, which resume removes, as after a lost connection.
    finished = resume(log.job_handle, catalog)
    assert finished.state == "completed" and finished.file_success_count == 24
    assert sorted(os.listdir(dest)) == sorted(f"noise{i:03d}.png" for i in range(24))
    assert [d.log_type for d in JobLogStore(catalog).get(log.job_handle).details] == [
        LogType.SUCCESS
    ] * 24


def test_a_cancel_while_the_cluster_has_no_workers_stops_the_job_at_once(
    cluster: Cluster, catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = noise_images(catalog, sources, 24, (200, 150))
    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    local = cluster.local
    assert local is not None
    cancel = threading.Event()

    def progress(p: Progress) -> None:
        if p.done >= 2 and not cancel.is_set():
            local.scale(0)
            deadline = time.monotonic() + 30
            while cluster.client.scheduler_info()["workers"] and time.monotonic() < deadline:
                time.sleep(0.02)
            cancel.set()  # nobody left to see it: the tasks in flight wait for no one

    try:
        # A grace of an hour: only the cancel can end this run before the test's timeout.
        options = _on(cluster, job, catalog, 3600, progress=progress, cancel=cancel)
        log = run(plan(job, catalog), catalog, options)
    finally:
        _workers_back(cluster)
    assert cancel.is_set(), "the job never got to cancel"
    assert (log.state, log.fatal_error) == ("cancelled", None)
    placed = export_files(dest)
    assert 2 <= len(placed) < 24
    assert sorted(os.listdir(dest)) == placed  # nothing hidden, no partial file
    finished = resume(log.job_handle, catalog)
    assert finished.state == "completed" and finished.file_success_count == 24


def test_local_workers_keep_the_allocator_s_adaptive_threshold(cluster: Cluster) -> None:
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_, which makes every decoded image fresh pages.
    seen = cluster.client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_")
    assert len(seen) == 2 and set(seen.values()) == {None}


def test_addresses_are_checked() -> None:
    assert parse_address(" local:3 ") == "local:3"
    assert parse_address("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    for wrong in ("local:0", "local:x", "10.0.0.5:8786", "tcp://host", "http://h:1"):
        with pytest.raises(ValueError, match=r"local:N|port"):
            parse_address(wrong)
    with pytest.raises(ValueError, match="HERE=THERE"):
        PathMap.parse(["/a"])
    with pytest.raises(ValueError, match="absolute"):
        PathMap.parse(["a=/b"])
    assert PathMap.parse(["/data/=/mnt/data"]).there(Path("/data/x/y.png")) == Path(
        "/mnt/data/x/y.png"
    )
    assert PathMap.parse(["/data=/mnt/data"]).there(Path("/database/y")) == Path("/database/y")
