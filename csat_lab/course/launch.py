"""Command lines for ``make lab`` and ``make app`` (internal).

Both servers bind to 127.0.0.1 and have every feature that would reach the
internet switched off: JupyterLab's news feed, update check and extension
manager (plus a settings override in the environment), and Voila serves one
notebook only, with a template that loads nothing from a CDN. As root, Jupyter refuses to start without ``--allow-root``, so
it is added when the effective user is root.

Run ``python -m csat_lab.course.launch lab`` or ``python -m csat_lab.course.launch app``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_NOTEBOOK = "notebooks/00_start_here.ipynb"
APP_NOTEBOOK = "notebooks/explorers.ipynb"

#: JupyterLab settings that stop the front end asking the internet for news or updates.
LAB_SETTINGS_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"checkForUpdates": False, "fetchNews": "false"},
    "@jupyterlab/extensionmanager-extension:plugin": {"enabled": False},
}


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def write_lab_overrides(prefix: str | os.PathLike[str] = sys.prefix) -> Path:
    """Write the settings override into ``<prefix>/share/jupyter/lab/settings``."""
    target = Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(target.read_text()) if target.exists() else {}
    current.update(LAB_SETTINGS_OVERRIDES)
    target.write_text(json.dumps(current, indent=2))
    return target


def lab_command(port: int | None = None, open_browser: bool = True, token: str | None = None) -> list[str]:
    """The argv that starts JupyterLab on the start notebook, offline and on loopback."""
    cmd = [
        sys.executable, "-m", "jupyterlab", START_NOTEBOOK,
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={ROOT}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    if port is not None:
        cmd += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if not open_browser:
        cmd.append("--no-browser")
    if token is not None:
        cmd.append(f"--IdentityProvider.token={token}")
    if _is_root():
        cmd.append("--allow-root")
    return cmd


def app_command(port: int | None = None, open_browser: bool = True) -> list[str]:
    """The argv that serves the explorers notebook with Voila on loopback."""
    cmd = [
        sys.executable, "-m", "voila", str(ROOT / APP_NOTEBOOK),
        "--Voila.ip=127.0.0.1",
        "--strip_sources=True",
        "--theme=light",
        "--template=csat",  # the lab template without its CDN style sheets (csat_lab.widgets.voila)
    ]
    if port is not None:
        cmd += [f"--port={port}", "--Voila.port_retries=0"]
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ("lab", "app"):
        print("usage: python -m csat_lab.course.launch {lab|app}", file=sys.stderr)
        return 2
    os.chdir(ROOT)
    if argv[0] == "lab":
        write_lab_overrides()
        cmd = lab_command(open_browser=not os.environ.get("CI"))
    else:
        from ..widgets.voila import install_voila_template

        install_voila_template()
        cmd = app_command()
    os.execv(cmd[0], cmd)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
