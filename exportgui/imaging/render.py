"""The pixel pipeline of spec §5 on Pillow: one source file in, one encoded output out.

:func:`render` is what an export runs per asset and :func:`render_preview`
what the window shows. Both follow the geometry plan that :mod:`.resolve`
computes, so the sizes the planner promised are the sizes written: decode
(shrink-on-load, EXIF orientation: :mod:`.decode`), layer 0 and composite
commands (:mod:`.ops`), the view, and filters after scaling and rect
(:mod:`.view`), output conversion (:mod:`.output`) and encoding
(:mod:`.encode`, §6.6, §7). The preview runs the view stage at the preview
scale, so noise, sharpening and palettes work on the smaller pixels, lossy
encoding is not shown, and the preview is never larger than the real output.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Callable, Sequence
from os import PathLike
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from exportgui.config.i18n import _
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.composite import draw_layers
from exportgui.imaging.decode import (
    Source,
    as_drafted,
    decode,
    draft_scale,
    open_source,
    reduce_for,
    source_error,
    working_profile_bytes,
)
from exportgui.imaging.encode import Metadata, encode
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.geometry import Geometry, rnd, rsize
from exportgui.imaging.layers import plan_layers
from exportgui.imaging.ops import composite_ops, layer0
from exportgui.imaging.output import Prepared, background, convert_output
from exportgui.imaging.pixels import TRANSPARENT, Rgba
from exportgui.imaging.request import Request
from exportgui.imaging.resolve import OutputFacts, ResolvedOutput, output_facts, resolve_plan
from exportgui.imaging.view import after_scaling, cut_rect, view_transform

Rendition = tuple[Request, Path | BinaryIO]
Outcome = ResolvedOutput | ISError


class RenderCancelled(Exception):
    """The cancel flag was set during a render; nothing was written by the rendition it stopped.

    ``outcomes`` holds what :func:`render_renditions` had finished by then,
    None for every rendition not done.
    """

    def __init__(self, message: str, outcomes: Sequence[Outcome | None] = ()) -> None:
        super().__init__(message)
        self.outcomes = list(outcomes)


def render(
    source: Path,
    request: Request,
    attrs: ISAttributes,
    target: Path | BinaryIO,
    *,
    cancel: threading.Event | None = None,
) -> ResolvedOutput:
    """Render ``source`` through ``request`` into the file ``target``.

    Args:
        source: the original file.
        request: the parsed request.
        attrs: the catalog's Image Serving attributes.
        target: a binary file open for writing (the caller made it, as the job
            runner does its temporary file; nothing else is created), or a
            path, written through a short hidden file beside it
            (:func:`partial_path`) and renamed on success.
        cancel: checked between the expensive steps.

    Returns:
        What was written: format, pixel type, extension and size.

    Raises:
        ISError: only this; E_SOURCE for an unreadable source, the resolver's
            errors before any pixel work, E_JPEGSIZE, E_TOO_LARGE, and
            E_OUTPUT (§9) with the system's words when ``target`` cannot be
            written. Nothing is left at a path ``target`` on error.
        RenderCancelled: ``cancel`` was set.
    """
    outcome = render_renditions(source, [(request, target)], attrs, cancel=cancel)[0]
    if isinstance(outcome, ISError):
        raise outcome
    return outcome


def render_renditions(
    source: Path,
    renditions: Sequence[Rendition],
    attrs: ISAttributes,
    *,
    cancel: threading.Event | None = None,
) -> list[Outcome]:
    """Render one source into several outputs, decoding it once.

    Each rendition is a request and its target (as :func:`render` takes
    them). The source is decoded once, at the scale the most demanding
    rendition needs; every other rendition starts from those pixels box-reduced
    to the size its own decode would have had, then runs its own view,
    filters, output conversion and encoder. A rendition whose own decode is
    the shared one gets exactly the pixels :func:`render` gives it. They are
    written most demanding first (not in the order given), and only one
    decoded source is held at a time.

    Returns:
        One outcome per rendition, in order: what was written, or the
        ISError that stopped it (an unreadable source stops them all; a bad
        request or an unwritable target only its own rendition).

    Raises:
        RenderCancelled: ``cancel`` was set; its ``outcomes`` say what was done.
    """
    source = Path(source)
    check = _checker(cancel)
    groups: dict[Path, list[int]] = {}
    for index, (request, _target) in enumerate(renditions):
        groups.setdefault(layer0_path(request, source), []).append(index)
    if len(groups) <= 1:
        return _render_group(next(iter(groups), source), renditions, attrs, check)
    outcomes: list[Outcome | None] = [None] * len(renditions)
    for path, indices in groups.items():  # each layer 0 image is decoded once
        try:
            done: Sequence[Outcome | None] = _render_group(
                path, [renditions[i] for i in indices], attrs, check
            )
        except RenderCancelled as exc:
            for index, outcome in zip(indices, exc.outcomes, strict=False):
                outcomes[index] = outcome
            raise RenderCancelled(str(exc), outcomes) from None
        for index, outcome in zip(indices, done, strict=True):
            outcomes[index] = outcome
    return _done(outcomes)


def layer0_path(request: Request, source: Path) -> Path:
    """The file layer 0 is decoded from: its ``src=`` image, else the exported ``source``."""
    return request.src_image.path if request.src_image is not None else Path(source)


def _render_group(
    source: Path, renditions: Sequence[Rendition], attrs: ISAttributes, check: _Check
) -> list[Outcome]:
    """:func:`render_renditions` for renditions whose layer 0 is the same file."""
    outcomes: list[Outcome | None] = [None] * len(renditions)
    for index, (request, _target) in enumerate(renditions):
        try:
            output_facts(request)  # unsupported or invalid formats fail before the file is opened
        except ISError as exc:
            outcomes[index] = exc
    if all(outcome is not None for outcome in outcomes):
        return _done(outcomes)
    try:
        src = open_source(source)
    except ISError as exc:
        return [exc if outcome is None else outcome for outcome in outcomes]
    try:
        plans: dict[int, tuple[ResolvedOutput, OutputFacts, Geometry]] = {}
        for index, (request, target) in enumerate(renditions):
            if outcomes[index] is None:
                try:
                    plans[index] = resolve_plan(request, src.size[0], src.size[1], attrs)
                except Exception as exc:
                    outcomes[index] = _failure(exc, target)
        if not plans:
            return _done(outcomes)
        check()
        ratios = {index: plan[2].first_resample_ratio() for index, plan in plans.items()}
        scales = {index: draft_scale(src, ratio) for index, ratio in ratios.items()}
        shared = min(scales.values())
        try:
            decoded = decode(src, max(ratios.values()))
        except ISError as exc:
            return [exc if outcome is None else outcome for outcome in outcomes]
        # The most demanding first; each coarser scale is reduced from the last one made,
        # and only the latest (smallest) of them is kept.
        scale, pixels = shared, decoded
        del decoded
        for index in sorted(plans, key=lambda i: scales[i]):
            resolved, facts, geometry = plans[index]
            request, target = renditions[index]
            try:
                check()
                if scales[index] > scale:
                    pixels, scale = as_drafted(pixels, scale, scales[index]), scales[index]
                image = _shape(pixels, request, attrs, facts, geometry, ratios[index], check)
                _write(image, src, facts, request, attrs, target, check)
                outcomes[index] = resolved
            except RenderCancelled:
                raise
            except Exception as exc:
                outcomes[index] = _failure(exc, target)
        return _done(outcomes)
    except RenderCancelled as exc:
        raise RenderCancelled(str(exc), outcomes) from None
    finally:
        src.close()


def _done(outcomes: list[Outcome | None]) -> list[Outcome]:
    return [outcome for outcome in outcomes if outcome is not None]


def _write(
    image: Image.Image,
    src: Source,
    facts: OutputFacts,
    request: Request,
    attrs: ISAttributes,
    target: Path | BinaryIO,
    check: Callable[[], None],
) -> None:
    """Output conversion and encoding of the finished pixels into ``target``."""
    prepared = convert_output(image, facts, request, attrs, working_profile_bytes(src))
    del image
    check()
    metadata = Metadata(src.xmp, _dpi(src))
    try:
        if isinstance(target, str | PathLike):
            _encode_beside(prepared, facts, request, attrs, metadata, Path(target))
        else:
            encode(prepared, facts, request, attrs, metadata, target)
            target.flush()  # a write the system refuses is found here, not by the caller
    except OSError as exc:
        if exc.errno is None:  # an encoder's complaint, not the system refusing a write
            raise
        reason = exc.strerror or str(exc)
        raise ISError(ErrorCode.E_OUTPUT, _cannot_write(target, reason)) from exc


def _failure(exc: Exception, target: Path | BinaryIO) -> ISError:
    """The ISError a rendition ends with when ``exc`` stopped it."""
    if isinstance(exc, ISError):
        return exc
    if isinstance(exc, OSError) and (
        exc.filename is not None or isinstance(exc, PermissionError | FileNotFoundError)
    ):
        error = ISError(ErrorCode.E_OUTPUT, _cannot_write(target, exc))
    else:
        error = _internal(exc)
    error.__cause__ = exc
    return error


def _encode_beside(
    prepared: Prepared,
    facts: OutputFacts,
    request: Request,
    attrs: ISAttributes,
    metadata: Metadata,
    target: Path,
) -> None:
    """Encode beside ``target`` and rename it into place.

    No half-written file is ever at ``target``, and a file already there
    survives a failed render.
    """
    partial = partial_path(target)
    try:
        with partial.open("xb") as out:
            encode(prepared, facts, request, attrs, metadata, out)
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def partial_path(target: Path) -> Path:
    """The hidden file a render to the path ``target`` encodes into before its rename.

    Short and fixed-length whatever the target's name, and the same for the same
    target, so that whoever finds a render's process dead can remove it.
    """
    digest = hashlib.sha256(os.fsencode(target.name)).hexdigest()[:12]
    return target.with_name(f".{digest}.part")


def _shown(target: Path | BinaryIO) -> str:
    """The target's name for a message."""
    name = target if isinstance(target, str | PathLike) else getattr(target, "name", None)
    return str(name) if isinstance(name, str | PathLike) else _("the output file")


