"""Accuracy of cl.text (issue 23): sentiment on the hand-labelled comments, themes on the generated ones.

Not a timing benchmark: ``python benchmarks/bench_text.py`` prints

* three-class sentiment accuracy per language on the held-out evaluation set
  (``tests/unit/text/data/eval_*.csv``; target >= 0.80) for the trained model
  (``method="model"``, the default) and the lexicon alone (``method="lexicon"``), with
  the confusion matrix of the eval set, and for reference on the dev files the lexicons
  were tuned on and the train files the model was fitted on (both are training data for
  the model, so their figures are not estimates of accuracy on new comments);
* sentiment accuracy on the datasets' generated comments (``comment_sentiment``);
* the adjusted Rand index of ``cl.text.themes`` (k = 6, seed 0) against the
  datasets' ``comment_theme`` (target >= 0.6).

``run.py`` (``make bench``) collects only functions named ``bench_*``; this file
defines none, so it runs only on its own.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
from sklearn.metrics import adjusted_rand_score

from csat_lab import datasets
from csat_lab.text import sentiment, themes

DATA = Path(__file__).resolve().parents[1] / "tests" / "unit" / "text" / "data"
LABELS = ["negative", "neutral", "positive"]


def sentiment_accuracy() -> None:
    stems = ("eval_en", "eval_zh", "dev_en", "dev_zh", "train_en", "train_zh")
    for stem, method in itertools.product(stems, ("model", "lexicon")):
        data = pd.read_csv(DATA / f"{stem}.csv", dtype=str)
        language = "zh-CN" if stem.endswith("zh") else "en"
        predicted = sentiment(data["text"], language, method=method).table["label"]
        accuracy = float((predicted == data["sentiment"]).mean())
        print(f"sentiment {stem:8s} {method:7s} n={len(data):4d} accuracy={accuracy:.3f}")
        if stem.startswith("eval"):
            confusion = pd.crosstab(data["sentiment"], predicted, rownames=["truth"], colnames=["predicted"])
            print(confusion.reindex(index=LABELS, columns=LABELS, fill_value=0).to_string(), "\n")


def dataset_scores() -> None:
    for name in ("hotel_guests", "csat_tracker"):
        data = datasets.load(name)
        for column, language in (("comment_en", "en"), ("comment_zh", "zh-CN")):
            rows = data[data[column].notna() & data["comment_theme"].notna()]
            labelled = rows[rows["comment_sentiment"].notna()]
            accuracy = {m: float((sentiment(labelled[column], language, method=m).table["label"]
                                  == labelled["comment_sentiment"].astype(str)).mean()) for m in ("model", "lexicon")}
            found = themes(rows[column], 6, language, seed=0)
            keep = found.assignments.notna()
            ari = adjusted_rand_score(rows["comment_theme"][keep].astype(str), found.assignments[keep].astype(int))
            print(f"{name:13s} {column:10s} n={len(rows):5d} sentiment accuracy model={accuracy['model']:.3f} "
                  f"lexicon={accuracy['lexicon']:.3f} themes ARI={ari:.3f}")


if __name__ == "__main__":
    sentiment_accuracy()
    dataset_scores()
