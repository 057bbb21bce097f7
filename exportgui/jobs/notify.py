"""Job notifications by e-mail, per the ExportJob ``emailSetting``.

The server is a URL in the mail settings: ``smtp://host[:25]`` (plain),
``smtp+starttls://host[:587]`` or ``smtps://host[:465]`` (TLS from the first
byte), optionally with a user name (``smtp://user@host``). The password is
never in the URL, the settings file or a log: it comes from
``EXPORTGUI_SMTP_PASSWORD`` or the system keyring (service ``exportgui``).
A login goes over TLS only, unless the settings allow a plain login and the
server is on this computer.

A mail server that fails never fails the export: :func:`notify` returns a
warning text for the job log instead of raising. Such texts name the server
and what failed with the SMTP code; they never repeat the server's own reply
text, which may echo what it was sent.
"""

from __future__ import annotations

import ipaddress
import itertools
import os
import smtplib
import socket
import ssl
import unicodedata
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, getaddresses, make_msgid
from urllib.parse import unquote, urlsplit

from exportgui.config import MailSettings
from exportgui.config.i18n import N_, _, date_time, ngettext, number, use_language
from exportgui.config.settings import redact_url
from exportgui.jobs.model import EmailSetting, JobLog, LogDetail, LogType
from exportgui.jobs.report import log_type_word, state_word
from exportgui.jobs.tally import tally, tally_words

