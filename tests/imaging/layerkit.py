"""Helpers for the layer tests: a real little catalog of image files and a render through it."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from PIL import Image

from exportgui.imaging import ISAttributes, ResolvedOutput, output_name, parse_request
from exportgui.imaging.render import render
from exportgui.imaging.resolve import resolve
from exportgui.imaging.sources import SourceEntry, SourceIndex


def catalog_of(folder: Path, images: Mapping[str, Image.Image]) -> SourceIndex:
    """Save each image (keys ``folder/file.ext``) as a real file and index it like a catalog."""
    entries = []
    for number, (key, image) in enumerate(images.items()):
        virtual, _slash, file_name = key.rpartition("/")
        path = folder / f"stored-{number}{Path(file_name).suffix or '.png'}"
        image.save(path)
        entries.append(
            SourceEntry(
                handle=f"a{number:016x}",
                folder=virtual,
                name=Path(file_name).stem,
                file_name=file_name,
                is_image=not file_name.endswith(".pdf"),
                kind="a PDF" if file_name.endswith(".pdf") else "an image",
                width=image.width,
                height=image.height,
                mode=image.mode,
                path=functools.partial(Path, path),
            )
        )
    return SourceIndex(lambda: entries)


def render_layers(
    folder: Path,
    modifier: str,
    source: Image.Image,
    sources: SourceIndex,
    attrs: ISAttributes | None = None,
    macros: Mapping[str, str] | None = None,
) -> tuple[ResolvedOutput, Image.Image]:
    """Render ``source`` through ``modifier`` with the layer catalog ``sources``.

    Checks that resolve() alone predicted what render() reports; returns the
    output and its decoded pixels.
    """
    source_path = folder / "asset.png"
    source.save(source_path)
    request = parse_request(modifier, dict(macros or {}), sources=sources)
    attrs = attrs or ISAttributes()
    predicted = resolve(request, source.width, source.height, source.mode, attrs)
    target = folder / output_name("out.png", predicted.extension)
    out = render(source_path, request, attrs, target)
    assert out == predicted
    with Image.open(target) as written:
        written.load()
        return out, written.copy()
