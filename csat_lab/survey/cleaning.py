"""Clean a survey response table and report every change.

:func:`clean` recodes "not applicable" codes, non-numeric and out-of-range
answers to missing (or drops their rows), then removes duplicates, speeders,
straight-liners and rows with no answers. Nothing is lost silently: the
report lists every changed cell and removed row with its reason, and
``report.n_kept + report.n_removed == report.n_input`` always holds.

Examples
--------
>>> import pandas as pd
>>> from csat_lab.survey import clean
>>> df = pd.DataFrame({"id": [1, 2, 2, 3], "sat": [5, 9, 9, "x"]})
>>> data, report = clean(df, scales={"sat": "satisfaction5"}, id="id")
>>> report.n_input, report.n_kept, report.n_removed, report.n_changed
(4, 1, 3, 3)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Sequence

import numpy as np
import pandas as pd

from .. import scales as _scales
from .._core.results import Result
from .._core.validate import as_numeric, one_of, require_columns, require_frame
from ..errors import CsatInputError
from ..i18n import label

__all__ = ["CleaningReport", "clean", "NA_CODES", "REASONS"]

#: Codes commonly used for "not applicable" / "don't know" in survey exports.
NA_CODES: tuple = (97, 98, 99, -1, "N/A", "n/a", "NA", "Not applicable", "Don't know", "不适用", "不知道")

#: Reason codes used in the report, in the order the checks run.
REASONS = ("not_applicable", "non_numeric", "out_of_range", "invalid_answer", "duplicate", "speeder",
           "straight_liner", "no_answers")


@dataclass(frozen=True)
class CleaningReport(Result):
    """The cleaned table and what :func:`clean` changed and removed, row by row.

    Unpacks like the ``(data, report)`` pair :func:`clean` used to return:
    ``data, report = clean(...)`` gives the cleaned table and this report
    (``report.data`` is the same table).

    Attributes
    ----------
    data : pandas.DataFrame
        The cleaned table: kept rows, with invalid answers set to missing.
    n_input : int
        Rows in the input.
    n_kept : int
        Rows kept (``n_kept + n_removed == n_input``).
    n_removed : int
        Rows removed.
    n_changed : int
        Answers set to missing in kept or removed rows.
    by_reason : dict
        Reason code (one of :data:`REASONS`) -> number of log rows with that reason.
    log : pandas.DataFrame
        One row per changed cell or removed row: ``row`` (index label in the
        input), ``column`` (None for a removed row), ``action``
        (``"changed"``/``"removed"``), ``reason`` (one of :data:`REASONS`),
        ``old`` and ``new`` values.
    removed : pandas.DataFrame
        The removed rows as they were in the input.
    estimate : int
        The headline number, the same as ``n_kept``.
    """

    data: pd.DataFrame
    n_input: int
    n_kept: int
    n_removed: int
    n_changed: int
    by_reason: dict
    log: pd.DataFrame
    removed: pd.DataFrame

    @property
    def estimate(self) -> int:
        """Rows kept (same as ``n_kept``)."""
        return self.n_kept

    def __iter__(self) -> Iterator[Any]:
        """``data, report = clean(...)``: the cleaned table, then this report."""
        return iter((self.data, self))

    def __getitem__(self, index: int | slice) -> Any:
        """``clean(...)[0]`` is the cleaned table, ``[1]`` this report (as with the old pair)."""
        return (self.data, self)[index]

    def _summary(self) -> list[tuple[str, Any]]:
        rows = [("clean.n_input", self.n_input), ("clean.n_kept", self.n_kept), ("clean.n_removed", self.n_removed),
                ("clean.n_changed", self.n_changed)]
        return rows + [(f"clean.reason.{k}", v) for k, v in self.by_reason.items()]

    def reasons_table(self, language: str | None = None) -> pd.DataFrame:
        """Counts by reason and action, with translated reason names."""
        if self.log.empty:
            return pd.DataFrame(columns=[label("clean.reason", language), label("clean.action", language),
                                         label("result.n", language)])
        t = self.log.groupby(["reason", "action"], sort=False).size().reset_index(name="n")
        t["reason"] = [label(f"clean.reason.{r}", language) for r in t["reason"]]
        t["action"] = [label(f"clean.action.{a}", language) for a in t["action"]]
        return t.set_axis([label("clean.reason", language), label("clean.action", language), label("result.n", language)],
                          axis=1)


def _codes(series: pd.Series, sc: _scales.Scale) -> pd.Series:
    """Ordered categoricals with text labels (e.g. from SPSS) become their positional codes."""
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype) and dtype.ordered and dtype.categories.dtype.kind not in "iuf" \
            and len(dtype.categories) == sc.size:
        codes = series.cat.codes.astype(float)
        return codes.where(codes >= 0) + sc.low
    return series.astype(object) if isinstance(dtype, pd.CategoricalDtype) else series


def clean(data: pd.DataFrame, *, scales: dict[str, "str | _scales.Scale"] | None = None, id: str | None = None,
          duration: str | None = None, speeder_fraction: float = 1 / 3, straightline: Sequence[str] | None = None,
          na_codes: Sequence = NA_CODES, invalid: str = "missing", drop_empty: bool = True) -> CleaningReport:
    """Clean survey answers; return the clean table with a report of every change.

    Steps, in order:

    1. in each column of ``scales``: ``na_codes`` -> missing (``not_applicable``),
       text that is not a number (``non_numeric``) and codes off the scale
       (``out_of_range``) -> missing, or the row removed when
       ``invalid="drop"`` (``invalid_answer``);
    2. duplicates: repeated ``id`` (or, without ``id``, fully identical rows);
       the first is kept (``duplicate``);
    3. speeders: ``duration < speeder_fraction * median(duration)`` over the
       rows still kept (``speeder``);
    4. straight-liners: the same answer to every item of ``straightline``
       (default: the ``scales`` columns when there are at least 3)
       (``straight_liner``);
    5. rows with every ``scales`` column missing (``no_answers``) when
       ``drop_empty``.

    Each removed row is reported once, under the first reason that applies.

    Parameters
    ----------
    data : pandas.DataFrame
        The response table, one row per respondent; its index labels name the rows in the report.
    scales : dict of str to str or Scale, optional
        Answer column -> its scale; these columns are checked and recoded.
    id : str, optional
        Column of respondent ids used to find duplicates; without it, fully identical rows are duplicates.
    duration : str, optional
        Column of completion times (seconds) used to find speeders; without it, no speeder check.
    speeder_fraction : float, default 1/3
        A row is a speeder when faster than this fraction of the median duration (between 0 and 1).
    straightline : list of str, optional
        Items checked for straight-lining; default the ``scales`` columns when there are at least 3.
    na_codes : sequence, default NA_CODES
        Codes or texts that mean "not applicable" / "don't know", set to missing.
    invalid : {"missing", "drop"}, default "missing"
        Non-numeric and off-scale answers become missing, or their rows are removed.
    drop_empty : bool, default True
        Remove rows whose ``scales`` columns are all missing after recoding.

    Returns
    -------
    CleaningReport
        The report, with the cleaned table in ``.data``; it unpacks as
        ``data, report = clean(...)``.

    Notes
    -----
    Every input row is either kept or removed with one reason, so
    ``n_kept + n_removed == n_input``; every answer set to missing is logged
    with its old value. The speeder threshold, a third of the median
    duration, follows Greszki, Meyer & Schoen (2015).

    References
    ----------
    Greszki, R., Meyer, M., & Schoen, H. (2015). Exploring the effects of removing "too fast" responses and
    respondents from web surveys. *Public Opinion Quarterly*, 79(2).

    Examples
    --------
    >>> df = pd.DataFrame({"q1": [5, 4, 3, 99], "q2": [5, 2, 4, 1], "q3": [5, 3, 1, 2], "secs": [10, 200, 220, 180]})
    >>> data, report = clean(df, scales=dict.fromkeys(["q1", "q2", "q3"], "agree5"), duration="secs")
    >>> report.log[["row", "column", "reason"]].to_string(index=False)
    ' row column         reason\\n   3     q1 not_applicable\\n   0    NaN        speeder'
    >>> report.n_kept, len(report.data)
    (3, 3)
    """
    data, scales = _check_arguments(data, scales, id, duration, speeder_fraction, straightline, invalid)
    work, log, bad_rows = _recode_answers(data, scales, na_codes, invalid)
    removed = _removal_reasons(work, bad_rows, scales=scales, id=id, duration=duration,
                               speeder_fraction=speeder_fraction, straightline=straightline, drop_empty=drop_empty)
    return _build_report(data, work.loc[removed.isna()], log, removed)


# ------------------------------------------------------------------ the steps of clean, in order

def _check_arguments(data: pd.DataFrame, scales: dict | None, id: str | None, duration: str | None,
                     speeder_fraction: float, straightline: Sequence[str] | None, invalid: str
                     ) -> tuple[pd.DataFrame, dict]:
    """Check the table and the options; return the table and ``scales`` as a dict."""
    data = require_frame(data)
    scales = dict(scales or {})
    require_columns(data, list(scales) + [c for c in (id, duration) if c is not None] + list(straightline or []))
    one_of(invalid, ("missing", "drop"), "invalid")
    if not 0 < speeder_fraction < 1:
        raise CsatInputError(f"speeder_fraction must lie between 0 and 1, got {speeder_fraction!r}")
    if not data.index.is_unique:
        raise CsatInputError("the table's index has repeated labels; call .reset_index(drop=True) first so rows can be reported")
    return data, scales


def _recode_answers(data: pd.DataFrame, scales: dict, na_codes: Sequence, invalid: str
                    ) -> tuple[pd.DataFrame, list[dict], pd.Series]:
    """Step 1: not-applicable, non-numeric and off-scale answers -> missing, each change logged.

    Returns the recoded copy of ``data``, the log of changed cells and the
    rows to remove as ``invalid_answer`` (none unless ``invalid="drop"``).
    """
    work = data.copy()
    log: list[dict] = []
    bad_rows = pd.Series(False, index=data.index)
    na_num = {float(c) for c in na_codes if isinstance(c, (int, float, np.integer, np.floating)) and not isinstance(c, bool)}
    na_text = {str(c).strip().lower() for c in na_codes if isinstance(c, str)}
    for col, scale in scales.items():
        num, na, nonnum, off = _classify_answers(work[col], _scales.get(scale), na_num, na_text)
        log.extend(_changed_cells(data, col, (("not_applicable", na), ("non_numeric", nonnum), ("out_of_range", off))))
        if invalid == "drop":
            bad_rows |= nonnum | off
        work[col] = num.where(~(na | nonnum | off)).astype(float)
    return work, log, bad_rows


def _classify_answers(series: pd.Series, sc: _scales.Scale, na_num: set, na_text: set
                      ) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """One column's answers as numbers, with masks: not applicable, non-numeric, off the scale."""
    s = _codes(series, sc)
    num = pd.to_numeric(s, errors="coerce")
    # np.isin against the few numeric codes is a handful of vectorised comparisons
    na = pd.Series(np.isin(num.to_numpy(dtype=float, na_value=np.nan), sorted(na_num)), index=num.index)
    if not pd.api.types.is_numeric_dtype(s):  # only text cells can hold "N/A"-style codes
        text = s.map(lambda v: v.strip().lower() if isinstance(v, str) else None)
        na |= text.isin(na_text)
    nonnum = num.isna() & s.notna() & ~na
    outside = (num < sc.low) | (num > sc.high)
    if not pd.api.types.is_integer_dtype(num):  # whole numbers need no fractional check
        outside |= num % 1 != 0
    off = num.notna() & ~na & outside
    return num, na, nonnum, off


