"""Survey measurement: design, reliability, import of exports, cleaning, Kano, gaps.

The analyst's path through a study: plan the sample (:mod:`.design`), read
the export with its labels (:mod:`.io`), clean it with a report of every
change (:mod:`.cleaning`), check the scales' reliability
(:mod:`.reliability`), then score it with :mod:`csat_lab.metrics`. Kano
classification (:mod:`.kano`) and expectation-perception gaps (:mod:`.gaps`)
cover the course's satisfaction theory; :class:`Questionnaire` declares the
indicators and items of a study.

Examples
--------
>>> import csat_lab as cl
>>> cl.survey.sample_size(0.05)
385
"""

from __future__ import annotations

from .cleaning import NA_CODES, REASONS, CleaningReport, clean
from .design import (
                     ResponseRates,
                     margin_of_error,
                     nps_margin_of_error,
                     response_rates,
                     sample_size,
                     sample_size_mean,
                     sample_size_nps,
)
from .gaps import DisconfirmationResult, GapResult, disconfirmation, gap_scores
from .io import SurveyExport, read_csv, read_excel, read_qualtrics, read_spss, read_surveymonkey
from .io_china import read_tencent, read_wjx
from .kano import KANO5, KANO_CATEGORIES, kano_classify, kano_table
from .questionnaire import INDICATORS, TEXT, Item, Questionnaire, list_questionnaires, load_questionnaire
from .reliability import AlphaResult, OmegaResult, cronbach_alpha, item_analysis, omega_total
from .weighting import RakeResult, rake

__all__ = [
    "margin_of_error", "sample_size", "sample_size_mean", "sample_size_nps", "nps_margin_of_error",
    "response_rates", "ResponseRates",
    "cronbach_alpha", "item_analysis", "omega_total", "AlphaResult", "OmegaResult",
    "disconfirmation", "gap_scores", "DisconfirmationResult", "GapResult",
    "kano_classify", "kano_table", "KANO5", "KANO_CATEGORIES",
    "Questionnaire", "Item", "INDICATORS", "TEXT", "load_questionnaire", "list_questionnaires",
    "clean", "CleaningReport", "NA_CODES", "REASONS",
    "read_csv", "read_qualtrics", "read_surveymonkey", "read_spss", "read_excel", "SurveyExport",
    "read_wjx", "read_tencent", "rake", "RakeResult",
]
