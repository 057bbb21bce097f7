"""The settings dialog and its pages (mail, the catalog's attributes, general)."""
