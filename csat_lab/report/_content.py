"""What a report section says, worked out once for every output format (internal).

A section holds what the user added (a result, a table, a figure, a text).
:func:`build_view` turns it into a :class:`SectionView` in the current language:
the title, the one-sentence headline, the key facts (estimate, CI, n, method,
dropped rows and why), the tables (raw numbers with a kind per column, for
Excel; formatted text, for slides and HTML) and a chart: a :class:`ChartSpec`
that PowerPoint draws as a native chart, or a matplotlib figure drawn by the
result's own ``plot()``. Each writer (Excel, PowerPoint, HTML) only lays out a
view; none of them knows about result classes.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pandas as pd

from .._core.results import _COMMON_COLUMN_KINDS, Result, TableResult, _key_of, column_label
from ..i18n import Message, display_name, format_number, format_table, has_label, label
from ..i18n.numbers import parse_kind, row_kind

#: At most this many rows of a table go on a slide or into the HTML (the workbook gets all of them).
SHOWN_ROWS = 30
SLIDE_ROWS = 12


@dataclasses.dataclass
class Section:
    """One thing added to a report, with the user's own title, headline and note."""

    item: Any
    title: str | None = None
    headline: str | None = None
    note: str | None = None

    @property
    def kind(self) -> str:
        """``"result"``, ``"table"``, ``"figure"`` or ``"text"``."""
        return item_kind(self.item)


@dataclasses.dataclass
class ChartSpec:
    """A chart PowerPoint can draw natively: bar, column, line or XY (scatter with lines).

    ``series`` holds ``(name, values)``; for ``"xy"`` each values entry is a list of ``(x, y)``.
    ``number_format`` is an Excel/PowerPoint number format of the values axis and labels.
    """

    type: str
    categories: list[str]
    series: list[tuple[str, list[Any]]]
    number_format: str = "General"
    x_title: str | None = None
    y_title: str | None = None
    share: bool = False
    data_labels: bool = True


@dataclasses.dataclass
class Table:
    """A table in two forms: raw values (index reset, columns labelled) and their kinds; and as text."""

    caption: str
    raw: pd.DataFrame
    kinds: dict[str, str | None]
    shown: pd.DataFrame


@dataclasses.dataclass
class SectionView:
    """A section in the current language, ready for any writer."""

    kind: str
    title: str
    headline: str
    note: str | None
    facts: list[tuple[str, Any, str | None]]  # (label, value, kind): value a number, a text or None
    summary: pd.DataFrame | None  # the result's two-column table, as str(result) shows it
    summary_values: list[tuple[Any, str | None]] | None  # its raw values and kinds, row by row (for Excel)
    tables: list[Table]
    chart: ChartSpec | None
    paragraphs: list[str]
    item: Any


def item_kind(item: Any) -> str | None:
    """The kind of an item a report takes, or None when it takes no such item."""
    if isinstance(item, Result):
        return "result"
    if isinstance(item, pd.DataFrame):
        return "table"
    if isinstance(item, str):
        return "text"
    try:
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return None
    return "figure" if isinstance(item, Figure) else None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _finite(value: Any) -> bool:
    return _is_number(value) and math.isfinite(float(value))


def estimate_kind(result: Result) -> str | None:
    """The kind of number of the result's estimate: that of the summary row showing it (None: not a number)."""
    estimate = getattr(result, "estimate", None)
    if not _finite(estimate):
        return None
    fallback = None
    for row in result._summary():
        key, value = row[0], row[1]
        kind = row[2] if len(row) > 2 else row_kind(_key_of(key))
        if not _finite(value) or kind in (None, "interval", "scale", "period"):
            continue
        if parse_kind(kind)[0] in ("count", "plain"):
            continue
        if math.isclose(float(value), float(estimate), rel_tol=1e-3, abs_tol=1e-3):
            return kind
        fallback = fallback or kind
    return fallback or "number"


def _interval(result: Result) -> tuple[float, float] | None:
    if isinstance(getattr(type(result), "ci", None), property):  # an old alias of the level, not an interval
        return None
    ci = getattr(result, "ci", None)
    if isinstance(ci, tuple) and len(ci) == 2 and all(_is_number(v) for v in ci):
        return float(ci[0]), float(ci[1])
    return None


