"""One exception family for csat_lab.

Every error raised on purpose at csat_lab's API boundary derives from
:class:`CsatLabError`. Problems with what the caller passed in (a missing
column, a score outside its scale, an empty table) raise
:class:`CsatInputError`, which is also a :class:`ValueError` so that code
written against the standard library's conventions keeps working.

Examples
--------
>>> from csat_lab.errors import CsatInputError
>>> issubclass(CsatInputError, ValueError)
True
"""

from __future__ import annotations

__all__ = ["CsatLabError", "CsatInputError", "CsatConvergenceError"]


class CsatLabError(Exception):
    """Base class of every error csat_lab raises deliberately."""


class CsatInputError(CsatLabError, ValueError):
    """The input does not meet what the function needs.

    The message names the column or row at fault and says what was expected.
    """


class CsatConvergenceError(CsatLabError, RuntimeError):
    """An iterative estimator (optimizer, PLS loop) did not converge.

    The message carries the optimizer's own report.
    """
