"""Fixtures shared by the imaging tests."""

from __future__ import annotations

import pytest

from exportgui.imaging import tiff_strips


@pytest.fixture(params=["tiff_strips", "pillow"])
def tiff_writer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test using it runs with LZW TIFF written by tiff_strips, then by Pillow.

    The first is skipped without the fast-tiff extra; the second is what runs then.
    """
    if request.param == "tiff_strips" and not tiff_strips.available():
        pytest.skip("needs the fast-tiff extra (imagecodecs)")
    if request.param == "pillow":
        monkeypatch.setattr(tiff_strips, "ENABLED", False)
    return str(request.param)
