"""The Mail page of the settings dialog: server, addresses, password and a test message.

The password goes to the system keyring (never into settings.json); the
test message is sent on a worker thread so a slow or silent server never
freezes the dialog.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exportgui.config import MailSettings, Settings
from exportgui.gui.settings.page import OptionsPage, PageSaveError, add_field
from exportgui.gui.widgets.i18n import QT_TR_NOOP, tr
from exportgui.gui.widgets.tasks import TaskRunner
from exportgui.gui.widgets.theme import Meaning, MessageLabel, monospace_font
from exportgui.jobs import notify


def url_problem(mail: MailSettings) -> str | None:
    """Why the server of ``mail`` cannot be used, or None (no URL means "no mail")."""
    if not mail.smtp_url:
        return None
    try:
        notify.server_for(mail)
    except notify.NotifyError as exc:
        return _sentence(str(exc))
    return None


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def split_recipients(text: str) -> list[str]:
    """Recipients typed as ``a@x.com, b@y.com`` (commas or semicolons)."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _send_test_message(mail: MailSettings, password: str | None) -> str:
    """Send one test message (looking the password up if none was typed); the text to show."""
    if password is None:
        password = notify.get_password(mail)
    notify.send_test_message(mail, password)
    return tr("Test message sent to {recipients}.").format(recipients=", ".join(mail.recipients))


