"""exportgui: the Scene7 / Dynamic Media ExportJob on the designer's own machine.

Assets live in a local catalog (:mod:`exportgui.catalog`); the Image Serving
engine renders them (:mod:`exportgui.imaging`); :mod:`exportgui.jobs` plans
and runs ExportJobs and keeps their logs; the command line
(:mod:`exportgui.cli`) and the window (:mod:`exportgui.gui`) are two faces on
the same jobs, chosen by :mod:`exportgui.launcher`; :mod:`exportgui.config`
holds paths and settings. Each layer imports only those below it, and only
the window imports Qt.
"""

__version__ = "0.1.0"
APP_NAME = "exportgui"
APP_ID = "io.github.exportgui.ExportGui"
