"""PLS path models (PLS-PM) of satisfaction indices: ECSI, ACSI and your own.

:func:`pls_path_model` estimates a path model between constructs (image,
expectations, quality, value, satisfaction, complaints, loyalty ...), each
measured by a block of survey items, with Wold's partial least squares
algorithm (mode A or B outer weights; centroid, factorial or path inner
weighting; Tenenhaus et al. 2005). It returns path coefficients and R^2,
loadings and outer weights, reliability and validity (Cronbach's alpha,
composite reliability, AVE, HTMT), the GoF index, construct scores and the
0-100 indices that the ACSI publishes (Fornell et al. 1996), with bootstrap
CIs on request (``n_boot=``, seeded by default).

Standardisation convention: with ``scaled=True`` items are z-scored with the
sample standard deviation (divisor n - 1), and construct scores have sample
variance 1 (``scores.std()`` is 1 in pandas). R's plspm uses the divisor n
for both, so its outer weights are ``sqrt(n / (n - 1))`` times ours; path
coefficients, loadings, R^2, reliabilities and GoF do not depend on the
divisor and agree exactly.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from csat_lab.loyalty import pls_path_model
>>> from csat_lab.simulate import simulate_structural
>>> data, truth = simulate_structural({("QUAL", "SAT"): 0.6, ("SAT", "LOY"): 0.5}, n=400, seed=1)
>>> blocks = {c: [f"{c}{i}" for i in (1, 2, 3)] for c in ("QUAL", "SAT", "LOY")}
>>> res = pls_path_model(data, blocks, [("QUAL", "SAT"), ("SAT", "LOY")])
>>> res.paths.round(2)  # below the true 0.6 and 0.5: composites carry measurement error
  source target  coef
0   QUAL    SAT  0.51
1    SAT    LOY  0.41
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ..._core.deprecation import renamed
from ..._core.docstrings import shared_docs
from ..._core.results import Result
from ..._core.validate import probability, rng_from, whole_number
from ...errors import CsatInputError
from ...i18n import Message
from .._prep import check_not_collinear, check_variation, numeric_frame
from .._results import DEFAULT_SEED, ci_level_alias, seed_shown
from ._algorithm import SCHEMES, CoreFit, fit_core, item_covariance, total_effects
from .bootstrap import add_percentile_cis, resample_and_refit
from .quality import measurement_quality, zero_total
from .spec import parse_blocks, parse_inner

__all__ = ["PLSResult", "pls_path_model"]


@dataclasses.dataclass(frozen=True)
class PLSResult(Result):
    """A fitted PLS path model; every table is a DataFrame or Series.

    Attributes
    ----------
    paths : pandas.DataFrame
        One row per inner path: ``source``, ``target``, ``coef``; after a
        bootstrap also ``se``, ``ci_low``, ``ci_high`` and ``t`` (coef / se).
    r2 : pandas.Series
        R^2 of each endogenous construct (index ``construct``).
    loadings : pandas.DataFrame
        One row per item: ``construct``, ``weight`` (outer weight), ``loading``,
        ``communality``, ``redundancy``; after a bootstrap also ``ci_low``, ``ci_high``.
    outer_weights : pandas.Series
        Outer weight of each item (the ``weight`` column of ``loadings``).
    cross_loadings : pandas.DataFrame
        Correlation of every item (rows) with every construct (columns).
    reliability : pandas.DataFrame
        Per construct: ``n_items``, ``alpha`` (Cronbach), ``composite_reliability``
        and ``ave`` (NaN for one-item blocks).
    htmt : pandas.DataFrame
        Heterotrait-monotrait ratios, constructs x constructs.
    gof : float
        Goodness of fit, ``sqrt(mean communality x mean R^2)``.
    total_effects : pandas.DataFrame
        ``source``, ``target``, ``direct``, ``indirect``, ``total`` for every linked pair.
    lv_correlations : pandas.DataFrame
        Correlations between the construct scores.
    scores : pandas.DataFrame
        Construct scores of each respondent (mean 0, sample variance 1).
    index_scores : pandas.DataFrame
        The 0-100 index of each construct for each respondent (Fornell et al.
        1996); NaN for a construct whose unstandardised weights cancel over the
        item ranges (then ``notes`` says so).
    indices : pandas.Series
        Mean 0-100 index of each construct.
    scheme : str
        Inner weighting scheme: ``"centroid"``, ``"factorial"`` or ``"path"``.
    scaled : bool
        True when items were standardised, False when only centred.
    iterations : int
        Iterations the PLS algorithm took to converge.
    n : int
        Complete rows used.
    n_dropped : int
        Rows removed listwise for missing values.
    dropped : dict
        Reason (message naming the columns) -> rows removed.
    n_boot : int
        Bootstrap replicates requested (0: no intervals).
    n_boot_failed : int
        Replicates left out because their fit failed.
    ci_level : float
        Confidence level of the bootstrap intervals (the ``ci=`` passed).
    ci_method : Message
        Percentile bootstrap with ``n_boot`` replicates, or none.
    notes : tuple of Message
        Remarks on the model: one per one-item block, per block whose total
        score has zero variance (alpha undefined), per construct whose 0-100
        index is undefined.
    seed : int, numpy Generator or None
        The seed the bootstrap drew from (the ``seed=`` passed; default 0).
    r2_ci : pandas.DataFrame or None
        After a bootstrap, per endogenous construct: ``r2``, ``ci_low``, ``ci_high``; else None.
    estimate : pandas.Series
        Property: the path coefficients, indexed by ``(source, target)``.
    """

    paths: pd.DataFrame
    r2: pd.Series
    loadings: pd.DataFrame
    outer_weights: pd.Series
    cross_loadings: pd.DataFrame
    reliability: pd.DataFrame
    htmt: pd.DataFrame
    gof: float
    total_effects: pd.DataFrame
    lv_correlations: pd.DataFrame
    scores: pd.DataFrame
    index_scores: pd.DataFrame
    indices: pd.Series
    scheme: str
    scaled: bool
    iterations: int
    n: int
    n_dropped: int
    dropped: dict
    n_boot: int
    n_boot_failed: int
    ci_level: float
    ci_method: str
    notes: tuple
    seed: Any = 0
    r2_ci: pd.DataFrame | None = None

    @property
    def estimate(self) -> pd.Series:
        """The path coefficients, indexed by ``(source, target)``."""
        return self.paths.set_index(["source", "target"])["coef"]

    @property
    def ci(self) -> float:
        """Deprecated: the confidence level, now ``ci_level``."""
        return ci_level_alias(self)

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """The construct diagram with path coefficients (:func:`csat_lab.plots.loyalty.path_model_plot`)."""
        from ...plots.loyalty import path_model_plot

        return path_model_plot(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        rows: list[tuple[str | Message, Any]] = [
            ("loyalty.pls.scheme", Message(f"value.pls.scheme.{self.scheme}")), ("result.n", self.n),
            ("result.n_dropped", self.n_dropped),
            ("result.dropped_reasons", self.dropped),
            ("loyalty.pls.iterations", self.iterations), ("loyalty.pls.gof", self.gof)]
        rows += [(Message("loyalty.pls.path_row", source=s, target=t), round(c, 4))
                 for s, t, c in self.paths[["source", "target", "coef"]].itertuples(index=False)]
        rows += [(Message("loyalty.pls.r2_row", construct=k), round(v, 4)) for k, v in self.r2.items()]
        if self.n_boot:
            rows += [("loyalty.pls.n_boot", self.n_boot), ("loyalty.n_boot_failed", self.n_boot_failed),
                     ("loyalty.ci_level", self.ci_level), ("result.method", self.ci_method),
                     ("loyalty.seed", seed_shown(self.seed))]
        if self.notes:
            rows.append(("loyalty.pls.notes", " ".join(str(n) for n in self.notes)))
        return rows


@renamed(bootstrap="n_boot")
@shared_docs
def pls_path_model(data: pd.DataFrame, blocks: Mapping[str, Sequence[str]], inner: Any, *,
                   scheme: str = "centroid", scaled: bool = True, modes: Mapping[str, str] | None = None,
                   n_boot: int = 0, seed: int | np.random.Generator | None = DEFAULT_SEED, ci: float = 0.95,
                   item_range: Any = None, max_iter: int = 300, tol: float = 1e-10) -> PLSResult:
    """Estimate a PLS path model (Wold 1982; Lohmoller 1989; Tenenhaus et al. 2005).

    Each construct is a weighted composite of its block of items; the
    weights are found by Wold's iterative algorithm, then each endogenous
    construct is regressed on its predecessors to give the path coefficients
    and R^2. Reliability and validity, construct scores and the 0-100 indices
    come with it; ``n_boot`` adds bootstrap intervals.

    Parameters
    ----------
    @{data}
    blocks : dict construct -> list of item columns
        The measurement model (a model specification, not columns of one
        role). A one-item block is allowed: its construct is the standardised
        item (weight and loading 1), its reliability is undefined (NaN) and it
        is left out of the GoF; ``notes`` says so.
    inner : list of (source, target), dict {target: [sources]}, or a model spec
        The inner (structural) model; must be recursive (no cycles), e.g.
        :data:`ECSI_MODEL`. See :func:`parse_inner`.
    scheme : {"centroid", "factorial", "path"}, default "centroid"
        Inner weighting scheme.
    scaled : bool, default True
        Standardise items (True) or only centre them (False, items on a common scale).
    modes : dict construct -> "A" or "B", optional
        Outer mode per construct (default "A", reflective).
    @{n_boot}
        Replicates give percentile CIs of paths, loadings and R^2.
    @{seed}
        Default 0, so repeated calls give the same intervals; the result reports it.
    @{ci}
    item_range : (low, high) or dict item -> (low, high), optional
        Scale ends used by the 0-100 indices; default the observed min and max.
    max_iter : int, default 300
        Iteration limit of the PLS algorithm.
    tol : float, default 1e-10
        Convergence tolerance: the sum of squared changes of the outer weights.

    Returns
    -------
    PLSResult
        Paths, R^2, loadings and weights, reliability, HTMT, GoF, total
        effects, construct scores and 0-100 indices; after a bootstrap the
        intervals, ``r2_ci``, ``n_boot_failed`` and the ``seed`` used.

    Raises
    ------
    CsatInputError
        An invalid model (unknown construct, cycle, self-loop, item in two
        blocks, loose construct), a non-numeric or constant item, collinear
        items of a mode-B block, too few complete rows, bad options.
    CsatConvergenceError
        The outer weights do not converge in ``max_iter`` iterations.

    Notes
    -----
    Outer model: construct ``j`` is the composite ``Y_j = X_j w_j`` of its
    block's items (standardised if ``scaled``, else centred), scaled to unit
    variance. Iteration: inner estimates ``Z_j = sum_i e_ij Y_i`` over the
    constructs linked to ``j``, with ``e_ij = sign(cor)`` (centroid),
    ``cor`` (factorial) or regression weights for predecessors and
    correlations for successors (path); then mode A ``w_j = cov(X_j, Z_j)``
    or mode B ``w_j = (X_j'X_j)^{-1} X_j'Z_j``, until the weights settle.
    Inner model: each endogenous construct regressed by OLS on its
    predecessors gives the path coefficients and R^2.

    Quality: loadings ``cor(x, Y_j)``; communality = loading^2; Cronbach's
    alpha; composite reliability ``(sum l)^2 / ((sum l)^2 + sum(1 - l^2))``;
    AVE = mean loading^2 (Fornell & Larcker 1981); HTMT (Henseler et al.
    2015); GoF = sqrt(mean communality x mean R^2) over multi-item blocks and
    endogenous constructs (Tenenhaus et al. 2004). Indices 0-100 (Fornell et
    al. 1996): ``100 sum w~_h (x_h - min_h) / sum w~_h (max_h - min_h)`` with
    unstandardised weights ``w~``. Bootstrap: respondents resampled with
    replacement, the model refitted on each resample (starting from the full
    sample's weights), percentile intervals (Efron & Tibshirani 1993).

    References
    ----------
    Wold, H. (1982). Soft modeling: the basic design and some extensions. In
    Joreskog & Wold (eds.), Systems under Indirect Observation, part II, 1-54.
    Lohmoller, J.-B. (1989). Latent Variable Path Modeling with Partial Least
    Squares. Heidelberg: Physica.
    Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M. & Lauro, C. (2005). PLS
    path modeling. Computational Statistics & Data Analysis, 48(1), 159-205.
    Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J. & Bryant, B. E.
    (1996). The American Customer Satisfaction Index. Journal of Marketing, 60(4), 7-18.
    Henseler, J., Ringle, C. M. & Sarstedt, M. (2015). A new criterion for
    assessing discriminant validity. Journal of the Academy of Marketing Science, 43(1), 115-135.

    Examples
    --------
    >>> from csat_lab.loyalty import simulate_structural
    >>> data, _ = simulate_structural({("VAL", "SAT"): 0.5}, n=200, seed=2)
    >>> res = pls_path_model(data, {"VAL": ["VAL1", "VAL2", "VAL3"], "SAT": ["SAT1", "SAT2", "SAT3"]},
    ...                      [("VAL", "SAT")], n_boot=200, seed=1)
    >>> res.paths[["source", "target", "coef", "ci_low", "ci_high"]].round(2)
      source target  coef  ci_low  ci_high
    0    VAL    SAT  0.43    0.33     0.55
    """
    ci, n_boot, blocks, edges, modes = _check_arguments(scheme, ci, n_boot, blocks, inner, modes)
    rng = rng_from(seed) if n_boot else None  # checks the seed before any work
    frame, n_dropped, dropped = _complete_rows(data, blocks)
    model = _build_matrices(blocks, edges, modes, scheme=scheme, scaled=scaled, max_iter=max_iter, tol=tol)
    x_raw = frame.to_numpy(dtype=float)
    s_full = item_covariance(x_raw, scaled)
    fit = _fit_full_sample(s_full, model)
    scores, index_scores = _construct_scores(x_raw, frame, fit.weights, model, item_range)
    quality = measurement_quality(fit, s_full, x_raw, model.mask, model.names, model.items, model.endo)
    paths, r2, effects = _inner_model_tables(fit, model)
    failed, r2_ci = (_bootstrap(x_raw, model, fit.weights, n_boot, rng, ci, paths, quality.loadings, r2) if n_boot
                     else (0, None))
    return PLSResult(
        paths=paths, r2=r2, loadings=quality.loadings, outer_weights=quality.loadings["weight"].rename("outer_weight"),
        cross_loadings=quality.cross_loadings, reliability=quality.reliability, htmt=quality.htmt, gof=quality.gof,
        total_effects=effects, lv_correlations=pd.DataFrame(fit.lv_corr, index=model.names, columns=model.names),
        scores=scores, index_scores=index_scores, indices=index_scores.mean().rename("index_0_100"),
        scheme=scheme, scaled=bool(scaled), iterations=fit.iterations, n=frame.shape[0], n_dropped=n_dropped,
        dropped=dropped, n_boot=n_boot, n_boot_failed=failed, ci_level=ci,
        ci_method=(Message("value.method.percentile_bootstrap", n_boot=n_boot) if n_boot
                   else Message("value.method.none")),
        notes=quality.notes + tuple(Message("value.pls.index_undefined", block=repr(c)) for c in model.names
                                    if index_scores[c].isna().all()),
        seed=seed, r2_ci=r2_ci)


# ------------------------------------------------------------------ the steps of pls_path_model, in order

def _check_arguments(scheme: str, ci: float, n_boot: int, blocks: Mapping[str, Sequence[str]], inner: object,
                     modes: Mapping[str, str] | None
                     ) -> tuple[float, int, dict[str, list[str]], list[tuple[str, str]], dict[str, str]]:
    """Validate the options and the model; return ``(ci, n_boot, blocks, edges, modes)``."""
    if scheme not in SCHEMES:
        raise CsatInputError(f"scheme must be one of: {', '.join(map(repr, SCHEMES))}; got {scheme!r}")
    ci = probability(ci, "ci")
    n_boot = whole_number(n_boot, "n_boot")
    if n_boot == 1:
        raise CsatInputError("n_boot must be 0 (no intervals) or at least 2 bootstrap replicates, got 1")
    blocks = parse_blocks(blocks)
    names = list(blocks)
    edges = parse_inner(inner, names)
    modes = dict(modes or {})
    bad_modes = {k: v for k, v in modes.items() if k not in names or v not in ("A", "B")}
    if bad_modes:
        raise CsatInputError(f"modes must map constructs ({', '.join(names)}) to 'A' or 'B'; got {bad_modes}")
    return ci, n_boot, blocks, edges, modes


def _complete_rows(data: pd.DataFrame, blocks: Mapping[str, Sequence[str]]) -> tuple[pd.DataFrame, int, dict]:
    """The block items on the complete rows, checked: ``(frame, n_dropped, dropped reasons)``."""
    items = [i for b in blocks.values() for i in b]
    frame, n_dropped, dropped = numeric_frame(data, items)
    n = frame.shape[0]
    if n <= len(blocks) + 1:
        raise CsatInputError(f"only {n} complete rows for {len(blocks)} constructs; a path model needs many more")
    check_variation(frame, "item")
    return frame, n_dropped, dropped


@dataclasses.dataclass(frozen=True)
class _Model:
    """The checked model as the algorithm sees it: index lists, matrices and fitting options."""

    names: list[str]  # constructs, in block order
    items: list[str]  # items, block by block
    edges: list[tuple[str, str]]  # paths (source, target)
    mask: np.ndarray  # items x constructs block indicator
    adj: np.ndarray  # constructs x constructs, adj[i, j] = 1 for a path i -> j
    modes_b: np.ndarray  # per construct: mode B?
    src: list[int]  # per path: position of its source construct
    tgt: list[int]  # per path: position of its target construct
    endo: list[int]  # positions of the endogenous constructs
    scheme: str
    scaled: bool
    max_iter: int
    tol: float

    def fit(self, s: np.ndarray, init: np.ndarray | None = None) -> CoreFit:
        """Run the PLS algorithm on the item covariance matrix ``s``."""
        return fit_core(s, self.mask, self.adj, self.modes_b, self.scheme, max_iter=self.max_iter, tol=self.tol,
                        init=init)


def _build_matrices(blocks: Mapping[str, Sequence[str]], edges: list[tuple[str, str]], modes: Mapping[str, str], *,
                    scheme: str, scaled: bool, max_iter: int, tol: float) -> _Model:
    """Blocks, paths and modes as the indicator matrices and index lists of a :class:`_Model`."""
    names = list(blocks)
    items = [i for b in blocks.values() for i in b]
    mask = np.zeros((len(items), len(names)))
    pos = 0
    for j, b in enumerate(blocks.values()):
        mask[pos:pos + len(b), j] = 1
        pos += len(b)
    adj = np.zeros((len(names), len(names)))
    for s, t in edges:
        adj[names.index(s), names.index(t)] = 1
    modes_b = np.array([modes.get(c, "A") == "B" for c in names])
    return _Model(names=names, items=items, edges=edges, mask=mask, adj=adj, modes_b=modes_b,
                  src=[names.index(s) for s, _ in edges], tgt=[names.index(t) for _, t in edges],
                  endo=[j for j in range(len(names)) if adj[:, j].any()],
                  scheme=scheme, scaled=scaled, max_iter=max_iter, tol=tol)


def _fit_full_sample(s: np.ndarray, model: _Model) -> CoreFit:
    """Check mode-B blocks for collinear items, then fit; a singular system becomes a :class:`CsatInputError`."""
    for j, name in enumerate(model.names):
        idx = np.flatnonzero(model.mask[:, j])
        if idx.size > 1 and zero_total(s[np.ix_(idx, idx)]):
            raise CsatInputError(f"block {name!r}: its items {[model.items[h] for h in idx]} cancel out (their total "
                                 "has zero variance, e.g. one item is another reversed); is an item reverse-coded? "
                                 "Reverse it before the analysis")
    for j in np.flatnonzero(model.modes_b):
        idx = np.flatnonzero(model.mask[:, j])
        sd_b = np.sqrt(np.diag(s)[idx])
        check_not_collinear(s[np.ix_(idx, idx)] / np.outer(sd_b, sd_b), [model.items[h] for h in idx],
                            f"mode-B block {model.names[j]!r}: items")
    try:
        with np.errstate(divide="raise", invalid="raise", over="raise"):
            return model.fit(s)
    except (np.linalg.LinAlgError, FloatingPointError):
        raise CsatInputError("the PLS fit is singular: a mode-B block has perfectly collinear items, two constructs "
                             "are perfectly correlated, or a composite has zero variance; remove the redundant item "
                             "or construct") from None


def _construct_scores(x_raw: np.ndarray, frame: pd.DataFrame, weights: np.ndarray, model: _Model,
                      item_range: object) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Construct scores (unit variance) and the 0-100 indices (Fornell et al. 1996) of every respondent."""
    centre = x_raw - x_raw.mean(axis=0)
    sd = x_raw.std(axis=0, ddof=1)
    x_used = centre / sd if model.scaled else centre
    scores = pd.DataFrame(x_used @ weights, index=frame.index, columns=model.names)
    raw_w = (weights / sd[:, None]) if model.scaled else weights
    low, high = _ranges(item_range, frame)
    numer = (x_raw - low) @ raw_w
    denom = (high - low) @ raw_w
    # weights of opposite signs (mode B) can cancel over the item ranges: the index is then undefined (NaN)
    usable = np.abs(denom) > 1e-12 * np.maximum(1.0, np.abs(high - low) @ np.abs(raw_w))
    safe = np.where(usable, denom, 1.0)
    index = np.where(usable, 100 * numer / safe, np.nan)
    index_scores = pd.DataFrame(index, index=frame.index, columns=model.names)
    return scores, index_scores


def _ranges(item_range: object, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Scale ends ``(low, high)`` per item for the 0-100 indices; default the observed min and max."""
    items = list(frame.columns)
    if item_range is None:
        return frame.min().to_numpy(), frame.max().to_numpy()
    if isinstance(item_range, Mapping):
        missing = [i for i in items if i not in item_range]
        if missing:
            raise CsatInputError(f"item_range has no (low, high) for items {missing[:5]}")
        pairs = [item_range[i] for i in items]
    else:
        pairs = [item_range] * len(items)
    try:
        low, high = (np.array([float(p[k]) for p in pairs]) for k in (0, 1))
    except (TypeError, ValueError, IndexError):
        raise CsatInputError(f"item_range must be (low, high) or a dict item -> (low, high); got {item_range!r}") from None
    if np.any(high <= low):
        raise CsatInputError("item_range: every high must exceed its low")
    return low, high


def _inner_model_tables(fit: CoreFit, model: _Model) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Path coefficients, R^2 of the endogenous constructs, and direct/indirect/total effects."""
    names, edges, endo = model.names, model.edges, model.endo
    paths = pd.DataFrame({"source": [s for s, _ in edges], "target": [t for _, t in edges],
                          "coef": [fit.paths[names.index(s), names.index(t)] for s, t in edges]})
    r2 = pd.Series(fit.r2[endo], index=pd.Index([names[j] for j in endo], name="construct"), name="r2")
    total = total_effects(fit.paths)
    effect_rows = [(names[i], names[j], fit.paths[i, j], total[i, j] - fit.paths[i, j], total[i, j])
                   for i in range(len(names)) for j in range(len(names)) if abs(total[i, j]) > 0]
    effects = pd.DataFrame(effect_rows, columns=["source", "target", "direct", "indirect", "total"])
    return paths, r2, effects


def _bootstrap(x_raw: np.ndarray, model: _Model, weights: np.ndarray, n_boot: int, rng: np.random.Generator,
               ci: float, paths: pd.DataFrame, loadings: pd.DataFrame, r2: pd.Series) -> tuple[int, pd.DataFrame]:
    """Bootstrap the fit, starting each replicate from ``weights``; add the CIs to the tables.

    Returns the number of failed replicates and the table of R^2 intervals.
    """

    def refit(sample: np.ndarray) -> CoreFit:
        return model.fit(item_covariance(sample, model.scaled), init=weights)

    reps = resample_and_refit(x_raw, refit, model.mask, model.src, model.tgt, model.endo, n_boot, rng)
    if n_boot - reps.failed < 2:
        raise CsatInputError(
            f"only {n_boot - reps.failed} of n_boot={n_boot} bootstrap resamples could be fitted (in the others an "
            f"item is constant or the fit fails); {x_raw.shape[0]} complete rows are too few for bootstrap intervals "
            "- collect more answers or use n_boot=0")
    r2_ci = add_percentile_cis(paths, loadings, r2, reps, ci)
    return reps.failed, r2_ci
