"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from exportgui.catalog import Catalog
from exportgui.config import resolve_catalog_dir


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2 unless told otherwise."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def open_catalog(args: argparse.Namespace) -> Catalog:
    """Open the catalog chosen by ``--catalog`` / ``EXPORTGUI_CATALOG`` / the default."""
    return Catalog.open(resolve_catalog_dir(getattr(args, "catalog", None)))


def print_json(document: Any) -> None:
    """Print one JSON document on stdout."""
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
