"""The engine's words in Italian: its errors keep their codes, tokens and positions."""

from __future__ import annotations

import pickle

import pytest

from exportgui.config.i18n import use_language
from exportgui.imaging import ISError, parse_request
from exportgui.imaging.errors import ErrorCode, ISErrors
from exportgui.imaging.macro_checks import check_definition, check_name


def _errors(modifier: str, macros: dict[str, str] | None = None) -> ISErrors:
    with pytest.raises(ISErrors) as caught:
        parse_request(modifier, macros or {})
    return caught.value


def test_an_invalid_modifier_reads_italian_with_the_same_codes_and_places() -> None:
    modifier = "qlt=200&blendMode=x&op_colorize=1,2,3,4,5&zz=1"
    english = _errors(modifier)
    with use_language("it"):
        italian = _errors(modifier)
        whole = str(italian)
    assert [(e.code, e.token, e.position, e.origin) for e in italian.errors] == [
        (e.code, e.token, e.position, e.origin) for e in english.errors
    ]
    assert [e.message for e in italian.errors] == [
        "'qlt=200' alla posizione 1: qlt deve essere un numero intero da 1 a 100, non '200'",
        "'blendMode=x' alla posizione 9: blendMode deve essere uno tra "
        "norm|mult|screen|darken|lighten|dissolve, non 'x'",
        "'op_colorize=1,2,3,4,5' alla posizione 21: il colore di op_colorize: "
        "un colore CMYK richiede il suffisso k (c,m,y,k[,a]k)",
        "'zz=1' alla posizione 43: comando sconosciuto 'zz'",
    ]
    assert whole == f"E_BAD_VALUE: {italian.errors[0].message} (e altri 3)"
    assert english.errors[0].message == (
        "'qlt=200' at position 1: qlt must be a whole number from 1 to 100, not '200'"
    )


def test_a_macro_error_names_its_place_in_italian() -> None:
    with use_language("it"):
        error = _errors("wid=5&$outer$", {"outer": "hei=1&$inner$", "inner": "wid=0"}).errors[0]
    assert error.code is ErrorCode.E_BAD_VALUE and error.position == 0
    assert error.message == (
        "'wid=0' nella macro $inner$ alla posizione 1 (usata da $outer$ alla posizione 7): "
        "wid deve essere un numero intero maggiore di 0, non '0'"
    )


def test_an_unsupported_command_gives_its_reason_in_italian() -> None:
    with use_language("it"):
        error = _errors("wid=5&perspective=1").errors[0]
    assert error.code is ErrorCode.E_UNSUPPORTED
    assert error.message == (
        "'perspective=1' alla posizione 7: perspective non è supportato: "
        "le distorsioni prospettiche non sono supportate"
    )


def test_the_macro_editors_checks_are_in_italian() -> None:
    with use_language("it"):
        assert check_name("a b", None, {}) == (
            "Il nome di una macro può contenere solo lettere, cifre, '.', '_' e '-' (non ' ')."
        )
        assert check_name("Web", None, {"web": "wid=1"}) == (
            "Esiste già una macro $web$ (i nomi ignorano maiuscole e minuscole)."
        )
        [finding] = check_definition("wid=1&$nope$", {}).findings
    assert finding.message == "'$nope$' alla posizione 7: nessuna macro chiamata 'nope' è definita"
    assert check_name("Web", None, {"web": "wid=1"}) == (
        "There is already a macro $web$ (names ignore letter case)."
    )


def test_an_error_made_in_italian_stays_italian_through_a_process_pool() -> None:
    with use_language("it"):
        error = _errors("wid=abc").errors[0]
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, ISError) and copy.message == error.message
    assert copy.message.startswith("'wid=abc' alla posizione 1: wid deve essere")
