"""Telling a live run from a dead one: the process on this host, the heartbeat elsewhere.

A job's row says "running" until its process closes the run. If that process
was killed, the row still says so. On the job's own host the process decides:
a run is live while a process with its PID exists and (where the system tells,
``/proc``) started when the run's process did, so a reused PID is not taken for
it; a paused process (SIGSTOP, a suspended laptop) stays live however old its
heartbeat. Where the start time cannot be read, and for runs on another host,
the run is live only while its heartbeat is recent.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

HEARTBEAT_S = 5.0  # how often a running job touches its row
STALE_S = 60.0  # a "running" job silent for this long is dead, unless its process is known

# Jobs running in this process: a PID check cannot tell them from a crashed run of ours.
ACTIVE: set[str] = set()
ACTIVE_LOCK = threading.Lock()


def pid_alive(pid: int) -> bool:
    """True if a process with this PID exists on this machine (always True off POSIX)."""
    if os.name != "posix":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stat(pid: int) -> tuple[bytes, int] | None:
    """A process's state letter and start time (fields 3 and 22 of proc(5)), if readable."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after the last ")".
    fields = stat.rpartition(b")")[2].split()
    try:
        return fields[0], int(fields[19])
    except (IndexError, ValueError):
        return None


def process_start(pid: int) -> int | None:
    """When a running process started (clock ticks since boot, from ``/proc``), else None.

    None also for a process that has exited but was not reaped yet (a zombie),
    and wherever ``/proc`` is missing.
    """
    stat = _stat(pid)
    return None if stat is None or stat[0] in (b"Z", b"X") else stat[1]


def process_paused(pid: int) -> bool:
    """True if the process is stopped (SIGSTOP, Ctrl+Z); False if running or unknown."""
    stat = _stat(pid)
    return stat is not None and stat[0] in (b"T", b"t")


def is_live(
    handle: str,
    pid: int | None,
    host: str | None,
    heartbeat: float | None,
    started: int | None = None,
) -> bool:
    """True when the run recorded with this PID, host, heartbeat and start time is still going.

    ``started`` is :func:`process_start` of the run's process when it began (None if unknown).
    """
    here = socket.gethostname()
    if host == here and pid is not None and started is not None:
        now = process_start(pid)
        if now == started:
            if pid == os.getpid():
                with ACTIVE_LOCK:
                    return handle in ACTIVE
            return True
        if now is not None or not pid_alive(pid):
            return False  # gone, or the PID now belongs to another process
        # Exists but unreadable (another user's, behind hidepid; or not reaped yet):
        # the heartbeat decides.
    if host == here and pid == os.getpid():
        with ACTIVE_LOCK:
            return handle in ACTIVE
    if heartbeat is None or time.time() - heartbeat > STALE_S:
        return False
    if host == here and pid is not None:
        return pid_alive(pid)
    return True
