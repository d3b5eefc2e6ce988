"""Declare a questionnaire: indicators, items, scales and reverse-coded items.

The course's first survey step is to define the indicators to measure
(product quality, price, delivery speed, customer service, after-sales) and
the questions for each. A :class:`Questionnaire` records that design, checks
a response table against it, reverse-codes where declared, scores each
indicator and writes the codebook.

An item is answered on a registered scale (``satisfaction5``, ``agree5``,
``nps11`` ...) or, with ``scale="text"``, in free text (a comment). Its wording
may be given in both course languages: ``text`` is the English (or only)
wording and ``text_zh`` the Simplified Chinese one; in a dict or a JSON file
``"text"`` may instead be ``{"en": ..., "zh-CN": ...}``. A design is saved with
:meth:`Questionnaire.to_json` and loaded with :func:`load_questionnaire`, which
also knows the questionnaires shipped with the package (``course_evaluation``).

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

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from .. import scales as _scales
from .._core.validate import require_columns, require_frame
from ..errors import CsatInputError
from ..i18n import label, resolve_language

__all__ = ["Item", "Questionnaire", "INDICATORS", "TEXT", "load_questionnaire", "list_questionnaires"]

#: The satisfaction indicators the course names (labels ``survey.indicator.<name>``).
INDICATORS = ("product_quality", "price", "delivery_speed", "service", "after_sales")

#: The ``scale`` of a free-text item (a comment): no codes, any text.
TEXT = "text"

#: Largest questionnaire file :func:`load_questionnaire` reads, in bytes.
MAX_FILE_BYTES = 1_000_000

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")
_ITEM_KEYS = ("name", "text", "text_zh", "scale", "indicator", "reverse")


def _wording(value: object, where: str) -> tuple[str, str]:
    """(English, Chinese) wording from a text or a {"en": ..., "zh-CN": ...} mapping."""
    if isinstance(value, str):
        return value, ""
    if isinstance(value, Mapping):
        unknown = sorted(set(map(str, value)) - {"en", "zh-CN"})
        if unknown:
            raise CsatInputError(f"{where}: languages are 'en' and 'zh-CN', got {unknown}")
        en, zh = value.get("en", ""), value.get("zh-CN", "")
        if not isinstance(en, str) or not isinstance(zh, str):
            raise CsatInputError(f"{where}: each wording must be a text, got {value!r}")
        return en, zh
    raise CsatInputError(f"{where}: expected a text or {{'en': ..., 'zh-CN': ...}}, got {type(value).__name__}")



def _in_language(english: str, chinese: str, language: str | None) -> str:
    """The Chinese text in Chinese when there is one, else the English (else the Chinese)."""
    return chinese if resolve_language(language) == "zh-CN" and chinese else (english or chinese)

@dataclass(frozen=True)
class Item:
    """One question: column name, wording, scale, indicator, reverse coding, Chinese wording.

    ``scale="text"`` makes a free-text item (a comment); it has no indicator
    and is never reverse-coded. ``text_zh`` is the Simplified Chinese wording
    (empty: the English one is shown in both languages).
    """

    name: str
    text: str = ""
    scale: str = "satisfaction5"
    indicator: str | None = None
    reverse: bool = False
    text_zh: str = ""

    @property
    def is_text(self) -> bool:
        """Whether the item is answered in free text (``scale="text"``)."""
        return self.scale == TEXT

    def wording(self, language: str | None = None) -> str:
        """The question in ``language`` (default the current one), falling back to English.

        Parameters
        ----------
        language : str, optional
            ``"en"`` or ``"zh-CN"``; default the current language.

        Returns
        -------
        str
            ``text_zh`` in Chinese when there is one, else ``text``.

        Examples
        --------
        >>> Item("overall", "Overall satisfaction", text_zh="总体满意度").wording("zh-CN")
        '总体满意度'
        """
        return _in_language(self.text, self.text_zh, language)

    def to_dict(self) -> dict[str, Any]:
        """The item as JSON-ready data (wording as ``{"en": ..., "zh-CN": ...}``).

        Returns
        -------
        dict
            ``name``, ``text``, ``scale`` and, when set, ``indicator`` and ``reverse``.

        Examples
        --------
        >>> Item("q1", "Fair price", "agree5", text_zh="价格合理").to_dict()["text"]
        {'en': 'Fair price', 'zh-CN': '价格合理'}
        """
        out: dict[str, Any] = {"name": self.name, "text": {"en": self.text, "zh-CN": self.text_zh},
                               "scale": self.scale}
        if self.indicator:
            out["indicator"] = self.indicator
        if self.reverse:
            out["reverse"] = True
        return out


def _parse_item(item: object, i: int) -> Item:
    where = f"item {i}"
    if isinstance(item, Mapping):
        unknown = sorted(set(map(str, item)) - set(_ITEM_KEYS))
        if unknown:
            raise CsatInputError(f"{where}: unknown key(s) {unknown}; keys are {', '.join(_ITEM_KEYS)}")
        if "name" not in item:
            raise CsatInputError(f"{where}: 'name' is missing; every item needs a name (its column)")
        fields = dict(item)
        if "text" in fields:
            en, zh = _wording(fields["text"], f"{where} ({fields.get('name')!r}): 'text'")
            fields["text"] = en
            if zh:
                if fields.get("text_zh"):
                    raise CsatInputError(f"{where}: give the Chinese wording once, in 'text' or in 'text_zh'")
                fields["text_zh"] = zh
        item = Item(**fields)
    if not isinstance(item, Item):
        raise CsatInputError(f"item {i} must be an Item or a dict, got {type(item).__name__}")
    where = f"item {i} ({item.name!r})"
    if not isinstance(item.name, str) or not item.name:
        raise CsatInputError(f"item {i}: 'name' must be a non-empty text, got {item.name!r}")
    for key in ("text", "text_zh"):
        if not isinstance(getattr(item, key), str):
            raise CsatInputError(f"{where}: {key!r} must be a text, got {type(getattr(item, key)).__name__}")
    if not isinstance(item.reverse, bool):
        raise CsatInputError(f"{where}: 'reverse' must be true or false, got {item.reverse!r}")
    if item.indicator is not None and not isinstance(item.indicator, str):
        raise CsatInputError(f"{where}: 'indicator' must be a text or null, got {item.indicator!r}")
    if item.scale == TEXT:
        if item.indicator or item.reverse:
            raise CsatInputError(f"{where}: a free-text item has no indicator and is not reverse-coded")
    elif isinstance(item.scale, str):
        try:
            _scales.get(item.scale)
        except CsatInputError as exc:
            raise CsatInputError(f"{where}: {exc}, or 'text' for free text") from None
    else:
        raise CsatInputError(f"{where}: 'scale' must be a scale name such as 'agree5' or 'text', "
                             f"got {item.scale!r}")
    return item


class Questionnaire:
    """A survey design that validates responses and produces a codebook.

    Parameters
    ----------
    items : sequence of :class:`Item` (or dicts with the same keys)
    title : optional name of the survey, a text or ``{"en": ..., "zh-CN": ...}``
    name : optional identifier (a shipped questionnaire's name, such as ``course_evaluation``)
    """

    def __init__(self, items: Sequence[Item | dict], *, title: str | Mapping[str, str] = "",
                 name: str = "") -> None:
        if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Sequence):
            raise CsatInputError(f"'items' must be a list of items, got {type(items).__name__}")
        parsed = [_parse_item(item, i) for i, item in enumerate(items)]
        if not parsed:
            raise CsatInputError("a questionnaire needs at least one item")
        names = [it.name for it in parsed]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise CsatInputError(f"item names must be unique; repeated: {repeated}")
        self.items: tuple[Item, ...] = tuple(parsed)
        self.title, self.title_zh = _wording(title, "'title'")
        if not isinstance(name, str):
            raise CsatInputError(f"'name' must be a text, got {type(name).__name__}")
        self.name = name

    def __repr__(self) -> str:
        return f"Questionnaire({len(self.items)} items, indicators={self.indicators()})"

    @property
    def rating_items(self) -> tuple[Item, ...]:
        """The items answered on a scale (all but the free-text ones)."""
        return tuple(it for it in self.items if not it.is_text)

    @property
    def text_items(self) -> tuple[Item, ...]:
        """The free-text items (``scale="text"``)."""
        return tuple(it for it in self.items if it.is_text)

    def item(self, name: str) -> Item:
        """The item called ``name``.

        Parameters
        ----------
        name : str
            An item's name (its column).

        Returns
        -------
        Item
            The item; an unknown name raises :class:`~csat_lab.errors.CsatInputError` listing the names.

        Examples
        --------
        >>> load_questionnaire("course_evaluation").item("nps").scale
        'nps11'
        """
        for it in self.items:
            if it.name == name:
                return it
        raise CsatInputError(f"no item {name!r}; items are: {', '.join(it.name for it in self.items)}")

    def title_in(self, language: str | None = None) -> str:
        """The title in ``language`` (default the current one), falling back to English.

        Parameters
        ----------
        language : str, optional
            ``"en"`` or ``"zh-CN"``; default the current language.

        Returns
        -------
        str
            The title.

        Examples
        --------
        >>> load_questionnaire("course_evaluation").title_in("zh-CN")
        '课程评估'
        """
        return _in_language(self.title, self.title_zh, language)

    def to_dict(self) -> dict[str, Any]:
        """The design as JSON-ready data, the format :func:`load_questionnaire` reads.

        Returns
        -------
        dict
            ``{"name": ..., "title": {"en": ..., "zh-CN": ...}, "items": [...]}``.

        Examples
        --------
        >>> Questionnaire([Item("q1", "Price is fair", "agree5")], name="mine").to_dict()["items"][0]["scale"]
        'agree5'
        """
        return {"name": self.name, "title": {"en": self.title, "zh-CN": self.title_zh},
                "items": [it.to_dict() for it in self.items]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Questionnaire":
        """A questionnaire from :meth:`to_dict`'s data, checked, with errors naming the field.

        Parameters
        ----------
        data : mapping
            ``{"name": ..., "title": ..., "items": [...]}``; only ``items`` is required.

        Returns
        -------
        Questionnaire
            The checked design.

        Examples
        --------
        >>> Questionnaire.from_dict({"items": [{"name": "q1", "scale": "text"}]}).text_items[0].name
        'q1'
        """
        if not isinstance(data, Mapping):
            raise CsatInputError(f"a questionnaire is a JSON object with 'items', got {type(data).__name__}")
        unknown = sorted(set(map(str, data)) - {"name", "title", "items"})
        if unknown:
            raise CsatInputError(f"unknown key(s) {unknown}; a questionnaire has 'name', 'title' and 'items'")
        if "items" not in data:
            raise CsatInputError("'items' is missing: a questionnaire needs a list of items")
        return cls(data["items"], title=data.get("title", ""), name=data.get("name", ""))

    def to_json(self, path: str | Path) -> Path:
        """Save the design as UTF-8 JSON at ``path``; :func:`load_questionnaire` reads it back.

        Parameters
        ----------
        path : str or pathlib.Path
            The file to write (its folder must exist); an existing file is replaced.

        Returns
        -------
        pathlib.Path
            The file written.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> q = Questionnaire([Item("q1", "Price is fair", "agree5", text_zh="价格合理")], name="mine")
        >>> path = q.to_json(pathlib.Path(tempfile.mkdtemp()) / "mine.json")
        >>> load_questionnaire(path).items[0].wording("zh-CN")
        '价格合理'
        """
        path = Path(path)
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return path

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Questionnaire) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

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
        return pd.DataFrame({it.name: data[it.name].astype("string") if it.is_text
                             else _scales.get(it.scale).validate(data[it.name], it.name) for it in self.items},
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
            if it.is_text:
                rows.append({"column": it.name, "question": it.wording(language), "scale": TEXT, "value_labels": {},
                             "missing_codes": [], "n_missing_codes": 0, "indicator": None,
                             "indicator_label": None, "reverse": False})
                continue
            sc = _scales.get(it.scale)
            ind_label = label(f"survey.indicator.{it.indicator}", language) if it.indicator in INDICATORS else it.indicator
            rows.append({"column": it.name, "question": it.wording(language), "scale": sc.name,
                         "value_labels": dict(zip(sc.values, sc.labels(language))), "missing_codes": [],
                         "n_missing_codes": 0, "indicator": it.indicator, "indicator_label": ind_label,
                         "reverse": it.reverse})
        return pd.DataFrame(rows).set_index("column")


def _shipped() -> Any:
    return resources.files("csat_lab.survey") / "questionnaires"


def list_questionnaires() -> list[str]:
    """Names of the questionnaires shipped with the package.

    Returns
    -------
    list of str
        Names :func:`load_questionnaire` accepts, sorted.

    Examples
    --------
    >>> "course_evaluation" in list_questionnaires()
    True
    """
    return sorted(p.name[:-5] for p in _shipped().iterdir() if p.name.endswith(".json"))


def load_questionnaire(name_or_path: str | Path) -> Questionnaire:
    """A shipped questionnaire by name, or a questionnaire file (JSON) someone designed.

    Parameters
    ----------
    name_or_path : str or pathlib.Path
        A name from :func:`list_questionnaires` (``"course_evaluation"``) or the
        path of a ``.json`` file written by :meth:`Questionnaire.to_json` (or by
        hand in the same format: ``{"name": ..., "title": {"en": ..., "zh-CN":
        ...}, "items": [{"name": "overall", "text": {"en": ..., "zh-CN": ...},
        "scale": "satisfaction5"}, ...]}``).

    Returns
    -------
    Questionnaire
        The checked design; a bad file raises :class:`~csat_lab.errors.CsatInputError`
        naming the file and the field.

    Notes
    -----
    The shipped ``course_evaluation`` keeps to the short-form advice of survey
    methodology (Dillman, Smyth & Christian, 2014): one overall satisfaction
    question, the recommendation question of the Net Promoter Score
    (Reichheld, 2003), a few agreement statements and one open comment.

    References
    ----------
    Dillman, D. A., Smyth, J. D., & Christian, L. M. (2014). *Internet, Phone, Mail, and
    Mixed-Mode Surveys: The Tailored Design Method* (4th ed.). Wiley.
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*, 81(12).

    Examples
    --------
    >>> q = load_questionnaire("course_evaluation")
    >>> [it.scale for it in q.items if it.name in ("overall", "nps", "comment")]
    ['satisfaction5', 'nps11', 'text']
    """
    if isinstance(name_or_path, str) and _NAME.match(name_or_path) and name_or_path in list_questionnaires():
        resource = _shipped() / f"{name_or_path}.json"
        return _from_text(resource.read_text(encoding="utf-8"), f"questionnaire {name_or_path!r}")
    if not isinstance(name_or_path, (str, Path)) or not str(name_or_path):
        raise CsatInputError(f"expected a questionnaire name ({', '.join(list_questionnaires())}) or the path "
                             f"of a .json file, got {name_or_path!r}")
    path = Path(name_or_path)
    if not path.is_file():
        raise CsatInputError(f"no questionnaire {str(name_or_path)!r}: not a shipped name "
                             f"({', '.join(list_questionnaires())}) and no such file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CsatInputError(f"{path}: the file is larger than {MAX_FILE_BYTES:,} bytes; is it a questionnaire?")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CsatInputError(f"{path}: not UTF-8 text; save the questionnaire as UTF-8 JSON") from None
    q = _from_text(text, str(path))
    if not q.name:
        q.name = path.stem
    return q


def _from_text(text: str, where: str) -> Questionnaire:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CsatInputError(f"{where}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    try:
        return Questionnaire.from_dict(data)
    except CsatInputError as exc:
        raise CsatInputError(f"{where}: {exc}") from None
