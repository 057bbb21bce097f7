"""exportgui: the Scene7 / Dynamic Media ExportJob on the designer's own machine."""

__version__ = "0.1.0"
APP_NAME = "exportgui"
APP_ID = "io.github.exportgui.ExportGui"