KEYRING_SERVICE = "exportgui"
PASSWORD_ENV = "EXPORTGUI_SMTP_PASSWORD"  # noqa: S105 - the variable's name, not a password
PLAIN_LOGIN_FLAG = "--allow-plain-login"
PLAIN_LOGIN_SETTING = N_("Allow a login without encryption")
MAIL_LISTED = 1000  # outputs a mail lists at most; the job log has them all
_TIMEOUT_S = 20.0
_SCHEMES = {"smtp": ("plain", 25), "smtp+starttls": ("starttls", 587), "smtps": ("ssl", 465)}
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines splits at


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
        return f"{scheme}://{self.url_host}:{self.port}"

    @property
    def url_host(self) -> str:
        """The host as a URL writes it (an IPv6 address in brackets)."""
        return f"[{self.host}]" if ":" in self.host else self.host

    @property
    def on_this_computer(self) -> bool:
        """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
        if self.host.lower() == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def parse_smtp_url(url: str, username: str = "") -> SmtpServer:
    """Read ``smtp_url``; NotifyError names what is wrong with it (never its user info)."""
    shown = redact_url(url.strip())
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise NotifyError(
            _(
                "the mail server URL {url!r} is malformed: a host in [brackets] must be "
                "an IPv6 address, as in smtp://[::1]:25"
            ).format(url=shown)
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise NotifyError(
            _(
                "the mail server URL {url!r} must start with smtp://, smtp+starttls:// or smtps://"
            ).format(url=shown)
        )
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise NotifyError(
            _(
                "the mail server URL {url!r} is malformed: its port must be a number from 1 to "
                "65535"
            ).format(url=shown)
        )
    if not parts.hostname:
        raise NotifyError(_("the mail server URL {url!r} names no host").format(url=shown))
    if parts.password is not None:
        raise NotifyError(
            _(
                "the mail server URL must not contain a password; store it in the keyring "
                "or set {variable}"
            ).format(variable=PASSWORD_ENV)
        )
    user = username or unquote(parts.username or "")
    problem = control_problem(user)
    if problem:
        raise NotifyError(_("the mail user name {problem}").format(problem=problem))
    security, default_port = _SCHEMES[scheme]
    return SmtpServer(security, parts.hostname, port or default_port, user)


def server_for(mail: MailSettings) -> SmtpServer:
    """The checked server of ``mail``; NotifyError if the URL is wrong or a login would be in clear.

    A user name over plain ``smtp://`` is refused unless ``mail.allow_plain_login``
    is set and the server is on this computer.
    """
    server = parse_smtp_url(mail.smtp_url, mail.username)
    if not server.username or server.security != "plain":
        return server
    encrypted = _(
        "use smtp+starttls://{host} (STARTTLS, port 587) or smtps://{host} (TLS, port 465)"
    ).format(host=server.url_host)
    if not mail.allow_plain_login:
        raise NotifyError(
            _(
                "{server} would get the password without encryption: {encrypted}; "
                "for a server on this computer only, allow a plain login with {flag} "
                'or "{setting}" in the mail settings'
            ).format(
                server=server,
                encrypted=encrypted,
                flag=PLAIN_LOGIN_FLAG,
                setting=_(PLAIN_LOGIN_SETTING),
            )
        )
    if not server.on_this_computer:
        raise NotifyError(
            _(
                "{server} would get the password without encryption: a plain login is allowed "
                "only to a server on this computer (localhost, 127.0.0.1, ::1); {encrypted}"
            ).format(server=server, encrypted=encrypted)
        )
    return server


def _address_problem(address: str) -> str | None:
    """Why ``address`` cannot be a sender or a recipient (a phrase to follow it), or None."""
    problem = control_problem(address)
    if problem:
        return problem
    found = getaddresses([address])
    if len(found) != 1:
        return _("is not one mail address like name@example.com")
    _name, addr = found[0]
    local, at, domain = addr.rpartition("@")
    if not (local and at and domain) or any(c.isspace() for c in addr):
        return _("is not a mail address like name@example.com")
    return None


def address_problems(mail: MailSettings) -> list[tuple[str, str]]:
    """``(field, message)`` for each sender or recipient address of ``mail`` that cannot be used."""
    addresses = [("sender", _("the sender {address!r} {problem}"), mail.sender)]
    addresses = addresses if mail.sender else []
    addresses += [
        ("recipients", _("the recipient {address!r} {problem}"), r) for r in mail.recipients
    ]
    found = []
    for field, words, address in addresses:
        problem = _address_problem(address)
        if problem:
            found.append((field, words.format(address=address, problem=problem)))
    return found


def control_problem(text: str) -> str | None:
    """``contains a line break`` (or another control character), or None."""
    if any(c in _LINE_BREAKS for c in text):
        return _("contains a line break")
    if any(unicodedata.category(c) == "Cc" for c in text):
        return _("contains a control character")
    return None


def _set_header(message: EmailMessage, name: str, value: str) -> None:
    """Set a header; line breaks and other control characters in ``value`` become spaces."""
    message[name] = "".join(
        " " if c in _LINE_BREAKS or unicodedata.category(c) == "Cc" else c for c in value
    )


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
            _("mail is not configured: a server URL, a sender and a recipient are needed")
        )
    server = server_for(mail)
    bad_addresses = address_problems(mail)
    if bad_addresses:
        raise NotifyError(bad_addresses[0][1])
    _set_header(message, "From", mail.sender)
    _set_header(message, "To", ", ".join(mail.recipients))
    _set_header(message, "Date", formatdate(localtime=True))
    _set_header(message, "Message-ID", make_msgid(domain="exportgui.local"))
    step = "connect"
    try:
        client: smtplib.SMTP
        if server.security == "ssl":
            context = ssl.create_default_context()
            client = smtplib.SMTP_SSL(server.host, server.port, timeout=_TIMEOUT_S, context=context)
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=_TIMEOUT_S)
        with client:
            if server.security == "starttls":
                step = "tls"
                client.starttls(context=ssl.create_default_context())
            if server.username and password:
                step = "login"
                client.login(server.username, password)
            step = "send"
            client.send_message(message, from_addr=mail.sender, to_addrs=mail.recipients)
    except (smtplib.SMTPException, OSError, UnicodeError) as exc:
        raise NotifyError(_failure(exc, step, server, password)) from None


def _failure(exc: Exception, step: str, server: SmtpServer, password: str | None) -> str:
    """What failed, in words of our own and the SMTP code: never the server's reply text."""
    code = getattr(exc, "smtp_code", None)
    smtp = f" (SMTP {code})" if isinstance(code, int) and code > 0 else ""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(reply[0]) for reply in exc.recipients.values()})
        return _("{server} refused every recipient (SMTP {codes})").format(
            server=server, codes=", ".join(codes)
        )
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return _("{server} refused the sender{smtp}").format(server=server, smtp=smtp)
    user = repr(server.username)
    if step == "login":
        hint = ""
        if not password:
            hint = _(" (no password found in the keyring or {variable})").format(
                variable=PASSWORD_ENV
            )
        if isinstance(exc, UnicodeError):
            return _(
                "{server} cannot take the login for {user}: the user name and "
                "password must be ASCII characters"
            ).format(server=server, user=user)
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return _("{server} offers no login (SMTP AUTH) for {user}").format(
                server=server, user=user
            )
        return _("{server} refused the login for {user}{hint}{smtp}").format(
            server=server, user=user, hint=hint, smtp=smtp
        )
    if isinstance(exc, socket.timeout):
        reason = _("no answer within {seconds} s").format(seconds=f"{_TIMEOUT_S:.0f}")
    elif isinstance(exc, ssl.SSLCertVerificationError):
        return _("TLS with the mail server {server} failed: its certificate is not trusted").format(
            server=server
        )
    elif isinstance(exc, ssl.SSLError) or step == "tls":
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return _("{server} does not offer STARTTLS").format(server=server)
        return _("TLS with the mail server {server} failed{smtp}").format(server=server, smtp=smtp)
    elif isinstance(exc, smtplib.SMTPServerDisconnected):
        reason = _("the server closed the connection")
    elif isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
    elif step == "send":
        return _("{server} did not accept the message{smtp}").format(server=server, smtp=smtp)
    else:
        reason = _("the server refused the connection{smtp}").format(smtp=smtp)
    return _("cannot reach the mail server {server}: {problem}").format(
        server=server, problem=reason
    )


