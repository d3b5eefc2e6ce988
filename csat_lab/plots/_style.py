"""Fonts for bilingual charts (internal).

Matplotlib's default DejaVu Sans has no Chinese glyphs, so zh-CN titles would
print as empty boxes. Matplotlib (3.6+) falls back glyph by glyph through the
families named in ``font.family`` (not through the generic ``sans-serif`` list),
so we name DejaVu Sans followed by the CJK families found on this machine
(WenQuanYi Micro Hei from Debian's ``fonts-wqy-microhei``, which ``make``
installs when it can, or the system fonts of Windows and macOS). Only installed
families are added, so matplotlib never logs "font family not found".
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
import pandas as pd

from ..errors import CsatInputError

CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Hiragino Sans GB",
)

_done = {"configured": False}


def configure_fonts() -> list[str]:
    """Put DejaVu Sans first and every installed CJK family after it; return the CJK ones used."""
    import matplotlib
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [name for name in CJK_FAMILIES if name in installed]
    if not cjk:
        # matplotlib's font cache may predate the font's installation: register the files directly.
        for path in font_manager.findSystemFonts():
            if any(key in path.lower() for key in ("wqy", "notosanscjk", "sourcehansans", "msyh", "simhei")):
                font_manager.fontManager.addfont(path)
        installed = {f.name for f in font_manager.fontManager.ttflist}
        cjk = [name for name in CJK_FAMILIES if name in installed]
    if not _done["configured"]:
        if cjk:
            matplotlib.rcParams["font.family"] = ["DejaVu Sans", *cjk]
        matplotlib.rcParams["axes.unicode_minus"] = False
        _done["configured"] = True
    return cjk


def axes(ax: Any = None, size: tuple[float, float] = (7, 4.5)) -> Any:
    """The Axes a chart draws on: ``ax`` itself, or a new figure of ``size`` inches.

    Text objects that already exist on a passed-in Axes (its title and axis
    labels) took their font when the Axes was created, possibly before the CJK
    fallback was configured; they are switched to the fallback families so a
    Chinese title set on them still renders.
    """
    if ax is not None:
        from matplotlib.axes import Axes

        if not isinstance(ax, Axes):
            raise CsatInputError(f"ax must be a matplotlib Axes (e.g. from plt.subplots()) or None, "
                                 f"got {type(ax).__name__}")
    families = configure_fonts()
    if ax is None:
        import matplotlib.pyplot as plt

        return plt.subplots(figsize=size)[1]
    if families:
        import matplotlib
        from matplotlib.text import Text

        wanted = list(matplotlib.rcParams["font.family"])
        for text in ax.findobj(Text):
            if not set(families) & set(text.get_fontfamily()):
                text.set_fontfamily(wanted)
    return ax


# Checks of what a chart is given (plots compute nothing, so a result that cannot be drawn is an input error).


def table_of(result: Any, chart: str, expected: str, columns: Iterable[str] = (), attr: str | None = None) -> pd.DataFrame:
    """The table a chart draws: ``result.<attr>`` (or ``result`` itself when it is a DataFrame).

    It must be a non-empty DataFrame with ``columns`` and unique column names, else
    :class:`~csat_lab.errors.CsatInputError` saying what ``chart`` expected instead.
    """
    table = getattr(result, attr, result) if attr else result
    if not isinstance(table, pd.DataFrame):
        raise CsatInputError(f"{chart} needs {expected}; got {type(result).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CsatInputError(f"{chart} needs {expected}: a table with the columns {', '.join(columns)}; "
                             f"this one lacks {', '.join(map(str, missing))}")
    if table.columns.has_duplicates:
        dup = list(dict.fromkeys(table.columns[table.columns.duplicated()]))
        raise CsatInputError(f"{chart}: the table has the column(s) {dup} more than once")
    if table.shape[0] == 0:
        raise CsatInputError(f"{chart} needs {expected}; the table is empty (0 rows), nothing to draw")
    return table


def numbers(values: Any, what: str, chart: str, *, finite: bool = True) -> np.ndarray:
    """``values`` as a float array; text, missing or infinite values raise naming ``what`` and their rows."""
    labels = list(values.index) if isinstance(values, pd.Series) else None
    series = values if isinstance(values, pd.Series) else pd.Series(list(np.atleast_1d(np.asarray(values, dtype=object)).ravel()), dtype=object)
    text: list[int] = []
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        out = series.to_numpy(dtype=float, na_value=np.nan)
    else:
        raw = series.to_numpy(dtype=object)
        out = np.full(raw.shape, np.nan)
        for i, v in enumerate(raw):
            if v is None or v is pd.NA or v is pd.NaT:
                continue
            if isinstance(v, (bool, np.bool_, str, bytes)):
                text.append(i)
                continue
            try:
                out[i] = float(v)
            except (TypeError, ValueError):
                text.append(i)
    where = (lambda idx: [labels[i] for i in idx[:5]]) if labels is not None else (lambda idx: [int(i) for i in idx[:5]])
    if text:
        raise CsatInputError(f"{chart}: {what} must be numbers; rows {where(text)} hold {series.iloc[text[0]]!r}")
    if finite:
        bad = np.flatnonzero(~np.isfinite(out))
        if len(bad):
            raise CsatInputError(f"{chart}: {what} is missing or infinite at rows {where(list(bad))} "
                                 f"(e.g. {out[bad[0]]}); a chart draws finite numbers only")
    return out


def intervals(estimate: Any, low: Any, high: Any, what: str, chart: str, names: Any = None, *,
              missing_ok: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Estimates with their interval bounds, all finite and ``low <= high``, or an input error naming the row.

    An interval need not contain its estimate (an adjusted-Wald or bootstrap
    interval may not); :func:`draw_intervals` draws such rows correctly. With
    ``missing_ok`` a row may have no interval at all (both bounds missing, as a
    chosen curve has); it is drawn without a bar.
    """
    est = numbers(estimate, what, chart)
    lo = numbers(low, f"the lower bound of the interval of {what}", chart, finite=not missing_ok)
    hi = numbers(high, f"the upper bound of the interval of {what}", chart, finite=not missing_ok)
    if missing_ok:
        half = np.isnan(lo) != np.isnan(hi)
        if half.any() or np.isinf(lo).any() or np.isinf(hi).any():
            i = int(np.flatnonzero(half | np.isinf(lo) | np.isinf(hi))[0])
            name = list(names)[i] if names is not None else i
            raise CsatInputError(f"{chart}: the interval of {what} in row {name!r} is [{lo[i]:g}, {hi[i]:g}]; "
                                 "expected two finite bounds, or none")
    tol = 1e-9 * np.maximum(1.0, np.abs(lo))
    wrong = np.flatnonzero(lo > hi + tol)
    if len(wrong):
        i = int(wrong[0])
        name = list(names)[i] if names is not None else i
        raise CsatInputError(f"{chart}: the interval of {what} in row {name!r} is [{lo[i]:g}, {hi[i]:g}]; "
                             "expected low <= high")
    return est, lo, hi