def _cannot_write(target: Path | BinaryIO, reason: object) -> str:
    return _("cannot write {target}: {problem}").format(target=_shown(target), problem=reason)


def render_preview(
    source: Path, request: Request, attrs: ISAttributes, box: tuple[int, int]
) -> tuple[Image.Image, ResolvedOutput]:
    """The final pixels (after output conversion) for on-screen preview, fitted into ``box``.

    Cheap: the source is shrunk on load to about the preview size. Never
    enlarged; raises ISError as :func:`render` does, except E_JPEGSIZE.
    """
    source = layer0_path(request, Path(source))
    output_facts(request)
    src = open_source(source)
    try:
        resolved, facts, geometry = resolve_plan(request, src.size[0], src.size[1], attrs)
        reply_w, reply_h = geometry.reply
        factor = min(box[0] / reply_w, box[1] / reply_h, 1.0)
        if factor < 1.0:
            geometry = preview_geometry(geometry, factor)
        image = _pipeline(src, request, attrs, facts, geometry, lambda: None)
        prepared = convert_output(image, facts, request, attrs, working_profile_bytes(src))
        # Always a copy: when no step changed the pixels, the result is the decoded
        # source itself, which closing the source below would invalidate.
        result = prepared.image.copy()
        if result.width > box[0] or result.height > box[1]:
            result.thumbnail(box)
        return result, resolved
    except ISError:
        raise
    except Exception as exc:
        raise _internal(exc) from exc
    finally:
        src.close()


