"""Job notifications by e-mail, per the ExportJob ``emailSetting``.

The server is a URL in the mail settings: ``smtp://host[:25]`` (plain),
``smtp+starttls://host[:587]`` or ``smtps://host[:465]`` (TLS from the first
byte), optionally with a user name (``smtp://user@host``). The password is
never in the URL, the settings file or a log: it comes from
``EXPORTGUI_SMTP_PASSWORD`` or the system keyring (service ``exportgui``).

A mail server that fails never fails the export: :func:`notify` returns a
warning text for the job log instead of raising.
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from exportgui.config import MailSettings
from exportgui.jobs.model import EmailSetting, JobLog, LogDetail, LogType

KEYRING_SERVICE = "exportgui"
PASSWORD_ENV = "EXPORTGUI_SMTP_PASSWORD"  # noqa: S105 - the variable's name, not a password
_TIMEOUT_S = 20.0
_SCHEMES = {"smtp": ("plain", 25), "smtp+starttls": ("starttls", 587), "smtps": ("ssl", 465)}


class NotifyError(RuntimeError):
    """Mail could not be sent (or configured); the message says why, never the password."""


@dataclass(frozen=True)
class SmtpServer:
    """A parsed ``smtp_url``."""

    security: str  # "plain" | "starttls" | "ssl"
    host: str
    port: int
    username: str

    def __str__(self) -> str:
        scheme = {"plain": "smtp", "starttls": "smtp+starttls", "ssl": "smtps"}[self.security]
        return f"{scheme}://{self.host}:{self.port}"


def parse_smtp_url(url: str, username: str = "") -> SmtpServer:
    """Read ``smtp_url``; NotifyError names what is wrong with it."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise NotifyError(f"the mail server URL {url!r} is malformed: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise NotifyError(
            f"the mail server URL {url!r} must start with smtp://, smtp+starttls:// or smtps://"
        )
    if not parts.hostname:
        raise NotifyError(f"the mail server URL {url!r} names no host")
    if parts.password is not None:
        raise NotifyError(
            "the mail server URL must not contain a password; store it in the keyring "
            f"or set {PASSWORD_ENV}"
        )
    security, default_port = _SCHEMES[scheme]
    user = username or unquote(parts.username or "")
    return SmtpServer(security, parts.hostname, port or default_port, user)


def get_password(mail: MailSettings) -> str | None:
    """The SMTP password: ``EXPORTGUI_SMTP_PASSWORD`` wins, else the keyring, else None."""
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    try:
        server = parse_smtp_url(mail.smtp_url, mail.username)
    except NotifyError:
        return None
    if not server.username:
        return None
    try:
        import keyring  # imported late: its backends probe D-Bus and cost time at start-up

        password: str | None = keyring.get_password(KEYRING_SERVICE, server.username)
    except Exception:  # any keyring backend failure means "no password"
        return None
    return password


def set_password(mail: MailSettings, password: str) -> None:
    """Store the SMTP password in the system keyring under the mail user name."""
    server = parse_smtp_url(mail.smtp_url, mail.username)
    if not server.username:
        raise NotifyError("set a user name for the mail server before storing a password")
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, server.username, password)
        kept = keyring.get_password(KEYRING_SERVICE, server.username)
        backend = type(keyring.get_keyring()).__name__
    except Exception as exc:
        raise NotifyError(
            f"the system keyring refused the password ({type(exc).__name__}); "
            f"set {PASSWORD_ENV} instead"
        ) from None
    if kept != password:  # e.g. the "null" keyring accepts and forgets
        raise NotifyError(
            f"no usable system keyring ({backend}) kept the password; set {PASSWORD_ENV} instead"
        )


def send_message(mail: MailSettings, message: EmailMessage, password: str | None) -> None:
    """Deliver ``message`` to the configured recipients; NotifyError on any failure."""
    if not mail.configured:
        raise NotifyError(
            "mail is not configured: a server URL, a sender and a recipient are needed"
        )
    server = parse_smtp_url(mail.smtp_url, mail.username)
    message["From"] = mail.sender
    message["To"] = ", ".join(mail.recipients)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="exportgui.local")
    try:
        client: smtplib.SMTP
        if server.security == "ssl":
            context = ssl.create_default_context()
            client = smtplib.SMTP_SSL(server.host, server.port, timeout=_TIMEOUT_S, context=context)
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=_TIMEOUT_S)
        with client:
            if server.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if server.username and password:
                client.login(server.username, password)
            client.send_message(message, from_addr=mail.sender, to_addrs=mail.recipients)
    except smtplib.SMTPAuthenticationError as exc:
        hint = "" if password else f" (no password found in the keyring or {PASSWORD_ENV})"
        raise NotifyError(
            f"{server} refused the login for {server.username!r}{hint}: {_reply(exc)}"
        ) from None
    except smtplib.SMTPException as exc:
        raise NotifyError(f"{server} did not accept the message: {_reply(exc)}") from None
    except OSError as exc:  # refused, unreachable, timeout, TLS failure
        reason = exc.strerror or str(exc) or type(exc).__name__
        if isinstance(exc, socket.timeout):
            reason = f"no answer within {_TIMEOUT_S:.0f} s"
        raise NotifyError(f"cannot reach the mail server {server}: {reason}") from None


