"""An offline Voila template for the explorers app (internal).

Voila's stock ``lab`` template links Font Awesome from a CDN, so a page served
on 127.0.0.1 still asks the internet for a style sheet. The widgets bundle
their own copy of those icons, so the ``csat`` template is the ``lab``
template with the two CDN links removed, and with the course title (in the
served notebook's language, ``metadata.csat_lab.language``) as the page
``<title>`` instead of the notebook's file name. It is written into a Jupyter data
directory (the environment's by default), where Voila looks for templates, and
chosen with ``--template=csat``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

TEMPLATE = "csat"

# The two <link> lines of voila/templates/lab/index.html.j2 (voila 0.5) that reach the CDN.
_CDN_LINKS = (
    '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@^5/css/all.min.css" type="text/css" />',
    '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@^5/css/v4-shims.min.css" type="text/css" />',
)

_INDEX = """{%- extends 'lab/index.html.j2' -%}
{#- The lab template without its CDN style sheets: the app must work offline. -#}
{#- The page title is the course title in the notebook's language (nbconvert reads metadata.title). -#}
{%- set _titles = TITLES -%}
{%- set _course = (nb.metadata.get('csat_lab') or {}).get('language', 'en') -%}
{%- if 'title' not in nb.metadata -%}{%- set _ = nb.metadata.update({'title': _titles.get(_course, _titles['en'])}) -%}{%- endif -%}
{%- block notebook_css -%}
{{ super()FILTERS }}
{%- endblock notebook_css -%}
"""


def course_title(language: str = "en") -> str:
    """The course title shown as the app's page title, in ``language``.

    Examples
    --------
    >>> course_title("en"), course_title("zh-CN")
    ('Customer satisfaction lab', '客户满意度实训课')
    """
    from ..i18n import label

    return label("widgets.app.course_title", language=language)


def _index() -> str:
    from ..i18n import LANGUAGES

    titles = {language: course_title(language) for language in LANGUAGES}
    filters = "".join(f" | replace({json.dumps(link)}, '')" for link in _CDN_LINKS)
    return _INDEX.replace("FILTERS", filters).replace("TITLES", json.dumps(titles, ensure_ascii=False))


def install_voila_template(prefix: str | os.PathLike[str] = sys.prefix) -> Path:
    """Write the ``csat`` Voila template under ``<prefix>/share/jupyter/voila/templates``.

    Returns the template folder. Rewriting an identical file is a no-op, so
    parallel test workers can call it safely.

    Examples
    --------
    >>> import tempfile
    >>> folder = install_voila_template(tempfile.mkdtemp())
    >>> sorted(p.name for p in folder.iterdir())
    ['conf.json', 'index.html.j2']
    """
    folder = Path(prefix) / "share" / "jupyter" / "voila" / "templates" / TEMPLATE
    folder.mkdir(parents=True, exist_ok=True)
    files = {"conf.json": json.dumps({"base_template": "lab"}) + "\n", "index.html.j2": _index()}
    for name, content in files.items():
        target = folder / name
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(content, encoding="utf-8")
        temporary.replace(target)
    return folder
