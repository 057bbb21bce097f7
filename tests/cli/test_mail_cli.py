"""The real ``exportgui`` command and its mail options: no password shown or kept, no injection."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from tests.helpers import export_files, exportgui, import_files, make_image
from tests.smtp_server import smtp_server

SECRET = "Pw7f3c9e1aXq"

# Each way an --smtp URL holding a password can be malformed.
MALFORMED = {
    "bad port": f"smtp://mailer:{SECRET}@mail.example.com:99999",
    "password read as the port": f"smtp://mailer:{SECRET}",
    "unknown scheme": f"http://mailer:{SECRET}@mail.example.com",
    "empty host": f"smtp://mailer:{SECRET}@",
    "broken IPv6 brackets": f"smtp://mailer:{SECRET}@[::1",
}


@pytest.fixture
def cat(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """(catalog folder, the handle of its one image, an empty destination)."""
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        handles = import_files(catalog, [make_image(tmp_path / "sources" / "a.png")])
    dest = tmp_path / "out"
    dest.mkdir()
    yield folder, handles["a.png"], dest


def export(cat: tuple[Path, str, Path], *mail: str) -> tuple[int, str]:
    """Export the image with mail at start and end; (exit code, stdout + stderr)."""
    folder, handle, dest = cat
    result = exportgui(
        "--catalog", str(folder), "export", handle, "--fmt", "orig", "--dest", str(dest),
        "--email-setting", "All", *mail,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout + result.stderr


def jobs_in(folder: Path) -> list[dict[str, object]]:
    """The jobs stored in the catalog."""
    listed = exportgui("--catalog", str(folder), "jobs", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    jobs: list[dict[str, object]] = json.loads(listed.stdout)["jobs"]
    return jobs


def files_holding(text: str, *roots: Path) -> list[Path]:
    """Every file under ``roots`` whose bytes contain ``text`` (the database and its -wal too)."""
    needle = text.encode()
    return [p for r in roots for p in r.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.mark.parametrize("url", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_smtp_url_never_shows_or_keeps_its_password(
    url: str, cat: tuple[Path, str, Path], tmp_path: Path, exportgui_home: Path
) -> None:
    code, output = export(cat, "--smtp", url, "--mail-from", "a@example.com", "--mail-to", "b@c.de")
    assert code == 2, output
    assert "--smtp" in output
    assert SECRET not in output
    assert jobs_in(cat[0]) == [] and export_files(cat[2]) == []
    assert files_holding(SECRET, tmp_path, exportgui_home) == []


def test_plain_smtp_with_a_login_is_refused_and_says_how_to_encrypt(
    cat: tuple[Path, str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPORTGUI_SMTP_PASSWORD", SECRET)
    with smtp_server(password=SECRET) as (box, url):
        mailer = url.replace("://", "://mailer@")
        code, output = export(cat, "--smtp", mailer, "--mail-from", "a@b.de", "--mail-to", "c@d.de")
        assert code == 2, output
        assert "--smtp" in output and "without encryption" in output
        for choice in ("smtp+starttls://", "smtps://", "--allow-plain-login"):
            assert choice in output
        assert box.logins == [] and box.messages == []
        assert jobs_in(cat[0]) == [] and export_files(cat[2]) == []

        code, output = export(
            cat, "--smtp", mailer, "--allow-plain-login", "--mail-from", "a@b.de",
            "--mail-to", "c@d.de",
        )  # fmt: skip
        assert code == 0, output
        assert box.logins == [("mailer", SECRET), ("mailer", SECRET)]  # start and end
        assert len(box.messages) == 2
    assert SECRET not in output


def test_the_plain_login_opt_in_is_for_this_computer_only(cat: tuple[Path, str, Path]) -> None:
    code, output = export(
        cat, "--smtp", "smtp://mailer@mail.example.com", "--allow-plain-login",
        "--mail-from", "a@b.de", "--mail-to", "c@d.de",
    )  # fmt: skip
    assert code == 2
    assert "this computer" in output and "smtp+starttls://" in output
    assert jobs_in(cat[0]) == []


@pytest.mark.parametrize(
    ("flag", "mail"),
    [
        ("--mail-from", ["--mail-from", "a@b.de\r\nBcc: spy@evil.example", "--mail-to", "c@d.de"]),
        ("--mail-to", ["--mail-from", "a@b.de", "--mail-to", "c@d.de", "--mail-to", "e@f.de\n"]),
    ],
)
def test_a_line_break_in_an_address_is_an_invalid_job(
    flag: str, mail: list[str], cat: tuple[Path, str, Path]
) -> None:
    with smtp_server() as (box, url):
        code, output = export(cat, "--smtp", url, *mail)
    assert code == 2, output
    assert flag in output and "line break" in output
    assert jobs_in(cat[0]) == [] and export_files(cat[2]) == []
    assert box.messages == []


def test_resume_checks_the_mail_options_before_it_runs(cat: tuple[Path, str, Path]) -> None:
    code, output = export(cat, "--smtp", "smtp://127.0.0.1:9", "--mail-from", "a@b.de",
                          "--mail-to", "c@d.de")  # fmt: skip
    [job] = jobs_in(cat[0])
    assert code == 0 and job["state"] == "completed", output
    resumed = exportgui(
        "--catalog", str(cat[0]), "jobs", "resume", str(job["jobHandle"]), "--retry-failed",
        "--mail-to", "c@d.de\r\nBcc: spy@evil.example",
    )  # fmt: skip
    assert resumed.returncode == 2, resumed.stderr
    assert "--mail-to" in resumed.stderr and "line break" in resumed.stderr
    assert "Traceback" not in resumed.stderr
    assert jobs_in(cat[0]) == [job]


def test_mail_settings_from_settings_json_are_checked_and_named(
    cat: tuple[Path, str, Path], exportgui_home: Path
) -> None:
    settings = exportgui_home / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    mail = {"smtp_url": "smtp://127.0.0.1", "sender": "a@b.de\rX: y", "recipients": ["c@d.de"]}
    settings.write_text(json.dumps({"schema": 1, "mail": mail}), encoding="utf-8")
    code, output = export(cat)
    assert code == 2, output
    assert "mail.sender" in output and str(settings) in output and "line break" in output
    assert jobs_in(cat[0]) == []
    assert os.path.exists(settings)  # a bad address is not a damaged file