def _reply(exc: smtplib.SMTPException) -> str:
    code = getattr(exc, "smtp_code", None)
    text = getattr(exc, "smtp_error", None)
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if code and text:
        return f"{code} {text}"
    return str(exc) or type(exc).__name__


def send_test_message(mail: MailSettings, password: str | None) -> None:
    """Send a short test message (settings dialog); NotifyError says what went wrong."""
    message = EmailMessage()
    message["Subject"] = "[exportgui] test message"
    message.set_content(
        "This is a test message from exportgui.\nJob notifications will be sent to this address.\n"
    )
    send_message(mail, message, password)


def should_notify(log: JobLog, setting: EmailSetting, *, starting: bool) -> bool:
    """Whether ``setting`` asks for a message at this point of the job."""
    if starting:
        return setting is EmailSetting.ALL
    failed = log.file_error_count > 0 or log.fatal_error is not None
    if setting in (EmailSetting.ALL, EmailSetting.JOB_COMPLETION):
        return True
    if setting is EmailSetting.ERROR:
        return failed
    if setting is EmailSetting.ERROR_AND_WARNING:
        return failed or log.file_warning_count > 0
    return False


def compose(log: JobLog, setting: EmailSetting, *, starting: bool) -> EmailMessage:
    """The notification for ``log`` at the start or the end of the job."""
    message = EmailMessage()
    title = log.job.name or log.job_handle
    if starting:
        message["Subject"] = f"[exportgui] job {title!r} started: {log.total_file_count} assets"
        message.set_content(
            "\n".join([*_header(log), "", "You will get another message when it ends.", ""])
        )
        return message
    message["Subject"] = (
        f"[exportgui] job {title!r} {log.state}: {log.file_success_count} succeeded, "
        f"{log.file_warning_count} with warnings, {log.file_error_count} failed"
    )
    lines = _header(log)
    if log.end_date:
        lines.append(f"Ended:        {log.end_date}")
    lines.append(
        f"Assets:       {log.total_file_count} in the job; {log.file_success_count} succeeded, "
        f"{log.file_warning_count} with warnings, {log.file_error_count} failed"
    )
    undone = log.total_file_count - len(log.details)
    if undone > 0:
        lines.append(f"Not done:     {undone} (the job can be resumed)")
    if log.fatal_error:
        lines.append(f"Stopped by:   {log.fatal_error}")
    wanted = {
        EmailSetting.ALL: {LogType.SUCCESS, LogType.WARNING, LogType.ERROR},
        EmailSetting.ERROR: {LogType.ERROR},
        EmailSetting.ERROR_AND_WARNING: {LogType.ERROR, LogType.WARNING},
    }.get(setting, set())
    listed = [d for d in log.details if d.log_type in wanted]
    if listed:
        lines += ["", "Assets:" if setting is EmailSetting.ALL else "Problems:"]
        lines += [_detail_line(d) for d in listed]
    message.set_content("\n".join([*lines, ""]))
    return message


def _header(log: JobLog) -> list[str]:
    job = log.job
    what = "original files" if job.fmt.value == "orig" else "converted images"
    lines = [
        f"Job:          {job.name or '(unnamed)'} ({log.job_handle})",
        f"Exports:      {what} to {job.destination}",
        f"Started:      {log.start_date}",
    ]
    if job.fmt.value == "convert":
        lines.insert(2, f"Modifier:     {job.is_modifier or '-'}   macro: {job.macro or '-'}")
    return lines


def _detail_line(detail: LogDetail) -> str:
    text = f"  {detail.log_type.value:<8} {detail.name} ({detail.asset_handle})"
    if detail.output:
        text += f" → {detail.output}"
    if detail.message:
        text += f": {detail.message}"
    return text


def notify(
    log: JobLog,
    setting: EmailSetting,
    mail: MailSettings,
    *,
    starting: bool = False,
    password: str | None = None,
) -> str | None:
    """Send what ``setting`` asks for; return None, or a warning text if mail failed.

    ``password`` defaults to :func:`get_password`. Never raises for a mail problem.
    """
    if not should_notify(log, setting, starting=starting):
        return None
    if not mail.configured:
        return (
            f"emailSetting is {setting.value} but no mail server, sender and recipient "
            "are configured; no notification was sent"
        )
    if password is None:
        password = get_password(mail)
    try:
        send_message(mail, compose(log, setting, starting=starting), password)
    except NotifyError as exc:
        when = "start" if starting else "end"
        return f"the job {when} notification was not sent: {exc}"
    return None
