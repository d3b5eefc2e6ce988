"""Splitting customer comments into words, in Chinese and English, offline.

Chinese runs of characters are segmented by rjieba (a Rust port of jieba's
dictionary and HMM segmenter; its dictionary ships inside the wheel, so nothing
is downloaded), with the course's domain terms (净推荐值, 投诉处理, 满意度 ...)
added to its dictionary so that they stay whole. Everything else is split into
lower-case English words that keep their inner hyphen or apostrophe
("check-in", "don't"). Stop words (function words and words every comment
uses, in both languages) are left out unless ``stopwords=False``.

Examples
--------
>>> from csat_lab.text import tokenize
>>> tokenize(["投诉处理很及时", "Check-in was slow"])
[['投诉处理', '及时'], ['check-in', 'slow']]
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

from ._input import as_texts, check_language, detect_language

__all__ = ["tokenize"]

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# A word: letters or digits, joined by one inner hyphen or apostrophe ("check-in", "don't", "wi-fi").
_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_HAS_LETTER = re.compile(r"[a-z\u3400-\u9fff]")


@functools.cache
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("csat_lab.text").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def domain_terms() -> frozenset[str]:
    return _word_list("domain_terms.txt")


def stop_words(language: str) -> frozenset[str]:
    return _word_list("stopwords_zh.txt" if language == "zh-CN" else "stopwords_en.txt")


def theme_stop_words() -> frozenset[str]:
    """Fillers and generic judgements (overall, honestly, good; 总的来说, 说实话, 不错) left out of themes."""
    return _word_list("theme_stopwords.txt")


@functools.lru_cache(maxsize=1)
def _segmenter() -> Any:
    import rjieba  # heavy (dictionary load): only when Chinese text is segmented

    jieba = rjieba.Jieba()
    for term in sorted(domain_terms() | theme_stop_words()):
        if _CJK_RUN.search(term):
            jieba.add_word(term, None, None)
    return jieba


def _english_words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def tokens_of(text: str, language: str, stopwords: bool = True, extra: frozenset[str] = frozenset()) -> list[str]:
    """The words of one comment (no stop words, nor ``extra`` words, punctuation, emoji or bare numbers)."""
    words: list[str] = []
    position = 0
    for run in _CJK_RUN.finditer(text):
        words += _english_words(text[position:run.start()])
        words += [w.strip().lower() for w in _segmenter().cut(run.group(), True)]
        position = run.end()
    words += _english_words(text[position:])
    words = [w for w in words if _HAS_LETTER.search(w) and len(w) > (0 if _CJK_RUN.search(w) else 1)]
    if stopwords:
        drop = stop_words("zh-CN") | stop_words("en") | extra
        words = [w for w in words if w not in drop]
    return words


def tokenize(texts: Any, language: str = "auto", *, stopwords: bool = True,
             encoding: str = "utf-8") -> list[list[str]]:
    """Split comments into words: Chinese by rjieba with domain terms kept whole, English by word.

    Parameters
    ----------
    texts : list, tuple, pandas.Series or numpy array of str
        The comments; a single ``str`` is taken as one comment. Missing values
        (None, NaN) give an empty list at their place; ``bytes`` are decoded
        with ``encoding``; any other type raises
        :class:`~csat_lab.errors.CsatInputError` naming its position.
    language : {"auto", "en", "zh-CN"}, default "auto"
        ``"auto"`` decides per comment: Chinese when its Chinese characters
        carry at least half of the text (one character weighed like five Latin
        letters). Either way, Chinese characters are segmented as Chinese and
        Latin letters as English words, so mixed comments keep both.
    stopwords : bool, default True
        Leave out the customer-service stop words of both languages
        (``csat_lab/text/data/stopwords_*.txt``: function words, pronouns,
        particles, degree words, number words).
    encoding : str, default "utf-8"
        How ``bytes`` comments are decoded (e.g. ``"gbk"`` for an old Chinese
        export); bytes that do not decode raise an error naming the comment
        and the byte offset.

    Returns
    -------
    list of list of str
        One list of words per comment, in the input's order; English words in
        lower case.

    Notes
    -----
    Chinese has no spaces between words; jieba-style segmentation finds the
    most probable path through a prefix dictionary of words with frequencies
    (dynamic programming over the directed acyclic graph of dictionary words,
    :math:`\\arg\\max_{w_1 \\dots w_m} \\sum_i \\log f(w_i)`), and a hidden Markov
    model (tags B/M/E/S, Viterbi decoding) for runs of characters not in the
    dictionary. Domain terms are added to the dictionary so the path keeps them
    whole. English words are maximal runs of letters and digits joined by a
    single hyphen or apostrophe. The segmentation is deterministic: the same
    text always gives the same words.

    References
    ----------
    .. [1] Sun, J. (2012). jieba: Chinese word segmentation module.
       https://github.com/fxsjy/jieba (rjieba is its Rust port by messense).
    .. [2] Manning, C. D., Raghavan, P., & Schütze, H. (2008). Introduction to
       Information Retrieval, ch. 2 (tokenization, stop words). Cambridge University Press.

    Examples
    --------
    >>> tokenize(["净推荐值下降了", "The app doesn't load", None])
    [['净推荐值', '下降'], ['app', "doesn't", 'load'], []]
    """
    language = check_language(language)
    series = as_texts(texts, encoding=encoding)
    out = []
    for text in series:
        if text is None:
            out.append([])
            continue
        out.append(tokens_of(text, detect_language(text) if language == "auto" else language, stopwords))
    return out