def _method(result: Result) -> str | None:
    for name in ("ci_method", "method", "test"):
        value = getattr(result, name, None)
        if isinstance(value, str) and value:
            return str(value)  # a Message renders in the current language
    return None


def _dropped_text(dropped: Any) -> str | None:
    if not isinstance(dropped, dict) or not dropped:
        return None
    return "; ".join(f"{k!s}: {format_number(v, 'count')}" for k, v in dropped.items())


def _level_text(result: Result) -> str:
    level = getattr(result, "ci_level", 0.95)
    return format_number(level if _is_number(level) else 0.95, "share:0")


def _n_of(result: Result) -> Any:
    n = getattr(result, "n", None)
    if _is_number(n):
        return n
    for row in result._summary():  # a table result counts its rows in its summary
        if _key_of(row[0]) == "result.n" and _is_number(row[1]):
            return row[1]
    return None


def facts_of(result: Result) -> list[tuple[str, Any, str | None]]:
    """Estimate, CI (low, high), n, method, dropped rows and why: the rows every result sheet starts with."""
    facts: list[tuple[str, Any, str | None]] = []
    estimate = getattr(result, "estimate", None)
    kind = estimate_kind(result)
    if kind is not None:
        facts.append((label("report.fact.estimate"), float(estimate), kind))
    interval = _interval(result)
    if interval is not None:
        facts.append((label("report.fact.ci_low", level=_level_text(result)), interval[0], kind))
        facts.append((label("report.fact.ci_high", level=_level_text(result)), interval[1], kind))
    n = _n_of(result)
    if _is_number(n):
        facts.append((label("report.fact.n"), n, "count"))
    method = _method(result)
    if method is not None:
        facts.append((label("report.fact.method"), method, None))
    n_dropped = getattr(result, "n_dropped", None)
    if _is_number(n_dropped):
        facts.append((label("report.fact.dropped"), n_dropped, "count"))
        facts.append((label("report.fact.why_dropped"), _dropped_text(getattr(result, "dropped", None))
                      or label("report.fact.nothing_dropped"), None))
    return facts


# --- tables -----------------------------------------------------------------------------------

_SHARE_COLUMNS = {"survival", "rate", "rates", "share", "customer_share", "value_share", "retention"}


def _guess_kind(name: Any, values: pd.Series) -> str | None:
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return None
    text = str(name)
    if text in _SHARE_COLUMNS or text.endswith(("_share", "_rate")):
        return "share"
    finite = pd.to_numeric(values, errors="coerce").dropna()
    if len(finite) and (finite == finite.round()).all():
        return "count"
    return "number"


#: Columns of result tables named by an existing catalog entry of their topic.
_TOPIC_COLUMNS = {"recency": "segments.recency", "frequency": "segments.frequency", "monetary": "segments.monetary",
                  "R": "segments.R", "F": "segments.F", "M": "segments.M",
                  "customer_share": "segments.customer_share", "value_share": "segments.value_share"}


def _column_name(column: Any) -> str:
    if not isinstance(column, str):
        return str(column)
    if not has_label(f"column.{column}"):
        for key in (_TOPIC_COLUMNS.get(column), f"report.column.{column}"):
            if key and has_label(key):
                return label(key)
    return str(column_label(column))


