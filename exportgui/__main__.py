import sys

from exportgui.launcher import main

sys.exit(main())
