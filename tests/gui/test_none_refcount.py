"""PySide6 drops a reference to None per override that returns it; the window survives that."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSortFilterProxyModel, Qt

from exportgui.gui.asset_model import AssetTableModel, Column

from .test_asset_model import asset


def test_none_survives_far_more_none_answers_than_it_has_references() -> None:
    model = AssetTableModel()
    model.set_assets([asset(i) for i in range(1000)])
    proxy = QSortFilterProxyModel()  # C++ calls into the Python data() for every lookup
    proxy.setSourceModel(model)
    # 300,000 None answers: far more references than an unpinned None has in this process.
    for _ in range(300):
        for row in range(1000):
            # FontRole is never answered: data() returns None, one lost reference each.
            proxy.index(row, Column.NAME).data(Qt.ItemDataRole.FontRole)
    assert sys.getrefcount(None) > 1000  # still alive (an unpinned None would have aborted)