def _table(caption: str, frame: pd.DataFrame, kinds: dict[str, str | None], *, share_matrix: bool = False,
           shown: pd.DataFrame | None = None, names: dict[str, Any] | None = None) -> Table:
    """A :class:`Table` from a raw frame: the index becomes columns, names become labels."""
    raw = frame.copy()
    if isinstance(raw.columns, pd.MultiIndex):
        raw.columns = [" / ".join(str(x) for x in c) for c in raw.columns]
    named_index = any(n is not None for n in raw.index.names)
    if named_index or not isinstance(raw.index, pd.RangeIndex):
        raw = raw.reset_index()
    column_kinds: dict[str, str | None] = {}
    labelled = []
    for column in raw.columns:
        kind = "share" if share_matrix and column not in frame.index.names else kinds.get(column, "guess")
        if kind == "guess" and column in ("ci_low", "ci_high"):  # an interval is shown like its estimate
            kind = next((_guess_kind(c, raw[c]) for c in ("survival", "estimate", "rate") if c in raw.columns), "guess")
        if kind == "guess":
            kind = _guess_kind(column, raw[column])
        name = str(names[column]) if names and column in names else _column_name(column)
        while name in column_kinds:  # keep every column, even when two names read the same
            name += " "
        column_kinds[name] = kind
        labelled.append(name)
    raw.columns = labelled
    for column in raw.columns:  # category codes and messages as the reader sees them
        if raw[column].dtype == object or isinstance(raw[column].dtype, pd.CategoricalDtype):
            raw[column] = [display_name(v) if isinstance(v, str) and not isinstance(v, Message) else v
                           for v in raw[column]]
    if shown is None:
        head = raw.head(SHOWN_ROWS)
        shown = format_table(head, {c: k for c, k in column_kinds.items() if k is not None})
    # str() of each cell, not astype(str): a Message keeps its English value under astype but renders under str().
    shown = shown.map(lambda v: str(v))
    shown.columns = [str(c) for c in shown.columns]
    return Table(caption=caption, raw=raw, kinds=column_kinds, shown=shown)


def tables_of(result: Result) -> list[Table]:
    """The result's own tables: ``table`` of a table result (or any DataFrame field), raw and formatted."""
    found = []
    for field in dataclasses.fields(result):
        value = getattr(result, field.name)
        if isinstance(value, pd.Series):
            value = value.to_frame()
        if not isinstance(value, pd.DataFrame) or value.empty:
            continue
        caption = label(f"report.table.{field.name}") if _has(f"report.table.{field.name}") else \
            str(column_label(field.name))
        if isinstance(result, TableResult) and field.name == "table":
            kinds = {**_COMMON_COLUMN_KINDS, **result._column_kinds()}
            kinds = {c: kinds.get(c, "guess") for c in value.columns}
            shown = result._shown_table().head(SHOWN_ROWS)
            if any(n is not None for n in shown.index.names) or not isinstance(shown.index, pd.RangeIndex):
                shown = shown.reset_index()
            found.append(_table(caption, value, kinds, shown=shown, names=result._column_names()))
        else:
            found.append(_table(caption, value, {c: "guess" for c in value.columns},
                                share_matrix=field.name == "rates"))
    return found


def _has(key: str) -> bool:
    return has_label(key)


# --- charts -----------------------------------------------------------------------------------

_EXCEL_FORMATS = {"share": "0.{d}%", "percent": '0.{d}"%"', "pp": "+0.{d}%;-0.{d}%;0%", "count": "#,##0",
                  "money": "#,##0", "pvalue": "0.000", "score": "0.{d}", "coef": "0.{d}", "ratio": '0.{d}"×"',
                  "plain": "0", "number": "0.{d}"}


def number_format(kind: str | None, values: Any = None) -> str:
    """An Excel/PowerPoint number format showing numbers of ``kind`` as :func:`format_number` does."""
    if kind is None:
        return "General"
    name, decimals = parse_kind(kind)
    if decimals is None:
        from ..i18n.numbers import KINDS, decimals_for

        decimals = KINDS.get(name)
        if decimals is None:
            finite = [float(v) for v in np.ravel(values if values is not None else []) if _finite(v)]
            decimals = decimals_for(max(finite, key=abs), name) if finite else 2
    if name == "count" and values is not None and any(_finite(v) and float(v) != round(float(v))
                                                      for v in np.ravel(values)):
        return "#,##0.0"
    if name == "money" and decimals:
        return "#,##0." + "0" * decimals
    fmt = _EXCEL_FORMATS[name]
    if decimals == 0:
        return fmt.replace(".{d}", "")
    return fmt.replace("{d}", "0" * decimals)


def _clean(values: Any) -> list[float | None]:
    return [float(v) if _finite(v) else None for v in values]