def render_original(source: Path, box: tuple[int, int]) -> Image.Image:
    """The source as it looks, upright, in 8-bit RGB or RGBA, fitted into ``box``.

    Decoded as a render decodes it (shrunk on load, every mode the engine
    reads), so whatever can be exported can also be shown. Never enlarged.

    Raises:
        ISError: E_SOURCE for a missing or undecodable file, E_TOO_LARGE.
    """
    src = open_source(Path(source))
    try:
        ratio = min(box[0] / src.size[0], box[1] / src.size[1], 1.0)
        image = reduce_for(decode(src, ratio), src.size, ratio)
        # A copy when decoding changed nothing: closing the source would invalidate it.
        image = image.copy() if image is src.image else image
        if image.width > box[0] or image.height > box[1]:
            image.thumbnail(box)
        return image
    except ISError:
        raise
    except Exception as exc:
        raise source_error(src.path, exc) from exc
    finally:
        src.close()


def preview_geometry(geometry: Geometry, factor: float) -> Geometry:
    """The plan with its view stage (img, view, offset, rect) scaled by ``factor`` < 1."""

    def size(pair: tuple[int, int]) -> tuple[int, int]:
        return rsize(pair[0] * factor), rsize(pair[1] * factor)

    rect = geometry.rect
    if rect is not None:
        rect = (rnd(rect[0] * factor), rnd(rect[1] * factor), *size((rect[2], rect[3])))
    return geometry._replace(
        img=size(geometry.img),
        view=size(geometry.view),
        offset=(rnd(geometry.offset[0] * factor), rnd(geometry.offset[1] * factor)),
        rect=rect,
        rect_view=size(geometry.rect_view) if geometry.rect_view is not None else None,
        reply=size(geometry.reply),
    )


