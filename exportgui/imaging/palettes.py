"""Fixed palettes for ``quantize=web`` and ``quantize=mac`` (spec §6.6 [C])."""

from __future__ import annotations

import functools

Rgb = tuple[int, int, int]

_CUBE_LEVELS = (0, 51, 102, 153, 204, 255)  # 00 33 66 99 CC FF
_RAMP_LEVELS = (238, 221, 187, 170, 136, 119, 85, 68, 34, 17)  # EE DD BB AA 88 77 55 44 22 11


@functools.cache
def web_palette() -> tuple[Rgb, ...]:
    """The 216-colour web-safe palette: every mix of 00, 33, 66, 99, CC, FF."""
    return tuple((r, g, b) for r in _CUBE_LEVELS for g in _CUBE_LEVELS for b in _CUBE_LEVELS)


@functools.cache
def mac_palette() -> tuple[Rgb, ...]:
    """The 256-colour Mac OS system palette.

    The web cube from white down (without black), then ten-step ramps of red,
    green, blue and gray that the cube lacks, and black last.
    """
    down = _CUBE_LEVELS[::-1]
    cube = [(r, g, b) for r in down for g in down for b in down][:-1]  # drop black
    ramps = (
        [(v, 0, 0) for v in _RAMP_LEVELS]
        + [(0, v, 0) for v in _RAMP_LEVELS]
        + [(0, 0, v) for v in _RAMP_LEVELS]
        + [(v, v, v) for v in _RAMP_LEVELS]
    )
    return (*cube, *ramps, (0, 0, 0))
