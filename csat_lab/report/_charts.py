"""Figures of report sections: the result's own plot(), or the native chart drawn by matplotlib (internal)."""

from __future__ import annotations

import io
import re
from typing import Any

from ._content import ChartSpec, SectionView

#: Pictures on slides are rendered at twice the screen resolution, so they stay sharp when projected.
SLIDE_DPI = 200


def png_bytes(fig: Any, dpi: int = SLIDE_DPI) -> bytes:
    """The figure as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


_SVG_START = re.compile(r"<svg\b")


def svg_text(fig: Any, salt: str = "csat_lab") -> str:
    """The figure as an inline ``<svg>`` element (text drawn as paths: no font needed to read it).

    ``salt`` makes the element ids of one figure differ from another's on the same page (and stay the
    same from run to run).
    """
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": salt}):
        fig.savefig(buffer, format="svg", bbox_inches="tight", facecolor="white", metadata={"Date": None})
    text = buffer.getvalue()
    match = _SVG_START.search(text)
    return text[match.start():] if match else text


def result_figure(view: SectionView) -> Any:
    """A matplotlib figure for the section: its own (figure item), the result's plot(), or its chart spec."""
    if view.kind == "figure":
        return view.item
    if view.kind != "result":
        return None
    plot = getattr(view.item, "plot", None)
    if callable(plot):
        import matplotlib.pyplot as plt

        try:
            ax = plot()
        except Exception:  # noqa: BLE001 - a result that cannot draw itself still has its spec or its table
            plt.close("all")
        else:
            fig = getattr(ax, "figure", None) or getattr(ax, "get_figure", lambda: None)()
            if fig is None and hasattr(ax, "savefig"):
                fig = ax
            if fig is not None:
                return fig
    if view.chart is not None:
        return spec_figure(view.chart)
    return None


def spec_figure(spec: ChartSpec) -> Any:
    """A matplotlib drawing of a native chart spec (for HTML/PDF when the result has no plot())."""
    import matplotlib.pyplot as plt

    from ..plots import configure_fonts

    configure_fonts()  # CJK labels need the CJK families in font.family before any text is made
    ax = plt.subplots(figsize=(7, 4.2))[1]
    if spec.type in ("column", "bar"):
        name, values = spec.series[0]
        heights = [v if v is not None else 0.0 for v in values]
        positions = range(len(spec.categories))
        if spec.type == "bar":
            ax.barh(list(positions), heights, color="#2f6f9f")
            ax.set_yticks(list(positions), spec.categories)
        else:
            ax.bar(list(positions), heights, color="#2f6f9f")
            ax.set_xticks(list(positions), spec.categories)
    elif spec.type == "line":
        for name, values in spec.series:
            ax.plot(range(len(spec.categories)), [float("nan") if v is None else v for v in values], label=name)
        ax.set_xticks(range(len(spec.categories)), spec.categories)
        if len(spec.series) > 1:
            ax.legend(fontsize=9)
    else:
        for name, points in spec.series:
            ax.step([p[0] for p in points], [p[1] for p in points], where="post", label=name)
        if len(spec.series) > 1:
            ax.legend(fontsize=9)
    if spec.share:
        from matplotlib.ticker import PercentFormatter

        (ax.xaxis if spec.type == "bar" else ax.yaxis).set_major_formatter(PercentFormatter(1.0))
    if spec.x_title:
        ax.set_xlabel(spec.x_title)
    if spec.y_title:
        ax.set_ylabel(spec.y_title)
    ax.figure.tight_layout()
    return ax.figure
