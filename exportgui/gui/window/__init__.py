"""The main window: its layout, menus and actions, saved state, and how the process ends."""
