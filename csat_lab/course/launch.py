"""Command lines for ``make lab`` and ``make app`` (internal).

Both servers bind to 127.0.0.1 and have every feature that would reach the
internet switched off: JupyterLab's news feed, update check and extension
manager (plus a settings override in the environment), and Voila serves one
notebook only, with a template that loads nothing from a CDN. As root, Jupyter refuses to start without ``--allow-root``, so
it is added when the effective user is root.

Both open the course in the language of the user's locale (``LC_ALL``,
``LC_MESSAGES`` or ``LANG`` starting with ``zh``: the Chinese editions under
``notebooks/zh-CN/``; otherwise English), unless ``COURSE_LANGUAGE`` says
``en`` or ``zh-CN``.

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
#: Folder of each language's editions, relative to notebooks/.
EDITION_FOLDERS = {"en": "", "zh-CN": "zh-CN"}


def course_language(environ: dict[str, str] | None = None) -> str:
    """The course language for this user: ``COURSE_LANGUAGE``, else the locale, else English.

    Parameters
    ----------
    environ : dict, optional
        Environment variables to read (default ``os.environ``).

    Returns
    -------
    str
        ``"en"`` or ``"zh-CN"``.

    Examples
    --------
    >>> course_language({"LANG": "zh_CN.UTF-8"}), course_language({"LANG": "en_GB.UTF-8"})
    ('zh-CN', 'en')
    >>> course_language({"LANG": "zh_CN.UTF-8", "COURSE_LANGUAGE": "en"})
    'en'
    """
    from ..errors import CsatInputError
    from ..i18n.catalog import _ALIASES

    env = os.environ if environ is None else environ
    chosen = env.get("COURSE_LANGUAGE", "").strip()
    if chosen:
        code = _ALIASES.get(chosen.lower())
        if code is None:
            raise CsatInputError(f"COURSE_LANGUAGE must be en or zh-CN, got {chosen!r}")
        return code
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh-CN" if value.lower().startswith("zh") else "en"
    return "en"


def edition_path(notebook: str, language: str) -> str:
    """``notebooks/<language folder>/<name>`` of an edition, relative to the project root."""
    folder = EDITION_FOLDERS[language]
    name = Path(notebook).name
    return f"notebooks/{folder}/{name}" if folder else f"notebooks/{name}"

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


def lab_command(port: int | None = None, open_browser: bool = True, token: str | None = None,
                language: str = "en") -> list[str]:
    """The argv that starts JupyterLab on the start notebook of ``language``, offline and on loopback."""
    cmd = [
        sys.executable, "-m", "jupyterlab", edition_path(START_NOTEBOOK, language),
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


def app_command(port: int | None = None, open_browser: bool = True, language: str = "en") -> list[str]:
    """The argv that serves the explorers notebook of ``language`` with Voila on loopback."""
    cmd = [
        sys.executable, "-m", "voila", str(ROOT / edition_path(APP_NOTEBOOK, language)),
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
    language = course_language()
    if argv[0] == "lab":
        write_lab_overrides()
        cmd = lab_command(open_browser=not os.environ.get("CI"), language=language)
    else:
        from ..widgets.voila import install_voila_template

        install_voila_template()
        cmd = app_command(language=language)
    os.execv(cmd[0], cmd)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
