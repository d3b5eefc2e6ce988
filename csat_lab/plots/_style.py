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
