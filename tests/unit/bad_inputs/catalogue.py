"""The harness of the bad-input catalogue: every case is a call, and what a user must get back.

Each case names a public call and its expected outcome:

* ``Raises(match)``: a :class:`csat_lab.CsatInputError` whose message matches ``match``
  (a regular expression naming the column, row or argument at fault);
* ``Returns(check)``: a value for which ``check(value)`` is true (the correct answer,
  checked by hand in the case), never a silent NaN unless the check says so.

Before the call every argument is deep-copied; after it the arguments must equal their
copies, so no call mutates the caller's data. Any other exception, or a warning leaking
from inside a computation, fails the case.
"""

from __future__ import annotations

import copy
import re
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl


@dataclass(frozen=True)
class Raises:
    match: str


@dataclass(frozen=True)
class Returns:
    check: Callable[[Any], bool]
    why: str = ""


@dataclass(frozen=True)
class Case:
    id: str
    call: Callable[..., Any]
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    expect: Raises | Returns = Raises("")


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, pd.DataFrame):
        return isinstance(b, pd.DataFrame) and a.equals(b) and list(a.columns) == list(b.columns)
    if isinstance(a, (pd.Series, pd.Index)):
        return type(a) is type(b) and a.equals(b)
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True  # NaN is unchanged NaN
    try:
        same = a == b
        return bool(same) if not isinstance(same, (np.ndarray, pd.Series)) else bool(np.all(same))
    except Exception:
        return a is b


def run(case: Case) -> None:
    """Run one case: outcome as expected, arguments untouched, no warning leaking out."""
    args, kwargs = copy.deepcopy(case.args), copy.deepcopy(case.kwargs)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if isinstance(case.expect, Raises):
            with pytest.raises(cl.CsatInputError) as info:
                case.call(*args, **kwargs)
            assert re.search(case.expect.match, str(info.value)), (
                f"{case.id}: message {str(info.value)!r} does not match {case.expect.match!r}")
        else:
            value = case.call(*args, **kwargs)
            assert case.expect.check(value), f"{case.id}: unexpected result {value!r} ({case.expect.why})"
    leaked = [w for w in caught if not issubclass(w.category, DeprecationWarning)
              and "site-packages" not in (w.filename or "")]
    assert not leaked, f"{case.id}: warnings leaked to the user: {[str(w.message) for w in leaked]}"
    assert _equal(args, case.args) and _equal(kwargs, case.kwargs), f"{case.id}: the call changed its inputs"


def ids(cases: list[Case]) -> list[str]:
    found = [c.id for c in cases]
    assert len(found) == len(set(found)), "case ids must be unique"
    return found
