"""Registering ``exportgui schedule run-due`` with the operating system's scheduler.

Once a minute, for the current user: a systemd user timer and service on
Linux (a crontab line where there is no user systemd), a launchd agent on
macOS, a Task Scheduler task on Windows. :class:`Host` carries everything
that touches the system (platform, home folder, environment, the command
runner), so each platform's files and commands can be produced anywhere.
``EXPORTGUI_HOME``, when set, is passed on, so the runner finds the same
schedules.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from exportgui.config import atomic_write_bytes, atomic_write_text
from exportgui.config.paths import HOME_ENV

NAME = "exportgui-schedule"  # systemd unit names
LAUNCHD_LABEL = "io.github.exportgui.schedule"
WINDOWS_TASK = r"exportgui\schedule run-due"
CRON_MARK = "# exportgui schedule run-due"

Runner = Callable[[Sequence[str], str | None], subprocess.CompletedProcess[str]]


def _run(argv: Sequence[str], stdin: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), input=stdin, capture_output=True, text=True, check=False)


def exportgui_command() -> list[str]:
    """How to start this exportgui: the frozen program itself, or this Python with ``-m``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "exportgui"]


@dataclass
class Host:
    """The system the runner is registered with (the real one unless a test says otherwise)."""

    platform: str = sys.platform
    home: Path = field(default_factory=Path.home)
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    run: Runner = _run
    uid: int = field(default_factory=lambda: os.getuid() if hasattr(os, "getuid") else 0)

    @property
    def command(self) -> list[str]:
        """The command the scheduler runs."""
        return [*exportgui_command(), "schedule", "run-due"]

    @property
    def extra_env(self) -> dict[str, str]:
        """Environment the runner needs to find this user's schedules."""
        home = self.env.get(HOME_ENV)
        return {HOME_ENV: str(Path(home).expanduser().resolve())} if home else {}

    def call(self, *argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """Run a system command; OSError naming it when it fails."""
        try:
            done = self.run(argv, stdin)
        except FileNotFoundError:
            raise OSError(f"{argv[0]} is not installed") from None
        if done.returncode != 0:
            said = (done.stderr or done.stdout).strip()
            raise OSError(f"'{' '.join(argv)}' failed ({done.returncode}): {said}")
        return done


# -- Linux: systemd --------------------------------------------------------------------
def systemd_dir(host: Host) -> Path:
    """Where user units live: ``$XDG_CONFIG_HOME/systemd/user``."""
    config = host.env.get("XDG_CONFIG_HOME") or str(host.home / ".config")
    return Path(config) / "systemd" / "user"


def _systemd_word(word: str) -> str:
    """One argument in systemd's quoting, with its specifiers (%) and variables ($) kept literal."""
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def systemd_units(host: Host) -> dict[str, str]:
    """The service and timer files, by file name."""
    lines = [
        "[Unit]",
        "Description=exportgui: run the scheduled export jobs that are due",
        "",
        "[Service]",
        "Type=oneshot",
        "ExecStart=" + " ".join(_systemd_word(w) for w in host.command),
    ]
    lines += [f"Environment={_systemd_word(f'{k}={v}')}" for k, v in host.extra_env.items()]
    service = "\n".join(lines) + "\n"
    timer = "\n".join(
        [
            "[Unit]",
            "Description=exportgui: look for due scheduled export jobs every minute",
            "",
            "[Timer]",
            "OnCalendar=*-*-* *:*:00",
            "AccuracySec=5s",
            "Persistent=true",
            "",
            "[Install]",
            "WantedBy=timers.target",
            "",
        ]
    )
    return {f"{NAME}.service": service, f"{NAME}.timer": timer}


def has_user_systemd(host: Host) -> bool:
    """True when a systemd user manager answers for this user."""
    try:
        done = host.run(["systemctl", "--user", "show-environment"], None)
    except OSError:
        return False
    return done.returncode == 0


# -- Linux without systemd: crontab -------------------------------------------------------
def cron_line(host: Host) -> str:
    """The crontab line: every minute, the environment, the command, output dropped."""
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in host.extra_env.items())
    command = " ".join(shlex.quote(w) for w in host.command).replace("%", "\\%")
    return f"* * * * * {env + ' ' if env else ''}{command} >/dev/null 2>&1 {CRON_MARK}"


def _crontab(host: Host) -> list[str]:
    try:
        done = host.run(["crontab", "-l"], None)
    except FileNotFoundError:
        raise OSError("neither a systemd user manager nor crontab is available") from None
    if done.returncode != 0:
        if "no crontab" in done.stderr.lower():
            return []
        raise OSError(f"'crontab -l' failed: {done.stderr.strip()}")
    return [line for line in done.stdout.splitlines() if not line.endswith(CRON_MARK)]