def send_test_message(mail: MailSettings, password: str | None) -> None:
    """Send a short test message (settings dialog); NotifyError says what went wrong."""
    message = EmailMessage()
    _set_header(message, "Subject", _("[exportgui] test message"))
    message.set_content(
        _("This is a test message from exportgui.")
        + "\n"
        + _("Job notifications will be sent to this address.")
        + "\n"
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
    """The notification for ``log`` at the start or the end of the job, in the job's locale."""
    with use_language(log.job.locale):
        return _compose(log, setting, starting=starting)


def _compose(log: JobLog, setting: EmailSetting, *, starting: bool) -> EmailMessage:
    message = EmailMessage()
    title = log.job.name or log.job_handle
    total = log.total_file_count
    if starting:
        if log.job.renditions:
            subject = ngettext(
                "[exportgui] job {title!r} started: {n} output",
                "[exportgui] job {title!r} started: {n} outputs",
                total,
            )
        else:
            subject = ngettext(
                "[exportgui] job {title!r} started: {n} asset",
                "[exportgui] job {title!r} started: {n} assets",
                total,
            )
        _set_header(message, "Subject", subject.format(title=title, n=number(total)))
        message.set_content(
            "\n".join([*_header(log), "", _("You will get another message when it ends."), ""])
        )
        return message
    outcome = tally_words(tally(log))
    _set_header(
        message,
        "Subject",
        _("[exportgui] job {title!r} {state}: {outcome}").format(
            title=title, state=state_word(log.state), outcome=outcome
        ),
    )
    lines = _header(log)
    if log.end_date:
        lines.append(_field(_("Ended"), date_time(log.end_date)))
    label = _("Outputs") if log.job.renditions else _("Assets")
    counted = ngettext("{n} in the job; {outcome}", "{n} in the job; {outcome}", total)
    lines.append(_field(label, counted.format(n=number(total), outcome=outcome)))
    undone = total - len(log.details)
    if undone > 0:
        lines.append(
            _field(_("Not done"), _("{n} (the job can be resumed)").format(n=number(undone)))
        )
    if log.fatal_error:
        lines.append(_field(_("Stopped by"), log.fatal_error))
    wanted = {
        EmailSetting.ALL: {LogType.SUCCESS, LogType.WARNING, LogType.ERROR},
        EmailSetting.ERROR: {LogType.ERROR},
        EmailSetting.ERROR_AND_WARNING: {LogType.ERROR, LogType.WARNING},
    }.get(setting, set())
    listed = (d for d in log.details if d.log_type in wanted)
    first = list(itertools.islice(listed, MAIL_LISTED))
    if first:
        lines += ["", _("Assets:") if setting is EmailSetting.ALL else _("Problems:")]
        lines += [_detail_line(d) for d in first]
        more = sum(1 for _more in listed)
        if more:
            lines.append(
                ngettext(
                    "… and {n} more: exportgui jobs show {handle}",
                    "… and {n} more: exportgui jobs show {handle}",
                    more,
                ).format(n=number(more), handle=log.job_handle)
            )
    message.set_content("\n".join([*lines, ""]))
    return message


def _field(label: str, value: str) -> str:
    """``Job:          value``: the values of the mail's header lines in one column."""
    return f"{label + ':':<14}{value}"


def _header(log: JobLog) -> list[str]:
    job = log.job
    name = _("{name} ({handle})").format(name=job.name or _("(unnamed)"), handle=log.job_handle)
    if job.renditions:
        names = ", ".join(r.name for r in job.renditions)
        lines = [
            _field(_("Job"), name),
            _field(
                _("Exports"),
                _("{n} renditions ({names}) to {destination}").format(
                    n=number(len(job.renditions)), names=names, destination=job.destination
                ),
            ),
        ]
        for r in job.renditions:
            if r.fmt.value == "convert":
                request = _("modifier: {modifier}   macro: {macro}").format(
                    modifier=r.is_modifier or "-", macro=r.macro or "-"
                )
            else:
                request = _("original files")
            if r.name_template:
                request += "   " + _("file names: {template}").format(template=r.name_template)
            lines.append(f"  {r.name}: {request}")
        return [*lines, _field(_("Started"), date_time(log.start_date))]
    what = _("original files") if job.fmt.value == "orig" else _("converted images")
    lines = [
        _field(_("Job"), name),
        _field(
            _("Exports"),
            _("{what} to {destination}").format(what=what, destination=job.destination),
        ),
        _field(_("Started"), date_time(log.start_date)),
    ]
    if job.fmt.value == "convert":
        modifier = _("{modifier}   macro: {macro}").format(
            modifier=job.is_modifier or "-", macro=job.macro or "-"
        )
        lines.insert(2, _field(_("Modifier"), modifier))
    if job.name_template:
        lines.insert(-1, _field(_("File names"), job.name_template))
    return lines


def _detail_line(detail: LogDetail) -> str:
    preset = f", {detail.rendition}" if detail.rendition else ""
    text = f"  {log_type_word(detail.log_type):<8} {detail.name} ({detail.asset_handle}{preset})"
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
    with use_language(log.job.locale):
        if not mail.configured:
            return _(
                "emailSetting is {setting} but no mail server, sender and recipient "
                "are configured; no notification was sent"
            ).format(setting=setting.value)
        if password is None:
            password = get_password(mail)
        try:
            send_message(mail, compose(log, setting, starting=starting), password)
        except NotifyError as exc:
            if starting:
                return _("the job start notification was not sent: {problem}").format(problem=exc)
            return _("the job end notification was not sent: {problem}").format(problem=exc)
    return None
