"""What ``schedule install`` writes and runs on each platform (no real scheduler is touched)."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from exportgui.cli.os_scheduler import (
    NAME,
    WINDOWS_TASK,
    Host,
    install,
    launchd_plist_path,
    systemd_dir,
    uninstall,
    windows_script_path,
)


class Recorder:
    """A command runner that answers like the system would and remembers every call."""

    def __init__(self, systemd: bool = True) -> None:
        self.calls: list[list[str]] = []
        self.systemd = systemd

    def __call__(self, argv: Sequence[str], stdin: str | None) -> subprocess.CompletedProcess[str]:
        self.calls.append(list(argv))
        code = 0 if self.systemd or argv[0] != "systemctl" else 1
        return subprocess.CompletedProcess(list(argv), code, "", "")


def _host(tmp_path: Path, platform: str, runner: Recorder, **env: str) -> Host:
    home = tmp_path / "home me"  # a space in the path: quoting matters
    return Host(
        platform=platform,
        home=home,
        env={"EXPORTGUI_HOME": "/data/100%$x", **env},
        run=runner,
        uid=501,
    )


def test_linux_writes_a_user_timer_and_service_and_enables_them(tmp_path: Path) -> None:
    runner = Recorder()
    host = _host(tmp_path, "linux", runner, XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    install(host)
    folder = tmp_path / "xdg" / "systemd" / "user"
    assert systemd_dir(host) == folder
    service = (folder / f"{NAME}.service").read_text()
    timer = (folder / f"{NAME}.timer").read_text()
    assert f'ExecStart="{sys.executable}" "-m" "exportgui" "schedule" "run-due"' in service
    assert 'Environment="EXPORTGUI_HOME=/data/100%%$$x"' in service  # % and $ kept literal
    assert "OnCalendar=*-*-* *:*:00" in timer and "Persistent=true" in timer
    assert ["systemctl", "--user", "enable", "--now", f"{NAME}.timer"] in runner.calls
    uninstall(host)
    assert not (folder / f"{NAME}.service").exists() and not (folder / f"{NAME}.timer").exists()
    assert ["systemctl", "--user", "disable", "--now", f"{NAME}.timer"] in runner.calls


def test_the_systemd_files_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed here")
    host = _host(tmp_path, "linux", Recorder(), XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    install(host)
    folder = systemd_dir(host)
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", f"{NAME}.timer", f"{NAME}.service"],
        cwd=folder, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    if "Failed to initialize manager" in done.stderr:
        pytest.skip(f"systemd-analyze cannot run here: {done.stderr.strip()}")
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_linux_without_user_systemd_uses_crontab(tmp_path: Path) -> None:
    runner = Recorder(systemd=False)
    install(_host(tmp_path, "linux", runner))
    assert runner.calls[-1] == ["crontab", "-"]
    assert not (tmp_path / "home me" / ".config" / "systemd").exists()


def test_macos_writes_a_launch_agent_and_bootstraps_it(tmp_path: Path) -> None:
    runner = Recorder()
    host = _host(tmp_path, "darwin", runner)
    install(host)
    path = launchd_plist_path(host)
    assert (
        path
        == tmp_path / "home me" / "Library" / "LaunchAgents" / "io.github.exportgui.schedule.plist"
    )
    agent = plistlib.loads(path.read_bytes())
    assert agent["ProgramArguments"] == [sys.executable, "-m", "exportgui", "schedule", "run-due"]
    assert agent["StartInterval"] == 60 and agent["EnvironmentVariables"] == {
        "EXPORTGUI_HOME": "/data/100%$x"
    }
    assert ["launchctl", "bootstrap", "gui/501", str(path)] in runner.calls
    uninstall(host)
    assert not path.exists()


def test_windows_registers_a_task_that_starts_a_batch_file(tmp_path: Path) -> None:
    runner = Recorder()
    host = _host(tmp_path, "win32", runner, LOCALAPPDATA=str(tmp_path / "Local"))
    install(host)
    script = windows_script_path(host)
    text = script.read_bytes().decode()
    assert text.startswith("@echo off\r\n")
    assert 'set "EXPORTGUI_HOME=/data/100%$x"\r\n' in text
    assert text.endswith(
        subprocess.list2cmdline([sys.executable, "-m", "exportgui", "schedule", "run-due"]) + "\r\n"
    )
    [create] = [c for c in runner.calls if c[:2] == ["schtasks", "/Create"]]
    assert create[create.index("/TN") + 1] == WINDOWS_TASK
    assert create[create.index("/SC") + 1 :][:3] == ["MINUTE", "/MO", "1"]
    assert create[create.index("/TR") + 1] == subprocess.list2cmdline([str(script)])
    uninstall(host)
    assert [
        "schtasks",
        "/Delete",
        "/F",
        "/TN",
        WINDOWS_TASK,
    ] in runner.calls and not script.exists()


def test_a_failing_system_command_is_an_error_naming_it(tmp_path: Path) -> None:
    def refuse(argv: Sequence[str], stdin: str | None) -> subprocess.CompletedProcess[str]:
        code = 0 if argv[:2] == ["systemctl", "--user"] and argv[2] == "show-environment" else 1
        return subprocess.CompletedProcess(list(argv), code, "", "Access denied")

    host = Host(platform="linux", home=tmp_path, env={}, run=refuse)
    with pytest.raises(
        OSError, match="'systemctl --user daemon-reload' failed \\(1\\): Access denied"
    ):
        install(host)
