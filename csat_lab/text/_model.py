"""The trained sentiment model of :func:`csat_lab.text.sentiment` (internal).

A multinomial logistic regression over TF-IDF n-grams of the comment and the
customer-service lexicon's score (``polarity.lexicon_score``). It is trained by
``tools/train_sentiment.py`` on the project's hand-labelled comments and the
datasets' generated comments, never on the evaluation files, and shipped as plain
arrays in ``data/sentiment_<language>.npz`` (vocabularies, IDF weights,
coefficients): nothing is unpickled, nothing is downloaded.

Features of one comment (the same function builds them when training and when
predicting, so the two cannot drift apart):

* for each n-gram block of :data:`BLOCKS` (English: words and word pairs, and
  character 2-5-grams inside words; Chinese: character 1-3-grams), the TF-IDF
  vector :math:`(1 + \\ln tf) \\cdot idf`, normalised to unit length per block;
* ``w * [s, s >= t, s <= -t]`` with the lexicon score :math:`s`, the lexicon's
  label threshold :math:`t` and the weight ``w`` stored with the model.

The class probabilities are the softmax of :math:`X\\beta^T + \\beta_0`.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import numpy as np

#: n-gram blocks per language (keyword arguments of scikit-learn's TfidfVectorizer besides vocabulary).
BLOCKS: dict[str, list[dict[str, Any]]] = {
    "en": [{"analyzer": "word", "ngram_range": (1, 2), "token_pattern": r"(?u)\b\w+\b|[!?]"},
           {"analyzer": "char_wb", "ngram_range": (2, 5)}],
    "zh-CN": [{"analyzer": "char", "ngram_range": (1, 3)}],
}
CLASSES = ("negative", "neutral", "positive")
FILES = {"en": "sentiment_en.npz", "zh-CN": "sentiment_zh.npz"}


def vectorizer(block: dict[str, Any], vocabulary: Any = None, min_df: int = 1) -> Any:
    """A TfidfVectorizer for one n-gram block (sublinear tf, l2 per block)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(sublinear_tf=True, lowercase=True, min_df=min_df, vocabulary=vocabulary, dtype=np.float64,
                           **block)


def lexicon_features(scores: np.ndarray, threshold: float, weight: float) -> np.ndarray:
    """The lexicon columns ``weight * [s, s >= t, s <= -t]`` (one row per comment)."""
    s = np.asarray(scores, dtype=float)
    return weight * np.column_stack([s, s >= threshold, s <= -threshold]).astype(float)


def from_arrays(arrays: dict[str, Any], language: str) -> dict[str, Any]:
    """A model from its arrays (as in the .npz): fitted vectorizers, coefficients and metadata."""
    vectorizers = []
    for i, block in enumerate(BLOCKS[language]):
        vec = vectorizer(block, vocabulary={str(t): j for j, t in enumerate(arrays[f"terms_{i}"])})
        vec.idf_ = arrays[f"idf_{i}"]
        vectorizers.append(vec)
    return {"vectorizers": vectorizers, "coef": arrays["coef"], "intercept": arrays["intercept"],
            "meta": json.loads(str(arrays["meta"]))}


@functools.cache
def load(language: str) -> dict[str, Any]:
    """The shipped model of one language (:func:`from_arrays` of its .npz file)."""
    path = resources.files("csat_lab.text") / "data" / FILES[language]
    with resources.as_file(path) as file, np.load(file, allow_pickle=False) as npz:
        arrays = {key: npz[key] for key in npz.files}
    return from_arrays(arrays, language)


def features(texts: list[str], vectorizers: list[Any], lexicon: np.ndarray) -> Any:
    """The sparse feature matrix: the n-gram blocks side by side, then the lexicon columns."""
    from scipy import sparse

    blocks = [vec.transform(texts) for vec in vectorizers]
    return sparse.hstack(blocks + [sparse.csr_matrix(lexicon)], format="csr")


def probabilities(texts: list[str], scores: np.ndarray, language: str, model: dict[str, Any] | None = None
                  ) -> np.ndarray:
    """Class probabilities (columns negative, neutral, positive) of comments in one language.

    ``model`` defaults to the shipped one (:func:`load`); the training script passes a fresh fit.
    """
    model = load(language) if model is None else model
    if not texts:
        return np.zeros((0, len(CLASSES)))
    meta = model["meta"]
    X = features(texts, model["vectorizers"], lexicon_features(scores, meta["threshold"], meta["lexicon_weight"]))
    z = X @ model["coef"].T + model["intercept"]
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)
