"""The job side of the window: options form, plan and preview, presets, running the export."""
