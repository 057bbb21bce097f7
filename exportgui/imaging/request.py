"""A parsed, validated Image Serving request: the contract between parser and renderer.

The parser (``exportgui.imaging.parser``) builds a :class:`Request`; the
resolver and the renderer only read it. Every field is ``None`` when the
command was absent, so "absent" and "given with its default value" differ
(``scl=1`` guarantees no scaling; an absent ``scl`` does not).
Values are already type- and range-checked and normalised: keywords
lower-case, colours resolved to 8-bit RGBA, ``sharp`` mapped to ``sharp2``,
``jpg`` to ``jpeg`` and ``web-alpha`` to ``webp-alpha``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ColorSpace = Literal["rgb", "gray", "cmyk"]


@dataclass(frozen=True, slots=True)
class Color:
    """A colour value; ``rgba`` is what the renderer paints with."""

    rgba: tuple[int, int, int, int]
    space: ColorSpace = "rgb"
    # CMYK components 0–255 when the colour was given as CMYK (for cmyk output), else None.
    cmyk: tuple[int, int, int, int] | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a command came from, for error marks and "why" explanations."""

    token: str  # the command as written, e.g. "fmt=png"
    macro: str | None = None  # innermost macro name if it came from a macro, else None
    position: int | None = None  # offset of the token in the user's string (or macro definition)
    source: Literal["modifier", "macro", "prefix", "postfix"] = "modifier"


@dataclass(frozen=True, slots=True)
class Fit:
    """``fit=mode[,upscale]``."""

    mode: Literal["fit", "constrain", "crop", "wrap", "stretch", "hfit", "vfit"]
    upscale: bool = False


@dataclass(frozen=True, slots=True)
class Box:
    """``crop``/``cropN`` (x, y, w, h) or ``extend``/``extendN`` (l, t, r, b).

    ``normalized`` is True for the N variants: values are fractions of the
    source (crop) or of the current image (extend) size.
    """

    a: float
    b: float
    c: float
    d: float
    normalized: bool = False


@dataclass(frozen=True, slots=True)
class Rect:
    """``rect=x,y,w,h[,scale]``."""

    x: int
    y: int
    w: int
    h: int
    scale: float = 1.0


@dataclass(frozen=True, slots=True)
class Colorize:
    """``op_colorize=color[,off|norm[,contrast]]``."""

    color: Color
    mode: Literal["off", "norm"] = "norm"
    contrast: float = 0


@dataclass(frozen=True, slots=True)
class Noise:
    """``op_noise=n[,uniform|gaussian[,mono]]``."""

    amount: int
    distribution: Literal["uniform", "gaussian"] = "uniform"
    mono: bool = False


@dataclass(frozen=True, slots=True)
class Usm:
    """``op_usm`` / ``op_usmR``: amount 0–5, radius 0–250, threshold 0–255, mono."""

    amount: float
    radius: float = 0.0
    threshold: int = 0
    mono: bool = False


@dataclass(frozen=True, slots=True)
class FmtSpec:
    """``fmt=format[,pixelType[,compression]]`` with canonical names (see formats.py)."""

    format: str
    pixel_type: str | None = None
    compression: str | None = None


@dataclass(frozen=True, slots=True)
class Quantize:
    """``quantize=type[,dither[,n[,colors…]]]``."""

    type: Literal["adaptive", "web", "mac"] = "adaptive"
    dither: bool = True  # diffuse
    colors: int = 256
    forced: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class IccSpec:
    """``icc=profile[,intent[,bpc[,dither]]]``."""

    profile: str
    intent: Literal["perceptual", "relative", "saturation", "absolute"] | None = None
    black_point_compensation: bool = False
    dither: bool = False


@dataclass(frozen=True, slots=True)
class Point:
    """``anchor``/``origin``/``pos`` (pixels) or their N forms (``normalized``: fractions)."""

    x: float
    y: float
    normalized: bool = False


@dataclass(frozen=True, slots=True)
class SizeN:
    """``sizeN=w,h``: fractions 0…1 of the final layer 0 rectangle (0 = derived)."""

    w: float
    h: float


@dataclass(frozen=True, slots=True)
class LayerImage:
    """A ``src=`` name resolved to a catalog image: its file and its stored size (spec §11.4)."""

    name: str  # the asset as people know it, "folder/name"
    path: Path
    width: int
    height: int
    mode: str = "RGB"
    handle: str = ""


