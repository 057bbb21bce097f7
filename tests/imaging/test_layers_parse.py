"""Conformance table from spec §11.2–11.4 and §11.11: where every command lands in every
segment, merging and naming of layers, the segment boundaries, source lookup, every error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from exportgui.imaging import ISAttributes, effective_modifier, parse_request, resolve
from exportgui.imaging.errors import ErrorCode, ISError, ISErrors
from exportgui.imaging.request import Layer, Point, Request, SizeN
from tests.imaging.layerkit import catalog_of

E = ErrorCode

# (command, Request/Layer field, value it stores)
LAYER_COMMANDS: list[tuple[str, str, Any]] = [
    ("src=brand/logo", "src", "brand/logo"),
    ("crop=1,2,3,4", "crop", None),
    ("cropN=0,0,0.5,0.5", "crop", None),
    ("size=10,0", "size", (10, 0)),
    ("scale=0.5", "scale", 0.5),
    ("anchor=1,2", "anchor", Point(1, 2)),
    ("anchorN=0.5,0", "anchor", Point(0.5, 0, normalized=True)),
    ("origin=3,4", "origin", Point(3, 4)),
    ("originN=0.5,0.5", "origin", Point(0.5, 0.5, normalized=True)),
    ("color=ff0000", "color", None),
    ("rotate=30", "rotate", 30.0),
    ("extend=1,1,1,1", "extend", None),
    ("extendN=0.1,0,0,0", "extend", None),
    ("bgColor=00ff00", "bg_color", None),
    ("hide=1", "hide", True),
]
OWN_COMMANDS: list[tuple[str, str, Any]] = [
    ("opac=50", "opac", (50, 100)),
    ("flip=lr", "flip", "lr"),
    ("op_brightness=10", "op_brightness", 10),
    ("op_contrast=10", "op_contrast", 10),
    ("op_hue=10", "op_hue", 10),
    ("op_saturation=10", "op_saturation", 10),
    ("op_colorize=ff0000", "op_colorize", None),
    ("op_invert=1", "op_invert", True),
    ("op_blur=2", "op_blur", 2.0),
    ("op_noise=5", "op_noise", None),
    ("op_sharpen=1", "op_sharpen", True),
    ("op_usm=1,1", "op_usm", None),
    ("op_usmR=1,1", "op_usm_r", None),
]
PLACEMENT_COMMANDS: list[tuple[str, str, Any]] = [
    ("pos=1,2", "pos", Point(1, 2)),
    ("posN=0.5,0", "pos", Point(0.5, 0, normalized=True)),
    ("blendMode=mult", "blend_mode", "mult"),
    ("sizeN=0.5,0", "size", SizeN(0.5, 0)),
]
REQUEST_COMMANDS = ["wid=10", "hei=10", "scl=1", "fmt=png", "qlt=50", "resMode=bilin", "bgc=ff0000"]
# Layer 1 needs a src= or a colour to exist without an error.
CONTENT = "src=a"


def _check(found: object, field: str, value: Any) -> None:
    assert getattr(found, field) is not None
    if value is not None:
        assert getattr(found, field) == value


@pytest.mark.parametrize(("command", "field", "value"), LAYER_COMMANDS)
def test_layer_command_in_every_segment(command: str, field: str, value: Any) -> None:
    comp = parse_request(command, {})
    _check(comp, field, value)
    zero = parse_request(f"layer=0&{command}", {})
    _check(zero, field, value)  # comp and layer=0 write the same slot
    assert zero.layer0 is None
    one = parse_request(f"layer=1&{CONTENT}&{command}", {})
    assert getattr(one, field) is None
    _check(one.layers[0], field, value)


@pytest.mark.parametrize(("command", "field", "value"), OWN_COMMANDS)
def test_composite_command_in_every_segment(command: str, field: str, value: Any) -> None:
    comp = parse_request(command, {})
    _check(comp, field, value)  # the flattened composite
    zero = parse_request(f"layer=0&{command}", {})
    assert getattr(zero, field) is None
    assert zero.layer0 is not None
    _check(zero.layer0, field, value)  # layer 0 alone
    one = parse_request(f"layer=1&{CONTENT}&{command}", {})
    assert getattr(one, field) is None
    _check(one.layers[0], field, value)


@pytest.mark.parametrize(("command", "field", "value"), PLACEMENT_COMMANDS)
def test_placement_commands_only_act_on_layers_above_0(
    command: str, field: str, value: Any
) -> None:
    if command.startswith("sizeN"):
        for modifier in (command, f"layer=0&{command}"):
            with pytest.raises(ISErrors) as caught:
                parse_request(modifier, {})
            assert caught.value.code is E.E_BAD_REQUEST
    else:
        assert parse_request(command, {}) == Request()
        assert parse_request(f"layer=0&{command}", {}) == Request()
    one = parse_request(f"layer=1&src=a&{command}", {})
    _check(one.layers[0], field, value)


@pytest.mark.parametrize("command", REQUEST_COMMANDS)
def test_request_commands_apply_whatever_the_layer(command: str) -> None:
    name = command.split("=")[0].lower().replace("resmode", "res_mode")
    one = parse_request(f"layer=1&{CONTENT}&{command}", {})
    assert getattr(one, name) is not None
    assert getattr(one.layers[0], name, None) is None


def test_segments_with_the_same_number_merge_and_last_wins() -> None:
    request = parse_request(
        "layer=2&color=ff0000&size=5,5&opac=10&layer=1&src=a&layer=2&opac=20&sizeN=0.5,0.5", {}
    )
    assert [layer.number for layer in request.layers] == [1, 2]
    two = request.layers[1]
    assert (two.opac, two.size, two.color is not None) == ((20, 100), SizeN(0.5, 0.5), True)


def test_layer_names() -> None:
    request = parse_request("layer=1,Logo&src=a&layer=comp&wid=5&layer=logo&opac=30", {})
    assert request.layers[0].opac == (30, 100)
    assert parse_request("layer=1,a&layer=1,a&layer=1,b&src=x&layer=b&scale=2", {}).layers[0].scale
    zero = parse_request("layer=0,base&layer=comp&opac=5&layer=base&opac=7", {})
    assert (zero.opac, zero.layer0 and zero.layer0.opac) == ((5, 100), (7, 100))


def test_a_new_part_starts_at_comp() -> None:
    # The catalog Modifier ends inside layer 1; the request's opac is the composite's.
    request = parse_request("opac=40", {}, prefix="layer=1&color=000000&size=5,5")
    assert request.opac == (40, 100)
    assert request.layers[0].opac is None
    # The ExportJob macro starts at comp, even after an is_modifier that selected a layer.
    macros = {"m": "opac=30&fmt=png"}
    job = parse_request(effective_modifier("layer=1&src=x", "$m$"), macros)
    assert (job.opac, job.layers[0].opac) == ((30, 100), None)


def test_a_pasted_macro_keeps_its_layer() -> None:
    macros = {"wm": "layer=1&src=brand/logo"}
    request = parse_request("$wm$&opac=30", macros)
    assert (request.opac, request.layers[0].opac) == (None, (30, 100))


def test_every_occurrence_is_validated_in_hidden_layers_too() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("layer=1&hide=1&src=a&opac=200", {})
    assert [(e.code, e.token) for e in caught.value.errors] == [(E.E_BAD_VALUE, "opac=200")]


# -- errors of §11.11, with their positions -------------------------------------------
PARSE_ERRORS: list[tuple[str, ErrorCode, str]] = [
    ("layer=1&color=ff0000", E.E_BAD_REQUEST, "color=ff0000"),  # colour without size
    ("layer=1&color=ff0000&size=10,0", E.E_BAD_REQUEST, "size=10,0"),
    ("layer=1&opac=50", E.E_BAD_REQUEST, "layer=1"),  # neither src nor color
    ("layer=logo", E.E_BAD_REQUEST, "layer=logo"),  # a name never mapped
    ("layer=1,a&src=x&layer=2,a", E.E_BAD_REQUEST, "layer=2,a"),  # one name, two layers
    ("sizeN=0.5,0.5", E.E_BAD_REQUEST, "sizeN=0.5,0.5"),
    ("layer=0&sizeN=0.5,0.5", E.E_BAD_REQUEST, "sizeN=0.5,0.5"),
    ("layer=x y", E.E_BAD_VALUE, "layer=x y"),
    ("layer=-1", E.E_BAD_VALUE, "layer=-1"),
    ("layer=1000", E.E_BAD_VALUE, "layer=1000"),
    ("layer=comp,a", E.E_BAD_VALUE, "layer=comp,a"),
    ("layer=1,comp", E.E_BAD_VALUE, "layer=1,comp"),
    ("layer=$n$", E.E_BAD_VALUE, "layer=$n$"),
    ("layer=1&src=", E.E_BAD_VALUE, "src="),
    ("layer=1&src=a,b", E.E_BAD_VALUE, "src=a,b"),
    ("layer=1&src=a&pos=1.5,2", E.E_BAD_VALUE, "pos=1.5,2"),
    ("layer=1&src=a&originN=x,0", E.E_BAD_VALUE, "originN=x,0"),
    ("layer=1&src=a&anchor=1", E.E_BAD_VALUE, "anchor=1"),
    ("layer=1&src=a&sizeN=1.5,0", E.E_BAD_VALUE, "sizeN=1.5,0"),
    ("layer=1&src=a&blendMode=overlay", E.E_BAD_VALUE, "blendMode=overlay"),
    ("layer=1&src=a&hide=yes", E.E_BAD_VALUE, "hide=yes"),
    ("layer=1&text=hello&size=9,9", E.E_UNSUPPORTED, "text=hello"),  # and nothing else
    ("layer=1&src=is(a?wid=1&fmt=png)", E.E_UNSUPPORTED, "src=is(a?wid=1&fmt=png)"),
    ("layer=1&src=fxg{x&y}", E.E_UNSUPPORTED, "src=fxg{x&y}"),
    ("layer=1&src=a&mask=ir(a&b)", E.E_UNSUPPORTED, "mask=ir(a&b)"),
    ("layer=1&src=is(a?wid=1&fmt=png", E.E_SYNTAX, "src=is(a?wid=1&fmt=png"),
]


@pytest.mark.parametrize(("modifier", "code", "token"), PARSE_ERRORS)
def test_layer_errors_are_found_while_parsing(modifier: str, code: ErrorCode, token: str) -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request(f".x&{modifier}", {})
    errors = caught.value.errors
    assert [(e.code, e.token, e.position) for e in errors] == [
        (code, token, 3 + modifier.index(token))
    ]


@pytest.fixture
def sources(tmp_path: Path):  # type: ignore[no-untyped-def]
    return catalog_of(
        tmp_path,
        {
            "brand/logo.png": Image.new("RGBA", (30, 12), (0, 0, 0, 255)),
            "brand/logo.jpg": Image.new("RGB", (30, 12)),
            "brand/mark.png": Image.new("LA", (20, 20)),
            "lookbook.pdf": Image.new("RGB", (4, 4)),
            "root.png": Image.new("RGB", (8, 6)),
        },
    )


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("brand/mark", "brand/mark"),
        ("brand/mark.png", "brand/mark"),
        ("/brand//mark", "brand/mark"),
        ("brand/logo.png", "brand/logo"),
        ("a0000000000000002", "brand/mark"),  # a handle
        ("root", "root"),
        ("%20brand%2Fmark%20", "brand/mark"),
    ],
)
def test_sources_resolve_by_name_file_name_or_handle(sources: Any, name: str, found: str) -> None:
    request = parse_request(f"layer=1&src={name}", {}, sources=sources)
    assert request.layers[0].image is not None
    assert request.layers[0].image.name == found
    assert request.layer_images()[0].name == found


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("brand/logo", E.E_AMBIGUOUS_SOURCE, "logo.jpg, logo.png"),
        ("brand/Mark", E.E_UNKNOWN_SOURCE, "letter case counts"),
        ("mark", E.E_UNKNOWN_SOURCE, "no image"),
        ("lookbook", E.E_UNKNOWN_SOURCE, "not an image"),
    ],
)
def test_source_errors_name_the_token(sources: Any, name: str, code: ErrorCode, words: str) -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request(f"wid=5&layer=1&src={name}&opac=5", {}, sources=sources)
    [error] = caught.value.errors
    assert (error.code, error.token, error.position) == (code, f"src={name}", 14)
    assert words in error.message


def test_layer_0_src_replaces_the_asset_size(sources: Any) -> None:
    request = parse_request("src=root&fmt=png", {}, sources=sources)
    out = resolve(request, 1000, 1000, "RGB", ISAttributes())
    assert (out.width, out.height) == (8, 6)


def test_an_unresolved_src_fails_before_pixels() -> None:
    request = parse_request("layer=1&src=brand/logo", {})  # parsed without a catalog
    with pytest.raises(ISError) as caught:
        resolve(request, 10, 10, "RGB", ISAttributes())
    assert (caught.value.code, caught.value.token) == (E.E_UNKNOWN_SOURCE, "src=brand/logo")


def test_size_errors_of_layers_come_from_the_resolver_with_the_token(sources: Any) -> None:
    request = parse_request("wid=5&layer=1&src=root&extend=-4,0,-4,0", {}, sources=sources)
    with pytest.raises(ISError) as caught:
        resolve(request, 10, 10, "RGB", ISAttributes())
    assert (caught.value.code, caught.value.token, caught.value.position) == (
        E.E_BAD_VALUE,
        "extend=-4,0,-4,0",
        23,
    )
    big = parse_request("layer=1&src=root&scale=2000", {}, sources=sources)
    with pytest.raises(ISError) as caught:
        resolve(big, 10, 10, "RGB", ISAttributes(max_render_pixels=1_000_000))
    assert caught.value.code is E.E_TOO_LARGE
    assert "layer 1" in caught.value.message


def test_layer_records_are_plain_data() -> None:
    layer = parse_request("layer=1&src=a", {}).layers[0]
    assert isinstance(layer, Layer) and layer.origins["src"].position == 8
