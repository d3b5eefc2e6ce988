"""`make lab` serves JupyterLab offline on 127.0.0.1 with the start notebook reachable."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

import csat_lab as cl
from csat_lab.course import launch as _launch

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, response.read()


def test_lab_command_is_offline_and_loopback_only() -> None:
    cmd = _launch.lab_command(port=1234, open_browser=False, token="t")
    assert "--ServerApp.ip=127.0.0.1" in cmd
    assert "--LabApp.news_url=None" in cmd
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in cmd
    assert "--LabApp.extension_manager=readonly" in cmd
    assert ("--allow-root" in cmd) == (os.geteuid() == 0)
    assert cmd[3] == "notebooks/00_start_here.ipynb"


@pytest.mark.parametrize("env, language", [
    ({"LANG": "zh_CN.UTF-8"}, "zh-CN"), ({"LANG": "zh_TW.UTF-8"}, "zh-CN"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({}, "en"), ({"LANG": "C.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh-CN"),
    ({"LANG": "zh_CN.UTF-8", "COURSE_LANGUAGE": "en"}, "en"), ({"LANG": "en_US.UTF-8", "COURSE_LANGUAGE": "中文"}, "zh-CN"),
])
def test_the_course_opens_in_the_users_language(env: dict, language: str) -> None:
    assert _launch.course_language(env) == language


def test_chinese_users_get_the_chinese_editions() -> None:
    assert _launch.lab_command(open_browser=False, language="zh-CN")[3] == "notebooks/zh-CN/00_start_here.ipynb"
    assert _launch.app_command(open_browser=False, language="zh-CN")[3].endswith("notebooks/zh-CN/explorers.ipynb")
    assert (_launch.ROOT / "notebooks" / "zh-CN" / "explorers.ipynb").exists()
    with pytest.raises(cl.CsatInputError, match="COURSE_LANGUAGE must be en or zh-CN"):
        _launch.course_language({"COURSE_LANGUAGE": "fr"})


def test_settings_override_switches_off_news_and_updates(tmp_path: Path) -> None:
    target = _launch.write_lab_overrides(tmp_path)
    settings = json.loads(target.read_text())
    notification = settings["@jupyterlab/apputils-extension:notification"]
    assert notification["checkForUpdates"] is False and notification["fetchNews"] == "false"


@pytest.mark.server
def test_lab_serves_status_and_start_notebook(tmp_path: Path) -> None:
    port, token = _free_port(), "csat-lab-test-token"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    proc = subprocess.Popen(
        _launch.lab_command(port=port, open_browser=False, token=token),
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = _get(f"{base}/api/status", token)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start: {proc.stderr.read() if proc.poll() is not None else 'timeout'}")
                time.sleep(0.5)
        assert status == 200 and "started" in json.loads(body)
        status, body = _get(f"{base}/api/contents/notebooks/00_start_here.ipynb?content=1", token)
        model = json.loads(body)
        assert status == 200 and model["type"] == "notebook"
        assert model["content"]["cells"], "the start notebook is empty"
        status, body = _get(f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification", token)
        assert status == 200
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
