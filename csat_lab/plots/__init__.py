"""Charts of csat_lab results (seaborn/matplotlib), one module per topic.

Every function takes a result object (or the table it wraps, or plain data
it can draw as it is) plus ``language`` and an optional ``ax``, and returns
the Axes it drew, so callers can keep composing; ``result.plot()`` calls the
same function. Charts compute no statistics and import no computation
module: a chart of answers is drawn from their result
(``cl.metrics.nps(answers).plot()``). Titles and labels come from the i18n
catalog, in the current language unless ``language`` is given; items, drivers, features, groups
and legend entries named by a dataset identifier show its display name
(:func:`csat_lab.i18n.display_name`, :func:`~csat_lab.i18n.display_value`:
``perf_repair_advice`` as "Repair: maintenance advice (performance)" or
"提供保养建议（实际表现）"), other names as given. Functions are found here by name
(``cl.plots.likert_bars``) and live in the topic modules below. Importing this
package (never done by ``import csat_lab`` itself) imports matplotlib and sets up
fallback fonts for Chinese labels; in a Jupyter kernel it also switches the inline
backend's PNGs to "retina" (twice the pixels, same size on screen).

Charts are drawn for projection: no text smaller than 10 pt (11 px at the 80 px
per inch at which explorers show them), titles that wrap instead of being cut
off, point labels moved apart so none overlaps another or a caption, and
:func:`png_image` renders a figure at twice the pixels it is shown at.
"""

from __future__ import annotations

import importlib
from typing import Any

from ._style import configure_fonts, png_image, sharp_notebook_images

_TOPICS = ("survey", "loyalty", "churn", "segments", "complaints", "text")

# Charts label themselves in English or Chinese; make the CJK fallback fonts available first.
configure_fonts()
# In a notebook, charts are sent at twice the pixels ("retina") so a projector shows them sharp.
sharp_notebook_images()


def __getattr__(name: str) -> Any:
    if name in _TOPICS:
        return importlib.import_module(f".{name}", __name__)
    for topic in _TOPICS:
        try:
            module = importlib.import_module(f".{topic}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{topic}":
                raise
            continue
        if name in getattr(module, "__all__", ()):
            return getattr(module, name)
    raise AttributeError(f"csat_lab.plots has no chart {name!r}")


def __dir__() -> list[str]:
    names: set[str] = set(_TOPICS)
    for topic in _TOPICS:
        try:
            names.update(getattr(importlib.import_module(f".{topic}", __name__), "__all__", ()))
        except ModuleNotFoundError:
            continue
    return sorted(names)
