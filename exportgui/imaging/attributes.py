"""The catalog's Image Serving attributes (spec §2): inputs to the engine, never globals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from exportgui.config.i18n import _
from exportgui.imaging.errors import ErrorCode, ISError

RES_MODES = ("bilin", "bicub", "sharp2", "bisharp")


@dataclass(frozen=True, slots=True)
class ISAttributes:
    """MaxPix, DefaultPix, JpegQuality, ResMode, BkgColor, MaxRenderPixels.

    A value of 0 in ``max_pix`` / ``default_pix`` means that side is unlimited.
    ``bkg_color`` is opaque RGB.
    """

    max_pix: tuple[int, int] = (3000, 3000)
    default_pix: tuple[int, int] = (1280, 1280)
    jpeg_quality: int = 80
    jpeg_chroma_full: bool = False  # the ",1" flag of JpegQuality: no chroma subsampling
    res_mode: str = "sharp2"
    bkg_color: tuple[int, int, int] = (255, 255, 255)
    max_render_pixels: int = 100_000_000

    @classmethod
    def from_strings(cls, values: Mapping[str, str]) -> ISAttributes:
        """Parse the IS text form stored in the catalog (``{"MaxPix": "3000,3000", …}``).

        Unknown keys are ignored; a malformed value raises ``ISError(E_BAD_VALUE)``
        naming the attribute.
        """
        base = cls()
        return cls(
            max_pix=_pair(values, "MaxPix", base.max_pix),
            default_pix=_pair(values, "DefaultPix", base.default_pix),
            jpeg_quality=_quality(values, base)[0],
            jpeg_chroma_full=_quality(values, base)[1],
            res_mode=_res_mode(values, base.res_mode),
            bkg_color=_rgb(values, "BkgColor", base.bkg_color),
            max_render_pixels=_int(values, "MaxRenderPixels", base.max_render_pixels),
        )

    def to_strings(self) -> dict[str, str]:
        """The IS text form, the inverse of :meth:`from_strings`."""
        return {
            "MaxPix": f"{self.max_pix[0]},{self.max_pix[1]}",
            "DefaultPix": f"{self.default_pix[0]},{self.default_pix[1]}",
            "JpegQuality": f"{self.jpeg_quality},{int(self.jpeg_chroma_full)}",
            "ResMode": self.res_mode,
            "BkgColor": ",".join(str(c) for c in self.bkg_color),
            "MaxRenderPixels": str(self.max_render_pixels),
        }


def _bad(name: str, value: str, why: str) -> ISError:
    return ISError(
        ErrorCode.E_BAD_VALUE,
        _("attribute {name}={value!r}: {problem}").format(name=name, value=value, problem=why),
        token=value,
    )


def _ints(name: str, value: str) -> list[int]:
    try:
        return [int(part.strip()) for part in value.split(",")]
    except ValueError:
        raise _bad(name, value, _("expected whole numbers separated by commas")) from None


def _pair(values: Mapping[str, str], name: str, default: tuple[int, int]) -> tuple[int, int]:
    if name not in values:
        return default
    parts = _ints(name, values[name])
    if len(parts) != 2 or min(parts) < 0:
        raise _bad(name, values[name], _("expected 'width,height' with 0 for unlimited"))
    return parts[0], parts[1]


def _quality(values: Mapping[str, str], base: ISAttributes) -> tuple[int, bool]:
    if "JpegQuality" not in values:
        return base.jpeg_quality, base.jpeg_chroma_full
    raw = values["JpegQuality"]
    parts = _ints("JpegQuality", raw)
    if not 1 <= len(parts) <= 2 or not 1 <= parts[0] <= 100:
        raise _bad("JpegQuality", raw, _("expected 'quality[,chroma]' with quality 1–100"))
    chroma = parts[1] if len(parts) == 2 else 0
    if chroma not in (0, 1):
        raise _bad("JpegQuality", raw, _("the chroma flag must be 0 or 1"))
    return parts[0], bool(chroma)


def _res_mode(values: Mapping[str, str], default: str) -> str:
    raw = values.get("ResMode")
    if raw is None:
        return default
    mode = raw.strip().lower()
    if mode == "sharp":
        return "sharp2"
    if mode not in RES_MODES:
        raise _bad(
            "ResMode", raw, _("expected one of {values}").format(values=", ".join(RES_MODES))
        )
    return mode


def _rgb(
    values: Mapping[str, str], name: str, default: tuple[int, int, int]
) -> tuple[int, int, int]:
    raw = values.get(name)
    if raw is None:
        return default
    text = raw.strip()
    if len(text) in (6, 8) and all(c in "0123456789abcdefABCDEF" for c in text) and "," not in text:
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
    parts = _ints(name, text)
    if len(parts) != 3 or not all(0 <= p <= 255 for p in parts):
        raise _bad(name, raw, _("expected 'r,g,b' with each 0–255, or RRGGBB"))
    return parts[0], parts[1], parts[2]


def _int(values: Mapping[str, str], name: str, default: int) -> int:
    raw = values.get(name)
    if raw is None:
        return default
    parts = _ints(name, raw)
    if len(parts) != 1 or parts[0] <= 0:
        raise _bad(name, raw, _("expected a whole number above 0"))
    return parts[0]
