"""Fast, checked NumPy views of a transaction log for cohort and RFM work (internal).

Large logs (tens of millions of rows) are reduced to integer arrays: customer codes,
day numbers and amounts. The checks are the cheap ones of
:func:`~csat_lab.churn.transactions.validate_transactions` (missing or future dates,
missing ids, text or infinite amounts, ids that differ only by type); the costly search
for duplicate rows is left to that function.

Policies shared by every reader of a log:

* time-zone-aware dates are read as their local wall-clock time (the zone dropped), and a
  time-zone-aware ``now`` is first converted to the zone of the dates, then read the same way;
* customer ids that differ only in type or surrounding spaces (``1`` and ``"1"``, ``"A1"``
  and ``"A1 "``) are an error naming both spellings and their rows: they would silently
  count as two customers. The fix is one spelling, e.g. ``data[col].astype(str).str.strip()``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import CsatInputError
from ..i18n import Message
from .validate import (
    as_numeric,
    one_of,
    require_columns,
    require_frame,
    to_dates,
    to_timestamp,
)

_NS_PER_DAY = 86_400_000_000_000
PERIODS = ("D", "W", "M", "Q", "Y")

#: How refunds are treated by cohort, RFM and period work on a log.
REFUND_POLICY = Message("value.policy.refunds")


@dataclass(frozen=True)
class LogArrays:
    codes: np.ndarray  # customer code per row
    customers: pd.Index  # customer id per code (may include ids without rows)
    day: np.ndarray  # days since 1970-01-01 per row
    amount: np.ndarray | None
    n_rows: int
    dropped: dict


def log_arrays(data: pd.DataFrame, customer: str, date: str, amount: str | None, now: object,
               on_invalid: str) -> LogArrays:
    """Validate the cheap way and return integer arrays (see module docstring)."""
    require_frame(data, "transactions")
    one_of(on_invalid, ("raise", "drop"), "on_invalid")
    require_columns(data, [customer, date] + ([amount] if amount else []), "transactions")
    dates = data[date]
    tz = dates_tz(dates)
    if tz is not None:
        dates = dates.dt.tz_localize(None)  # wall-clock time, as to_dates reads aware dates
    if not pd.api.types.is_datetime64_any_dtype(dates.dtype):
        dates = to_dates(dates, date)
    ns = dates.to_numpy(dtype="datetime64[ns]").view(np.int64)
    nat = ns == np.iinfo(np.int64).min
    limit = analysis_date(now, tz)
    future = ns > limit.value
    ids = data[customer]
    no_id = ids.isna().to_numpy()
    values = None
    no_amount = np.zeros(len(data), dtype=bool)
    if amount:
        col = data[amount]
        values = col.to_numpy(dtype=float) if pd.api.types.is_numeric_dtype(col.dtype) else as_numeric(col, amount).to_numpy()
        nonfinite = ~np.isfinite(values)  # one pass; NaN and infinity told apart only when present
        if nonfinite.any():
            check_finite_amounts(values, data.index, amount)
            no_amount = nonfinite
    checks = ((Message("value.reason.missing_customer"), no_id), (Message("value.reason.missing_date"), nat),
              (Message("value.reason.future_date"), future & ~nat), (Message("value.reason.missing_amount"), no_amount))
    dropped: dict[str, int] = {}
    if any(mask.any() for _, mask in checks):
        bad = np.zeros(len(data), dtype=bool)
        for reason, mask in checks:
            mask = mask & ~bad
            if mask.any():
                if on_invalid == "raise":
                    rows = list(data.index[mask][:5])
                    raise CsatInputError(
                        f"{int(mask.sum())} transactions have a {reason} (rows {rows}, ...); fix them or pass "
                        "on_invalid='drop' to remove them with a report"
                        + (f" (dates after {limit.date()} count as future)" if reason == "future date" else "")
                    )
                dropped[reason] = int(mask.sum())
                bad |= mask
        keep = ~bad
        ids, ns = ids[keep], ns[keep]
        values = values[keep] if values is not None else None
    if len(ns) == 0:
        raise CsatInputError("no valid transactions left")
    codes, customers = _factorize(ids)
    check_customer_ids(customers, ids, customer)
    return LogArrays(codes=codes, customers=customers, day=ns // _NS_PER_DAY, amount=values,
                     n_rows=len(data), dropped=dropped)


def dates_tz(dates: pd.Series) -> object:
    """The time zone of a date column (None when naive or not yet parsed)."""
    return getattr(dates.dtype, "tz", None)


def analysis_date(now: object, tz: object = None, name: str = "now") -> pd.Timestamp:
    """``now`` as a checked naive Timestamp (see the module policies); default tomorrow 00:00."""
    if now is None:
        return pd.Timestamp.now().normalize() + pd.Timedelta(days=1)
    return to_timestamp(now, name, tz)


def check_finite_amounts(values: np.ndarray, index: pd.Index, column: str) -> None:
    """Infinite amounts are an error naming their rows (missing ones are handled by ``on_invalid``)."""
    infinite = np.isinf(values)
    if infinite.any():
        raise CsatInputError(f"{column!r} must hold finite amounts; rows {list(index[infinite][:5])} hold "
                             f"{float(values[infinite][0])!r}")


def check_customer_ids(uniques: object, ids: pd.Series, column: str) -> None:
    """Raise when two distinct ids differ only in type or surrounding spaces (``1`` and ``"1"``)."""
    u = pd.Index(uniques)
    if u.dtype.kind in "biufcmM" or len(u) < 2:
        return  # one numeric or date type: no two spellings of one id
    keys = pd.Index([str(v).strip() for v in u]) if u.dtype == object else u.astype(str).str.strip()
    clash = keys.duplicated(keep=False)
    if not clash.any():
        return
    first = keys[clash][0]
    spellings = list(u[keys == first][:3])
    rows = list(ids.index[ids.isin(spellings).to_numpy()][:5])
    raise CsatInputError(
        f"{column!r} holds the ids {', '.join(repr(v) for v in spellings)} (rows {rows}), which differ only in "
        f"type or spaces and would count as different customers; give every id one spelling, e.g. "
        f"data[{column!r}] = data[{column!r}].astype(str).str.strip()")


def _factorize(ids: pd.Series) -> tuple[np.ndarray, pd.Index]:
    raw = ids.to_numpy()
    if raw.dtype.kind in "iu" and len(raw):
        lo, hi = int(raw.min()), int(raw.max())
        # dense integer ids need no hashing: the id offset is the code. Ids in the range that
        # never occur get codes too; callers drop customers without rows.
        if hi - lo < 2 * len(raw) + 1024:
            return (raw - lo if lo else raw).astype(np.int64, copy=False), pd.RangeIndex(lo, hi + 1)
    codes, uniques = pd.factorize(ids, sort=False)
    return codes.astype(np.int64), pd.Index(uniques)


def period_codes(day: np.ndarray, period: str) -> tuple[np.ndarray, int]:
    """Period number of each day, and the first period's number (for labels)."""
    one_of(period, PERIODS, "period")
    lo, hi = int(day.min()), int(day.max())
    if period == "D":
        return day - lo, lo
    if period == "W":
        # (day + 3) // 7 puts weeks on Mondays, the convention of pandas' "W" periods
        w = (day + 3) // 7
        w0 = (lo + 3) // 7
        return w - w0, w0
    unit = {"M": "datetime64[M]", "Q": "datetime64[M]", "Y": "datetime64[Y]"}[period]
    # a lookup over the (short) span of days avoids converting every row's calendar date
    span = np.arange(lo, hi + 1).astype("datetime64[D]").astype(unit).astype(np.int64)
    if period == "Q":
        span = span // 3
    base = int(span[0])
    return (span - base)[day - lo], base


def period_labels(offsets: np.ndarray, base: int, period: str) -> pd.PeriodIndex:
    """PeriodIndex for period numbers ``base + offsets``."""
    freq = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y"}[period]
    ordinals = np.asarray(offsets, dtype=np.int64) + base
    if period == "W":
        ordinals = ordinals + 1  # pandas numbers the week ending 1970-01-04 as 1
    return pd.PeriodIndex.from_ordinals(ordinals, freq=freq)


def engine_row(engine: str) -> list[tuple[str, str]]:
    """The summary row naming the engine that computed a result (none for pandas: results unchanged)."""
    return [] if engine == "pandas" else [("engine.engine", engine)]
