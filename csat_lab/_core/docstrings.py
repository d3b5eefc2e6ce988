"""Parameter descriptions written once and filled into every docstring that uses them (internal).

A docstring line holding only ``@{name}`` (indented like the other parameters)
is replaced by the shared text of ``name`` at that indentation, as seaborn's
``_docstrings.py`` does for its common parameters.
"""

from __future__ import annotations

import re
from typing import Any, Callable, TypeVar

T = TypeVar("T", bound=Callable[..., Any])

__all__ = ["SHARED", "shared_docs"]

#: Shared parameter texts: the first line is ``name : type``, the rest its description.
SHARED: dict[str, str] = {
    "data": "data : pandas.DataFrame\n    The table to analyse; the keyword arguments name its columns.",
    "log": ("data : pandas.DataFrame\n    A transaction log, one row per purchase (refunds as negative amounts); "
            "the keyword arguments name its columns."),
    "customer": "customer : str, default \"customer_id\"\n    Column of customer ids.",
    "date": "date : str, default \"date\"\n    Column of purchase dates (dates or ISO text).",
    "amount": "amount : str or None\n    Column of amounts (refunds negative); None when the log has no amounts.",
    "now": ("now : date-like, optional\n    The analysis date: the end of the observation window. Default: the last "
            "date in the data."),
    "period": "period : {\"D\", \"W\", \"M\", \"Q\", \"Y\"}\n    Length of one period (day, week, month, quarter, year).",
    "on_invalid": ("on_invalid : {\"raise\", \"drop\"}, default \"raise\"\n    What to do with rows that have a "
                   "missing id or date, a future date or a missing amount: stop with an error naming them, or drop "
                   "them and report how many were dropped and why."),
    "ci": "ci : float, default 0.95\n    Confidence level of the interval, strictly between 0 and 1.",
    "n_boot": "n_boot : int\n    Number of bootstrap replicates; 0 for no bootstrap interval.",
    "seed": ("seed : int, numpy Generator or None\n    Seed of the random draws, so the same call gives the same "
             "answer; None draws fresh randomness."),
    "weights": ("weights : array-like, optional\n    Sampling weights, one per answer, finite and non-negative; "
                "shares are weighted and n is Kish's effective sample size."),
    "scale": "scale : str or Scale\n    The answer scale, a name such as \"satisfaction5\" or a :class:`~csat_lab.scales.Scale`.",
    "share_method": ("method : {\"wilson\", \"wald\"}, default \"wilson\"\n    Interval of the share: Wilson's score "
                     "interval or the Wald interval."),
    "missing": ("missing : {\"listwise\", \"pairwise\"}, default \"listwise\"\n    Drop respondents with any missing "
                "item, or use every pair of items answered together."),
    "source": "source : str, path or binary file\n    The file to read: a path, or an open binary stream (``io.BytesIO``).",
    "encoding": ("encoding : str, optional\n    The file's text encoding (e.g. \"utf-8\", \"gbk\"); None detects UTF-8 (with or\n"
                 "    without a byte-order mark) and, failing that, GB18030."),
    "answer_scales": ("scales : dict of str to str, optional\n    Column -> scale name; answers written as the scale's labels "
                      "(English or\n    Chinese, e.g. \"Satisfied\", \"满意\") become codes, and the codebook records the scale."),
    "language": "language : str, optional\n    Language of the labels (\"en\" or \"zh-CN\"); default the current one.",
    "ax": "ax : matplotlib Axes, optional\n    Axes to draw on; a new figure when omitted.",
    "datasheets": ("Gebru, T., Morgenstern, J., Vecchione, B., Vaughan, J. W., Wallach, H.,\n"
                   "Daumé III, H., & Crawford, K. (2021). Datasheets for datasets.\n"
                   "Communications of the ACM, 64(12), 86-92."),
}

_TOKEN = re.compile(r"^(?P<indent>[ \t]*)@\{(?P<name>\w+)\}[ \t]*$", re.M)


def _fill(doc: str) -> str:
    def replace(match: re.Match) -> str:
        indent = match.group("indent")
        text = SHARED[match.group("name")]
        return "\n".join(indent + line if line else line for line in text.split("\n"))

    return _TOKEN.sub(replace, doc)


def shared_docs(obj: T) -> T:
    """Fill the ``@{name}`` lines of ``obj``'s docstring with :data:`SHARED` texts."""
    if obj.__doc__:
        obj.__doc__ = _fill(obj.__doc__)
    return obj
