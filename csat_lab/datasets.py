"""The course datasets: list, describe and load them by name.

Each dataset in the repository's ``datasets/`` folder has three files:

- ``<name>.csv`` (or ``.csv.gz``): the data;
- ``<name>.schema.json``: row count, licence, the dataset's title and short
  display name (``label``), and per column its type (``integer``, ``float``,
  ``string``, ``category``, ``ordinal``, ``boolean``, ``date``, ``datetime``),
  declared range or categories, missing-value codes, a display name
  (``label``) and a description in English and Chinese, and for some category
  columns the catalog keys of their values' labels (``value_labels``; see
  :mod:`csat_lab.i18n.names`);
- ``<name>.md``: the data card a person reads.

Files are read through :mod:`importlib.resources` from the package
``csat_lab._data`` (the ``datasets/`` folder, mapped in ``pyproject.toml``),
so loading works the same from a clone, an editable install and a wheel.

Charts, explorers and result tables show columns, features and category values
by their display names (:func:`display_name`, :func:`display_value`,
:func:`display_table`, from :mod:`csat_lab.i18n.names`): ``free_wifi`` is
"Free Wi-Fi" or 免费无线网络; the data keep their identifiers.

Examples
--------
>>> import csat_lab as cl
>>> telco = cl.datasets.load("telco_churn")
>>> telco.shape
(7043, 21)
>>> str(telco["Contract"].dtype)
'category'
"""

from __future__ import annotations

import copy
import dataclasses
import gzip
import io
import json
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from ._core.docstrings import shared_docs
from .errors import CsatInputError
from .i18n import get_language, label
from .i18n.names import display_name, display_table, display_value

__all__ = ["list_datasets", "describe", "load", "schema", "example_file", "example_files", "DatasetCard",
           "COLUMN_TYPES", "display_name", "display_value", "display_table"]

COLUMN_TYPES = ("integer", "float", "string", "category", "ordinal", "boolean", "date", "datetime")


def _folder():
    try:
        return resources.files("csat_lab._data")
    except ModuleNotFoundError:
        # Running from a source tree that was never installed: datasets/ sits beside the package.
        return resources.files("csat_lab").joinpath("..", "datasets")


@lru_cache(maxsize=None)
def _names() -> tuple[str, ...]:
    return tuple(sorted(p.name[: -len(".schema.json")] for p in _folder().iterdir() if p.name.endswith(".schema.json")))


def _check_name(name: str) -> str:
    """``name`` itself when it is a shipped dataset; anything else (paths such as ``"../x"``,
    non-texts) is an error listing the names, so nothing outside the data folder is ever read."""
    names = _names()
    if not isinstance(name, str) or name not in names:
        raise CsatInputError(f"no dataset {name!r}; datasets are: {', '.join(names)}")
    return name


@lru_cache(maxsize=None)
def _schema(name: str) -> dict[str, Any]:
    return json.loads((_folder() / f"{name}.schema.json").read_text(encoding="utf-8"))


@shared_docs
def schema(name: str) -> dict[str, Any]:
    """The machine-readable schema of dataset ``name`` (parsed JSON).

    Parameters
    ----------
    name : str
        A dataset name, as :func:`list_datasets` shows.

    Returns
    -------
    dict
        The parsed ``<name>.schema.json``: ``file``, ``rows``, ``license``,
        ``title``, ``label`` (short display name) and per column its
        ``type``, range or categories, missing-value codes, display name
        (``label``) and description. A fresh copy: changing it
        changes nothing that :func:`load` reads.

    Notes
    -----
    The schema is the machine-readable half of each dataset's documentation;
    the data card (:func:`describe`) is the human-readable half, in the spirit
    of datasheets for datasets (Gebru et al., 2021).

    References
    ----------
    @{datasheets}

    Examples
    --------
    >>> schema("telco_churn")["rows"]
    7043
    """
    return copy.deepcopy(_schema(_check_name(name)))


@dataclasses.dataclass(frozen=True)
class DatasetCard:
    """What :func:`describe` returns: the card's text plus a column table.

    Attributes
    ----------
    name : str
        The dataset's name.
    title : str
        Its title in the language current when :func:`describe` was called.
    rows : int
        Number of rows.
    license : str
        Licence of the data (SPDX identifier, e.g. ``"Apache-2.0"``).
    columns : pandas.DataFrame
        Indexed by column name: ``label`` (display name), ``type`` and
        ``description`` (texts in the current language).
    text : str
        The data card (``<name>.md``, Markdown) shown in notebooks and by ``print``.
    """

    name: str
    title: str
    rows: int
    license: str
    columns: pd.DataFrame
    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def _text(entry: Any) -> str:
    if isinstance(entry, dict):
        return entry.get(get_language()) or entry.get("en", "")
    return str(entry or "")


def list_datasets() -> pd.DataFrame:
    """Table of the shipped datasets: name, title (current language), rows, licence.

    Returns
    -------
    pandas.DataFrame
        One row per dataset, sorted by name; the column headers are labels in
        the current language (``dataset.name``, ``dataset.title``,
        ``dataset.rows``, ``dataset.license``).

    Examples
    --------
    >>> "telco_churn" in list_datasets()[label("dataset.name")].tolist()
    True
    """
    rows = []
    for name in _names():
        s = _schema(name)
        rows.append((name, _text(s.get("title")), s["rows"], s.get("license", "")))
    return pd.DataFrame(
        rows,
        columns=[label("dataset.name"), label("dataset.title"), label("dataset.rows"), label("dataset.license")],
    )


