"""Telling a live run from a dead one: PID on this host, heartbeat anywhere.

A job's row says "running" until its process closes the run. If that process
was killed, the row still says so; the job is really running only when its
process exists (same host) and it wrote a heartbeat recently.
"""

from __future__ import annotations

import os
import socket
import threading
import time

HEARTBEAT_S = 5.0  # how often a running job touches its row
STALE_S = 60.0  # a "running" job silent for this long is dead whatever its PID says

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


def is_live(handle: str, pid: int | None, host: str | None, heartbeat: float | None) -> bool:
    """True when the run recorded with this PID, host and heartbeat is still going."""
    here = socket.gethostname()
    if host == here and pid == os.getpid():
        with ACTIVE_LOCK:
            return handle in ACTIVE
    if heartbeat is None or time.time() - heartbeat > STALE_S:
        return False
    if host == here and pid is not None:
        return pid_alive(pid)
    return True
