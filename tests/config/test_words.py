"""Counts read as words: one helper for every message."""

from __future__ import annotations

import pytest

from exportgui.config.words import count
from exportgui.imaging.values import ValueProblem, check_count


def test_counts_are_words_not_parenthesised_plurals() -> None:
    assert count(1, "macro") == "1 macro"
    assert count(3, "macro") == "3 macros"
    assert count(0, "line") == "0 lines"
    assert count(1200, "file") == "1,200 files"
    assert count(2, "entry", "entries") == "2 entries"


@pytest.mark.parametrize(
    ("fields", "lo", "hi", "words"),
    [(["1", "2"], 1, 1, "takes 1 value,"), (["1"], 2, 3, "takes 2 to 3 values,")],
)
def test_engine_value_counts_read_as_words(fields: list[str], lo: int, hi: int, words: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        check_count(fields, "wid", "n", lo, hi)
    assert words in str(caught.value) and "(s)" not in str(caught.value)