def draw_intervals(ax: Any, position: Any, est: np.ndarray, lo: np.ndarray, hi: np.ndarray, *,
                   horizontal: bool = False, **style: Any) -> Any:
    """Points at ``est`` with error bars from ``lo`` to ``hi`` (``errorbar``), also when a point lies outside its bar."""
    inside = bool(np.all(np.isnan(lo) | ((lo <= est) & (est <= hi))))  # a row without an interval draws no bar
    centre = est if inside else (lo + hi) / 2
    err = np.vstack([np.maximum(centre - lo, 0), np.maximum(hi - centre, 0)])
    fmt = style.pop("fmt", "o")
    if horizontal:
        bars = ax.errorbar(centre, position, xerr=err, fmt=fmt if inside else "none", **style)
    else:
        bars = ax.errorbar(position, centre, yerr=err, fmt=fmt if inside else "none", **style)
    if not inside:
        colour = style.get("color")
        xy = (est, position) if horizontal else (position, est)
        ax.plot(*xy, fmt if fmt != "none" else "o", color=colour)
    return bars


# Charts for projection: sharp images, a minimum font size, wrapped titles, labels that do not collide.

#: CSS pixels per figure inch at which an explorer shows its chart (a 6.4 in figure is 512 px wide on the page).
SCREEN_PX_PER_INCH = 80
#: Image pixels per CSS pixel of a chart image (2: sharp on a projector and on high-density screens).
PIXEL_DENSITY = 2
#: Smallest font size of any chart text, in points: 10 pt is 11.1 px at 80 px per inch (13.9 px at matplotlib's 100 dpi).
MIN_FONT_PT = 10.0
_PAD_PT = 2.0  # free space kept around a point label, in points


