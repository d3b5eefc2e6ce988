"""Contract of the shipped datasets: every file loads with the declared types, ranges, row counts and documentation."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab import scales

ROOT = Path(__file__).resolve().parents[3]
DATASETS = ROOT / "datasets"
EXPECTED = {
    "auto_dealer",
    "cdnow",
    "complaints_log",
    "csat_tracker",
    "hotel_guests",
    "kano_features",
    "supermarket_members",
    "telco_churn",
    "telecom_subscribers",
}
NAMES = sorted(EXPECTED)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _schema(name: str) -> dict:
    return json.loads((DATASETS / f"{name}.schema.json").read_text(encoding="utf-8"))


def _raw(name: str) -> pd.DataFrame:
    """The file read as plain text, independently of csat_lab's loader."""
    s = _schema(name)
    data = (DATASETS / s["file"]).read_bytes()
    if s["file"].endswith(".gz"):
        data = gzip.decompress(data)
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


def _card_columns(name: str) -> list[str]:
    text = (DATASETS / f"{name}.md").read_text(encoding="utf-8")
    section = text.split("## Columns", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [row.split("|")[1].strip() for row in rows[1:]]


def test_every_dataset_is_listed():
    assert set(cl.datasets.list_datasets().iloc[:, 0]) == EXPECTED


@pytest.mark.parametrize("name", NAMES)
def test_rows_match_schema_card_and_file(name):
    s = _schema(name)
    frame = cl.datasets.load(name)
    card = (DATASETS / f"{name}.md").read_text(encoding="utf-8")
    assert len(frame) == s["rows"] == len(_raw(name))
    assert f"{s['rows']:,} rows × {len(s['columns'])} columns" in card
    assert list(frame.columns) == list(s["columns"])


@pytest.mark.parametrize("name", NAMES)
def test_every_column_documented_in_card_and_schema(name):
    s = _schema(name)
    assert _card_columns(name) == list(s["columns"])
    for col, spec in s["columns"].items():
        assert spec["type"] in cl.datasets.COLUMN_TYPES, col
        desc = spec["description"]
        assert desc["en"].strip() and CJK.search(desc["zh-CN"]), f"{name}.{col} needs en and zh-CN descriptions"
    assert s["title"]["en"] and CJK.search(s["title"]["zh-CN"])


@pytest.mark.parametrize("name", NAMES)
def test_dtypes_follow_schema(name):
    s = _schema(name)
    frame = cl.datasets.load(name)
    for col, spec in s["columns"].items():
        dtype = frame[col].dtype
        assert dtype != object, f"{name}.{col} is object"
        kind = spec["type"]
        if kind in ("category", "ordinal"):
            assert isinstance(dtype, pd.CategoricalDtype), col
            assert dtype.ordered == (kind == "ordinal"), col
        elif kind == "integer":
            assert pd.api.types.is_integer_dtype(dtype), col
        elif kind == "float":
            assert pd.api.types.is_float_dtype(dtype), col
        elif kind == "boolean":
            assert pd.api.types.is_bool_dtype(dtype), col
        elif kind in ("date", "datetime"):
            assert pd.api.types.is_datetime64_any_dtype(dtype), col
        else:
            assert isinstance(dtype, pd.StringDtype), col


@pytest.mark.parametrize("name", NAMES)
def test_no_value_lost_in_loading_and_ranges_hold(name):
    """A value outside a declared category list would silently become missing: count non-missing values."""
    s = _schema(name)
    frame, raw = cl.datasets.load(name), _raw(name)
    for col, spec in s["columns"].items():
        missing_codes = {""} | set(spec.get("na_values", []))
        assert frame[col].notna().sum() == (~raw[col].isin(missing_codes)).sum(), f"{name}.{col} lost values"
        values = frame[col].dropna()
        if "min" in spec:
            assert (values >= spec["min"]).all(), f"{name}.{col} below {spec['min']}"
        if "max" in spec:
            assert (values <= spec["max"]).all(), f"{name}.{col} above {spec['max']}"
        if spec["type"] == "ordinal" and "scale" in spec:
            assert list(frame[col].cat.categories) == list(scales.get(spec["scale"]).values)


@pytest.mark.parametrize("name", NAMES)
def test_size_and_licence(name):
    s = _schema(name)
    assert (DATASETS / s["file"]).stat().st_size < 5_000_000
    assert s["license"] in ("MIT", "Apache-2.0"), "only MIT/Apache data may ship"
    card = (DATASETS / f"{name}.md").read_text(encoding="utf-8")
    assert s["license"] in card.split("\n", 3)[2]
    for heading in ("## Story", "## Columns", "## Known quirks", "## Source and licence"):
        assert heading in card, f"{name} card lacks {heading}"


def test_synthetic_datasets_are_exactly_the_simulated_ones():
    from csat_lab import simulate

    synthetic = {name for name in NAMES if _schema(name)["synthetic"]}
    assert synthetic == set(simulate.SIMULATED)
    for name in synthetic:
        assert "## Generating process" in (DATASETS / f"{name}.md").read_text(encoding="utf-8")


def test_readme_lists_every_dataset_with_its_row_count():
    readme = (DATASETS / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert re.search(rf"\| `{name}` \| {_schema(name)['rows']:,} \|", readme), name


def test_messy_csat_codes_are_documented_not_hidden():
    frame = cl.datasets.load("csat_tracker")
    invalid = set(frame["csat"].unique()) - set(range(1, 6))
    assert invalid == {0, 6, 9, 99}
    assert "min" not in _schema("csat_tracker")["columns"]["csat"]


# Label keys of the codes in synthetic category columns; churn types and factors use the segments catalog.
_LABEL_PREFIX = {"churn_type": "segments.lost_type.", "churn_reason": "segments.churn_factor."}


@pytest.mark.parametrize("name", sorted(n for n in NAMES if _schema(n)["synthetic"]))
def test_category_codes_have_bilingual_labels(name):
    from csat_lab.i18n import label

    for col, spec in _schema(name)["columns"].items():
        if "categories" not in spec or col in ("functional", "dysfunctional"):
            continue
        for code in spec["categories"]:
            key = _LABEL_PREFIX.get(col, f"data.{col}.") + code
            assert CJK.search(label(key, "zh-CN")) and label(key, "en") != key, key
