"""Train the sentiment models that ship in csat_lab/text/data/sentiment_{en,zh}.npz.

    python tools/train_sentiment.py          # train both languages, write the .npz files
    python tools/train_sentiment.py --cv     # print the cross-validated grid the settings were chosen on

Training rows (tests/unit/text/data/README.md describes the files):

* ``dev_<lang>.csv``: hand-labelled comments the lexicon rules were tuned on. Their lexicon
  score is too good to be true, so the model sees them with the lexicon columns set to 0
  and learns only their n-grams;
* ``train_<lang>.csv``: hand-labelled comments never used to tune the lexicon, with their
  real lexicon score: the model learns how far to trust the lexicon from these alone;
* the datasets' generated comments (``comment_en`` / ``comment_zh`` of hotel_guests and
  csat_tracker, distinct texts), lexicon columns 0, weight ``generated_weight``.

Comments that say nothing ("N/A", "无": ``polarity.says_nothing``) are left out: ``sentiment``
labels them neutral before the model is asked.

The evaluation files (``eval_<lang>.csv``) are never read here: ``TRAIN_FILES`` lists
everything this script opens, and a test checks that no eval file is in it.

Settings (``SETTINGS``) were chosen with ``--cv``: 5-fold stratified cross-validation over
all hand-labelled rows, scored on the ``train`` rows only (where the lexicon is honest).
The fit is deterministic (Newton-CG from zero to a tight tolerance, no random state involved); the test suite
re-trains and compares with the shipped arrays.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from csat_lab.text import _model
from csat_lab.text._input import as_texts
from csat_lab.text.polarity import THRESHOLD, label_of, says_nothing, score_text

DATA = ROOT / "tests" / "unit" / "text" / "data"
CODES = {"en": "en", "zh-CN": "zh"}
TRAIN_FILES = {lang: {"dev": DATA / f"dev_{code}.csv", "train": DATA / f"train_{code}.csv"}
               for lang, code in CODES.items()}
GENERATED = ("hotel_guests", "csat_tracker")
SETTINGS = {
    "en": {"C": 10.0, "lexicon_weight": 1.0, "generated_weight": 0.1, "min_df": 2},
    "zh-CN": {"C": 10.0, "lexicon_weight": 1.0, "generated_weight": 0.1, "min_df": 2},
}
GRID = {"C": (3.0, 10.0, 30.0), "lexicon_weight": (1.0, 2.0), "generated_weight": (0.0, 0.1), "min_df": (2,)}


def training_rows(language: str) -> pd.DataFrame:
    """All training rows: text, sentiment, source (dev / train / generated), lexicon score."""
    from csat_lab import datasets

    frames = []
    for source, path in TRAIN_FILES[language].items():
        rows = pd.read_csv(path, dtype=str, keep_default_na=False)
        frames.append(pd.DataFrame({"text": rows["text"], "sentiment": rows["sentiment"], "source": source}))
    column = f"comment_{CODES[language]}"
    for name in GENERATED:
        data = datasets.load(name)
        rows = data[data[column].notna() & data["comment_sentiment"].notna()]
        frames.append(pd.DataFrame({"text": rows[column].astype(str), "sentiment": rows["comment_sentiment"].astype(str),
                                    "source": "generated"}))
    out = pd.concat(frames, ignore_index=True)
    generated = out["source"] == "generated"
    out = pd.concat([out[~generated], out[generated].drop_duplicates("text")], ignore_index=True)
    out["text"] = as_texts(out["text"].tolist()).to_numpy()
    # placeholders ("N/A", "无") are neutral by rule before the model is asked: not training rows
    out = out[[not says_nothing(t) for t in out["text"]]].reset_index(drop=True)
    out["score"] = [score_text(t, language) for t in out["text"]]
    return out


def fit(rows: pd.DataFrame, language: str, C: float, lexicon_weight: float, generated_weight: float,
        min_df: int) -> dict:
    """Fit the vectorizers and the logistic regression; return the arrays the .npz holds."""
    from sklearn.linear_model import LogisticRegression

    weight = np.where(rows["source"] == "generated", generated_weight, 1.0)
    rows = rows[weight > 0]
    weight = weight[weight > 0]
    vectorizers = [_model.vectorizer(block, min_df=min_df).fit(rows["text"]) for block in _model.BLOCKS[language]]
    honest = (rows["source"] == "train").to_numpy()
    lex = _model.lexicon_features(rows["score"].to_numpy(), THRESHOLD, lexicon_weight) * honest[:, None]
    X = _model.features(rows["text"].tolist(), vectorizers, lex)
    model = LogisticRegression(C=C, solver="newton-cg", tol=1e-8, max_iter=1_000)
    model.fit(X, rows["sentiment"].to_numpy(), sample_weight=weight)
    assert tuple(model.classes_) == _model.CLASSES
    arrays = {"coef": model.coef_, "intercept": model.intercept_}
    for i, vec in enumerate(vectorizers):
        arrays[f"terms_{i}"] = np.asarray(vec.get_feature_names_out(), dtype=str)
        arrays[f"idf_{i}"] = vec.idf_
    counts = rows["source"].value_counts().to_dict()
    arrays["meta"] = np.asarray(json.dumps({
        "language": language, "threshold": THRESHOLD, "lexicon_weight": lexicon_weight, "C": C,
        "generated_weight": generated_weight, "min_df": min_df, "rows": {k: int(v) for k, v in sorted(counts.items())},
        "features": int(X.shape[1])}, sort_keys=True))
    return arrays


def predict(arrays: dict, language: str, texts: list[str], scores: np.ndarray) -> np.ndarray:
    """Labels from fitted arrays, by the package's own arithmetic (csat_lab.text._model)."""
    probs = _model.probabilities(texts, scores, language, _model.from_arrays(arrays, language))
    return np.asarray(_model.CLASSES)[probs.argmax(axis=1)]


