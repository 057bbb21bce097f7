"""The catalog side of the window: browser, table model, view, filter, thumbnails, import."""
