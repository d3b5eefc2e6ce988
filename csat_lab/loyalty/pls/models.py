"""Ready-made structural models of national customer satisfaction indices.

* :data:`ECSI_MODEL` - the European Customer Satisfaction Index as estimated
  on the mobile-phone data of Tenenhaus et al. (2005): image, expectations,
  perceived quality, perceived value, satisfaction, complaints, loyalty.
* :data:`ACSI_MODEL` - the American Customer Satisfaction Index of Fornell
  et al. (1996): the same chain without image.

A spec names its constructs (labels ``loyalty.construct.<KEY>``) and its
paths; pass it as ``inner`` to :func:`pls_path_model`, or call ``.fit``.

Examples
--------
>>> from csat_lab.loyalty import ECSI_MODEL
>>> ECSI_MODEL.predecessors("SAT")
('IMAG', 'EXPE', 'QUAL', 'VAL')
>>> ECSI_MODEL.without("COM").constructs
('IMAG', 'EXPE', 'QUAL', 'VAL', 'SAT', 'LOY')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import pandas as pd

from ...errors import CsatInputError
from ...i18n import label
from .fit import pls_path_model

__all__ = ["PathModelSpec", "ECSI_MODEL", "ACSI_MODEL"]


@dataclass(frozen=True)
class PathModelSpec:
    """A named structural model: constructs and recursive paths ``(source, target)``."""

    name: str
    constructs: tuple[str, ...]
    inner: tuple[tuple[str, str], ...]
    reference: str

    def label(self, construct: str, language: str | None = None) -> str:
        """Display name of a construct from the label catalog."""
        return label(f"loyalty.construct.{construct}", language)

    def predecessors(self, construct: str) -> tuple[str, ...]:
        """Constructs with a path into ``construct``."""
        return tuple(s for s, t in self.inner if t == construct)

    def without(self, *constructs: str) -> "PathModelSpec":
        """The same model with some constructs (and their paths) removed, e.g. when no item measures them."""
        unknown = [c for c in constructs if c not in self.constructs]
        if unknown:
            raise CsatInputError(f"{self.name} has no construct {unknown}; constructs are: {', '.join(self.constructs)}")
        keep = tuple(c for c in self.constructs if c not in constructs)
        edges = tuple((s, t) for s, t in self.inner if s in keep and t in keep)
        return PathModelSpec(f"{self.name} without {', '.join(constructs)}", keep, edges, self.reference)

    def blocks_by_prefix(self, data: pd.DataFrame, prefixes: Mapping[str, str]) -> dict[str, list[str]]:
        """Blocks from column-name prefixes, e.g. ``{"IMAG": "IMAG", "EXPE": "CUEX"}``."""
        blocks = {}
        for construct, prefix in prefixes.items():
            if construct not in self.constructs:
                raise CsatInputError(f"{construct!r} is not a construct of {self.name}; constructs are: "
                                     f"{', '.join(self.constructs)}")
            items = [c for c in data.columns if str(c).startswith(prefix)]
            if not items:
                raise CsatInputError(f"no column starts with {prefix!r} (construct {construct})")
            blocks[construct] = items
        return blocks

    def fit(self, data: pd.DataFrame, blocks: Mapping[str, Sequence[str]], **kwargs: Any) -> Any:
        """Estimate this model with :func:`pls_path_model`; keyword arguments (``n_boot``, ``seed`` ...) pass through."""
        missing = [c for c in self.constructs if c not in blocks]
        if missing:
            raise CsatInputError(f"{self.name} needs a block for {missing}; use .without({', '.join(map(repr, missing))}) "
                                 "if the survey does not measure them")
        return pls_path_model(data, {c: blocks[c] for c in self.constructs}, self.inner, **kwargs)


ECSI_MODEL = PathModelSpec(
    name="ECSI",
    constructs=("IMAG", "EXPE", "QUAL", "VAL", "SAT", "COM", "LOY"),
    inner=(("IMAG", "EXPE"), ("IMAG", "SAT"), ("IMAG", "LOY"), ("EXPE", "QUAL"), ("EXPE", "VAL"),
           ("EXPE", "SAT"), ("QUAL", "VAL"), ("QUAL", "SAT"), ("VAL", "SAT"), ("SAT", "COM"),
           ("SAT", "LOY"), ("COM", "LOY")),
    reference="Tenenhaus, Esposito Vinzi, Chatelin & Lauro (2005), Comput. Stat. Data Anal. 48:159-205",
)

ACSI_MODEL = PathModelSpec(
    name="ACSI",
    constructs=("EXPE", "QUAL", "VAL", "SAT", "COM", "LOY"),
    inner=(("EXPE", "QUAL"), ("EXPE", "VAL"), ("EXPE", "SAT"), ("QUAL", "VAL"), ("QUAL", "SAT"),
           ("VAL", "SAT"), ("SAT", "COM"), ("SAT", "LOY"), ("COM", "LOY")),
    reference="Fornell, Johnson, Anderson, Cha & Bryant (1996), Journal of Marketing 60(4):7-18",
)
