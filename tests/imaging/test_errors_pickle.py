import pickle

from exportgui.imaging.errors import ErrorCode, ISError, ISErrors


def test_iserror_survives_pickling_with_every_field() -> None:
    err = ISError(ErrorCode.E_BAD_VALUE, "wid must be > 0", "wid=0", 4, "macro $m$")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is ISError
    assert (back.code, back.message, back.token, back.position, back.origin) == (
        ErrorCode.E_BAD_VALUE,
        "wid must be > 0",
        "wid=0",
        4,
        "macro $m$",
    )


def test_iserrors_survives_pickling_with_all_errors() -> None:
    errs = ISErrors(
        [
            ISError(ErrorCode.E_SYNTAX, "a", "x", 0),
            ISError(ErrorCode.E_UNKNOWN_COMMAND, "b", "y", 2),
        ]
    )
    back = pickle.loads(pickle.dumps(errs))
    assert [e.code for e in back.errors] == [ErrorCode.E_SYNTAX, ErrorCode.E_UNKNOWN_COMMAND]
    assert back.position == 0 and str(back) == str(errs)