def _changed_cells(data: pd.DataFrame, col: str, masks: tuple) -> Iterator[dict]:
    """Log rows for the cells of ``col`` set to missing, reason by reason, with their input values."""
    for reason, mask in masks:
        hit = mask.to_numpy()
        yield from ({"row": row, "column": col, "action": "changed", "reason": reason, "old": old, "new": np.nan}
                    for row, old in zip(data.index[hit], data[col].to_numpy()[hit]))


def _removal_reasons(work: pd.DataFrame, bad_rows: pd.Series, *, scales: dict, id: str | None,
                     duration: str | None, speeder_fraction: float, straightline: Sequence[str] | None,
                     drop_empty: bool) -> pd.Series:
    """Steps 2-5: each row's removal reason (None for a kept row), the first check that applies."""
    removed = pd.Series(None, index=work.index, dtype=object)

    def drop(mask: pd.Series, reason: str) -> None:
        hit = mask & removed.isna()
        removed[hit] = reason

    drop(bad_rows, "invalid_answer")
    drop(_duplicates(work, id), "duplicate")
    if duration is not None:
        speeders = _speeders(work, duration, speeder_fraction, live=removed.isna())
        if speeders is not None:
            drop(speeders, "speeder")
    items = list(straightline) if straightline is not None else (list(scales) if len(scales) >= 3 else [])
    if len(items) >= 2:
        drop(_straight_liners(work, items), "straight_liner")
    if drop_empty and scales:
        drop(work[list(scales)].isna().all(axis=1), "no_answers")
    return removed


