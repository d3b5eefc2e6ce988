"""The explorers in a real browser: Voila app mode and JupyterLab, on 127.0.0.1 only.

Each test moves the NPS explorer's promoters slider with the keyboard and
checks that the headline number and the chart change, saves a screenshot to
test-artifacts/, and checks from the page's request log that nothing left
127.0.0.1.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest

import _browser
from _browser import ARTIFACTS, chromium_page, free_port, remote, require_chromium, server, voila_command


HEADLINE = ".csat-explorer-nps .csat-headline"
CHART = ".csat-explorer-nps .csat-output img"
SLIDER = ".csat-explorer-nps .noUi-handle"


def nps_in(text: str) -> tuple[float, int]:
    found = re.search(r"NPS = ([+-]?\d+\.\d)\b.*?(?:n|样本量) = (\d+)", text)
    assert found, f"no NPS headline in {text!r}"
    return float(found.group(1)), int(found.group(2))


def move_promoters(page, steps: int) -> None:
    """Press the right arrow on the promoters slider; each press adds one promoter."""
    before = page.locator(HEADLINE).inner_text()
    page.locator(SLIDER).first.focus()
    for _ in range(steps):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("([sel, old]) => document.querySelector(sel).innerText !== old",
                           arg=[HEADLINE, before], timeout=15_000)


def wait_for_n(page, n: int) -> None:
    page.wait_for_function("([sel, n]) => document.querySelector(sel).innerText.includes(`n = ${n}`)",
                           arg=[HEADLINE, n], timeout=15_000)


def test_missing_chromium_skips_locally_but_fails_under_ci(monkeypatch):
    monkeypatch.setattr(_browser, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="/nonexistent/chromium is absent"):
        require_chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set but /nonexistent/chromium is missing"):
        require_chromium()


def test_only_loopback_requests_count_as_local():
    assert remote(["http://127.0.0.1:8866/voila/static/x.js", "data:image/png;base64,AAAA", "blob:http://127.0.0.1/1",
                   "ws://127.0.0.1:8866/api/kernels/1/channels", "https://cdn.jsdelivr.net/npm/x.css",
                   "http://localhost:8866/"]) == ["https://cdn.jsdelivr.net/npm/x.css", "http://localhost:8866/"]


@pytest.mark.browser
@pytest.mark.server
def test_voila_app_slider_updates_number_and_chart_offline():
    require_chromium()
    port = free_port()
    requests: list[str] = []
    with server(voila_command(port), port, "voila.log"), chromium_page(requests) as page:
        page.goto(f"http://127.0.0.1:{port}/", timeout=60_000)
        page.wait_for_selector(f"{HEADLINE} b", timeout=60_000)
        assert nps_in(page.locator(HEADLINE).inner_text()) == (30.0, 100)  # 100 * (50 - 20) / 100
        chart = page.locator(CHART).get_attribute("src")
        move_promoters(page, 5)
        wait_for_n(page, 105)
        # 55 promoters, 30 passives, 20 detractors: 100 * (55 - 20) / 105 = 33.33
        assert nps_in(page.locator(HEADLINE).inner_text()) == (33.3, 105)
        assert page.locator(CHART).get_attribute("src") != chart
        page.get_by_text("简体中文", exact=True).click()
        page.wait_for_function("sel => document.querySelector(sel).innerText.includes('样本量')", arg=HEADLINE,
                               timeout=15_000)
        page.screenshot(path=str(ARTIFACTS / "voila_nps.png"), full_page=True)
    assert requests, "the page made no request at all"
    assert remote(requests) == []


@pytest.mark.browser
@pytest.mark.server
def test_jupyterlab_runs_the_explorers_notebook_offline(tmp_path):
    require_chromium()
    from csat_lab.course.launch import lab_command, write_lab_overrides

    write_lab_overrides()
    port, token = free_port(), secrets.token_hex(16)
    requests: list[str] = []
    # A throw-away settings folder with autosave off, so the test never writes into the repository's notebook.
    settings = tmp_path / "settings" / "@jupyterlab" / "docmanager-extension"
    settings.mkdir(parents=True)
    (settings / "plugin.jupyterlab-settings").write_text('{"autosave": false}')
    env = {"JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings")}
    cmd = lab_command(port=port, open_browser=False, token=token)
    with server(cmd, port, "jupyterlab.log", env=env), chromium_page(requests) as page:
        page.goto(f"http://127.0.0.1:{port}/lab/tree/notebooks/explorers.ipynb?token={token}", timeout=60_000)
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
        page.wait_for_selector("text=/Python \\(csat_lab\\) \\| Idle/", timeout=60_000)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        page.wait_for_selector(f"{HEADLINE} b", timeout=60_000)
        chart = page.locator(CHART).get_attribute("src")
        move_promoters(page, 1)
        wait_for_n(page, 101)
        assert nps_in(page.locator(HEADLINE).inner_text()) == (30.7, 101)  # 100 * (51 - 20) / 101 = 30.69
        assert page.locator(CHART).get_attribute("src") != chart
        page.screenshot(path=str(ARTIFACTS / "jupyterlab_nps.png"))
    assert remote(requests) == []