def cross_validate(language: str) -> None:
    """Print the grid's 5-fold accuracy on the train rows (and on all hand-labelled rows)."""
    import itertools

    from sklearn.model_selection import StratifiedKFold

    rows = training_rows(language)
    hand = rows[rows["source"] != "generated"].reset_index(drop=True)
    generated = rows[rows["source"] == "generated"]
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(hand["text"], hand["sentiment"]))
    rules = np.array([label_of(s) for s in hand["score"]], dtype=object)
    on_train = (hand["source"] == "train").to_numpy()
    print(f"{language}: lexicon rules alone on train rows {np.mean((rules == hand['sentiment'])[on_train]):.3f}")
    for values in itertools.product(*GRID.values()):
        setting = dict(zip(GRID, values))
        predicted = np.empty(len(hand), dtype=object)
        for fit_rows, test_rows in folds:
            arrays = fit(pd.concat([hand.iloc[fit_rows], generated]), language, **setting)
            test = hand.iloc[test_rows]
            predicted[test_rows] = predict(arrays, language, test["text"].tolist(), test["score"].to_numpy())
        right = predicted == hand["sentiment"].to_numpy()
        print(f"{language} {setting}: train rows {right[on_train].mean():.3f}  all hand rows {right.mean():.3f}",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="print the cross-validated grid instead of training")
    parser.add_argument("--language", choices=sorted(SETTINGS), action="append")
    args = parser.parse_args()
    for language in args.language or sorted(SETTINGS):
        if args.cv:
            cross_validate(language)
            continue
        arrays = fit(training_rows(language), language, **SETTINGS[language])
        out = ROOT / "csat_lab" / "text" / "data" / _model.FILES[language]
        np.savez_compressed(out, **arrays)
        print(f"{language}: wrote {out.relative_to(ROOT)} ({out.stat().st_size / 1e6:.2f} MB), {arrays['meta']}")


if __name__ == "__main__":
    main()