def _pipeline(
    src: Source,
    request: Request,
    attrs: ISAttributes,
    facts: OutputFacts,
    geometry: Geometry,
    check: Callable[[], None],
) -> Image.Image:
    """§5 steps 2–7 on the plan: decode, then :func:`_shape`."""
    ratio = geometry.first_resample_ratio()
    image = decode(src, ratio)
    check()
    return _shape(image, request, attrs, facts, geometry, ratio, check)


def _shape(
    image: Image.Image,
    request: Request,
    attrs: ISAttributes,
    facts: OutputFacts,
    geometry: Geometry,
    ratio: float,
    check: Callable[[], None],
) -> Image.Image:
    """§5 steps 3–7 on the decoded pixels: layer 0, composite, view, filters, rect."""
    res_mode = request.res_mode or attrs.res_mode
    image = layer0(image, geometry, request, res_mode, ratio, check)
    if request.composites:
        if request.hide:  # the canvas keeps its size and starts transparent (§11.8)
            image = Image.new("RGBA", image.size, TRANSPARENT)
        plans = plan_layers(request, geometry, attrs)
        image = draw_layers(image, plans, geometry, res_mode, check)
    image = composite_ops(image, geometry, request, check)
    pad: Rgba = TRANSPARENT if facts.info.alpha != "no" else (*background(request, attrs), 255)
    image = view_transform(image, geometry, res_mode, pad, check)
    image = after_scaling(image, geometry, request, check)
    image = cut_rect(image, geometry, res_mode, pad)
    if image.size != geometry.reply:  # the plan is the contract with resolve()
        raise ISError(
            ErrorCode.E_BAD_REQUEST,
            _("internal error: rendered {rendered}, planned {planned}").format(
                rendered=image.size, planned=geometry.reply
            ),
        )
    return image


class _Check:
    def __init__(self, cancel: threading.Event | None) -> None:
        self._cancel = cancel

    def __call__(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise RenderCancelled("render cancelled")


def _checker(cancel: threading.Event | None) -> _Check:
    return _Check(cancel)


def _dpi(src: Source) -> float | None:
    return src.dpi[0] if src.dpi is not None else None


def _internal(exc: BaseException) -> ISError:
    if isinstance(exc, MemoryError):
        return ISError(ErrorCode.E_TOO_LARGE, _("not enough memory for this render"))
    detail = str(exc) or type(exc).__name__
    return ISError(
        ErrorCode.E_BAD_REQUEST, _("the render failed: {problem}").format(problem=detail)
    )
