"""Open-ended comments in Chinese and English: words, sentiment, themes, keywords, and themes vs scores.

Everything runs offline: the Chinese segmenter's dictionary (rjieba), VADER's
lexicon and this package's own lexicons and stop words ship inside the
installed packages, and nothing is downloaded at run time.

* :func:`tokenize`: words of each comment (rjieba for Chinese, domain terms kept whole)
* :func:`sentiment`: a score in [-1, 1] and a label negative / neutral / positive
* :func:`themes`: TF-IDF + NMF themes, top terms and each comment's theme
* :func:`keywords`: distinctive terms per group (log-odds with a Dirichlet prior, or chi-square)
* :func:`drivers_from_text`: mean score with and without each theme, Welch interval

Texts may be a list, tuple, pandas Series (index kept) or NumPy array of
``str``; missing values (None, NaN) are kept and reported as missing; ``bytes``
are decoded with ``encoding`` (UTF-8 by default, ``"gbk"`` for old exports);
anything else raises :class:`~csat_lab.errors.CsatInputError` naming its position.

Examples
--------
>>> from csat_lab import text
>>> text.sentiment(["客服很耐心", "The bill was wrong again."]).table["label"].tolist()
['positive', 'negative']
"""

from __future__ import annotations

from .distinctive import KeywordResult, keywords
from .drivers import TextDriversResult, drivers_from_text
from .polarity import SentimentResult, sentiment
from .tokens import tokenize
from .topics import ThemeResult, themes

#: The course's theme codes (one taxonomy for the generated comments, the evaluation set and the labels).
THEMES = ("wait", "attitude", "resolution", "price", "quality", "process")

__all__ = ["THEMES", "KeywordResult", "SentimentResult", "TextDriversResult", "ThemeResult",
           "drivers_from_text", "keywords", "sentiment", "themes", "tokenize"]
