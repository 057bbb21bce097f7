"""The preview fills ``$object$`` exactly as the export does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exportgui import jobs
from exportgui.catalog import Catalog
from exportgui.gui.job_form.preview import build_preview
from exportgui.jobs import ExportJob, Fmt, LogType
from exportgui.jobs.request import object_name
from tests.helpers import make_image


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [("x\\40.png", "40"), ("a.final version", "a.final version")],
)
def test_preview_and_export_agree_on_object(
    catalog: Catalog, tmp_path: Path, file_name: str, expected: str
) -> None:
    source = make_image(tmp_path / "src" / file_name, (120, 80), fmt="PNG")
    asset = catalog.import_paths([source]).imported[0].asset
    assert object_name(asset) == expected
    # wid takes $object$: only "40" is a width, so the two must agree to render
    job = ExportJob((asset.handle,), Fmt.CONVERT, is_modifier="wid=$object$&fmt=png")
    planned = jobs.plan(job, catalog).outputs[0]
    reported: list[Any] = []
    result = build_preview(catalog, asset, job)(reported.append)
    if expected == "40":
        assert planned.status is LogType.SUCCESS and planned.width == 40
        assert result.converted is not None, result.note
        assert result.converted.width() == 40
    else:
        assert planned.status is LogType.ERROR and "'a.final version'" in planned.message
        assert result.converted is None
    assert reported == [planned]
