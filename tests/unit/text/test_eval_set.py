"""The hand-labelled comment sets (dev, train, eval; English + Chinese) keep their schema, labels and balance.

The sets are written for csat_lab (see data/README.md). The dev files are for tuning the sentiment
lexicon, the train files for training the sentiment model (with dev), the eval files for the accuracy
benchmark, so eval must never share a comment with dev or train: a shared or near-identical text would
let tuning or training leak into the reported accuracy.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parent / "data"
FILES = {"dev_en": 100, "dev_zh": 100, "train_en": 900, "train_zh": 900, "eval_en": 220, "eval_zh": 220}  # file stem -> minimum rows
COLUMNS = ["id", "text", "sentiment", "theme"]
SENTIMENTS = {"negative", "neutral", "positive"}
THEMES = {"wait", "attitude", "resolution", "price", "quality", "process"}
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")


def read_rows(stem: str) -> list[dict[str, str]]:
    raw = (DATA / f"{stem}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{stem}.csv starts with a byte-order mark"
    text = raw.decode("utf-8")  # strict: a stray GBK or Latin-1 byte fails here
    return list(csv.DictReader(text.splitlines()))


def normalised(text: str) -> str:
    """Case, width, spacing and punctuation removed: 'Slow!!' and 'slow' compare equal."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


@pytest.fixture(scope="module")
def sets() -> dict[str, list[dict[str, str]]]:
    return {stem: read_rows(stem) for stem in FILES}


@pytest.mark.parametrize("stem", FILES)
def test_schema_and_size(stem, sets) -> None:
    with open(DATA / f"{stem}.csv", encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == COLUMNS
    rows = sets[stem]
    assert len(rows) >= FILES[stem], f"{stem}: {len(rows)} rows, expected at least {FILES[stem]}"
    for number, row in enumerate(rows, start=2):
        assert None not in row and all(row[c] is not None for c in COLUMNS), f"{stem} line {number}: wrong field count"
        assert row["text"] == row["text"].strip() and row["text"], f"{stem} line {number}: empty or padded text"
        assert "\n" not in row["text"] and "\r" not in row["text"], f"{stem} line {number}: line break in text"


@pytest.mark.parametrize("stem", FILES)
def test_labels_are_valid(stem, sets) -> None:
    for row in sets[stem]:
        assert row["sentiment"] in SENTIMENTS, f"{row['id']}: sentiment {row['sentiment']!r}"
        assert row["theme"] in THEMES, f"{row['id']}: theme {row['theme']!r}"


def test_ids_are_unique_across_all_files_and_name_their_file(sets) -> None:
    ids = [row["id"] for rows in sets.values() for row in rows]
    duplicated = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicated, f"duplicated ids: {duplicated}"
    for stem, rows in sets.items():
        bad = [row["id"] for row in rows if not re.fullmatch(rf"{stem}_\d{{3,4}}", row["id"])]
        assert not bad, f"{stem}: ids not of the form {stem}_NNN: {bad[:5]}"


@pytest.mark.parametrize("stem", FILES)
def test_no_duplicate_texts_within_a_file(stem, sets) -> None:
    counts = Counter(normalised(row["text"]) for row in sets[stem])
    assert not [t for t, n in counts.items() if n > 1]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_dev_and_train_share_no_comment_with_eval(language, sets) -> None:
    dev = [normalised(row["text"]) for row in sets[f"dev_{language}"] + sets[f"train_{language}"]]
    evaluation = [normalised(row["text"]) for row in sets[f"eval_{language}"]]
    assert not set(dev) & set(evaluation), "the same comment is in dev/train and eval"
    # Near-duplicates too (a changed word or two): similarity ratio of the normalised texts.
    near = []
    for a in dev:
        matcher = difflib.SequenceMatcher(None, a, autojunk=False)
        for b in evaluation:
            matcher.set_seq2(b)
            if matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
                near.append((a, b))
    assert not near, f"near-duplicates between dev/train and eval: {near[:5]}"


def test_near_duplicate_check_can_fail() -> None:
    a, b = normalised("The app keeps crashing when I try to pay."), normalised("The app keeps crashing when I pay!")
    assert difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


@pytest.mark.parametrize("stem", FILES)
def test_class_and_theme_balance(stem, sets) -> None:
    rows = sets[stem]
    sentiment = Counter(row["sentiment"] for row in rows)
    theme = Counter(row["theme"] for row in rows)
    assert set(sentiment) == SENTIMENTS and set(theme) == THEMES
    for label, n in sentiment.items():
        assert n / len(rows) >= 0.25, f"{stem}: {label} is {n}/{len(rows)} of rows, below 25 %"
    for label, n in theme.items():
        assert n / len(rows) >= 0.10, f"{stem}: theme {label} is {n}/{len(rows)} of rows, below 10 %"


@pytest.mark.parametrize("stem", ["dev_zh", "train_zh", "eval_zh"])
def test_chinese_files_are_chinese(stem, sets) -> None:
    rows = sets[stem]
    cjk = sum(len(CJK.findall(row["text"])) for row in rows)
    latin = sum(len(LATIN.findall(row["text"])) for row in rows)
    assert cjk / (cjk + latin) >= 0.85, f"{stem}: CJK share of letters {cjk / (cjk + latin):.2f}"
    for row in rows:
        assert len(CJK.findall(row["text"])) >= 3, f"{row['id']}: too little Chinese in {row['text']!r}"
        assert 5 <= len(row["text"]) <= 80, f"{row['id']}: {len(row['text'])} characters"
    mixed = [row for row in rows if LATIN.search(row["text"])]
    assert len(mixed) >= 3, f"{stem}: expected some mixed Chinese/English comments, found {len(mixed)}"


@pytest.mark.parametrize("stem", ["dev_en", "train_en", "eval_en"])
def test_english_files_are_english(stem, sets) -> None:
    for row in sets[stem]:
        text = row["text"]
        assert not CJK.search(text), f"{row['id']}: Chinese characters in {text!r}"
        letters = [c for c in text if c.isalpha()]
        assert sum(c.isascii() for c in letters) / len(letters) >= 0.95, f"{row['id']}: not English {text!r}"
        assert 3 <= len(text.split()) <= 60, f"{row['id']}: {len(text.split())} words"


@pytest.mark.parametrize("stem", FILES)
def test_pandas_reads_every_text_as_text(stem) -> None:
    # Consumers load the sets with pandas: no comment may turn into NaN ("NA", "None") or a number.
    frame = pd.read_csv(DATA / f"{stem}.csv", encoding="utf-8")
    assert list(frame.columns) == COLUMNS
    assert frame["text"].notna().all() and frame["text"].map(type).eq(str).all()
    assert len(frame) == len(read_rows(stem))


@pytest.mark.parametrize("stem", FILES)
def test_lukewarm_rule_from_readme(stem, sets) -> None:
    # README labelling rule 2: a lukewarm verdict on its own ("还行", "一般般", "okay") is never positive.
    lukewarm = re.compile(r"还行|还可以|一般般|凑合|中规中矩|\bokay\b|\baverage\b|\bso-so\b", re.IGNORECASE)
    wrong = [row["id"] for row in sets[stem] if lukewarm.search(row["text"]) and row["sentiment"] == "positive"]
    assert not wrong, f"{stem}: lukewarm comments labelled positive: {wrong}"
