"""What became of each asset, counted from real runs: written, replaced, skipped, failed."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.jobs import ConflictPolicy, ExportJob, Fmt, plan, run
from exportgui.jobs.tally import Tally, tally, tally_to_dict, tally_words


@pytest.mark.parametrize(
    ("policy", "expected", "words"),
    [
        (ConflictPolicy.OVERWRITE, Tally(written=2, replaced=1), "2 files written (1 replaced)"),
        (
            ConflictPolicy.RENAME,
            Tally(written=2, renamed=1),
            "2 files written (1 under a new name)",
        ),
        (
            ConflictPolicy.SKIP,
            Tally(written=1, skipped_existing=1),
            "1 file written · 1 skipped: already in the destination",
        ),
    ],
)
def test_each_policy_is_counted_by_what_is_on_disk(
    catalog: Catalog,
    library: dict[str, str],
    dest: Path,
    policy: ConflictPolicy,
    expected: Tally,
    words: str,
) -> None:
    (dest / "a.jpg").write_bytes(b"there before")
    handles = (library["a.jpg"], library["b.png"])
    job = ExportJob(handles, Fmt.ORIG, destination=dest, conflict=policy)
    log = run(plan(job, catalog), catalog)
    assert tally(log) == expected
    assert tally_words(tally(log)) == words


def test_failed_listed_twice_and_not_done_are_counted_apart(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob(
        (library["a.jpg"], library["a.jpg"], library["turntable"], "no-such-asset"),
        Fmt.ORIG,
        destination=dest,
    )
    log = run(plan(job, catalog), catalog)
    counts = tally(log)
    assert counts == Tally(written=1, skipped_twice=1, failed=2)
    assert tally_words(counts) == "1 file written · 1 skipped: listed twice · 2 failed"
    log.total_file_count += 3  # as if three more assets had not been reached
    assert tally_words(tally(log)).endswith(" · 2 failed · 3 not done")
    assert tally_to_dict(tally(log))["notDone"] == 3


def test_both_kinds_of_skip_are_named() -> None:
    counts = Tally(written=0, skipped_existing=2, skipped_twice=1)
    assert tally_words(counts) == (
        "0 files written · 3 skipped (2 already in the destination, 1 listed twice)"
    )
