"""The job log's tables in the catalog database (component "joblog", its own version).

Never edit a released step; append a new one.
"""

from __future__ import annotations

MIGRATIONS = [
    """
    CREATE TABLE joblog_job (
        job_handle TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        job_json TEXT NOT NULL,
        state TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT,
        started_at REAL NOT NULL,
        total_count INTEGER NOT NULL,
        success_count INTEGER NOT NULL DEFAULT 0,
        warning_count INTEGER NOT NULL DEFAULT 0,
        error_count INTEGER NOT NULL DEFAULT 0,
        fatal_error TEXT,
        notification_warning TEXT,
        pid INTEGER,
        host TEXT,
        heartbeat REAL
    );
    CREATE INDEX joblog_job_started ON joblog_job(started_at);
    CREATE TABLE joblog_item (
        job_handle TEXT NOT NULL REFERENCES joblog_job(job_handle) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        asset_handle TEXT NOT NULL,
        asset_name TEXT NOT NULL,
        source_file_name TEXT NOT NULL,
        target TEXT,
        format TEXT,
        width INTEGER,
        height INTEGER,
        reason TEXT NOT NULL,
        planned_status TEXT NOT NULL,
        planned_message TEXT NOT NULL,
        outcome TEXT,
        message TEXT,
        output TEXT,
        temp TEXT,
        PRIMARY KEY (job_handle, seq)
    ) WITHOUT ROWID
    """,
    # pid_start: the run's process start time (liveness.process_start), to tell a paused
    # run from a dead one whose PID was reused; run_token: the run that owns the job now.
    """
    ALTER TABLE joblog_job ADD COLUMN pid_start INTEGER;
    ALTER TABLE joblog_job ADD COLUMN run_token TEXT
    """,
    # rendition: the name of the rendition (preset) an item makes, for jobs of several.
    """
    ALTER TABLE joblog_item ADD COLUMN rendition TEXT NOT NULL DEFAULT ''
    """,
    # Every output placed, for the conflict policy "update" (see update.py).
    """
    CREATE TABLE joblog_placed (
        destination TEXT NOT NULL,
        target TEXT NOT NULL,
        asset_handle TEXT NOT NULL,
        request_key TEXT NOT NULL,
        source_sha256 TEXT,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        digest TEXT NOT NULL,
        PRIMARY KEY (destination, target)
    ) WITHOUT ROWID
    """,
]
