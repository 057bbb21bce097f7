"""The .desktop file and the AppStream metainfo agree with the program and with each other."""

from __future__ import annotations

import configparser
import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

from exportgui import APP_ID, __version__, cli
from tests.helpers import REPOSITORY

PACKAGING = REPOSITORY / "packaging"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()


def test_the_desktop_launcher_opens_the_window(tmp_path: Path) -> None:
    """The Exec line, expanded as a file manager would with a file handed to it."""
    photo = tmp_path / "photo.jpg"
    words = [
        word
        for part in shlex.split(_desktop_entry()["Exec"])
        for word in ([str(photo)] if part in ("%f", "%F", "%u", "%U") else [part])
        if not re.fullmatch(r"%[a-zA-Z]", word)
    ]
    assert words[0] == "exportgui"
    args = cli.build_parser().parse_args(words[1:])
    assert args.command is None  # no subcommand: the window


def test_desktop_file_and_metainfo_name_the_same_app() -> None:
    entry = _desktop_entry()
    root = _metainfo()
    assert entry["Icon"] == APP_ID
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "exportgui"


def test_the_metainfo_summary_is_also_in_italian() -> None:
    summaries = {s.get(XML_LANG): s.text for s in _metainfo().findall("summary")}
    assert summaries[None]
    assert summaries["it"]
    assert summaries["it"] != summaries[None]


def test_the_metainfo_screenshot_is_the_readmes() -> None:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    alt, shown = re.search(r"!\[([^\]]+)\]\(([^)]+)\)", readme).groups()  # type: ignore[union-attr]
    [screenshot] = _metainfo().findall("screenshots/screenshot")
    assert screenshot.get("type") == "default"
    assert screenshot.findtext("caption") == alt
    image = screenshot.findtext("image")
    assert image is not None
    assert image.startswith("https://")
    assert image.endswith(f"/{shown}")
    assert (REPOSITORY / shown).is_file()


def test_the_metainfo_has_notes_for_this_release() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases[0].get("version") == __version__  # the newest comes first
    notes = releases[0].find("description")
    assert notes is not None
    assert len(" ".join(notes.itertext()).split()) > 20
