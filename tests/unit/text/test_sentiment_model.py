"""The shipped sentiment model: re-trainable from the repository, never trained on eval, arithmetic as scikit-learn's.

``tools/train_sentiment.py`` fits the model; these tests re-run that fit and compare it with the
arrays in ``csat_lab/text/data/sentiment_*.npz``, and check the package's own softmax against
scikit-learn's ``predict_proba`` on the re-fitted estimator (an independent implementation).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csat_lab.text import _model, sentiment

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def train():
    spec = importlib.util.spec_from_file_location("train_sentiment", ROOT / "tools" / "train_sentiment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_never_reads_the_evaluation_files(train):
    files = [path for paths in train.TRAIN_FILES.values() for path in paths.values()]
    assert files and all(path.exists() for path in files)
    assert not [path for path in files if "eval" in path.name]
    assert {path.name for path in files} == {"dev_en.csv", "train_en.csv", "dev_zh.csv", "train_zh.csv"}


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_shipped_model_is_what_the_training_script_makes(train, language):
    rows = train.training_rows(language)
    fitted = train.fit(rows, language, **train.SETTINGS[language])
    with np.load(ROOT / "csat_lab" / "text" / "data" / _model.FILES[language], allow_pickle=False) as shipped:
        assert sorted(shipped.files) == sorted(fitted)
        assert str(shipped["meta"]) == str(fitted["meta"])
        for i in range(len(_model.BLOCKS[language])):
            assert shipped[f"terms_{i}"].tolist() == fitted[f"terms_{i}"].tolist()
            np.testing.assert_allclose(shipped[f"idf_{i}"], fitted[f"idf_{i}"], rtol=1e-12)
        # the solver stops at a tolerance: coefficients agree to far below anything that moves a label
        np.testing.assert_allclose(shipped["coef"], fitted["coef"], atol=1e-5)
        np.testing.assert_allclose(shipped["intercept"], fitted["intercept"], atol=1e-5)


@pytest.mark.parametrize("language, stem", [("en", "eval_en"), ("zh-CN", "eval_zh")])
def test_probabilities_match_scikit_learn(train, language, stem):
    from sklearn.linear_model import LogisticRegression

    from csat_lab.text._input import as_texts

    # the texts as sentiment() sees them (NFKC: full-width punctuation folded)
    texts = as_texts(pd.read_csv(DATA / f"{stem}.csv", dtype=str)["text"].tolist()[:60]).tolist()
    ours = sentiment(texts, language)
    model = _model.load(language)
    meta = model["meta"]
    X = _model.features(texts, model["vectorizers"],
                        _model.lexicon_features(ours.table["lexicon_score"].to_numpy(), meta["threshold"],
                                                meta["lexicon_weight"]))
    sk = LogisticRegression()
    sk.classes_ = np.array(_model.CLASSES)
    sk.coef_, sk.intercept_ = model["coef"], model["intercept"]
    np.testing.assert_allclose(ours.table[["p_negative", "p_neutral", "p_positive"]].to_numpy(),
                               sk.predict_proba(X), atol=1e-12)
    assert ours.table["label"].tolist() == sk.predict(X).tolist()


def test_tfidf_features_by_hand():
    """One Chinese comment's first block worked out from the vocabulary and IDF shipped with the model."""
    model = _model.load("zh-CN")
    vec = model["vectorizers"][0]
    text = "很好很好"
    # character 1-3-grams: 很 x2, 好 x2, 很好 x2, 好很 x1, 很好很 x1, 好很好 x1 (those in the vocabulary count)
    counts = {"很": 2, "好": 2, "很好": 2, "好很": 1, "很好很": 1, "好很好": 1}
    weights = {g: (1 + np.log(n)) * vec.idf_[vec.vocabulary_[g]] for g, n in counts.items() if g in vec.vocabulary_}
    norm = np.sqrt(sum(w * w for w in weights.values()))
    row = vec.transform([text]).toarray()[0]
    assert weights and all(row[vec.vocabulary_[g]] == pytest.approx(w / norm) for g, w in weights.items())
    assert np.count_nonzero(row) == len(weights)