# -- macOS: launchd ---------------------------------------------------------------------
def launchd_plist_path(host: Host) -> Path:
    """The agent's file in the user's LaunchAgents folder."""
    return host.home / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"


def launchd_plist(host: Host) -> bytes:
    """The launchd agent: the command every 60 seconds, and once at log-in."""
    agent: dict[str, object] = {
        "Label": LAUNCHD_LABEL,
        "ProgramArguments": host.command,
        "StartInterval": 60,
        "RunAtLoad": True,
        "ProcessType": "Background",
    }
    if host.extra_env:
        agent["EnvironmentVariables"] = host.extra_env
    return plistlib.dumps(agent)


# -- Windows: Task Scheduler --------------------------------------------------------------
def windows_script_path(host: Host) -> Path:
    """The batch file the task starts (a task's command line is limited to 261 characters)."""
    local = host.env.get("LOCALAPPDATA") or str(host.home / "AppData" / "Local")
    return Path(local) / "exportgui" / "schedule-run-due.cmd"


def windows_script(host: Host) -> str:
    """The batch file: the environment, then the command."""
    lines = ["@echo off"]
    lines += [f'set "{k}={v}"' for k, v in host.extra_env.items()]
    lines.append(subprocess.list2cmdline(host.command))
    return "\r\n".join(lines) + "\r\n"


def windows_create(host: Host) -> list[str]:
    """The ``schtasks`` command that registers the task, every minute, for this user."""
    script = subprocess.list2cmdline([str(windows_script_path(host))])
    every_minute = ["/SC", "MINUTE", "/MO", "1"]
    return ["schtasks", "/Create", "/F", "/TN", WINDOWS_TASK, *every_minute, "/TR", script]


# -- install / uninstall --------------------------------------------------------------------
def install(host: Host | None = None) -> list[str]:
    """Register ``schedule run-due`` every minute; returns lines saying what was done.

    Raises:
        OSError: a file could not be written or a system command failed.
    """
    host = host or Host()
    if host.platform == "darwin":
        path = launchd_plist_path(host)
        atomic_write_bytes(path, launchd_plist(host))
        target = f"gui/{host.uid}"
        host.run(["launchctl", "bootout", target, str(path)], None)  # an older copy; may be none
        host.call("launchctl", "bootstrap", target, str(path))
        return [f"wrote {path}", f"launchd runs it every minute ({LAUNCHD_LABEL})"]
    if host.platform.startswith("win"):
        script = windows_script_path(host)
        atomic_write_text(script, windows_script(host))
        host.call(*windows_create(host))
        return [f"wrote {script}", f"Task Scheduler runs it every minute ({WINDOWS_TASK})"]
    if has_user_systemd(host):
        folder = systemd_dir(host)
        for name, text in systemd_units(host).items():
            atomic_write_text(folder / name, text)
        host.call("systemctl", "--user", "daemon-reload")
        host.call("systemctl", "--user", "enable", "--now", f"{NAME}.timer")
        return [f"wrote {folder / NAME}.service and .timer", f"enabled {NAME}.timer (every minute)"]
    lines = [*_crontab(host), cron_line(host)]
    host.call("crontab", "-", stdin="\n".join(lines) + "\n")
    return ["added a line to your crontab (every minute)"]


def uninstall(host: Host | None = None) -> list[str]:
    """Undo :func:`install` (whatever of it is there); returns lines saying what was done."""
    host = host or Host()
    if host.platform == "darwin":
        path = launchd_plist_path(host)
        host.run(["launchctl", "bootout", f"gui/{host.uid}", str(path)], None)
        path.unlink(missing_ok=True)
        return [f"removed {path}"]
    if host.platform.startswith("win"):
        host.run(["schtasks", "/Delete", "/F", "/TN", WINDOWS_TASK], None)
        windows_script_path(host).unlink(missing_ok=True)
        return [f"removed the task {WINDOWS_TASK}"]
    done = []
    if has_user_systemd(host):
        host.run(["systemctl", "--user", "disable", "--now", f"{NAME}.timer"], None)
        for name in systemd_units(host):
            (systemd_dir(host) / name).unlink(missing_ok=True)
        host.call("systemctl", "--user", "daemon-reload")
        done.append(f"removed {NAME}.timer and .service")
    try:
        kept = _crontab(host)
        current = host.run(["crontab", "-l"], None).stdout.splitlines()
    except OSError:
        return done
    if len(kept) != len(current):
        host.call("crontab", "-", stdin="".join(f"{line}\n" for line in kept))
        done.append("removed the line from your crontab")
    return done or ["nothing was installed"]