def describe(name: str) -> DatasetCard:
    """The data card of dataset ``name``, with its columns as a table.

    Parameters
    ----------
    name : str
        A dataset name, as :func:`list_datasets` shows.

    Returns
    -------
    DatasetCard
        The card's Markdown text, title, rows, licence and a table of the
        columns (display name, type and description in the current language).

    Examples
    --------
    >>> card = describe("telco_churn")
    >>> card.rows, card.license
    (7043, 'Apache-2.0')
    >>> "Contract" in card.columns.index
    True
    """
    s = _schema(_check_name(name))
    cols = pd.DataFrame(
        [(col, _text(spec.get("label")) or col, spec["type"], _text(spec.get("description")))
         for col, spec in s["columns"].items()],
        columns=["column", "label", "type", "description"],
    ).set_index("column")
    text = (_folder() / f"{name}.md").read_text(encoding="utf-8")
    return DatasetCard(name, _text(s.get("title")), int(s["rows"]), s.get("license", ""), cols, text)


def load(name: str) -> pd.DataFrame:
    """Load dataset ``name`` with proper dtypes.

    Likert items become ordered categoricals whose categories are the scale's
    integer codes (``ordinal`` columns), nominal fields become categoricals,
    dates become ``datetime64``; declared missing-value codes become missing.

    Parameters
    ----------
    name : str
        A dataset name, as :func:`list_datasets` shows; an unknown name raises
        :class:`~csat_lab.errors.CsatInputError` listing the names.

    Returns
    -------
    pandas.DataFrame
        The data, with the columns and dtypes its schema declares.

    Examples
    --------
    >>> df = load("telco_churn")
    >>> int(df["TotalCharges"].isna().sum())  # 11 new customers have no charges yet
    11
    """
    s = _schema(_check_name(name))
    specs: dict[str, dict[str, Any]] = s["columns"]
    raw = (_folder() / s["file"]).read_bytes()
    if s["file"].endswith(".gz"):
        raw = gzip.decompress(raw)
    na_values = {col: spec["na_values"] for col, spec in specs.items() if "na_values" in spec}
    frame = pd.read_csv(
        io.BytesIO(raw),
        dtype={col: "string" for col in specs},
        keep_default_na=False,
        na_values={**{col: [""] for col in specs}, **{c: [""] + list(v) for c, v in na_values.items()}},
        encoding="utf-8",
    )
    unknown = [c for c in frame.columns if c not in specs]
    if unknown or list(specs) != list(frame.columns):
        raise CsatInputError(f"dataset {name!r}: columns {list(frame.columns)} differ from the schema {list(specs)}")
    return pd.DataFrame({col: _convert(frame[col], spec, col) for col, spec in specs.items()})


def _convert(values: pd.Series, spec: dict[str, Any], col: str) -> pd.Series:
    kind = spec["type"]
    if kind == "integer":
        out = pd.to_numeric(values)
        return out.astype("int64") if not out.isna().any() else out.astype("Int64")
    if kind == "float":
        return pd.to_numeric(values).astype("float64")
    if kind == "string":
        return values.astype("string")
    if kind == "boolean":
        true, false = spec.get("true", "True"), spec.get("false", "False")
        mapped = values.map({true: True, false: False})
        return mapped.astype("boolean") if mapped.isna().any() else mapped.astype(bool)
    if kind in ("date", "datetime"):
        return pd.to_datetime(values, format=spec.get("format"))
    if kind == "category":
        cats = spec.get("categories")
        if cats is None:
            return values.astype("category")
        return values.astype(pd.CategoricalDtype(cats))
    if kind == "ordinal":
        if "scale" in spec:
            from . import scales

            scale = scales.get(spec["scale"])
            return pd.to_numeric(values).astype("Int64").astype(scale.dtype())
        return values.astype(pd.CategoricalDtype(spec["categories"], ordered=True))
    raise CsatInputError(f"column {col!r}: unknown type {kind!r}; types are: {', '.join(COLUMN_TYPES)}")


def example_files() -> list[str]:
    """Names of the raw example exports in ``datasets/files`` (for the import lesson).

    Returns
    -------
    list of str
        File names, sorted.

    Examples
    --------
    >>> "csat_tracker_wave4_qualtrics.csv" in example_files()
    True
    """
    folder = _folder() / "files"
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith((".", "_")))


def example_file(name: str) -> Path:
    """Path of a raw example export (a Qualtrics CSV, a GBK CSV) to practise the readers on.

    Files inside a zipped install are copied to a temporary folder first, so
    the path can always be handed to a reader.

    Parameters
    ----------
    name : str
        A file name, as :func:`example_files` lists.

    Returns
    -------
    pathlib.Path
        A path to the file on disk.

    Examples
    --------
    >>> example_file("csat_tracker_wave4_gbk.csv").suffix
    '.csv'
    """
    names = example_files()
    if not isinstance(name, str) or name not in names:
        raise CsatInputError(f"no example file {name!r}; files are: {', '.join(names)}")
    resource = _folder() / "files" / name
    if isinstance(resource, Path) or Path(str(resource)).is_file():
        return Path(str(resource))
    target = Path(tempfile.mkdtemp(prefix="csat_lab_")) / name
    target.write_bytes(resource.read_bytes())
    return target
