from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.config import MailSettings, Settings
from exportgui.config.settings import redact_url
from exportgui.jobs import (
    EmailSetting,
    ExportJob,
    Fmt,
    JobLogStore,
    RunOptions,
    joblog_to_dict,
    plan,
    resume,
    run,
)
from exportgui.jobs.notify import (
    NotifyError,
    compose,
    get_password,
    parse_smtp_url,
    send_test_message,
    server_for,
    set_password,
)
from tests.smtp_server import free_port, self_signed_cert, smtp_server


def _mail(url: str, username: str = "") -> MailSettings:
    return MailSettings(
        smtp_url=url,
        sender="exports@example.com",
        recipients=["designer@example.com", "lead@example.com"],
        username=username,
    )


def _jobs(library: dict[str, str], dest: Path, setting: EmailSetting) -> dict[str, ExportJob]:
    """A clean job, one with a warning (an asset listed twice) and one with an error."""
    assets = {
        "clean": (library["a.jpg"], library["b.png"]),
        "warned": (library["a.jpg"], library["a.jpg"]),
        "failed": (library["b.png"], library["turntable"]),
    }
    jobs = {}
    for kind, handles in assets.items():
        (dest / kind).mkdir(parents=True)
        jobs[kind] = ExportJob(
            handles, Fmt.ORIG, destination=dest / kind, name=kind, email_setting=setting
        )
    return jobs


# What arrives, per emailSetting, for a clean job, a job with a warning and one with an error.
EXPECTED = {
    EmailSetting.ALL: {"clean": 2, "warned": 2, "failed": 2},
    EmailSetting.JOB_COMPLETION: {"clean": 1, "warned": 1, "failed": 1},
    EmailSetting.ERROR: {"clean": 0, "warned": 0, "failed": 1},
    EmailSetting.ERROR_AND_WARNING: {"clean": 0, "warned": 1, "failed": 1},
    EmailSetting.NONE: {"clean": 0, "warned": 0, "failed": 0},
}


@pytest.mark.parametrize("setting", list(EmailSetting))
def test_each_email_setting(
    setting: EmailSetting, catalog: Catalog, library: dict[str, str], tmp_path: Path
) -> None:
    with smtp_server() as (box, url):
        for kind, job in _jobs(library, tmp_path / setting.value, setting).items():
            before = len(box.messages)
            log = run(plan(job, catalog), catalog, RunOptions(mail=_mail(url)))
            assert log.notification_warning is None
            arrived = box.messages[before:]
            assert len(arrived) == EXPECTED[setting][kind], (setting, kind)
            for message in arrived:
                assert message["From"] == "exports@example.com"
                assert job.name in message["Subject"]
            assert all(r == ["designer@example.com", "lead@example.com"] for r in box.recipients)
            if not arrived:
                continue
            body = arrived[-1].get_content()
            if setting is EmailSetting.ALL:
                assert "started" in arrived[0]["Subject"]
                assert log.details
                for detail in log.details:  # the end message lists every asset
                    assert detail.asset_handle in body
            if setting in (EmailSetting.ERROR, EmailSetting.ERROR_AND_WARNING) and kind == "failed":
                assert "ExportJob does not export Spin Sets" in body
                assert library["b.png"] not in body  # only the problems are listed
            if kind == "failed":
                assert "1 failed" in arrived[-1]["Subject"]


