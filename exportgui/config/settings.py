"""User preferences: a typed dataclass stored as versioned JSON.

A damaged settings file is never fatal and never silently lost: it is moved
aside (kept under a new name), the caller gets a message to show, and the
defaults are used.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from exportgui.config.atomic import atomic_write_text, move_aside
from exportgui.config.paths import AppPaths
from exportgui.config.userfiles import MiB, UserFileError, load_json_file, shown

SETTINGS_SCHEMA = 1
SETTINGS_MAX_BYTES = MiB


class SettingsError(ValueError):
    """A settings document that does not have the expected shape."""


def redact_url(url: str) -> str:
    """``url`` fit to show in a message or a log: its user info becomes ``***``.

    Works on malformed URLs too: everything before the last ``@`` after the
    scheme is hidden, and so is a "port" that is not a number (``user:password``
    with the ``@host`` forgotten), with whatever follows it.
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    if "@" in rest:
        return f"{scheme}{sep}***@{rest.rpartition('@')[2]}"
    end = min((i for i in map(rest.find, "/?#") if i >= 0), default=len(rest))
    host, colon, port = rest[:end].rpartition(":")
    if colon and not port.isdigit() and "]" not in port:
        return f"{scheme}{sep}{host}:***"
    return url


WINDOW_LANGUAGES = ("", "en", "it")  # "" follows the system locale


@dataclass
class MailSettings:
    """Where job notifications go. The password is never here: it lives in the keyring."""

    smtp_url: str = ""  # smtp://host:port, smtp+starttls://host:port, smtps://host:port
    sender: str = ""
    recipients: list[str] = field(default_factory=list)
    username: str = ""
    allow_plain_login: bool = False  # log in without TLS, to a server on this computer only

    @property
    def configured(self) -> bool:
        """True when there is enough to send a message."""
        return bool(self.smtp_url and self.sender and self.recipients)

    def __repr__(self) -> str:
        return (
            f"MailSettings(smtp_url={redact_url(self.smtp_url)!r}, sender={self.sender!r}, "
            f"recipients={self.recipients!r}, username={self.username!r}, "
            f"allow_plain_login={self.allow_plain_login!r})"
        )


@dataclass
class Settings:
    """Preferences the user edits in the settings dialog."""

    mail: MailSettings = field(default_factory=MailSettings)
    workers: int = 0  # 0 = one per CPU core
    cluster: str = ""  # a Dask scheduler (tcp://HOST:8786) or local:N; "" = this computer
    language: str = ""  # the window's language: "" follows the system, else "en", "it"
    schema: int = SETTINGS_SCHEMA

    def to_json(self) -> str:
        """Serialise as the versioned JSON document stored on disk."""
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        """Build settings from a parsed document, naming the first field that is wrong."""
        if not isinstance(data, dict):
            raise SettingsError("the document is not a JSON object")
        schema = data.get("schema", SETTINGS_SCHEMA)
        if not isinstance(schema, int) or schema > SETTINGS_SCHEMA or schema < 1:
            raise SettingsError(f"unknown schema {schema!r} (this version reads 1)")
        mail_data = data.get("mail", {})
        if not isinstance(mail_data, dict):
            raise SettingsError("'mail' is not an object")
        mail = MailSettings(
            smtp_url=_str(mail_data, "smtp_url", "mail.smtp_url"),
            sender=_str(mail_data, "sender", "mail.sender"),
            recipients=_str_list(mail_data, "recipients", "mail.recipients"),
            username=_str(mail_data, "username", "mail.username"),
            allow_plain_login=_bool(mail_data, "allow_plain_login", "mail.allow_plain_login"),
        )
        workers = data.get("workers", 0)
        if not isinstance(workers, int) or isinstance(workers, bool) or not 0 <= workers <= 256:
            raise SettingsError("'workers' must be a whole number from 0 to 256")
        language = _str(data, "language", "language")
        if language not in WINDOW_LANGUAGES:
            raise SettingsError(
                f"'language' must be one of {', '.join(map(repr, WINDOW_LANGUAGES))}"
            )
        cluster = _str(data, "cluster", "cluster").strip()
        return cls(mail=mail, workers=workers, cluster=cluster, language=language)


def _str(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise SettingsError(f"'{where}' must be text")
    return value


def _bool(data: dict[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise SettingsError(f"'{where}' must be true or false")
    return value


def _str_list(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"'{where}' must be a list of text")
    return list(value)


@dataclass
class SettingsLoadResult:
    """Loaded settings, plus a message for the user when the file had to be set aside."""

    settings: Settings
    problem: str | None = None
    moved_to: Path | None = None


def load_settings(paths: AppPaths) -> SettingsLoadResult:
    """Read the settings file; a missing one gives defaults, a damaged one is moved aside."""
    path = paths.settings_file
    try:
        data = load_json_file(path, SETTINGS_MAX_BYTES)
    except FileNotFoundError:
        return SettingsLoadResult(Settings())
    except UserFileError as exc:
        return _set_aside(path, str(exc))
    try:
        return SettingsLoadResult(Settings.from_dict(data))
    except SettingsError as exc:
        return _set_aside(path, f"{shown(path)}: {exc}")


def _set_aside(path: Path, problem: str) -> SettingsLoadResult:
    try:
        moved = move_aside(path)
    except OSError:
        moved = None
    where = f"; it was kept as {shown(moved)}" if moved else ""
    return SettingsLoadResult(Settings(), f"{problem}{where}. Default settings are used.", moved)


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write the settings atomically."""
    atomic_write_text(paths.settings_file, settings.to_json())