@dataclass(frozen=True, slots=True)
class Layer:
    """The merged slots of one layer (spec §11.2–11.3).

    Layer n ≥ 1 uses every field. The explicit ``layer=0`` record of a
    :class:`Request` holds only what acts on layer 0 alone there: ``opac``,
    ``flip`` and the filters; layer 0's other slots are the Request's own.
    """

    number: int
    src: str | None = None
    image: LayerImage | None = None  # src resolved against the catalog
    crop: Box | None = None
    size: tuple[int, int] | SizeN | None = None
    scale: float | None = None
    anchor: Point | None = None
    origin: Point | None = None
    pos: Point | None = None
    color: Color | None = None
    flip: Literal["lr", "ud", "lrud"] | None = None
    rotate: float | None = None
    extend: Box | None = None
    bg_color: Color | None = None
    opac: tuple[int, int] | None = None
    hide: bool | None = None
    blend_mode: str | None = None
    op_brightness: int | None = None
    op_contrast: int | None = None
    op_hue: int | None = None
    op_saturation: int | None = None
    op_colorize: Colorize | None = None
    op_invert: bool | None = None
    op_blur: float | None = None
    op_noise: Noise | None = None
    op_sharpen: bool | None = None
    op_usm: Usm | None = None
    op_usm_r: Usm | None = None
    # Slot → where the winning command came from, for errors found later (sizes, sources).
    origins: Mapping[str, Origin] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Request:
    """All commands of one request after macro expansion and last-wins."""

    # §6.1 / §6.2 view
    wid: int | None = None
    hei: int | None = None
    scl: float | None = None
    fit: Fit | None = None
    align: tuple[float, float] | None = None
    dpr: float | None = None  # None = off; "on" alone = 1.0
    bgc: Color | None = None
    rect: Rect | None = None
    rgn: tuple[int, int, int, int] | None = None
    # §6.3 layer 0
    crop: Box | None = None
    size: tuple[int, int] | None = None
    scale: float | None = None
    flip: Literal["lr", "ud", "lrud"] | None = None
    rotate: float | None = None
    anchor: Point | None = None  # sets layer 0's origin; no visible effect on one layer
    origin: Point | None = None
    src: str | None = None  # layer 0's src= name
    src_image: LayerImage | None = None  # src resolved against the catalog
    hide: bool | None = None  # layer 0 hidden: the canvas starts transparent
    extend: Box | None = None
    color: Color | None = None
    bg_color: Color | None = None
    opac: tuple[int, int] | None = None
    # §6.4 filters
    op_brightness: int | None = None
    op_contrast: int | None = None
    op_hue: int | None = None
    op_saturation: int | None = None
    op_colorize: Colorize | None = None
    op_invert: bool | None = None
    op_blur: float | None = None
    op_noise: Noise | None = None
    op_sharpen: bool | None = None
    op_usm: Usm | None = None
    op_usm_r: Usm | None = None
    # §6.5
    res_mode: Literal["bilin", "bicub", "sharp2", "bisharp"] | None = None
    # §6.6 output
    fmt: FmtSpec | None = None
    qlt: tuple[int, bool] | None = None  # quality, chroma flag (True = no subsampling)
    quantize: Quantize | None = None
    jpeg_size: int | None = None  # KB, 0 = off
    pscan: str | None = None
    icc_embed: bool | None = None
    icc: IccSpec | None = None
    print_res: float | None = None
    xmp_embed: bool | None = None
    path_embed: bool | None = None
    # §11 layers: the explicit layer=0 record (opac, flip, filters) and layers n ≥ 1 by number
    layer0: Layer | None = None
    layers: tuple[Layer, ...] = ()
    # bookkeeping
    object_name: str | None = None  # value of $object$ after any $object= override
    uses_object: bool = False  # the string referenced $object$: re-parse per asset
    # Slot name (e.g. "fmt", "crop" for crop/cropN) → where the winning command came from.
    origins: Mapping[str, Origin] = field(default_factory=dict)
    # Slot name → earlier occurrences that the winner overrode, in string order.
    overridden: Mapping[str, tuple[Origin, ...]] = field(default_factory=dict)

    @property
    def composites(self) -> bool:
        """True when layers are involved (§11): the layer pipeline runs, not §5's single image."""
        return bool(self.layers) or self.layer0 is not None or bool(self.hide)

    def source_names(self) -> tuple[str, ...]:
        """Every ``src=`` name of the request, layer 0 first, each once."""
        names = [self.src] if self.src is not None else []
        names += [layer.src for layer in self.layers if layer.src is not None]
        return tuple(dict.fromkeys(names))

    def layer_images(self) -> tuple[LayerImage, ...]:
        """The resolved catalog images the request uses (layer 0's src first), each once."""
        found = [self.src_image] if self.src_image is not None else []
        found += [layer.image for layer in self.layers if layer.image is not None]
        return tuple({image.path: image for image in found}.values())
