"""The settings dialog: mail (keyring, a real SMTP server), IS attributes, workers."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from exportgui.catalog import DEFAULT_ATTRIBUTES, Catalog
from exportgui.config import AppPaths, MailSettings, Settings, app_paths, load_settings
from exportgui.gui.settings.dialog import SettingsDialog
from exportgui.gui.widgets.theme import Meaning
from exportgui.jobs.notify import KEYRING_SERVICE
from tests.gui.helpers import mnemonics
from tests.smtp_server import free_port, smtp_server


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend that keeps passwords in this process (keyring ships none).

    It is plugged in with ``keyring.set_keyring`` exactly as a system backend
    would be, so the dialog goes through the real keyring API.
    """

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.passwords[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def paths() -> AppPaths:
    return app_paths()  # under the test's own EXPORTGUI_HOME


def open_dialog(
    qtbot: QtBot,
    paths: AppPaths,
    catalog: Catalog,
    pool: QThreadPool,
    settings: Settings | None = None,
) -> SettingsDialog:
    dialog = SettingsDialog(paths, settings or Settings(), catalog, pool=pool)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill_mail(qtbot: QtBot, dialog: SettingsDialog, url: str, username: str = "") -> None:
    page = dialog.mail_page
    page.url_edit.clear()
    qtbot.keyClicks(page.url_edit, url)
    qtbot.keyClicks(page.sender_edit, "exports@example.com")
    qtbot.keyClicks(page.recipients_edit, "me@example.com; team@example.com")
    if username:
        qtbot.keyClicks(page.username_edit, username)


def test_password_goes_to_the_keyring_and_never_into_settings_json(
    qtbot: QtBot,
    paths: AppPaths,
    catalog: Catalog,
    pool: QThreadPool,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    fill_mail(qtbot, dialog, "smtp+starttls://mail.example.com:587", username="mailer")
    qtbot.keyClicks(dialog.mail_page.password_edit, "pa55-w0rd!")

    with qtbot.waitSignal(dialog.settings_saved, timeout=2000) as saved:
        assert dialog.save()

    assert memory_keyring.passwords == {(KEYRING_SERVICE, "mailer"): "pa55-w0rd!"}
    text = paths.settings_file.read_text(encoding="utf-8")
    assert "pa55-w0rd!" not in text
    assert "password" not in json.loads(text)["mail"]
    new = saved.args[0]
    assert isinstance(new, Settings)
    assert new.mail == MailSettings(
        smtp_url="smtp+starttls://mail.example.com:587",
        sender="exports@example.com",
        recipients=["me@example.com", "team@example.com"],
        username="mailer",
    )
    assert load_settings(paths).settings == new
    assert not dialog.isVisible()


def test_a_stored_password_is_never_shown(
    qtbot: QtBot,
    paths: AppPaths,
    catalog: Catalog,
    pool: QThreadPool,
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, "mailer", "hidden")
    mail = MailSettings("smtps://mail.example.com", "a@example.com", ["b@example.com"], "mailer")
    dialog = open_dialog(qtbot, paths, catalog, pool, Settings(mail=mail))
    page = dialog.mail_page
    assert page.password_edit.text() == ""
    assert "A password is stored" in page.password_message.full_text()
    assert dialog.save()  # nothing typed: the stored password stays
    assert memory_keyring.passwords == {(KEYRING_SERVICE, "mailer"): "hidden"}


def test_a_password_needs_a_user_name(
    qtbot: QtBot,
    paths: AppPaths,
    catalog: Catalog,
    pool: QThreadPool,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    fill_mail(qtbot, dialog, "smtp://mail.example.com")
    qtbot.keyClicks(dialog.mail_page.password_edit, "secret")
    assert "user name" in dialog.mail_page.password_message.full_text()
    assert dialog.save() is False
    assert "Mail: A password needs the user name" in dialog.message.full_text()
    assert memory_keyring.passwords == {}
    assert not paths.settings_file.exists()


def test_a_keyring_that_refuses_keeps_the_dialog_open(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    # The test environment's null keyring stores nothing; the user must hear of it.
    dialog = open_dialog(qtbot, paths, catalog, pool)
    fill_mail(qtbot, dialog, "smtps://mail.example.com", username="mailer")
    qtbot.keyClicks(dialog.mail_page.password_edit, "secret")
    assert dialog.save() is False
    assert dialog.message.meaning is Meaning.ERROR
    assert "password was not stored" in dialog.message.full_text()
    assert not paths.settings_file.exists()
    assert dialog.isVisible()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://mail.example.com", "must start with smtp://"),
        ("smtp://", "names no host"),
        ("smtp://user:pw@mail.example.com", "must not contain a password"),
        ("smtp://mail.example.com:99999", "malformed"),
        ("smtp://mailer:Pw7f3c9e1aXq@mail.example.com:99999", "malformed"),
        ("smtp://mailer:Pw7f3c9e1aXq", "malformed"),
        ("smtp://mailer:Pw7f3c9e1aXq@[::1", "malformed"),
    ],
)
def test_bad_server_addresses_are_named(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool, url: str, expected: str
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    qtbot.keyClicks(dialog.mail_page.url_edit, url)
    assert expected in dialog.mail_page.url_message.full_text()
    assert dialog.save() is False
    assert not paths.settings_file.exists()
    for shown in (dialog.mail_page.url_message.full_text(), dialog.message.full_text()):
        assert "Pw7f3c9e1aXq" not in shown


def test_send_test_message_to_a_real_smtp_server(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    page = dialog.mail_page
    with smtp_server(password="typed-pass") as (box, url):
        fill_mail(qtbot, dialog, url, username="mailer")
        page.plain_login_check.click()  # smtp:// on 127.0.0.1
        qtbot.keyClicks(page.password_edit, "typed-pass")  # typed, not yet saved
        with qtbot.waitSignal(page.test_finished, timeout=30_000) as finished:
            qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
            assert not page.test_button.isEnabled()  # one test at a time
        assert finished.args[0] is True
    assert len(box.messages) == 1
    assert box.messages[0]["Subject"] == "[exportgui] test message"
    assert box.recipients == [["me@example.com", "team@example.com"]]
    assert box.logins == [("mailer", "typed-pass")]
    assert page.test_result.meaning is Meaning.SUCCESS
    assert "Test message sent to me@example.com, team@example.com" in page.test_result.full_text()
    assert page.test_button.isEnabled()
    assert not paths.settings_file.exists()  # testing stores nothing


def test_a_refused_test_login_is_shown_without_the_servers_echo_of_the_password(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    page = dialog.mail_page
    with smtp_server(password="the-right-one", echo_password=True) as (box, url):
        fill_mail(qtbot, dialog, url, username="mailer")
        page.plain_login_check.click()
        qtbot.keyClicks(page.password_edit, "Pw7f3c9e1aXq")
        with qtbot.waitSignal(page.test_finished, timeout=30_000) as finished:
            assert page.send_test_message()
    assert box.logins == [("mailer", "Pw7f3c9e1aXq")]  # and the server echoed it
    assert finished.args[0] is False
    assert "refused the login for 'mailer' (SMTP 535)" in page.test_result.full_text()
    assert "Pw7f3c9e1aXq" not in page.test_result.full_text() + finished.args[1]


@pytest.mark.parametrize("field", ["sender_edit", "recipients_edit"])
def test_a_line_break_in_an_address_is_refused_inline(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool, field: str
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    page = dialog.mail_page
    fill_mail(qtbot, dialog, "smtps://mail.example.com")
    edit: QLineEdit = getattr(page, field)
    edit.setText(edit.text() + "\r\nBcc: spy@evil.example")  # as pasted
    message = {"sender_edit": page.sender_message, "recipients_edit": page.recipients_message}
    assert "line break" in message[field].full_text()
    assert message[field].meaning is Meaning.ERROR
    assert page.send_test_message() is False
    assert "line break" in page.test_result.full_text()
    assert dialog.save() is False
    assert "line break" in dialog.message.full_text()
    assert not paths.settings_file.exists()


def test_a_login_over_plain_smtp_needs_the_opt_in_and_this_computer(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    page = dialog.mail_page
    fill_mail(qtbot, dialog, "smtp://mail.example.com", username="mailer")
    assert "without encryption" in page.url_message.full_text()
    assert "smtp+starttls://" in page.url_message.full_text()
    # The check box carries the name the message tells the user to look for.
    assert "Allow a login without encryption" in page.plain_login_check.text().replace("&", "")
    page.plain_login_check.click()
    assert "this computer" in page.url_message.full_text()
    assert dialog.save() is False
    page.url_edit.setText("smtp://127.0.0.1:2525")
    assert page.url_message.full_text() == ""
    with qtbot.waitSignal(dialog.settings_saved, timeout=2000):
        assert dialog.save()
    assert load_settings(paths).settings.mail.allow_plain_login is True


def test_send_test_message_reports_an_unreachable_server(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    page = dialog.mail_page
    fill_mail(qtbot, dialog, f"smtp://127.0.0.1:{free_port()}")
    with qtbot.waitSignal(page.test_finished, timeout=30_000) as finished:
        assert page.send_test_message()
    assert finished.args[0] is False
    assert page.test_result.meaning is Meaning.ERROR
    assert "cannot reach the mail server" in page.test_result.full_text()


def test_send_test_message_needs_the_fields_first(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    assert dialog.mail_page.send_test_message() is False
    assert "Fill in the server" in dialog.mail_page.test_result.full_text()


def test_invalid_attributes_are_rejected_with_a_message(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    page = dialog.attributes_page
    assert page.values() == DEFAULT_ATTRIBUTES  # loaded from the catalog
    page.edits["MaxPix"].setText("3000")
    page.edits["JpegQuality"].setText("120,0")
    assert "MaxPix" in page.messages["MaxPix"].full_text()
    assert "quality 1–100" in page.messages["JpegQuality"].full_text()

    assert dialog.save() is False
    assert dialog.tabs.currentWidget() is page
    assert "Image Serving: Attribute MaxPix='3000'" in dialog.message.full_text()
    assert catalog.attributes()["MaxPix"] == "3000,3000"
    assert dialog.isVisible()

    page.edits["MaxPix"].setText("4000,0")
    page.edits["JpegQuality"].setText("90,1")
    page.edits["BkgColor"].setText("FFCC00")
    page.res_mode_combo.setCurrentText("bicub")
    with qtbot.waitSignal(dialog.settings_saved, timeout=2000):
        assert dialog.save()
    assert catalog.attributes() == {
        "MaxPix": "4000,0",
        "DefaultPix": "1280,1280",
        "JpegQuality": "90,1",
        "ResMode": "bicub",
        "BkgColor": "FFCC00",
    }


def test_restore_defaults_touches_only_the_current_page_and_stores_on_ok(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    catalog.set_attribute("DefaultPix", "800,800")
    mail = MailSettings("smtp://mail.example.com", "a@example.com", ["b@example.com"])
    dialog = open_dialog(qtbot, paths, catalog, pool, Settings(mail=mail, workers=3))
    dialog.tabs.setCurrentWidget(dialog.attributes_page)
    dialog.restore_defaults()
    assert dialog.attributes_page.values()["DefaultPix"] == "1280,1280"
    assert catalog.attributes()["DefaultPix"] == "800,800"  # not yet
    assert dialog.mail_page.url_edit.text() == "smtp://mail.example.com"
    assert dialog.general_page.workers_spin.value() == 3
    assert dialog.save()
    assert catalog.attributes()["DefaultPix"] == "1280,1280"
    assert load_settings(paths).settings.mail == mail


def test_worker_count_is_saved(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    assert dialog.general_page.workers_spin.specialValueText().startswith("One per core")
    dialog.general_page.workers_spin.setValue(2)
    with qtbot.waitSignal(dialog.settings_saved, timeout=2000) as saved:
        assert dialog.save()
    assert saved.args[0].workers == 2
    assert load_settings(paths).settings.workers == 2


def test_cancel_stores_nothing(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    dialog.general_page.workers_spin.setValue(5)
    dialog.attributes_page.edits["MaxPix"].setText("100,100")
    dialog.reject()
    assert not paths.settings_file.exists()
    assert catalog.attributes()["MaxPix"] == "3000,3000"


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """Controls without an accessible name; Qt's own parts of a control are skipped."""
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QComboBox, QSpinBox)
    controls = [w for kind in kinds for w in root.findChildren(kind)]
    assert controls
    return [w for w in controls if not w.accessibleName() and not _inside_control(w, root, kinds)]


def _inside_control(widget: QWidget, root: QWidget, kinds: tuple[type, ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, kinds) or parent.windowFlags() & Qt.WindowType.Popup:
            return True  # a line edit's clear button, a combo box's popup list…
        parent = parent.parentWidget()
    return False


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    assert unnamed_controls(dialog) == []


def test_closing_the_dialog_while_a_message_is_on_its_way(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    # A server that accepts the connection and says nothing keeps the worker waiting.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        dialog = open_dialog(qtbot, paths, catalog, pool)
        fill_mail(qtbot, dialog, f"smtp://127.0.0.1:{port}")
        assert dialog.mail_page.send_test_message()
        connection, _ = silent.accept()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        with qtbot.waitSignal(dialog.destroyed, timeout=5000):
            dialog.close()  # returns at once: the worker runs on, on the pool
        assert pool.activeThreadCount() == 1
        connection.close()  # the server hangs up: the worker fails and ends
    assert pool.waitForDone(30_000)


@pytest.mark.parametrize("page", [0, 1, 2])
def test_mnemonics_do_not_clash_on_a_page(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool, page: int
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    dialog.tabs.setCurrentIndex(page)
    keys = mnemonics(dialog)
    assert keys
    assert sorted(keys) == sorted(set(keys))


def test_the_dialog_opens_with_the_first_field_focused(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.mail_page.url_edit)


def test_a_message_under_a_field_never_moves_the_fields_below(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    page = dialog.mail_page

    def place(widget: QWidget) -> QRect:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # lay out what changed
        return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())

    below = (page.recipients_edit, page.username_edit, page.password_edit, page.test_button)
    before = [place(w) for w in below]
    page.sender_edit.setText("not an address")  # half typed: the message comes…
    assert page.sender_message.full_text()
    assert [place(w) for w in below] == before
    # …even a long one, and goes.
    page.sender_edit.setText("x" * 300)
    assert [place(w) for w in below] == before
    page.sender_edit.setText("exports@example.org")
    assert not page.sender_message.full_text()
    assert [place(w) for w in below] == before


def test_tab_goes_through_the_mail_page_from_top_to_bottom(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    page = dialog.mail_page
    order: list[QWidget] = [
        page.url_edit,
        page.sender_edit,
        page.recipients_edit,
        page.username_edit,
        page.password_edit,
        page.plain_login_check,
        page.test_button,
    ]
    reached: list[QWidget] = []
    widget: QWidget | None = page.url_edit
    while widget is not None and len(reached) < len(order) and page.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            reached.append(widget)
        widget = widget.nextInFocusChain()
    assert reached == order


def test_a_cluster_is_saved_and_a_wrong_address_is_named(
    qtbot: QtBot, paths: AppPaths, catalog: Catalog, pool: QThreadPool
) -> None:
    dialog = open_dialog(qtbot, paths, catalog, pool)
    page = dialog.general_page
    assert page.cluster_edit.placeholderText() == "This computer"
    qtbot.keyClicks(page.cluster_edit, "scheduler:8786")
    assert "is not a scheduler address like tcp://HOST:8786" in page.cluster_message.full_text()
    assert page.cluster_message.meaning is Meaning.ERROR
    assert not dialog.save()
    assert load_settings(paths).settings.cluster == ""
    page.cluster_edit.clear()
    qtbot.keyClicks(page.cluster_edit, " tcp://10.0.0.5:8786 ")
    assert page.cluster_message.full_text() == ""
    with qtbot.waitSignal(dialog.settings_saved, timeout=2000) as saved:
        assert dialog.save()
    assert saved.args[0].cluster == "tcp://10.0.0.5:8786"
    assert load_settings(paths).settings.cluster == "tcp://10.0.0.5:8786"
