"""Jobs on a real Dask LocalCluster of worker processes: same outputs, exactly once, cancel."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt, JobLogStore, LogType, Progress, RunOptions, plan, run
from exportgui.jobs.cluster import Cluster, ClusterError, PathMap, connect, parse_address
from exportgui.jobs.resume import resume
from tests.helpers import SLOW_MODIFIER, export_files, import_files, make_image, noise_images

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """Two worker processes for the whole module: starting them takes seconds."""
    started = connect("local:2")
    started.client.wait_for_workers(2)
    try:
        yield started
    finally:
        started.close()


def _on(cluster: Cluster, job: ExportJob, catalog: Catalog, **options: object) -> RunOptions:
    """Probe like the command line does, then run options for the cluster."""
    first = catalog.original_path(job.asset_handles[0])
    assert job.destination is not None
    cluster.probe(first, Path(job.destination))
    return RunOptions(executor=cluster.executor(), **options)  # type: ignore[arg-type]


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