def png_image(fig: Any) -> tuple[bytes, int, int]:
    """``fig`` as PNG bytes at :data:`PIXEL_DENSITY` times the width and height (in CSS px) it is shown at.

    The image has ``PIXEL_DENSITY * SCREEN_PX_PER_INCH`` pixels per figure inch;
    show it at the returned ``width`` x ``height`` (e.g. a Jupyter display bundle's
    ``metadata={"image/png": {"width": width, "height": height}}``) so text keeps
    its size and gets twice the pixels.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> data, width, height = png_image(Figure(figsize=(6.4, 3.2)))
    >>> width, height, data[:4] == b"\\x89PNG"
    (512, 256, True)
    >>> import struct; struct.unpack(">II", data[16:24])  # the PNG's own size: twice as many pixels
    (1024, 512)
    """
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=SCREEN_PX_PER_INCH * PIXEL_DENSITY)
    width, height = fig.get_size_inches() * SCREEN_PX_PER_INCH
    return buf.getvalue(), int(round(width)), int(round(height))


def sharp_notebook_images() -> bool:
    """In a Jupyter kernel, let the inline backend send 'retina' PNGs (twice the pixels, same size on screen).

    Changes only the default ``png`` format (a notebook that chose ``svg`` keeps
    it); returns whether a kernel's inline backend was configured. Outside a
    kernel (plain Python, pytest) nothing happens.
    """
    import sys

    if "IPython" not in sys.modules:
        return False
    try:
        from IPython import get_ipython
        from matplotlib_inline.config import InlineBackend
    except ImportError:  # pragma: no cover - matplotlib-inline comes with ipykernel
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return False
    backend = InlineBackend.instance(parent=shell)
    if "png" in backend.figure_formats:
        backend.figure_formats = (set(backend.figure_formats) - {"png"}) | {"retina"}
    return True


def _is_wide(ch: str) -> bool:
    return ("\u2e80" <= ch <= "\u9fff") or ("\uac00" <= ch <= "\ud7af") or ("\uff00" <= ch <= "\uffef") \
        or ("\u3000" <= ch <= "\u303f")


def wrap_label(text: str, width: int = 22) -> str:
    """``text`` broken into lines of at most ``width`` columns (a Chinese character counts two), between words.

    A bracketed part (``(performance)``, ``（实际表现）``) is kept on one line.

    Examples
    --------
    >>> wrap_label("Repair: maintenance advice (performance)")
    'Repair: maintenance\\nadvice (performance)'
    >>> wrap_label("维修逐项说明和费用估算（实际表现）", 16)
    '维修逐项说明和费\\n用估算\\n（实际表现）'
    >>> wrap_label("Free Wi-Fi")
    'Free Wi-Fi'
    """
    import re

    text = str(text)
    tokens = re.findall(r"（[^）]{0,8}）|\([^)]{0,20}\)\s*|[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef\u3000-\u303f(（]+\s*|\S", text)
    lines: list[str] = []
    line, used = "", 0
    for token in tokens:
        cols = sum(2 if _is_wide(ch) else 1 for ch in token.rstrip())
        if line and used + cols > width:
            lines.append(line.rstrip())
            line, used = "", 0
        line += token
        used += sum(2 if _is_wide(ch) else 1 for ch in token)
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