def _duplicates(work: pd.DataFrame, id: str | None) -> pd.Series:
    """Repeats of an earlier row's ``id`` (or, without ``id``, of a whole earlier row)."""
    if id is not None:
        return work[id].notna() & work[id].duplicated(keep="first")
    return _full_duplicates(work)


def _speeders(work: pd.DataFrame, duration: str, speeder_fraction: float, live: pd.Series) -> pd.Series | None:
    """Rows faster than ``speeder_fraction`` x the median duration of the rows still kept (None: no median)."""
    d = as_numeric(work[duration], duration)
    med = d[live].median()
    return d < speeder_fraction * med if np.isfinite(med) else None


def _straight_liners(work: pd.DataFrame, items: list[str]) -> pd.Series:
    """Rows answering every one of ``items`` with the same value."""
    block = work[items].apply(pd.to_numeric, errors="coerce")
    # one distinct answer across the items <=> row minimum equals row maximum (vectorised)
    return block.notna().all(axis=1) & (block.min(axis=1) == block.max(axis=1))


def _build_report(data: pd.DataFrame, kept: pd.DataFrame, log: list[dict], removed: pd.Series) -> CleaningReport:
    """The report: the changed cells, then one log row per removed row; kept + removed = input."""
    gone = removed.notna()
    log.extend({"row": row, "column": None, "action": "removed", "reason": why, "old": None, "new": None}
               for row, why in zip(data.index[gone.to_numpy()], removed[gone].to_numpy()))
    log_frame = pd.DataFrame(log, columns=["row", "column", "action", "reason", "old", "new"])
    counts = log_frame["reason"].value_counts()
    by_reason = {r: int(counts[r]) for r in REASONS if r in counts.index}
    changed_rows = log_frame.loc[log_frame["action"] == "changed", "row"]
    return CleaningReport(kept, len(data), int((~gone).sum()), int(gone.sum()), int(changed_rows.shape[0]), by_reason,
                          log_frame, data.loc[gone])


def _full_duplicates(frame: pd.DataFrame) -> pd.Series:
    try:
        return frame.duplicated(keep="first")
    except TypeError:  # unhashable cells (lists, dicts) compare by their text
        return frame.astype(str).duplicated(keep="first")
