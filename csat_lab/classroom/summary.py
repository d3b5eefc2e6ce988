"""The trainer dashboard's numbers: n, CSAT, NPS and a mean score with intervals, counts, comments.

Everything is computed by :mod:`csat_lab.metrics`; this module only picks
the questions (the first satisfaction question gives CSAT and the mean, the
first ``nps11`` question the NPS), counts the answers per code for the
diverging Likert chart and formats the numbers for the dashboard's language
(:func:`csat_lab.i18n.numbers.format_number`).

Examples
--------
>>> from csat_lab.survey import load_questionnaire
>>> q = load_questionnaire("course_evaluation")
>>> s = summarise(q, [{"overall": 5, "nps": 10}, {"overall": 4, "nps": 6}, {"overall": 2, "nps": 9}])
>>> s["n"], s["nps"]["score"], s["csat"]["estimate"]
(3, 33.33333333333333, 0.6666666666666666)
"""

from __future__ import annotations

import math
from typing import Any, Sequence

from .. import scales as _scales
from ..errors import CsatInputError
from ..i18n.numbers import format_number
from ..survey.questionnaire import Questionnaire

__all__ = ["summarise"]

#: Comments shown on the dashboard (the newest first).
MAX_COMMENTS = 200


def _finite(x: float) -> float | None:
    return float(x) if x is not None and math.isfinite(x) else None


def _interval(estimate: float, ci: tuple[float, float], kind: str, language: str) -> dict[str, Any]:
    lo, hi = ci
    return {"ci": [_finite(lo), _finite(hi)],
            "text": format_number(estimate, kind, language=language),
            "ci_text": (f"{format_number(lo, kind, language=language)} – {format_number(hi, kind, language=language)}"
                        if _finite(lo) is not None and _finite(hi) is not None else "–")}


def _first(questionnaire: Questionnaire, *names: str) -> str | None:
    for it in questionnaire.rating_items:
        if it.scale in names:
            return it.name
    return None


def summarise(questionnaire: Questionnaire, answers: Sequence[dict[str, Any]], *, language: str = "en",
              comments: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    """The dashboard summary of a room's answers, as JSON-ready data.

    Parameters
    ----------
    questionnaire : Questionnaire
        The room's questionnaire.
    answers : sequence of dict
        One dict per response, question id -> answer (as stored).
    language : str, default "en"
        Language of the formatted numbers (``"en"`` or ``"zh-CN"``).
    comments : sequence of (str, str)
        ``(received_at, text)`` of the free-text answers to list, oldest first.

    Returns
    -------
    dict
        ``n``; ``csat``, ``mean`` (of the first satisfaction question) and
        ``nps`` (of the first ``nps11`` question), each with its estimate,
        ``ci`` and formatted ``text`` / ``ci_text``, or None when the
        questionnaire has no such question or there are fewer than 2 answers;
        ``items``: per scale question its codes, counts, neutral code and
        mean; ``comments``: the newest :data:`MAX_COMMENTS` comments, newest first.

    Notes
    -----
    ``CSAT`` is the top-two-box share with Wilson's interval, the mean has a
    Student t interval and ``NPS = 100 (p+ - p-)`` has the adjusted Wald
    interval, all from :mod:`csat_lab.metrics` (Hayes, 2008; Reichheld, 2003).
    The counts feed a diverging stacked bar chart centred on the neutral code
    (Heiberger & Robbins, 2014).

    References
    ----------
    Hayes, B. E. (2008). *Measuring Customer Satisfaction and Loyalty* (3rd ed.). ASQ Quality Press.
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*, 81(12).
    Heiberger, R. M., & Robbins, N. B. (2014). Design of diverging stacked bar charts for Likert
    scales and other applications. *Journal of Statistical Software*, 57(5).

    Examples
    --------
    >>> from csat_lab.survey import Questionnaire, Item
    >>> q = Questionnaire([Item("nps", scale="nps11")])
    >>> summarise(q, [{"nps": 10}, {"nps": 3}])["nps"]["text"]
    '0.0'
    """
    from .. import metrics

    if not isinstance(questionnaire, Questionnaire):
        raise CsatInputError(f"'questionnaire' must be a Questionnaire, got {type(questionnaire).__name__}")
    n = len(answers)
    out: dict[str, Any] = {"n": n, "n_text": format_number(n, "count", language=language),
                           "csat": None, "mean": None, "nps": None, "items": [], "comments": []}
    sat = _first(questionnaire, *[s for s in _scales.available() if s.startswith("satisfaction")])
    main = sat or (questionnaire.rating_items[0].name if questionnaire.rating_items else None)
    npsq = _first(questionnaire, "nps11")

    def column(name: str) -> list[int]:
        return [a[name] for a in answers if isinstance(a.get(name), int)]

    if sat and len(column(sat)) >= 2:
        r = metrics.csat(column(sat), scale=questionnaire.item(sat).scale)
        out["csat"] = {"item": sat, "estimate": r.estimate, "n": r.n, **_interval(r.estimate, r.ci, "share", language)}
    if main and len(column(main)) >= 2:
        r = metrics.mean_score(column(main), scale=questionnaire.item(main).scale)
        out["mean"] = {"item": main, "estimate": r.estimate, "n": r.n,
                       **_interval(r.estimate, r.ci, "score", language)}
    if npsq and len(column(npsq)) >= 2:
        r = metrics.nps(column(npsq))
        out["nps"] = {"item": npsq, "score": r.score, "n": r.n, "promoters": r.promoters, "passives": r.passives,
                      "detractors": r.detractors, **_interval(r.score, r.ci, "score:1", language)}
    for it in questionnaire.rating_items:
        scale = _scales.get(it.scale)
        values = column(it.name)
        counts = [values.count(v) for v in scale.values]
        mean = sum(values) / len(values) if values else None
        out["items"].append({"name": it.name, "scale": scale.name, "codes": list(scale.values), "counts": counts,
                             "n": len(values), "neutral": scale.midpoint, "mean": mean,
                             "mean_text": format_number(mean, "score", language=language),
                             "text": {"en": it.wording("en") or it.name, "zh-CN": it.wording("zh-CN") or it.name}})
    out["comments"] = [{"received_at": at, "text": text} for at, text in list(comments)[::-1][:MAX_COMMENTS]]
    return out