def readable(ax: Any, minimum: float = MIN_FONT_PT) -> Any:
    """Raise every text of ``ax`` (and of its colorbars and the figure's legends) to ``minimum`` points; wrap the title.

    Tick labels made later (on zoom or redraw) get the size too. The title
    wraps between words at the figure's edges instead of being cut off
    (matplotlib's ``wrap``); its text is unchanged.
    """
    from matplotlib.text import Text

    fig = ax.figure
    owned = [ax] + [a for a in fig.axes if a is not ax and _colorbar_of(a) is ax]
    for a in owned:
        for name, axis in (("x", a.xaxis), ("y", a.yaxis)):
            ticks = axis.get_major_ticks()
            size = ticks[0].label1.get_fontsize() if ticks else minimum
            if size < minimum:
                a.tick_params(axis=name, which="both", labelsize=minimum)
        for text in a.findobj(Text):
            if text.get_fontsize() < minimum:
                text.set_fontsize(minimum)
        for title in (a.title, a._left_title, a._right_title):
            if title.get_text():
                title.set_wrap(True)
    for legend in fig.legends:
        for text in legend.findobj(Text):
            if text.get_fontsize() < minimum:
                text.set_fontsize(minimum)
    return ax


def _colorbar_of(cax: Any) -> Any:
    """The Axes a colorbar Axes belongs to, when matplotlib records it (else None)."""
    colorbar = getattr(cax, "_colorbar", None)
    mappable = getattr(colorbar, "mappable", None)
    return getattr(mappable, "axes", None)


def _renderer(fig: Any) -> Any:
    """A renderer of ``fig`` with its layout done (constrained layout moves the Axes when drawn)."""
    if fig.get_layout_engine() is not None:
        fig.draw_without_rendering()
    return fig._get_renderer()


def label_points(ax: Any, names: Iterable[str], x: Any, y: Any, **style: Any) -> list[Any]:
    """One label (an ``Annotation`` at least :data:`MIN_FONT_PT`) per point, up and right of it; :func:`repel` moves them.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure(figsize=(3, 3)).subplots(); _ = ax.scatter([1, 1.001], [1, 1.001])
    >>> a, b = label_points(ax, ["first", "second"], [1, 1.001], [1, 1.001])
    >>> r = ax.figure._get_renderer()
    >>> bool(a.get_window_extent(r).overlaps(b.get_window_extent(r)))
    True
    >>> _ = repel(ax, [a, b]); bool(a.get_window_extent(r).overlaps(b.get_window_extent(r)))
    False
    """
    style = {**style, "fontsize": max(MIN_FONT_PT, float(style.pop("fontsize", MIN_FONT_PT)))}
    labels = []
    for name, xi, yi in zip(names, np.asarray(x, dtype=float), np.asarray(y, dtype=float)):
        text = ax.annotate(str(name), (xi, yi), xytext=(4, 4), textcoords="offset points", ha="left", va="bottom",
                           annotation_clip=False, **style)
        text.set_in_layout(False)
        labels.append(text)
    return labels


