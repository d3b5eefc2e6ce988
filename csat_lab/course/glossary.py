"""The course glossary: bilingual terms (English / 简体中文) with definitions.

Terms and definitions live in the label catalog (``labels/glossary.json``:
``glossary.<term>`` and ``glossary.<term>.definition``); this module only
records which notebooks use each term and turns them into a table.

Examples
--------
>>> from csat_lab.course.glossary import glossary
>>> table = glossary("04")
>>> table.loc["churn_rate", "Chinese"]
'客户流失率'
"""

from __future__ import annotations

import pandas as pd

from ..errors import CsatInputError
from ..i18n import label, resolve_language

__all__ = ["glossary", "lookup", "GlossaryTable", "NOTEBOOKS", "SYNONYMS"]

#: Notebook numbers of the course, in teaching order.
NOTEBOOKS = ("00", "01", "02", "03", "04", "05", "06", "07", "08", "09")

# Which notebooks teach each term (the glossary table at the end of each notebook).
_TERMS: dict[str, tuple[str, ...]] = {
    "exercise_check": ('00',),
    "dataset": ('00',),
    "data_card": ('00',),
    "widget": ('00',),
    "customer": ('01',),
    "consumer": ('01',),
    "external_customer": ('01',),
    "internal_customer": ('01',),
    "satisfaction": ('01', '02'),
    "expectation": ('01',),
    "perception": ('01',),
    "disconfirmation": ('01',),
    "service_standard": ('01',),
    "loyalty": ('01', '03'),
    "lifetime_value": ('01', '04', '09'),
    "pareto": ('01', '05', '09'),
    "kano": ('01', '02'),
    "servqual": ('01', '07'),
    "quality_indicators": ('01',),
    "repurchase_rate": ('01', '03'),
    "referral_rate": ('01',),
    "brand_favourability": ('01',),
    "purchase_frequency": ('01', '05'),
    "purchase_amount": ('01', '05'),
    "survey_cycle": ('02',),
    "questionnaire": ('02',),
    "likert": ('02',),
    "top_box": ('02',),
    "csat": ('02',),
    "nps": ('02', '03'),
    "ces": ('02',),
    "margin_of_error": ('02',),
    "sample_size": ('02',),
    "reliability": ('02',),
    "response_rate": ('02',),
    "renewal_rate": ('02',),
    "double_barrelled": ('02',),
    "codebook": ('02',),
    "cleaning_report": ('02', '08'),
    "file_encoding": ('02',),
    "speeder": ('02',),
    "straight_liner": ('02',),
    "regression": ('03',),
    "logit": ('03',),
    "ordinal_model": ('03',),
    "loyalty_zone": ('03',),
    "key_driver": ('03',),
    "ipa": ('03',),
    "confidence_interval": ('03', '08', '09'),
    "causation": ('03',),
    "csi_model": ('03',),
    "path_diagram": ('03',),
    "churn": ('04',),
    "churn_rate": ('04', '09'),
    "retention_rate": ('04', '09'),
    "cohort": ('04', '09'),
    "survival": ('04', '09'),
    "lost_types": ('04',),
    "churn_factors": ('04',),
    "win_back": ('04',),
    "market_share": ('04',),
    "customer_management": ('05',),
    "seven_p": ('05',),
    "potential_customer": ('05',),
    "prospect": ('05',),
    "transacted_customer": ('05',),
    "key_account": ('05',),
    "rfm": ('05', '09'),
    "value_tier": ('05', '04', '09'),
    "customer_database": ('05',),
    "data_privacy": ('05',),
    "complaint": ('06',),
    "complaint_management": ('06',),
    "handling_steps": ('06',),
    "service_recovery": ('06',),
    "resolution_time": ('06',),
    "compensation": ('06',),
    "personalised_service": ('07',),
    "member_programme": ('05', '07'),
    "precision_marketing": ('07',),
    "parameters_cell": ('08', '09'),
    "reproducibility": ('08',),
    "study_report": ('02', '07', '08', '09'),
}

#: Other words people search with (both languages): colloquial names, abbreviations and the
#: variants that csat_lab/i18n/terms.json asks the course itself not to use.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "complaint": ("投诉", "客诉", "抱怨", "grievance"),
    "complaint_management": ("投诉处理", "投诉管理", "complaint handling"),
    "handling_steps": ("投诉处理八步", "八个步骤", "eight steps"),
    "pareto": ("二八", "二八法则", "二八定律", "帕累托", "pareto"),
    "retention_rate": ("留存", "留存率", "保留率", "retention"),
    "churn_rate": ("流失", "掉客", "attrition"),
    "lifetime_value": ("终生价值", "生命周期价值", "CLV", "LTV"),
    "nps": ("净推荐值", "推荐值", "净推荐分"),
    "ces": ("费力度", "费力指数", "effort"),
    "csat": ("满意率", "满意度得分", "satisfaction score"),
    "margin_of_error": ("误差幅度", "边际误差", "抽样误差"),
    "service_recovery": ("服务恢复", "补救"),
    "kano": ("狩野",),
    "key_account": ("关键客户", "重点客户", "KA"),
    "loyalty": ("回头客", "忠诚度"),
    "repurchase_rate": ("复购", "复购率", "再购率", "回购"),
}


