"""The macro manager: the list of the catalog's macros, the editor, and import and export."""