def repel(ax: Any, labels: list[Any], *, avoid: Iterable[Any] = (), marker_pt: float = 6.0) -> list[Any]:
    """Move point labels (from :func:`label_points`) so that none overlaps another label, a point or a text in ``avoid``.

    A small deterministic repel step: each label (in the given order) takes the
    first free spot of a fixed list around its point (upper right first, then
    the other corners and sides, further out step by step) that lies inside the
    Axes and overlaps neither a label placed before, nor a point (a square of
    ``marker_pt`` points around it), nor a text in ``avoid`` (e.g. the quadrant
    captions), keeping :data:`_PAD_PT` free around it. A label more than a few
    points from its point gets a thin leader line. When no spot is free, the
    one with the least overlap is taken. Call it last, once titles, captions,
    limits and font sizes are final: the spots are found for the figure as laid
    out now. Returns ``labels``.
    """
    fig = ax.figure
    if not labels:
        return labels
    xs = np.array([float(t.xy[0]) for t in labels])
    ys = np.array([float(t.xy[1]) for t in labels])
    renderer = _renderer(fig)
    scale = fig.dpi / 72.0
    pad = _PAD_PT * scale
    frame = ax.get_window_extent(renderer)
    points = ax.transData.transform(np.column_stack([xs, ys]))
    half = (marker_pt / 2 + _PAD_PT) * scale
    taken = [np.array([px - half, py - half, px + half, py + half]) for px, py in points]
    for text in avoid:
        if text.get_visible() and text.get_text():
            b = text.get_window_extent(renderer)
            taken.append(np.array([b.x0 - pad, b.y0 - pad, b.x1 + pad, b.y1 + pad]))
    sizes = []
    for text in labels:
        text.xyann = (0, 0)
        b = text.get_window_extent(renderer)
        sizes.append((b.width, b.height))
    spots = []
    for r in (4, 9, 15, 22, 30, 40, 52, 66):
        d = r + 1.5
        spots += [(r, r, "left", "bottom"), (-r, r, "right", "bottom"), (r, -r, "left", "top"), (-r, -r, "right", "top"),
                  (d, 0, "left", "center"), (-d, 0, "right", "center"), (0, d, "center", "bottom"), (0, -d, "center", "top")]
    placed: list[np.ndarray] = []
    for i, (text, (w, h)) in enumerate(zip(labels, sizes)):
        px, py = points[i]
        others = [t for j, t in enumerate(taken[:len(points)]) if j != i] + taken[len(points):] + placed
        best, best_cost = None, np.inf
        for dx, dy, ha, va in spots:
            ox, oy = px + dx * scale, py + dy * scale
            x0 = {"left": ox, "right": ox - w, "center": ox - w / 2}[ha]
            y0 = {"bottom": oy, "top": oy - h, "center": oy - h / 2}[va]
            box = np.array([x0, y0, x0 + w, y0 + h])
            spill = max(0, frame.x0 - box[0]) + max(0, box[2] - frame.x1) + max(0, frame.y0 - box[1]) \
                + max(0, box[3] - frame.y1)
            overlap = sum(max(0.0, min(box[2], o[2]) - max(box[0], o[0])) * max(0.0, min(box[3], o[3]) - max(box[1], o[1]))
                          for o in others)
            cost = spill * 1e4 + overlap + 1e-3 * (abs(dx) + abs(dy))
            if cost < best_cost:
                best, best_cost = (dx, dy, ha, va, box), cost
            if spill == 0 and overlap == 0:
                break
        dx, dy, ha, va, box = best
        text.xyann = (dx, dy)
        text.set_horizontalalignment(ha)
        text.set_verticalalignment(va)
        placed.append(box + np.array([-pad, -pad, pad, pad]))
        if max(abs(dx), abs(dy)) > 6:  # a leader line from the point to the label's near corner or side
            end = ax.transData.inverted().transform([px + dx * scale * 0.92, py + dy * scale * 0.92])
            ax.add_artist(_leader(ax, (xs[i], ys[i]), tuple(end), "#595959"))
    return labels


def _leader(ax: Any, start: tuple[float, float], end: tuple[float, float], colour: str) -> Any:
    from matplotlib.lines import Line2D

    line = Line2D([start[0], end[0]], [start[1], end[1]], lw=0.6, color=colour, alpha=0.7, zorder=2,
                  transform=ax.transData)
    line.set_in_layout(False)
    return line
