"""The mail part of settings.json: the plain-login opt-in, and nothing secret in a repr."""

from __future__ import annotations

import json

import pytest

from exportgui.config import MailSettings, Settings, app_paths, load_settings, save_settings
from exportgui.config.settings import SettingsError


def test_the_plain_login_opt_in_is_kept_and_read_back() -> None:
    paths = app_paths()
    mail = MailSettings("smtp://mailer@127.0.0.1:2525", "a@b.de", ["c@d.de"], "", True)
    save_settings(paths, Settings(mail=mail))
    assert json.loads(paths.settings_file.read_text())["mail"]["allow_plain_login"] is True
    assert load_settings(paths).settings.mail == mail
    assert Settings.from_dict({"mail": {}}).mail.allow_plain_login is False


def test_a_plain_login_opt_in_that_is_not_true_or_false_is_named() -> None:
    with pytest.raises(SettingsError, match=r"mail\.allow_plain_login"):
        Settings.from_dict({"mail": {"allow_plain_login": "yes"}})


def test_the_repr_of_settings_hides_the_user_info_of_the_url() -> None:
    mail = MailSettings("smtps://mailer:Pw7f3c9e1aXq@mail.example.com", "a@b.de", ["c@d.de"])
    assert "Pw7f3c9e1aXq" not in repr(Settings(mail=mail))
    assert "smtps://***@mail.example.com" in repr(mail)