def test_a_dead_server_is_a_warning_not_a_failure(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    url = f"smtp://127.0.0.1:{free_port()}"
    job = ExportJob((library["b.png"],), Fmt.ORIG, destination=dest, email_setting=EmailSetting.ALL)
    log = run(plan(job, catalog), catalog, RunOptions(mail=_mail(url)))
    assert log.state == "completed" and log.file_success_count == 1
    assert log.notification_warning is not None
    assert "start" in log.notification_warning and "cannot reach" in log.notification_warning
    stored = JobLogStore(catalog).get(log.job_handle)
    assert stored.notification_warning == log.notification_warning


def test_a_resume_that_mails_fine_drops_the_earlier_runs_mail_failure(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob((library["b.png"],), Fmt.ORIG, destination=dest, email_setting=EmailSetting.ALL)
    cancel = threading.Event()
    cancel.set()  # stopped before its asset: the job is left to resume
    dead = _mail(f"smtp://127.0.0.1:{free_port()}")
    first = run(plan(job, catalog), catalog, RunOptions(mail=dead, cancel=cancel))
    assert first.state == "cancelled" and first.notification_warning
    with smtp_server() as (box, url):
        resumed = resume(first.job_handle, catalog, options=RunOptions(mail=_mail(url)))
    assert resumed.state == "completed" and len(box.messages) == 2
    assert resumed.notification_warning is None
    assert JobLogStore(catalog).get(first.job_handle).notification_warning is None


def test_unconfigured_mail_is_a_warning(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob(
        (library["b.png"],), Fmt.ORIG, destination=dest, email_setting=EmailSetting.JOB_COMPLETION
    )
    log = run(plan(job, catalog), catalog, RunOptions(mail=MailSettings()))
    assert log.notification_warning and "no mail server" in log.notification_warning


def test_login_with_the_password_from_the_environment(
    catalog: Catalog, library: dict[str, str], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "s3cret-pass"
    monkeypatch.setenv("EXPORTGUI_SMTP_PASSWORD", secret)
    with smtp_server(password=secret) as (box, url):
        mail = _mail(url.replace("://", "://mailer@"))
        mail.allow_plain_login = True  # a server on this computer
        assert get_password(mail) == secret
        job = ExportJob(
            (library["b.png"],),
            Fmt.ORIG,
            destination=dest,
            email_setting=EmailSetting.JOB_COMPLETION,
        )
        log = run(plan(job, catalog), catalog, RunOptions(mail=mail))
        assert log.notification_warning is None
        assert box.logins == [("mailer", secret)] and len(box.messages) == 1
        monkeypatch.setenv("EXPORTGUI_SMTP_PASSWORD", "wrong")
        log = run(plan(job, catalog), catalog, RunOptions(mail=mail))
        assert log.notification_warning and "refused the login" in log.notification_warning
    for text in (json.dumps(joblog_to_dict(log)), log.notification_warning or ""):
        assert secret not in text and "wrong" not in text


@pytest.mark.parametrize("tls", ["starttls", "ssl"])
def test_tls_servers(tls: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("cryptography")
    cert = self_signed_cert(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert[0]))  # trust our own certificate
    with smtp_server(tls=tls, cert=cert) as (box, url):
        send_test_message(_mail(url), None)
        assert len(box.messages) == 1 and "test" in box.messages[0]["Subject"]
    monkeypatch.delenv("SSL_CERT_FILE")


def test_send_test_message_names_the_problem() -> None:
    with pytest.raises(NotifyError, match="cannot reach"):
        send_test_message(_mail(f"smtp://127.0.0.1:{free_port()}"), None)
    with pytest.raises(NotifyError, match="not configured"):
        send_test_message(MailSettings(smtp_url="smtp://127.0.0.1"), None)


def test_smtp_urls() -> None:
    server = parse_smtp_url("smtp+starttls://me%40corp@mail.example.com")
    assert (server.security, server.host, server.port, server.username) == (
        "starttls",
        "mail.example.com",
        587,
        "me@corp",
    )
    assert parse_smtp_url("smtps://h").port == 465
    assert parse_smtp_url("SMTP://h:2525", "u").username == "u"
    with pytest.raises(NotifyError, match="password"):
        parse_smtp_url("smtp://u:pw@h")
    with pytest.raises(NotifyError, match="smtp://"):
        parse_smtp_url("http://h")
    with pytest.raises(NotifyError, match="no host"):
        parse_smtp_url("smtp://")


def test_keyring_without_a_backend_is_reported() -> None:
    mail = _mail("smtp://user@127.0.0.1")
    assert get_password(mail) is None  # the null keyring of the test environment
    with pytest.raises(NotifyError, match="keyring"):
        set_password(mail, "x")
    with pytest.raises(NotifyError, match="user name"):
        set_password(_mail("smtp://127.0.0.1"), "x")


SECRET = "Pw7f3c9e1aXq"


def _files_holding(text: str, root: Path) -> list[Path]:
    needle = text.encode()
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def _one_asset_job(library: dict[str, str], dest: Path, setting: EmailSetting) -> ExportJob:
    return ExportJob((library["b.png"],), Fmt.ORIG, destination=dest, email_setting=setting)


@pytest.mark.parametrize(
    "url",
    [
        f"smtp://mailer:{SECRET}@mail.example.com:99999",
        f"smtp://mailer:{SECRET}",
        f"smtp://mailer:{SECRET}@mail.example.com:0",
        f"http://mailer:{SECRET}@mail.example.com",
        f"smtp://mailer:{SECRET}@",
        f"smtp://mailer:{SECRET}@[::1",
        f"smtp://mailer:{SECRET}@[not-v6]",
    ],
)
def test_a_malformed_url_is_named_without_its_password(
    url: str, catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    with pytest.raises(NotifyError) as raised:
        parse_smtp_url(url)
    assert SECRET not in str(raised.value) and "mail server URL" in str(raised.value)
    # A job run with it (the window reads the URL from settings.json) keeps no password either.
    log = run(
        plan(_one_asset_job(library, dest, EmailSetting.ALL), catalog),
        catalog,
        RunOptions(mail=_mail(url)),
    )
    assert log.notification_warning and SECRET not in log.notification_warning
    assert _files_holding(SECRET, catalog.folder) == []


def test_redact_url_hides_user_info_even_in_broken_urls() -> None:
    assert redact_url("smtp+starttls://me@mail.example.com:587") == (
        "smtp+starttls://***@mail.example.com:587"
    )
    assert redact_url("smtps://mail.example.com") == "smtps://mail.example.com"
    assert redact_url("smtp://[::1]:25") == "smtp://[::1]:25"
    for url in (
        f"smtp://u:{SECRET}@h:99999",
        f"smtp://u:{SECRET}",
        f"smtp://u:{SECRET}#x@h",
        f"smtp://u:pa@{SECRET}@h",
        f"u:{SECRET}@h",
        f"smtp://u:{SECRET}/x",
        f"smtp://u:{SECRET}?x",
    ):
        assert SECRET not in redact_url(url), url


def test_mail_settings_never_show_a_password_in_their_repr() -> None:
    mail = MailSettings(f"smtp://mailer:{SECRET}@h:99999", "a@b.de", ["c@d.de"], "mailer")
    assert SECRET not in repr(mail) and SECRET not in repr(Settings(mail=mail))
    assert "a@b.de" in repr(mail) and "h:99999" in repr(mail)


def test_a_refusal_that_echoes_the_password_is_stored_as_a_summary(
    catalog: Catalog, library: dict[str, str], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPORTGUI_SMTP_PASSWORD", SECRET)
    with smtp_server(password="the-right-one", echo_password=True) as (box, url):
        mail = _mail(url.replace("://", "://mailer@"))
        mail.allow_plain_login = True
        job = _one_asset_job(library, dest, EmailSetting.JOB_COMPLETION)
        log = run(plan(job, catalog), catalog, RunOptions(mail=mail))
    assert box.logins == [("mailer", SECRET)]  # the server saw it and echoed it back
    warning = log.notification_warning or ""
    assert "refused the login for 'mailer'" in warning and "535" in warning
    assert SECRET not in warning and "not accepted" not in warning  # no server free text
    stored = JobLogStore(catalog).get(log.job_handle)
    assert stored.notification_warning == warning
    assert SECRET not in json.dumps(joblog_to_dict(stored))
    assert _files_holding(SECRET, catalog.folder) == []


def test_a_password_the_login_cannot_carry_is_a_warning_not_a_crash(
    catalog: Catalog, library: dict[str, str], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPORTGUI_SMTP_PASSWORD", "pässwört")
    with smtp_server(password="x") as (box, url):
        mail = _mail(url.replace("://", "://mailer@"))
        mail.allow_plain_login = True
        job = _one_asset_job(library, dest, EmailSetting.ALL)
        log = run(plan(job, catalog), catalog, RunOptions(mail=mail))
    assert log.state == "completed" and log.file_success_count == 1
    warning = log.notification_warning or ""
    assert "mailer" in warning and "ASCII" in warning and "pässwört" not in warning
    assert box.messages == []


def test_plain_smtp_never_carries_a_password_unless_allowed_for_this_computer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EXPORTGUI_SMTP_PASSWORD", SECRET)
    with smtp_server(password=SECRET) as (box, url):
        mail = _mail(url.replace("://", "://mailer@"))
        with pytest.raises(NotifyError) as refused:
            send_test_message(mail, get_password(mail))
        text = str(refused.value)
        assert "without encryption" in text and "smtp+starttls://" in text and "smtps://" in text
        assert box.logins == [] and box.messages == []
        mail.allow_plain_login = True
        send_test_message(mail, get_password(mail))
        assert box.logins == [("mailer", SECRET)] and len(box.messages) == 1
    far = _mail("smtp://mailer@mail.example.com")
    far.allow_plain_login = True
    with pytest.raises(NotifyError, match="this computer"):
        server_for(far)
    for host in ("localhost", "127.0.0.1", "127.8.9.10", "[::1]"):
        near = _mail(f"smtp://mailer@{host}")
        near.allow_plain_login = True
        assert server_for(near).username == "mailer"
    assert server_for(_mail("smtp+starttls://mailer@mail.example.com")).port == 587
    assert server_for(_mail("smtp://mail.example.com")).username == ""  # no login: fine


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sender", "exports@example.com\r\nBcc: spy@evil.example"),
        ("sender", "exports@example.com\n"),
        ("recipients", ["designer@example.com", "lead@example.com\rBcc: spy@evil.example"]),
    ],
)
def test_a_line_break_in_an_address_is_refused_before_anything_is_sent(
    field: str, value: object, catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    with smtp_server() as (box, url):
        mail = _mail(url)
        setattr(mail, field, value)
        with pytest.raises(NotifyError, match="line break"):
            send_test_message(mail, None)
        job = _one_asset_job(library, dest, EmailSetting.ALL)
        log = run(plan(job, catalog), catalog, RunOptions(mail=mail))
    assert log.state == "completed" and log.file_success_count == 1
    assert log.notification_warning and "line break" in log.notification_warning
    assert box.messages == []


def test_no_header_can_be_injected_through_the_subject(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    with smtp_server() as (box, url):
        job = replace(
            _one_asset_job(library, dest, EmailSetting.ALL),
            name="nightly\r\nBcc: spy@evil.example\u2028X-Evil: 1",
        )
        log = run(plan(job, catalog), catalog, RunOptions(mail=_mail(url)))
    assert log.notification_warning is None
    assert len(box.messages) == 2
    for message in box.messages:
        assert message["Bcc"] is None and message["X-Evil"] is None
        assert "nightly" in message["Subject"] and "\n" not in message["Subject"]
    assert box.recipients == [["designer@example.com", "lead@example.com"]] * 2
    message = compose(log, EmailSetting.ALL, starting=False)
    assert message["Subject"] == " ".join(message["Subject"].split())
    assert compose(log, EmailSetting.ALL, starting=True)["Subject"].endswith("started: 1 asset")