def chart_of(result: Result) -> ChartSpec | None:
    """The native chart for a result, when its type has one (None: use its ``plot()`` as a picture)."""
    name = type(result).__name__
    builder = _CHARTS.get(name)
    if builder is None:
        return None
    try:
        return builder(result)
    except (KeyError, ValueError, TypeError, AttributeError):  # an unusual result: its own plot() shows it
        return None


def _nps_chart(r: Any) -> ChartSpec:
    cats = [label("metrics.promoters"), label("metrics.passives"), label("metrics.detractors")]
    values = [r.share_promoters, r.share_passives, r.share_detractors]
    return ChartSpec("column", cats, [(label("report.chart.share_of_answers"), _clean(values))], "0%",
                     y_title=label("report.chart.share_of_answers"), share=True)


def _score_chart(r: Any) -> ChartSpec:
    kind = estimate_kind(r) or "number"
    values = [r.estimate]
    cats = [label(f"metrics.{r.metric}") if _has(f"metrics.{r.metric}") else str(r.metric)]
    if r.box is not None:
        values.append(1 - r.estimate)
        cats.append(label("report.chart.other_answers"))
    return ChartSpec("column", cats, [(label("report.fact.estimate"), _clean(values))], number_format(kind, values),
                     y_title=cats[0], share=parse_kind(kind)[0] == "share")


def _comparison_chart(r: Any) -> ChartSpec:
    kind = estimate_kind(r) or "number"
    level = kind
    for row in r._summary():
        if _key_of(row[0]) == "metrics.estimate_a":
            level = row[2] if len(row) > 2 else row_kind("metrics.estimate_a") or kind
    values = [r.estimate_a, r.estimate_b]
    return ChartSpec("column", [label("metrics.estimate_a"), label("metrics.estimate_b")],
                     [(label("report.fact.estimate"), _clean(values))], number_format(level, values),
                     share=parse_kind(level)[0] == "share")


def _groups_chart(r: Any) -> ChartSpec:
    kinds = r._column_kinds()
    kind = kinds.get("estimate", "number")
    groups = [str(display_name(g)) if isinstance(g, str) else str(g) for g in r.table["group"]]
    values = list(r.table["estimate"])
    return ChartSpec("column", groups, [(label("column.estimate"), _clean(values))], number_format(kind, values),
                     x_title=str(column_label(r.group)) if isinstance(r.group, str) else None,
                     share=parse_kind(kind)[0] == "share")


def _cohort_chart(r: Any) -> ChartSpec:
    rates = r.rates.iloc[:12]  # a line per cohort; twelve lines are as many as anyone can read
    cats = [str(c) for c in rates.columns]
    series = [(str(idx), _clean(row.tolist())) for idx, row in rates.iterrows()]
    return ChartSpec("line", cats, series, "0%", x_title=label("report.chart.periods_since_first"),
                     y_title=label("report.chart.retained"), share=True, data_labels=False)


def _survival_chart(r: Any) -> ChartSpec:
    series = []
    for group, part in r.table.groupby("group", sort=False):
        points = list(zip(part["time"].astype(float), part["survival"].astype(float)))
        series.append((str(display_name(group)) if isinstance(group, str) else str(group), points))
    return ChartSpec("xy", [], series, "0%", x_title=label("report.chart.time"),
                     y_title=label("report.chart.surviving"), share=True, data_labels=False)


def _rfm_chart(r: Any) -> ChartSpec:
    sizes = r.table["score"].value_counts().sort_index()
    return ChartSpec("column", [str(s) for s in sizes.index], [(label("segments.customers"), _clean(sizes.tolist()))],
                     "#,##0", x_title=label("report.chart.rfm_score"), y_title=label("segments.customers"))


def _drivers_chart(r: Any) -> ChartSpec:
    column = "share" if "share" in r.table.columns else "weight"
    kind = "share" if column == "share" else (r._column_kinds().get(column) or "coef")
    table = r.table[column].sort_values()
    names = [str(display_name(i)) if isinstance(i, str) else str(i) for i in table.index]
    return ChartSpec("bar", names, [(str(r._column_names().get(column, column_label(column))), _clean(table.tolist()))],
                     number_format(kind, table.tolist()), share=kind == "share")


