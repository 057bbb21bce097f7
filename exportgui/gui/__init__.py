"""The window: views and adapters over catalog, imaging and jobs. The only place Qt lives."""

from exportgui.gui._none_refcount import pin_none

# Before any model answers Qt with None (see _none_refcount for the PySide6 bug).
pin_none()
