"""Declare a questionnaire: indicators, items, scales and reverse-coded items.

The course's first survey step is to define the indicators to measure
(product quality, price, delivery speed, customer service, after-sales) and
the questions for each. A :class:`Questionnaire` records that design, checks
a response table against it, reverse-codes where declared, scores each
indicator and writes the codebook.

Examples
--------
>>> import pandas as pd
>>> from csat_lab.survey import Item, Questionnaire
>>> q = Questionnaire([Item("q1", "The product works well", "agree5", "product_quality"),
...                    Item("q2", "The price is too high", "agree5", "price", reverse=True)])
>>> q.indicator_scores(pd.DataFrame({"q1": [5, 4], "q2": [1, 4]})).to_dict("list")
{'product_quality': [5.0, 4.0], 'price': [5.0, 2.0]}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from .. import scales as _scales
from .._core.validate import require_columns, require_frame
from ..errors import CsatInputError
from ..i18n import label

__all__ = ["Item", "Questionnaire", "INDICATORS"]

#: The satisfaction indicators the course names (labels ``survey.indicator.<name>``).
INDICATORS = ("product_quality", "price", "delivery_speed", "service", "after_sales")


@dataclass(frozen=True)
class Item:
    """One question: column name, wording, scale, indicator, and whether it is reverse-coded."""

    name: str
    text: str = ""
    scale: str = "satisfaction5"
    indicator: str | None = None
    reverse: bool = False


class Questionnaire:
    """A survey design that validates responses and produces a codebook.

    Parameters
    ----------
    items : sequence of :class:`Item` (or dicts with the same keys)
    title : optional name of the survey
    """

    def __init__(self, items: Sequence[Item | dict], *, title: str = "") -> None:
        parsed = []
        for i, item in enumerate(items):
            if isinstance(item, dict):
                try:
                    item = Item(**item)
                except TypeError as exc:
                    raise CsatInputError(f"item {i}: {exc}; keys are name, text, scale, indicator, reverse") from None
            if not isinstance(item, Item):
                raise CsatInputError(f"item {i} must be an Item or a dict, got {type(item).__name__}")
            _scales.get(item.scale)
            parsed.append(item)
        if not parsed:
            raise CsatInputError("a questionnaire needs at least one item")
        names = [it.name for it in parsed]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise CsatInputError(f"item names must be unique; repeated: {repeated}")
        self.items: tuple[Item, ...] = tuple(parsed)
        self.title = title

    def __repr__(self) -> str:
        return f"Questionnaire({len(self.items)} items, indicators={self.indicators()})"

    def indicators(self) -> list[str]:
        """Indicators in order of first appearance."""
        return list(dict.fromkeys(it.indicator for it in self.items if it.indicator))

    def validate(self, data: pd.DataFrame) -> pd.DataFrame:
        """The item columns as float codes, raising on missing columns or off-scale answers.

        Examples
        --------
        >>> q = Questionnaire([Item("q1", scale="satisfaction5")])
        >>> q.validate(pd.DataFrame({"q1": [1, None, 5]}))["q1"].tolist()
        [1.0, nan, 5.0]
        """
        data = require_frame(data)
        require_columns(data, [it.name for it in self.items])
        return pd.DataFrame({it.name: _scales.get(it.scale).validate(data[it.name], it.name) for it in self.items},
                            index=data.index)

    def recode(self, data: pd.DataFrame) -> pd.DataFrame:
        """Validated answers with reverse-coded items flipped, ``x' = low + high - x``.

        Examples
        --------
        >>> q = Questionnaire([Item("q1", scale="agree5", reverse=True)])
        >>> q.recode(pd.DataFrame({"q1": [1, 2, 5]}))["q1"].tolist()
        [5.0, 4.0, 1.0]
        """
        out = self.validate(data)
        for it in self.items:
            if it.reverse:
                out[it.name] = _scales.get(it.scale).reverse(out[it.name])
        return out

    def indicator_scores(self, data: pd.DataFrame) -> pd.DataFrame:
        """Each respondent's mean (recoded) answer per indicator, skipping missing answers.

        Examples
        --------
        >>> q = Questionnaire([Item("a", indicator="service"), Item("b", indicator="service")])
        >>> q.indicator_scores(pd.DataFrame({"a": [5, 3], "b": [3, None]}))["service"].tolist()
        [4.0, 3.0]
        """
        if not self.indicators():
            raise CsatInputError("no item declares an indicator")
        rec = self.recode(data)
        return pd.DataFrame({ind: rec[[it.name for it in self.items if it.indicator == ind]].mean(axis=1)
                             for ind in self.indicators()}, index=rec.index)

    def codebook(self, language: str | None = None) -> pd.DataFrame:
        """One row per item: question, scale, value labels, indicator, reverse flag.

        Same columns as the readers' codebooks (``question, scale,
        value_labels, missing_codes, n_missing_codes``) plus ``indicator``,
        ``indicator_label`` and ``reverse``.

        Examples
        --------
        >>> q = Questionnaire([Item("q1", "Price is fair", "agree5", "price")])
        >>> q.codebook().loc["q1", ["scale", "indicator_label"]].tolist()
        ['agree5', 'Price']
        """
        rows = []
        for it in self.items:
            sc = _scales.get(it.scale)
            ind_label = label(f"survey.indicator.{it.indicator}", language) if it.indicator in INDICATORS else it.indicator
            rows.append({"column": it.name, "question": it.text, "scale": sc.name,
                         "value_labels": dict(zip(sc.values, sc.labels(language))), "missing_codes": [],
                         "n_missing_codes": 0, "indicator": it.indicator, "indicator_label": ind_label,
                         "reverse": it.reverse})
        return pd.DataFrame(rows).set_index("column")