def _loyalty_model_chart(r: Any) -> ChartSpec:
    predicted = r.predicted
    level_column = predicted.columns[0]
    cats = [str(v) for v in predicted[level_column]]
    values = list(predicted["estimate"])
    return ChartSpec("column", cats, [(label("report.chart.predicted_loyalty"), _clean(values))],
                     number_format("number", values), x_title=str(display_name(r.satisfaction)),
                     y_title=str(display_name(r.loyalty)))


def _pareto_chart(r: Any) -> ChartSpec:
    lorenz = r.lorenz
    steps = np.linspace(0, 1, 11)
    values = np.interp(steps, lorenz["customer_share"].to_numpy(float), lorenz["value_share"].to_numpy(float))
    cats = [format_number(s, "share:0") for s in steps]
    return ChartSpec("line", cats, [(label("segments.value_share"), _clean(values))], "0%",
                     x_title=label("segments.customer_share"), y_title=label("segments.value_share"), share=True)


def _churn_chart(r: Any) -> ChartSpec:
    values = [r.rate, r.retention]
    return ChartSpec("column", [label("churn.rate"), label("churn.retention")],
                     [(label("report.fact.estimate"), _clean(values))], "0.0%", share=True)


def _revenue_chart(r: Any) -> ChartSpec:
    keys = ["churn.revenue_churn", "churn.grr", "churn.nrr"]
    values = [r.revenue_churn, r.grr, r.nrr]
    return ChartSpec("column", [label(k) for k in keys], [(label("report.fact.estimate"), _clean(values))], "0.0%",
                     share=True)


_CHARTS = {
    "RevenueRetentionResult": _revenue_chart,
    "NPSResult": _nps_chart, "ScoreResult": _score_chart, "Comparison": _comparison_chart,
    "GroupComparison": _groups_chart, "CohortResult": _cohort_chart, "SurvivalResult": _survival_chart,
    "RFMResult": _rfm_chart, "DriverImportance": _drivers_chart, "LoyaltyModel": _loyalty_model_chart,
    "ParetoResult": _pareto_chart, "ChurnResult": _churn_chart,
}


# --- headlines --------------------------------------------------------------------------------

def headline_of(result: Result, title: str) -> str:
    """One sentence saying what the result found, in the current language."""
    estimate = getattr(result, "estimate", None)
    kind = estimate_kind(result)
    n = _n_of(result)
    n_text = format_number(n, "count") if _is_number(n) else None
    if type(result).__name__ == "GroupComparison":
        table = result.table.dropna(subset=["estimate"])
        if len(table):
            level = result._column_kinds().get("estimate", "number")
            top, bottom = table.loc[table["estimate"].idxmax()], table.loc[table["estimate"].idxmin()]
            return label("report.headline.groups", title=title, best=_name(top["group"]),
                         best_value=format_number(top["estimate"], level), worst=_name(bottom["group"]),
                         worst_value=format_number(bottom["estimate"], level), n=n_text or "–")
    special = _HEADLINES.get(type(result).__name__)
    if special is not None:
        try:
            text = special(result, title, n_text or "–")
        except (KeyError, ValueError, TypeError, AttributeError, IndexError):
            text = None
        if text:
            return text
    if kind is None:
        return label("report.headline.plain_n", title=title, n=n_text) if n_text else title
    value = format_number(estimate, kind)
    interval = _interval(result)
    name = {"NPSResult": lambda: label("report.headline.nps_name"),
            "Comparison": lambda: label("metrics.difference")}.get(type(result).__name__, lambda: title)()
    if interval is not None:
        low, high = (format_number(v, kind, decimals=_decimals(value)) for v in interval)
        key = "report.headline.estimate_ci_n" if n_text else "report.headline.estimate_ci"
        return label(key, title=name, estimate=value, level=_level_text(result), low=low, high=high, n=n_text)
    key = "report.headline.estimate_n" if n_text else "report.headline.estimate"
    return label(key, title=name, estimate=value, n=n_text)


