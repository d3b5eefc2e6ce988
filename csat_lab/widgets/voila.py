"""An offline Voila template for the explorers app (internal).

Voila's stock ``lab`` template links Font Awesome from a CDN, so a page served
on 127.0.0.1 still asks the internet for a style sheet. The widgets bundle
their own copy of those icons, so the ``csat`` template is the ``lab``
template with the two CDN links removed. It is written into a Jupyter data
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
{%- block notebook_css -%}
{{ super()FILTERS }}
{%- endblock notebook_css -%}
""".replace("FILTERS", "".join(f" | replace({json.dumps(link)}, '')" for link in _CDN_LINKS))


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
    files = {"conf.json": json.dumps({"base_template": "lab"}) + "\n", "index.html.j2": _INDEX}
    for name, content in files.items():
        target = folder / name
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(content, encoding="utf-8")
        temporary.replace(target)
    return folder
