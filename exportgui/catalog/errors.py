"""The catalog's error kinds (the database's own environment errors live in ``db``)."""

from __future__ import annotations


class AssetNotFound(KeyError):
    """No asset with that handle in this catalog."""

    def __str__(self) -> str:
        # KeyError's str() is the repr of its argument; a user reads this message.
        return str(self.args[0]) if self.args else "asset not found"


class CatalogError(ValueError):
    """A request the catalog refuses, with a message for the user (bad name, bad members…)."""
