"""PLS path models (PLS-PM) of satisfaction indices: ECSI, ACSI and your own.

* :mod:`.spec`: the blocks (measurement model) and paths (inner model), checked
* :mod:`._algorithm`: the PLS iteration (Wold / Lohmoeller), inner weighting, total effects
* :mod:`.quality`: reliability and validity (alpha, composite reliability, AVE, HTMT, GoF)
* :mod:`.bootstrap`: bootstrap resampling and percentile CIs
* :mod:`.fit`: :func:`pls_path_model` and its result, as a sequence of the steps above
* :mod:`.models`: the ready-made ECSI and ACSI models

Examples
--------
>>> from csat_lab.loyalty.pls import ECSI_MODEL
>>> ECSI_MODEL.constructs[:3]
('IMAG', 'EXPE', 'QUAL')
"""

from __future__ import annotations

from ._algorithm import SCHEMES
from .fit import PLSResult, pls_path_model
from .models import ACSI_MODEL, ECSI_MODEL, PathModelSpec
from .spec import parse_blocks, parse_inner

__all__ = ["SCHEMES", "PLSResult", "pls_path_model", "parse_inner", "parse_blocks", "PathModelSpec", "ECSI_MODEL",
           "ACSI_MODEL"]