class GlossaryTable(pd.DataFrame):
    """A glossary table that shows its definitions in full (pandas cuts long text at 50 characters)."""

    @property
    def _constructor(self) -> type:
        return GlossaryTable

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.max_columns", None, "display.width", 10_000):
            return super().__repr__()

    def _repr_html_(self) -> str | None:
        with pd.option_context("display.max_colwidth", None):
            return super()._repr_html_()


def _row(term: str, language: str) -> dict[str, str]:
    return {
        label("glossary.column.term_en", language): label(f"glossary.{term}", "en"),
        label("glossary.column.term_zh", language): label(f"glossary.{term}", "zh-CN"),
        label("glossary.column.definition", language): label(f"glossary.{term}.definition", language),
        label("glossary.column.notebooks", language): ", ".join(sorted(_TERMS[term])),
    }


def glossary(notebook: str | None = None, *, language: str | None = None, keys: bool = True) -> pd.DataFrame:
    """The glossary as a table, for one notebook or the whole course.

    Parameters
    ----------
    notebook : str, optional
        Notebook number (``"04"``) or name (``"04_churn_and_retention"``);
        all terms when omitted.
    language : str, optional
        Language of the column headers and definitions; defaults to the
        current label language (:func:`csat_lab.set_language`). Both the
        English and the Chinese term are always shown.
    keys : bool, default True
        Index the table by the term keys (``"churn_rate"``, for ``.loc``
        lookups); ``False`` numbers the rows 1, 2, ... instead, for a table
        to show or print.

    Returns
    -------
    pandas.DataFrame
        Indexed by term key (or numbered from 1), columns English, Chinese,
        Definition, Notebooks; shown with the definitions in full.

    Examples
    --------
    >>> glossary("01", language="zh-CN").loc["disconfirmation", "中文"]
    '期望不一致理论'
    >>> glossary("01", keys=False).index[:3].tolist()
    [1, 2, 3]
    >>> glossary("99")
    Traceback (most recent call last):
    ...
    csat_lab.errors.CsatInputError: no notebook '99'; notebooks are: 00, 01, ...
    """
    lang = resolve_language(language)
    if notebook is not None:
        number = str(notebook)[:2]
        if number not in NOTEBOOKS:
            raise CsatInputError(f"no notebook {notebook!r}; notebooks are: {', '.join(NOTEBOOKS)}")
        terms = [t for t, where in _TERMS.items() if number in where]
    else:
        terms = list(_TERMS)
    index = pd.Index(terms, name="term") if keys else pd.RangeIndex(1, len(terms) + 1)
    return GlossaryTable([_row(t, lang) for t in terms], index=index)


def lookup(text: str, *, language: str | None = None) -> pd.DataFrame:
    """Terms whose English or Chinese name or definition contains ``text``.

    Matching ignores case, so ``lookup("churn")`` and ``lookup("流失")`` both work;
    common synonyms count too (:data:`SYNONYMS`: ``lookup("投诉")`` finds the
    complaint terms, ``lookup("二八")`` the 80/20 rule, ``lookup("留存")`` the
    retention rate).

    Parameters
    ----------
    text : str
        The text to search for (not empty); surrounding spaces are ignored.
    language : str, optional
        Language of the column headers and definitions shown; default the
        current label language. Definitions in both languages are searched.

    Returns
    -------
    pandas.DataFrame
        The matching rows of :func:`glossary` (all notebooks), possibly empty.

    Examples
    --------
    >>> "retention_rate" in lookup("保持率").index
    True
    >>> "pareto" in lookup("二八").index, "retention_rate" in lookup("留存").index
    (True, True)
    """
    needle = str(text).strip().lower()
    if not needle:
        raise CsatInputError("lookup needs a non-empty search text, e.g. 'churn' or '流失'")
    table = glossary(language=language)
    hay = table.apply(lambda row: " ".join(map(str, row)).lower(), axis=1)
    english = glossary(language="en" if resolve_language(language) != "en" else "zh-CN")
    hay = hay + " " + english.iloc[:, 2].str.lower()
    hay = hay + " " + pd.Series({t: " ".join(SYNONYMS.get(t, ())).lower() for t in table.index})
    return table[hay.str.contains(needle, regex=False)]