def _drivers_headline(r: Any, title: str, n: str) -> str | None:
    column = "share" if "share" in r.table.columns else "weight"
    top = r.table[column].astype(float).idxmax()
    kind = "share" if column == "share" else (r._column_kinds().get(column) or "coef")
    return label("report.headline.drivers", title=title, driver=_name(top),
                 value=format_number(r.table.loc[top, column], kind), n=n)


def _survival_headline(r: Any, title: str, n: str) -> str | None:
    if r.median is None:
        return label("report.headline.median_not_reached", title=title, n=n)
    return label("report.headline.median", title=title, median=format_number(r.median, "number:1"), n=n)


def _cohort_headline(r: Any, title: str, n: str) -> str | None:
    if r.counts.shape[1] < 2:
        return None
    # Retention one period after the first purchase, over the cohorts that have reached that period.
    reached = r.counts.iloc[:, 1].notna()
    if not reached.any():
        return None
    rate = float(r.counts.iloc[:, 1][reached].sum()) / float(r.counts.iloc[:, 0][reached].sum())
    return label("report.headline.cohort", title=title, rate=format_number(rate, "share"),
                 cohorts=format_number(int(reached.sum()), "count"))


def _rfm_headline(r: Any, title: str, n: str) -> str | None:
    best = int(((r.table["R"] == r.bins) & (r.table["F"] == r.bins) & (r.table["M"] == r.bins)).sum())
    return label("report.headline.rfm", title=title, customers=format_number(r.n_customers, "count"),
                 best=format_number(best, "count"), share=format_number(best / r.n_customers, "share"),
                 bins=r.bins)


def _pareto_headline(r: Any, title: str, n: str) -> str | None:
    return label("report.headline.pareto", top=format_number(r.top, "share:0"), share=format_number(r.top_share, "share"),
                 gini=format_number(r.gini, "coef:2"), n=n)


_HEADLINES = {"DriverImportance": _drivers_headline, "ParetoResult": _pareto_headline, "SurvivalResult": _survival_headline,
              "CohortResult": _cohort_headline, "RFMResult": _rfm_headline}


def _decimals(shown: str) -> int:
    digits = shown.rstrip("%×").split(" ")[0]
    return len(digits.split(".")[1]) if "." in digits else 0


def _name(value: Any) -> str:
    return str(display_name(value)) if isinstance(value, str) else str(value)


# --- the view ---------------------------------------------------------------------------------

def rows_note(shown: int, total: int) -> str:
    """"First 30 of 1,603 rows shown; the workbook has them all"."""
    return label("report.rows_shown", shown=format_number(shown, "count"), total=format_number(total, "count"))


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a text: split at blank lines, each paragraph's lines joined by a space."""
    blocks = [" ".join(line.strip() for line in block.splitlines() if line.strip())
              for block in text.replace("\r\n", "\n").split("\n\n")]
    return [b for b in blocks if b]


def build_view(section: Section, number: int) -> SectionView:
    """The section in the current language (call it with the report's language set)."""
    item, kind = section.item, section.kind
    if kind == "result":
        title = section.title or item.title
        summary = item.to_frame()
        values = [(row[1], row[2] if len(row) > 2 else row_kind(_key_of(row[0]))) for row in item._summary()]
        return SectionView("result", title, section.headline or headline_of(item, title), section.note,
                           facts_of(item), summary, values if len(values) == len(summary) else None,
                           tables_of(item), chart_of(item), [], item)
    if kind == "table":
        title = section.title or label("report.section.table", number=number)
        table = _table(title, item, {c: "guess" for c in item.columns})
        return SectionView("table", title, section.headline or title, section.note, [], None, None, [table], None, [], item)
    if kind == "figure":
        title = section.title or label("report.section.figure", number=number)
        return SectionView("figure", title, section.headline or title, section.note, [], None, None, [], None, [], item)
    title = section.title or label("report.section.text", number=number)
    return SectionView("text", title, section.headline or title, section.note, [], None, None, [], None,
                       paragraphs(item), item)
