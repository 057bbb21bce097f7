"""The window: views and adapters over catalog, imaging and jobs. The only place Qt lives."""

from exportgui.gui._refcount_pins import pin_singletons

# Before any signal is emitted or any model answers Qt (see _refcount_pins: a PySide6 bug).
pin_singletons()
