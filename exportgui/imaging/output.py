"""Output conversion (spec §5 step 9, §7): alpha, pixel type, ``icc=``, quantizing.

- Formats without alpha get transparent pixels composited over ``bgc`` (or
  BkgColor); alpha formats keep alpha (RGBA / LA).
- Pixel type: with ``icc=`` the pixels go through LittleCMS from the working
  profile (the source's RGB profile, else sRGB) to the named profile; without
  it gray and CMYK use Pillow's naive ``convert`` [D: "naive otherwise"].
  The rendering intent defaults to relative colorimetric [C]; ``dither`` has
  no LittleCMS counterpart and is ignored.
- Palette formats (png8*, gif*) are quantized: adaptive (median cut, n
  colours, forced colours first), web (216) or mac (256), with
  Floyd–Steinberg dithering or none. For web/mac ``n`` is not used: the
  palette is fixed [C]. The ``*-alpha`` palette formats use one transparent
  key entry: alpha < 128 becomes the key, the rest opaque [C for png8-alpha,
  which could carry partial alpha; one rule for both keeps them alike].
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageCms

from exportgui.config.i18n import _
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.icc import Profile, cached_transform, profile_from_bytes, srgb_profile
from exportgui.imaging.palettes import mac_palette, web_palette
from exportgui.imaging.pixels import ensure_rgba
from exportgui.imaging.request import Quantize, Request
from exportgui.imaging.resolve import OutputFacts

# Formats whose files can carry an ICC profile for iccEmbed (§6.6; Pillow's EPS cannot).
ICC_FORMATS = frozenset(
    {"jpeg", "pjpeg", "pdf", "png", "png-alpha", "png8", "png8-alpha", "tif", "tif-alpha"}
)
KEY_COLOR = (255, 0, 255)  # the transparent entry's colour; never shown
_OUT_MODES = {"rgb": "RGB", "gray": "L", "cmyk": "CMYK"}
_INTENTS = {
    "perceptual": ImageCms.Intent.PERCEPTUAL,
    "relative": ImageCms.Intent.RELATIVE_COLORIMETRIC,
    "saturation": ImageCms.Intent.SATURATION,
    "absolute": ImageCms.Intent.ABSOLUTE_COLORIMETRIC,
}


@dataclass(frozen=True, slots=True)
class Prepared:
    """Pixels ready for the encoder, plus what the encoder must write with them."""

    image: Image.Image
    icc: bytes | None  # profile to embed, when iccEmbed asks and the format can
    transparency: int | None  # palette key index (gif-alpha, png8-alpha)


def background(request: Request, attrs: ISAttributes) -> tuple[int, int, int]:
    """The view background: ``bgc`` (its alpha ignored) or BkgColor."""
    return request.bgc.rgba[:3] if request.bgc is not None else attrs.bkg_color


def convert_output(
    image: Image.Image,
    facts: OutputFacts,
    request: Request,
    attrs: ISAttributes,
    working_icc: bytes | None,
) -> Prepared:
    """Turn the working image into the format's pixels (§7)."""
    info = facts.info
    if info.alpha == "no":
        if image.mode == "RGBA":
            flat = Image.new("RGB", image.size, background(request, attrs))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
    else:
        image = ensure_rgba(image)
    source_profile = profile_from_bytes(working_icc) if working_icc else None
    if source_profile is None or source_profile.color_space != "rgb":
        source_profile = srgb_profile()
    image = _pixel_type(image, facts, request, source_profile)
    embed: bytes | None = None
    if request.icc_embed and info.name in ICC_FORMATS:
        if facts.profile is not None:
            embed = facts.profile.data
        elif facts.pixel_type == "rgb":
            embed = source_profile.data
    if not info.palette:
        return Prepared(image, embed, None)
    palette_image, key = quantize(image, request.quantize or Quantize(), keyed=info.alpha != "no")
    return Prepared(palette_image, embed, key)


def _pixel_type(
    image: Image.Image, facts: OutputFacts, request: Request, source: Profile
) -> Image.Image:
    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    out_mode = _OUT_MODES[facts.pixel_type]
    target = facts.profile
    if target is not None and target.data != source.data:
        icc = request.icc
        assert icc is not None
        transform = cached_transform(
            source.data,
            target.data,
            "RGB",
            out_mode,
            _INTENTS[icc.intent or "relative"],
            icc.black_point_compensation,
        )
        if transform is None:
            raise ISError(
                ErrorCode.E_BAD_REQUEST,
                _("icc profile {name!r} cannot be used as an output profile").format(
                    name=icc.profile
                ),
                f"icc={icc.profile}",
            )
        rgb = image.convert("RGB") if alpha is not None else image
        image = ImageCms.applyTransform(rgb, transform) or rgb
    elif out_mode != "RGB":
        rgb = image.convert("RGB") if alpha is not None else image
        image = rgb.convert(out_mode)
    elif alpha is not None:
        return image
    if alpha is not None:
        image = image.convert({"RGB": "RGBA", "L": "LA"}.get(image.mode, image.mode))
        image.putalpha(alpha)
    return image


def quantize(image: Image.Image, spec: Quantize, *, keyed: bool) -> tuple[Image.Image, int | None]:
    """Reduce to a palette; with ``keyed``, alpha < 128 becomes one transparent entry."""
    rgb = image.convert("RGB")
    limit = 255 if keyed else 256
    forced = list(dict.fromkeys(spec.forced))[:limit]
    if spec.type == "adaptive":
        wanted = min(spec.colors, limit) - len(forced)
        colors = list(forced)
        if wanted > 0:
            adaptive = rgb.quantize(colors=wanted)
            used = len(adaptive.getcolors(256) or [])
            flat = (adaptive.getpalette() or [])[: 3 * used]
            colors += [tuple(flat[i : i + 3]) for i in range(0, len(flat), 3)]  # type: ignore[misc]
    else:
        fixed = web_palette() if spec.type == "web" else mac_palette()
        colors = forced + [c for c in fixed if c not in forced]
    colors = list(dict.fromkeys(colors))[:limit] or [(0, 0, 0)]
    count = len(colors)
    padded = colors + [colors[0]] * (256 - count)
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for color in padded for channel in color])
    dither = Image.Dither.FLOYDSTEINBERG if spec.dither else Image.Dither.NONE
    mapped = rgb.quantize(palette=palette, dither=dither)
    # Padding entries repeat colour 0: send any pixel that landed on one to index 0.
    indices = Image.frombytes("L", mapped.size, mapped.tobytes())
    if count < 256:
        indices = indices.point([i if i < count else 0 for i in range(256)])
    key: int | None = None
    flat_palette = [channel for color in colors for channel in color]
    if keyed:
        key = count
        flat_palette += list(KEY_COLOR)
        mask = image.getchannel("A").point([255 if a < 128 else 0 for a in range(256)])
        indices.paste(key, mask=mask)
    result = Image.frombytes("P", indices.size, indices.tobytes())
    result.putpalette(flat_palette)
    if key is not None:
        result.info["transparency"] = key
    return result, key