class MailPage(OptionsPage):
    """Server URL, sender, recipients, user name, password, plain login, and a test button."""

    title = QT_TR_NOOP("Mail")
    test_finished = Signal(bool, str)  # sent?, the text shown

    def __init__(self, settings: Settings, pool: QThreadPool, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self._tasks = TaskRunner(pool, self)
        self._password_state = ""
        self.setAccessibleName(tr("Mail settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)  # before the fields: they are made in the page, in Tab order
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.url_edit = QLineEdit(self)
        self.url_edit.setFont(monospace_font())
        self.url_edit.setPlaceholderText(tr("smtp+starttls://mail.example.com:587"))
        self.url_message = add_field(
            form,
            tr("&Server:"),
            self.url_edit,
            tr("Mail server"),
            tr("smtp:// (plain), smtp+starttls:// or smtps:// (encrypted), then host and port"),
        )
        self.sender_edit = QLineEdit(self)
        self.sender_edit.setPlaceholderText(tr("exports@example.com"))
        self.sender_message = add_field(
            form, tr("S&ender:"), self.sender_edit, tr("Sender address")
        )
        self.recipients_edit = QLineEdit(self)
        self.recipients_edit.setPlaceholderText(tr("me@example.com, team@example.com"))
        self.recipients_message = add_field(
            form,
            tr("&Recipients:"),
            self.recipients_edit,
            tr("Recipient addresses"),
            tr("Separate several addresses with commas"),
        )
        self.username_edit = QLineEdit(self)
        self.username_edit.setPlaceholderText(tr("leave empty if the server needs no login"))
        add_field(form, tr("&User name:"), self.username_edit, tr("Mail user name"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_message = add_field(
            form,
            tr("&Password:"),
            self.password_edit,
            tr("Mail password"),
        )
        # The label is the setting's name that notify's refusal message quotes.
        self.plain_login_check = QCheckBox(
            tr("Allow a login &without encryption (smtp://, this computer only)"), self
        )
        self.plain_login_check.setAccessibleName(tr("Allow a login without encryption"))
        self.plain_login_check.setToolTip(
            tr("Sends the password in clear: only for a server at localhost, 127.0.0.1 or ::1")
        )
        form.addRow("", self.plain_login_check)

        self.test_button = QPushButton(tr("Send &test message"), self)
        self.test_button.setAccessibleName(tr("Send test message"))
        self.test_button.setToolTip(tr("Send a short message with these settings (not yet saved)"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.send_test_message)
        # Shown empty too: a hidden result would leave the button the whole row.
        self.test_result = MessageLabel(tr("Test message result"), self, max_lines=2, reserve=True)
        self.test_result.clear_message()
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        layout.addLayout(test_row)
        layout.addStretch(1)

        for edit in (
            self.url_edit,
            self.sender_edit,
            self.recipients_edit,
            self.username_edit,
            self.password_edit,
        ):
            edit.textChanged.connect(self._revalidate)
        self.plain_login_check.toggled.connect(self._revalidate)
        self.load()

    # -- OptionsPage -----------------------------------------------------------
    def load(self) -> None:
        """Show the stored mail settings; the password field stays empty."""
        mail = self._settings.mail
        self.url_edit.setText(mail.smtp_url)
        self.sender_edit.setText(mail.sender)
        self.recipients_edit.setText(", ".join(mail.recipients))
        self.username_edit.setText(mail.username)
        self.plain_login_check.setChecked(mail.allow_plain_login)
        self.password_edit.clear()
        self._show_password_state(mail)
        self._revalidate()

    def restore_defaults(self) -> None:
        """Empty every field: no mail is sent until it is configured."""
        for edit in (
            self.url_edit,
            self.sender_edit,
            self.recipients_edit,
            self.username_edit,
            self.password_edit,
        ):
            edit.clear()
        self.plain_login_check.setChecked(False)
        self._revalidate()

    def problem(self) -> str | None:
        """The first field problem."""
        problems = self._problems()
        return next((p for p in problems.values() if p), None)

    def save(self, settings: Settings) -> None:
        """Store the fields in ``settings`` and a typed password in the keyring."""
        mail = self.mail_settings()
        settings.mail = mail
        password = self.password_edit.text()
        if password:
            try:
                notify.set_password(mail, password)
            except Exception as exc:  # keyring backends raise their own types
                raise PageSaveError(
                    tr("The password was not stored: {reason}").format(reason=exc)
                ) from None
            self.password_edit.clear()
            self._show_password_state(mail, stored=True)

    # -- fields ----------------------------------------------------------------
    def mail_settings(self) -> MailSettings:
        """The mail settings as typed (not yet saved)."""
        return MailSettings(
            smtp_url=self.url_edit.text().strip(),
            sender=self.sender_edit.text().strip(),
            recipients=split_recipients(self.recipients_edit.text()),
            username=self.username_edit.text().strip(),
            allow_plain_login=self.plain_login_check.isChecked(),
        )

    def _problems(self) -> dict[str, str | None]:
        mail = self.mail_settings()
        addresses: dict[str, str] = {}
        for field, problem in notify.address_problems(mail):
            addresses.setdefault(field, _sentence(problem))
        return {
            "url": url_problem(mail),
            "sender": addresses.get("sender"),
            "recipients": addresses.get("recipients"),
            "password": self._password_problem(mail),
        }

    def _password_problem(self, mail: MailSettings) -> str | None:
        if not self.password_edit.text():
            return None
        if not mail.smtp_url:
            return tr("A password needs the mail server it is for.")
        try:
            has_user = bool(notify.parse_smtp_url(mail.smtp_url, mail.username).username)
        except notify.NotifyError:
            return None  # the server field shows that problem
        if not has_user:
            return tr("A password needs the user name it belongs to.")
        return None

    def _revalidate(self) -> None:
        problems = self._problems()
        for key, label in (
            ("url", self.url_message),
            ("sender", self.sender_message),
            ("recipients", self.recipients_message),
            ("password", self.password_message),
        ):
            problem = problems[key]
            if problem:
                label.show_message(f"✗ {problem}", Meaning.ERROR)
            elif key == "password":
                label.show_message(self._password_state)
            else:
                label.clear_message()
        self.test_button.setEnabled(not self._tasks.busy())
        self.changed.emit()

    def _show_password_state(self, mail: MailSettings, stored: bool | None = None) -> None:
        if os.environ.get(notify.PASSWORD_ENV):
            text = tr(
                "The password comes from {variable}; a password typed here goes to the keyring."
            ).format(variable=notify.PASSWORD_ENV)
        else:
            if stored is None:
                try:
                    stored = bool(mail.smtp_url and notify.get_password(mail))
                except Exception:
                    stored = False
            text = (
                tr("A password is stored in the system keyring; type a new one to replace it.")
                if stored
                else tr(
                    "No password stored. Kept in the system keyring, never in the settings file."
                )
            )
        self._password_state = text
        self.password_message.show_message(text)
        self.password_edit.setPlaceholderText(tr("••••••• (stored)") if stored else "")

    # -- test message --------------------------------------------------------------
    def send_test_message(self) -> bool:
        """Send a test message off the GUI thread; False when the fields are not ready."""
        if self._tasks.busy():
            return False
        mail = self.mail_settings()
        problem = self.problem()
        if problem is None and not mail.configured:
            problem = tr("Fill in the server, the sender and at least one recipient first.")
        if problem:
            self.test_result.show_message(f"✗ {problem}", Meaning.ERROR)
            return False
        password = self.password_edit.text() or None
        self.test_button.setEnabled(False)
        self.test_result.show_message(
            tr("Sending to {recipients}…").format(recipients=", ".join(mail.recipients))
        )
        self._tasks.submit(
            lambda _report: _send_test_message(mail, password),
            on_finished=self._on_test_succeeded,
            on_failed=self._on_test_failed,
        )
        return True

    def _on_test_succeeded(self, _generation: int, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.show_message(f"✓ {text}", Meaning.SUCCESS)
        self.test_finished.emit(True, text)

    def _on_test_failed(self, _generation: int, exc: Exception) -> None:
        if isinstance(exc, notify.NotifyError):
            text = str(exc)
        else:  # its text might hold what the server was sent
            text = tr("unexpected error: {kind}").format(kind=type(exc).__name__)
        self.test_button.setEnabled(True)
        self.test_result.show_message(
            "✗ " + tr("Not sent: {reason}").format(reason=text), Meaning.ERROR
        )
        self.test_finished.emit(False, text)
