"""Sales-path classification, win-back priorities and lost-customer codes.

The course's customer management classifies people along the sales path
(consumer -> potential customer -> prospect -> transacted customer) and, when
customers are lost, codes them by one of six types and eight churn factors and
decides by value tier how hard to win them back: fight for important customers,
case by case for ordinary ones and near-unavoidable losses, let small ones go.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._core.validate import as_bool, require_columns, require_frame
from ..errors import CsatInputError

__all__ = ["PATH_STAGES", "WINBACK_ACTIONS", "LOST_CUSTOMER_TYPES", "CHURN_FACTORS", "classify_path",
           "path_funnel", "winback_priority", "lost_customer_summary"]

#: Stages of the sales path (labels: ``segments.stage.<code>``).
PATH_STAGES: tuple[str, ...] = ("consumer", "potential", "prospect", "transacted")

#: Win-back actions in priority order (labels: ``segments.action.<code>``).
WINBACK_ACTIONS: tuple[str, ...] = ("fight", "case_by_case", "let_go")

#: The six types of lost customers (labels: ``segments.lost_type.<code>``).
LOST_CUSTOMER_TYPES: tuple[str, ...] = (
    "dropped_by_firm",  # the firm let them go on purpose
    "left_on_own",  # left of their own accord
    "poached",  # taken by a competitor's active effort
    "lured_away",  # attracted away by a competitor's better offer
    "forced",  # forced to leave (moved, closed, circumstances)
    "other",
)

#: The eight churn factors (labels: ``segments.churn_factor.<code>``).
CHURN_FACTORS: tuple[str, ...] = (
    "core_service_failure", "salesperson_failure", "price", "inconvenience",
    "failure_response", "competition", "ethical", "involuntary",
)


def classify_path(data: pd.DataFrame, *, can_afford: str, needs: str, intends: str,
                  purchased: str) -> pd.Series:
    """Place each person on the course's sales path.

    ``transacted`` if they bought; else ``prospect`` if a potential customer with
    a strong purchase intention; else ``potential`` if they can afford it and
    need it; else ``consumer``.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per person; the keyword arguments name its columns.
    can_afford : str
        Column: can the person afford the product (True/False, 1/0 or yes/no)?
    needs : str
        Column: does the person need it (True/False, 1/0 or yes/no)?
    intends : str
        Column: does the person have a strong purchase intention (True/False, 1/0 or yes/no)?
    purchased : str
        Column: has the person bought (True/False, 1/0 or yes/no)?

    Returns
    -------
    pandas.Series
        Ordered categorical of stage codes (:data:`PATH_STAGES`, labels
        ``segments.stage.<code>``) named ``stage``, with the index of ``data``.

    Notes
    -----
    ``potential = can_afford and needs``; the stage is ``transacted`` if
    ``purchased``, else ``prospect`` if ``potential and intends``, else
    ``potential`` if ``potential``, else ``consumer``. Missing values in the
    four columns are an error.

    References
    ----------
    Kotler, P. & Armstrong, G. (2018). Principles of Marketing, 17th ed.
    (prospects and qualified leads); the course's customer management notes.

    Examples
    --------
    >>> df = pd.DataFrame({"afford": [1, 1, 1, 0], "need": [1, 1, 0, 1],
    ...                    "intent": [1, 0, 1, 0], "bought": [0, 0, 0, 1]})
    >>> classify_path(df, can_afford="afford", needs="need", intends="intent", purchased="bought").tolist()
    ['prospect', 'potential', 'consumer', 'transacted']
    """
    require_frame(data)
    require_columns(data, [can_afford, needs, intends, purchased])
    afford, need = as_bool(data[can_afford], can_afford), as_bool(data[needs], needs)
    intent, bought = as_bool(data[intends], intends), as_bool(data[purchased], purchased)
    potential = afford & need
    stage = np.where(bought, "transacted", np.where(potential & intent, "prospect",
                                                    np.where(potential, "potential", "consumer")))
    return pd.Series(pd.Categorical(stage, categories=PATH_STAGES, ordered=True), index=data.index, name="stage")


def path_funnel(stages: pd.Series) -> pd.DataFrame:
    """Counts reaching each stage of the sales path and the conversion from the stage before.

    A person at a later stage has passed the earlier ones, so "reached" is the
    count at that stage or beyond, ``reached_k = sum_{j >= k} at_j``, and
    ``conversion_k = reached_k / reached_{k-1}``: the stage-to-stage
    conversion rates of the marketing funnel (Kotler & Keller, 2016).

    Parameters
    ----------
    stages : pandas.Series or array-like of str
        Stage code per person (:data:`PATH_STAGES`), as :func:`classify_path`
        returns; missing values are not counted (none at all is an error).

    Returns
    -------
    pandas.DataFrame
        Indexed by stage in path order: ``reached`` (at this stage or beyond),
        ``at_stage`` (exactly at this stage) and ``conversion`` (``reached``
        over ``reached`` of the stage before, rounded to 2 decimals; missing
        for the first stage).

    References
    ----------
    Kotler, P. & Keller, K. L. (2016). Marketing Management, 15th ed. Pearson
    (the marketing funnel).

    Examples
    --------
    >>> path_funnel(pd.Series(["consumer", "potential", "prospect", "transacted", "transacted"]))
                reached  at_stage  conversion
    stage
    consumer          5         1         NaN
    potential         4         1        0.80
    prospect          3         1        0.75
    transacted        2         2        0.67
    """
    if isinstance(stages, (str, bytes, dict, pd.DataFrame)):
        raise CsatInputError(f"stages must be one stage code per person (a Series or list), got {type(stages).__name__}")
    s = pd.Series(stages)
    if s.empty or s.isna().all():
        raise CsatInputError("stages holds no stage to count (empty or all missing)")
    unknown = ~s.isin(PATH_STAGES) & s.notna()
    if unknown.any():
        raise CsatInputError(f"unknown stage {s[unknown].iloc[0]!r} at rows {list(s.index[unknown][:5])}; "
                             f"stages are: {', '.join(PATH_STAGES)}")
    at = s.value_counts().reindex(PATH_STAGES, fill_value=0)
    reached = at[::-1].cumsum()[::-1]
    conv = (reached / reached.shift(1)).round(2)
    return pd.DataFrame({"reached": reached, "at_stage": at, "conversion": conv}).rename_axis("stage")


def winback_priority(data: pd.DataFrame, *, tier: str | None = None, value: str | None = None,
                     reason: str | None = None) -> pd.DataFrame:
    """Win-back action per lost customer by value tier (the course's rule).

    ``high`` -> ``fight`` (priority 1); ``medium`` -> ``case_by_case`` (2);
    ``low`` -> ``let_go`` (3). A loss whose ``reason`` is ``involuntary`` (near
    unavoidable) is at most ``case_by_case``. Give ``tier`` (high/medium/low) or
    ``value`` (tiers from :func:`csat_lab.segments.value_tiers`).

    Parameters
    ----------
    data : pandas.DataFrame
        One row per lost customer; the keyword arguments name its columns.
    tier : str, optional
        Column of value tiers (``"high"``, ``"medium"``, ``"low"``); give this or ``value``.
    value : str, optional
        Column of customer values; tiers are made with
        :func:`~csat_lab.segments.value_tiers` (top 20% high, next 30% medium).
    reason : str, optional
        Column of churn factors (:data:`CHURN_FACTORS`); an ``involuntary``
        loss of a high-value customer becomes ``case_by_case``.

    Returns
    -------
    pandas.DataFrame
        With the index of ``data``: ``tier``, ``action`` (:data:`WINBACK_ACTIONS`,
        labels ``segments.action.<code>``) and ``priority`` (1 = fight,
        2 = case by case, 3 = let go; missing where the tier is missing).

    References
    ----------
    Griffin, J. & Lowenstein, M. W. (2001). Customer Winback. Jossey-Bass.

    Examples
    --------
    >>> lost = pd.DataFrame({"tier": ["high", "low", "medium", "high"],
    ...                      "reason": ["price", "price", "competition", "involuntary"]})
    >>> winback_priority(lost, tier="tier", reason="reason")[["action", "priority"]].values.tolist()
    [['fight', 1], ['let_go', 3], ['case_by_case', 2], ['case_by_case', 2]]
    """
    from .value import TIERS, value_tiers

    require_frame(data)
    if (tier is None) == (value is None):
        raise CsatInputError("give exactly one of tier= (a column of high/medium/low) or value= (a value column)")
    if tier is not None:
        require_columns(data, [tier])
        tiers = data[tier].astype(object)
        bad = tiers.notna() & ~tiers.isin(TIERS)
        if bad.any():
            raise CsatInputError(f"{tier!r} must hold one of {', '.join(TIERS)}; rows {list(data.index[bad][:5])} "
                                 f"hold {tiers[bad].iloc[0]!r}")
    else:
        from .._core.validate import numeric_column

        tiers = value_tiers(numeric_column(data, value)).astype(object)
    action = tiers.map({"high": "fight", "medium": "case_by_case", "low": "let_go"})
    if reason is not None:
        require_columns(data, [reason])
        _check_codes(data[reason], CHURN_FACTORS, reason)
        action = action.where(~((data[reason] == "involuntary") & (action == "fight")), "case_by_case")
    priority = action.map({a: i + 1 for i, a in enumerate(WINBACK_ACTIONS)})
    return pd.DataFrame({"tier": tiers, "action": action, "priority": priority.astype("Int64")},
                        index=data.index)


def _check_codes(values: pd.Series, codes: tuple[str, ...], name: str) -> None:
    bad = values.notna() & ~values.isin(codes)
    if bad.any():
        raise CsatInputError(f"{name!r} must hold one of: {', '.join(codes)}; rows {list(values.index[bad][:5])} "
                             f"hold {values[bad].iloc[0]!r}")


def lost_customer_summary(data: pd.DataFrame, *, type: str, value: str | None = None) -> pd.DataFrame:  # noqa: A002
    """Lost customers by type (all six types listed, zero counts included), with value lost.

    ``share_t = count_t / sum_t count_t`` and ``value_lost_t`` the sum of
    ``value`` over the lost customers of type ``t``. Counting defectors and
    what they were worth, by why they left, is the defection analysis of
    Reichheld & Sasser (1990); the six types are the course's.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per lost customer; the keyword arguments name its columns.
    type : str
        Column of lost-customer type codes (:data:`LOST_CUSTOMER_TYPES`; labels
        ``segments.lost_type.<code>``). Missing codes are not counted (all
        missing is an error).
    value : str, optional
        Column of customer values; adds ``value_lost`` per type.

    Returns
    -------
    pandas.DataFrame
        Indexed by type (all six, in :data:`LOST_CUSTOMER_TYPES` order):
        ``count``, ``share`` of all typed losses and, with ``value``,
        ``value_lost``.

    References
    ----------
    Reichheld, F. F. & Sasser, W. E. (1990). Zero defections: quality comes to
    services. Harvard Business Review 68(5), 105-111.

    Examples
    --------
    >>> lost = pd.DataFrame({"kind": ["poached", "price_only", "other"]})
    >>> lost_customer_summary(lost.iloc[[0, 2]], type="kind")["count"].tolist()
    [0, 0, 1, 0, 0, 1]
    """
    require_frame(data)
    require_columns(data, [type] + ([value] if value else []))
    _check_codes(data[type], LOST_CUSTOMER_TYPES, type)
    if data[type].isna().all():
        raise CsatInputError(f"{type!r} is missing in every row: there are no typed losses to count")
    counts = data[type].value_counts().reindex(LOST_CUSTOMER_TYPES, fill_value=0)
    out = pd.DataFrame({"count": counts, "share": counts / max(int(counts.sum()), 1)})
    if value:
        from .._core.validate import numeric_column

        values = numeric_column(data, value)
        infinite = np.isinf(values.to_numpy())
        if infinite.any():
            raise CsatInputError(f"{value!r} must be finite; rows {list(data.index[infinite][:5])} are infinite")
        with np.errstate(over="ignore", invalid="ignore"):
            lost_value = values.groupby(data[type]).sum().reindex(LOST_CUSTOMER_TYPES, fill_value=0.0)
        if not np.isfinite(lost_value.to_numpy()).all():
            raise CsatInputError(f"the sums of {value!r} overflow; give values in larger units (thousands, millions)")
        out["value_lost"] = lost_value
    out.index.name = "type"
    return out
