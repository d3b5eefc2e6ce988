"""Display names: what a person reads in place of a dataset identifier.

Code names columns ``perf_repair_follow_up_call`` or ``free_wifi``; a chart, a
dropdown or a table shown to a trainer says "Repair: follow-up call
(performance)" or "维修后回访电话（实际表现）". The names come from two places:

- each shipped dataset's schema (``datasets/<name>.schema.json``): a ``label``
  of the dataset itself and of every column, in English and Chinese; a column
  may name the catalog keys of its values (``value_labels``: a key prefix, or a
  mapping value -> key), may declare that its values name rows in results
  (``row_names``: the Kano features), and may keep its label to its own
  dataset (``label_scope: "dataset"``) when the label says more than any
  column of that name means (``q1`` is "Q1: staff understood my needs" only in
  ``csat_tracker``; a user's ``q1`` stays ``q1``);
- the label catalog: ``data.<column>.<value>`` for category values and
  ``name.<name>`` for names that are not dataset columns but label rows in
  results (the SERVQUAL dimensions, the dealer items without their
  ``exp_``/``perf_`` prefix).

Anything else (a user's own column) is shown as it is. The data never change:
results keep the identifiers, so code keeps working; only what is displayed
uses these names. This module reads the schemas' JSON when a name is first
asked for and imports nothing heavy.

Examples
--------
>>> display_name("free_wifi", language="zh-CN")
'免费无线网络'
>>> display_name("perf_repair_follow_up_call")
'Repair: follow-up call (performance)'
>>> display_value("small_business", "segment", language="zh-CN")
'中小企业'
>>> display_name("my_own_column")
'my_own_column'
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import CsatInputError
from .catalog import has_label, label, resolve_language

__all__ = ["display_name", "display_value", "display_table", "Name"]


class Name(str):
    """A dataset identifier that a :class:`~csat_lab.i18n.Message` shows by its display name.

    Its value is the identifier (so a message's English value, error texts and
    comparisons keep it); as a message parameter, and with ``str()``, it is
    shown as :func:`display_name` gives it in the current (or given) language.

    Examples
    --------
    >>> from csat_lab.i18n import Message
    >>> m = Message("value.reason.column_count", column=Name("free_wifi"), count=3)
    >>> m, m.render("zh-CN")
    ('free_wifi: 3', '免费无线网络：3')
    """

    def render(self, language: str | None = None) -> str:
        """The display name in ``language`` (default: the current language)."""
        return display_name(str.__str__(self), language=language)

    def __str__(self) -> str:
        return self.render()


def _folder() -> Any:
    # The same folder csat_lab.datasets reads (the package csat_lab._data, or datasets/ in a source tree).
    try:
        return resources.files("csat_lab._data")
    except ModuleNotFoundError:
        return resources.files("csat_lab").joinpath("..", "datasets")


@lru_cache(maxsize=1)
def _schemas() -> dict[str, dict[str, Any]]:
    """Every shipped schema by dataset name (empty when the data folder is missing)."""
    try:
        items = sorted(_folder().iterdir(), key=lambda p: p.name)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    return {p.name[: -len(".schema.json")]: json.loads(p.read_text(encoding="utf-8"))
            for p in items if p.name.endswith(".schema.json")}


def _text(entry: Any, language: str) -> str | None:
    if isinstance(entry, dict):
        return entry.get(language) or entry.get("en") or None
    return None


def _dataset(dataset: str | None) -> dict[str, Any] | None:
    if dataset is None:
        return None
    schemas = _schemas()
    if not isinstance(dataset, str) or dataset not in schemas:
        raise CsatInputError(f"no dataset {dataset!r}; datasets are: {', '.join(schemas)}")
    return schemas[dataset]


def _column_label(name: str, language: str, first: dict[str, Any] | None) -> str | None:
    if first is not None:
        spec = first["columns"].get(name)
        if spec is not None and "label" in spec:
            return _text(spec["label"], language)
    for schema in _schemas().values():
        spec = schema["columns"].get(name)
        # A label that describes only this dataset's column (a question's wording, a currency) needs the dataset.
        if spec is not None and "label" in spec and spec.get("label_scope") != "dataset":
            return _text(spec["label"], language)
    return None


def display_name(name: Any, dataset: str | None = None, language: str | None = None) -> str:
    """The human name of a dataset column, dataset, feature or driver; the name itself when it has none.

    Looked up in this order: a column of ``dataset`` (when given); a column of
    any shipped dataset (a column name shared by several datasets has the same
    display name in each), except the few whose label describes only their own
    dataset (``label_scope: "dataset"`` in the schema: ``q1`` to ``q6``, whose
    labels are the tracker's questions, or a column in a given currency); a
    shipped dataset's own name (its short label); a
    ``name.<name>`` entry of the label catalog (names that label rows in
    results, such as the SERVQUAL dimensions); a value of a column whose values
    name rows (the Kano features, ``data.feature.<name>``). Anything else, a
    user's own column for instance, comes back as ``str(name)``.

    Parameters
    ----------
    name : str or any
        The identifier: a column, a dataset, a feature, a driver. Not a string
        (a number in an index): shown as ``str(name)``.
    dataset : str, optional
        A shipped dataset whose columns are looked up first; an unknown one
        raises :class:`~csat_lab.errors.CsatInputError` listing the datasets.
    language : str, optional
        ``"en"`` or ``"zh-CN"`` (or a common spelling); default the current language.

    Returns
    -------
    str
        The display name in that language, or ``str(name)``.

    Notes
    -----
    The display names live beside the descriptions in each dataset's schema,
    the machine-readable half of the dataset's documentation in the spirit of
    datasheets for datasets (Gebru et al., 2021). Only what is shown uses them:
    the data and the results keep the identifiers.

    References
    ----------
    Gebru, T., Morgenstern, J., Vecchione, B., Vaughan, J. W., Wallach, H.,
    Daumé III, H., & Crawford, K. (2021). Datasheets for datasets.
    Communications of the ACM, 64(12), 86-92.

    Examples
    --------
    >>> display_name("free_wifi"), display_name("free_wifi", language="zh-CN")
    ('Free Wi-Fi', '免费无线网络')
    >>> display_name("perf_repair_follow_up_call", language="zh-CN")
    '维修后回访电话（实际表现）'
    >>> display_name("recommend", dataset="hotel_guests")
    'Likelihood to recommend (0-10)'
    >>> display_name("auto_dealer", language="zh-CN")
    '汽车经销商调查'
    >>> display_name("tangibles", language="zh-CN")
    '有形性'
    >>> display_name("q4"), display_name("q4", dataset="csat_tracker")
    ('q4', 'Q4: had to repeat my details (reverse-worded)')
    >>> display_name("spend_2024"), display_name(3)
    ('spend_2024', '3')
    """
    lang = resolve_language(language)
    first = _dataset(dataset)
    if not isinstance(name, str):
        return str(name)
    found = _column_label(name, lang, first)
    if found:
        return found
    schemas = _schemas()
    if name in schemas and "label" in schemas[name]:
        return _text(schemas[name]["label"], lang) or name
    if has_label(f"name.{name}"):
        return label(f"name.{name}", lang)
    for schema in schemas.values():
        for column, spec in schema["columns"].items():
            if spec.get("row_names") and name in spec.get("categories", ()):
                key = _value_key(name, column, spec)
                if key is not None:
                    return label(key, lang)
    return name


def _value_key(value: Any, column: str, spec: dict[str, Any] | None) -> str | None:
    """The catalog key of ``value`` in ``column`` (None when it has none)."""
    rule = (spec or {}).get("value_labels")
    if isinstance(rule, dict):
        key = rule.get(str(value))
    elif isinstance(rule, str):
        key = f"{rule}.{value}"
    else:
        key = f"data.{column}.{value}"
    return key if key is not None and has_label(key) else None


def display_value(value: Any, column: str | None = None, dataset: str | None = None,
                  language: str | None = None) -> str:
    """The human name of a category value (a segment, a contract, a Kano answer); the value itself when it has none.

    Parameters
    ----------
    value : any
        The value as stored in the data (``"small_business"``, ``"Month-to-month"``).
        ``True`` and ``False`` are shown as yes and no.
    column : str, optional
        The column the value comes from. Without it, the value is looked up in
        every category column of the shipped datasets and named only when all
        of them name it alike (``"north"`` is a region and a store: it stays as it is).
    dataset : str, optional
        A shipped dataset whose column is looked up first; an unknown one
        raises :class:`~csat_lab.errors.CsatInputError` listing the datasets.
    language : str, optional
        ``"en"`` or ``"zh-CN"`` (or a common spelling); default the current language.

    Returns
    -------
    str
        The display text in that language, or ``str(value)``.

    Notes
    -----
    Value labels are the catalog's ``data.<column>.<value>`` entries, or the
    keys a column's schema names in ``value_labels`` (the Kano answers reuse
    the answer scale's labels, lost-customer types the segments' labels), so
    each text is written once; see :func:`display_name` for the column names
    and the datasheet idea behind them (Gebru et al., 2021).

    References
    ----------
    Gebru, T., Morgenstern, J., Vecchione, B., Vaughan, J. W., Wallach, H.,
    Daumé III, H., & Crawford, K. (2021). Datasheets for datasets.
    Communications of the ACM, 64(12), 86-92.

    Examples
    --------
    >>> display_value("month_to_month", "contract", language="zh-CN")
    '按月'
    >>> display_value("Must-be", "functional", dataset="kano_features", language="zh-CN")
    '理应如此'
    >>> display_value("dropped_by_firm", language="zh-CN")
    '企业主动放弃的客户'
    >>> display_value("north"), display_value(True, language="zh-CN"), display_value(7)
    ('north', '是', '7')
    """
    lang = resolve_language(language)
    first = _dataset(dataset)
    if type(value).__name__ in ("bool", "bool_"):  # Python's and NumPy's booleans
        return label(f"value.bool.{str(bool(value)).lower()}", lang)
    if column is not None:
        candidates = [first] if first is not None else []
        candidates += [s for s in _schemas().values() if column in s["columns"]]
        for schema in candidates:
            key = _value_key(value, column, schema["columns"].get(column))
            if key is not None:
                return label(key, lang)
        key = _value_key(value, str(column), None)
        return label(key, lang) if key is not None else str(value)
    texts = set()
    for schema in ([first] if first is not None else list(_schemas().values())):
        for col, spec in schema["columns"].items():
            if str(value) in map(str, spec.get("categories", ())):
                key = _value_key(value, col, spec)
                if key is not None:
                    texts.add(label(key, lang))
    return texts.pop() if len(texts) == 1 else str(value)


def display_table(table: Any, dataset: str | None = None, language: str | None = None,
                  values: bool = True) -> Any:
    """A copy of a table for showing: row and column names as display names, category values as their labels.

    Parameters
    ----------
    table : pandas.DataFrame or pandas.Series
        A table whose index or columns are named by dataset identifiers (a
        driver-importance or IPA table, a crosstab of segments).
    dataset : str, optional
        A shipped dataset whose columns are looked up first.
    language : str, optional
        ``"en"`` or ``"zh-CN"`` (or a common spelling); default the current language.
    values : bool, default True
        Also show the values of columns named after a dataset's category
        column (a ``segment`` column) by their labels.

    Returns
    -------
    pandas.DataFrame or pandas.Series
        A new table for display only; ``table`` is not changed.

    Notes
    -----
    A display step, as pandas' own ``rename`` is: the numbers are untouched
    and the identifiers stay in the computed result. Names come from
    :func:`display_name` and :func:`display_value` (datasheets for datasets,
    Gebru et al., 2021).

    References
    ----------
    Gebru, T., Morgenstern, J., Vecchione, B., Vaughan, J. W., Wallach, H.,
    Daumé III, H., & Crawford, K. (2021). Datasheets for datasets.
    Communications of the ACM, 64(12), 86-92.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"share": [0.6, 0.4]}, index=["per_reliability", "my_item"])
    >>> display_table(t, language="zh-CN").index.tolist()
    ['可靠性（实际感受）', 'my_item']
    >>> s = pd.DataFrame({"segment": ["consumer", "enterprise"], "n": [3, 4]})
    >>> display_table(s)["Customer segment"].tolist()
    ['Consumer', 'Enterprise']
    """
    import pandas as pd

    if not isinstance(table, (pd.DataFrame, pd.Series)):
        raise CsatInputError(f"display_table needs a pandas DataFrame or Series, got {type(table).__name__}")
    lang = resolve_language(language)

    def name(x: Any) -> Any:
        return display_name(x, dataset, lang) if isinstance(x, str) else x

    shown = table.copy()
    if values and isinstance(shown, pd.DataFrame):
        for col in shown.columns:
            if isinstance(col, str) and _is_category_column(col, dataset):
                codes = shown[col].astype(object)
                # one lookup per distinct value, not per row; missing cells stay missing
                names = {v: display_value(v, col, dataset, lang) for v in codes.dropna().unique()}
                shown[col] = codes.map(names).where(codes.notna(), codes)
    return _rename_axes(shown, name, pd)


def _rename_axes(table: Any, name: Any, pd: Any) -> Any:
    """``table`` with its row and column names, axis names and Series name passed through ``name``."""
    def axis_names(axis: Any) -> Any:
        # A MultiIndex has one name per level: rename each (pandas wants a list for it).
        return [name(n) for n in axis.names] if axis.nlevels > 1 else name(axis.name)

    shown = table.rename(index=name).rename_axis(index=axis_names(table.index))
    if isinstance(shown, pd.Series):
        return shown.rename(name(table.name))
    return shown.rename(columns=name).rename_axis(columns=axis_names(table.columns))


def _is_category_column(column: str, dataset: str | None) -> bool:
    schemas = [_dataset(dataset)] if dataset is not None else list(_schemas().values())
    return any(s["columns"].get(column, {}).get("type") in ("category", "ordinal")
               and "categories" in s["columns"][column] for s in schemas if s is not None)


def labelled_table(table: Any, prefix: str, language: str | None = None) -> Any:
    """A copy of a table made in a notebook, its names and codes shown through the label catalog.

    Every row or column name, axis name, Series name and value of a category or
    True/False column that has a label ``<prefix>.<name>`` is replaced by that
    label's text; everything else (ids, dates, numbers) is left as it is. The
    course notebooks keep their labels under ``course.NN``, so the same code
    shows an English table in the English edition and a Chinese one in the
    Chinese edition.

    Parameters
    ----------
    table : pandas.DataFrame or pandas.Series
        The table to show; it is not changed.
    prefix : str
        The label-key prefix, e.g. ``"course.05"``.
    language : str, optional
        ``"en"`` or ``"zh-CN"``; default the current language.

    Returns
    -------
    pandas.DataFrame or pandas.Series
        The relabelled copy, for display only.

    Notes
    -----
    A name ``n`` becomes ``label(prefix + "." + str(n))`` when that key exists
    (:func:`has_label`); True and False are looked up as ``"True"`` and ``"False"``.

    References
    ----------
    McKinney, W. (2010). Data structures for statistical computing in Python.
    Proceedings of the 9th Python in Science Conference, 56-61 (pandas' rename, used here).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"tier": pd.Categorical(["high"])}, index=pd.Index(["m1"], name="member_id"))
    >>> labelled_table(t, "segments.tier", language="zh-CN").iloc[0, 0]
    '高价值客户'
    """
    import pandas as pd

    if not isinstance(table, (pd.DataFrame, pd.Series)):
        raise CsatInputError(f"labelled_table needs a pandas DataFrame or Series, got {type(table).__name__}")
    lang = resolve_language(language)

    def name(key: Any) -> Any:
        if pd.api.types.is_bool(key):
            key = str(bool(key))
        if not isinstance(key, str) or not has_label(f"{prefix}.{key}"):
            return key
        return label(f"{prefix}.{key}", lang)

    if isinstance(table, pd.DataFrame):
        table = table.assign(**{col: table[col].map(name) for col in table.select_dtypes(["category", "bool"]).columns})
    return _rename_axes(table, name, pd)

