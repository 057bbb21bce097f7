"""The window: views and adapters over catalog, imaging and jobs. The only place Qt lives."""
