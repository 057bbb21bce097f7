"""Guards against a PySide6 that drops references to None and True it never took.

PySide6-Essentials 6.12.0 on CPython 3.11 lost a reference to ``True`` on every
``Signal.emit()`` and to ``None`` whenever a model answered Qt with it; a few
thousand of either aborted the process. pyproject.toml excludes that release;
these tests fail (the process aborts) on any release that brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, Signal

from exportgui.gui.assets.model import AssetTableModel, Column
from tests.helpers import asset


def test_none_survives_far_more_none_answers_than_it_has_references() -> None:
    model = AssetTableModel()
    model.set_assets([asset(i) for i in range(1000)])
    proxy = QSortFilterProxyModel()  # C++ calls into the Python data() for every lookup
    proxy.setSourceModel(model)
    # 300,000 None answers: far more references than None has in this process.
    for _ in range(300):
        for row in range(1000):
            # FontRole is never answered: data() returns None, one lost reference each.
            proxy.index(row, Column.NAME).data(Qt.ItemDataRole.FontRole)
    assert sys.getrefcount(None) > 1000


class _Emitter(QObject):
    happened = Signal()


def test_true_survives_far_more_emits_than_it_has_references() -> None:
    emitter = _Emitter()
    seen: list[int] = []
    emitter.happened.connect(lambda: seen.append(1))
    for _ in range(200_000):  # each emit() releases a reference to True
        emitter.happened.emit()
    assert len(seen) == 200_000
    assert sys.getrefcount(True) > 1000
