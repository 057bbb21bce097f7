"""mail_problems: the mail settings a job will use, checked before it starts."""

from __future__ import annotations

import pytest

from exportgui.config import MailSettings
from exportgui.jobs.validate import mail_problems


def _mail(**changes: object) -> MailSettings:
    mail = MailSettings("smtp+starttls://mail.example.com", "a@example.com", ["b@example.com"])
    for name, value in changes.items():
        setattr(mail, name, value)
    return mail


def test_good_settings_have_no_problem() -> None:
    assert mail_problems(_mail()) == []
    assert mail_problems(_mail(sender="Exports <a@example.com>", username="mailer")) == []
    assert mail_problems(MailSettings()) == []  # not configured: notify says so, it is no error


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"sender": "a@example.com\r\nBcc: spy@evil.example"}, "sender", "line break"),
        ({"sender": "a@example.com\x00"}, "sender", "control character"),
        ({"sender": "not an address"}, "sender", "name@example.com"),
        ({"sender": "a@example.com, b@example.com"}, "sender", "one mail address"),
        ({"recipients": ["b@example.com", "c@example.com\n"]}, "recipients", "line break"),
        ({"recipients": [""]}, "recipients", "name@example.com"),
        ({"username": "mailer\r\nRSET"}, "username", "line break"),
        ({"smtp_url": "smtp://mailer:pw@mail.example.com"}, "smtp_url", "password"),
        ({"smtp_url": "smtp://mail.example.com:0"}, "smtp_url", "1 to 65535"),
        ({"smtp_url": "smtp://mailer@mail.example.com"}, "smtp_url", "without encryption"),
    ],
)
def test_each_problem_names_its_field(changes: dict[str, object], field: str, words: str) -> None:
    [problem] = mail_problems(_mail(**changes))
    assert problem.is_error and problem.field == field
    assert words in problem.message
