"""How a PLS path model is specified: blocks of items (measurement model) and paths (inner model).

Both parts are checked before anything is estimated, with errors that name the
construct, item or path at fault.

Examples
--------
>>> from csat_lab.loyalty.pls.spec import parse_inner
>>> parse_inner([("QUAL", "SAT")], ["QUAL", "SAT"])
[('QUAL', 'SAT')]
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ...errors import CsatInputError

__all__ = ["parse_inner", "parse_blocks"]


def parse_inner(inner: Any, constructs: Sequence[str]) -> list[tuple[str, str]]:
    """Validate the inner (structural) model and return its edges ``(source, target)``.

    Rejects unknown constructs, self-loops, repeated paths, cycles and
    constructs left unconnected: PLS path modelling estimates recursive inner
    models only, each construct linked to at least one other (Tenenhaus et
    al., 2005).

    Parameters
    ----------
    inner : list of (source, target), dict {target: [sources]}, or a model spec
        The paths: ``(source, target)`` pairs, a dict mapping each target to
        its source (or list of sources), or an object with an ``inner``
        attribute such as :data:`~csat_lab.loyalty.ECSI_MODEL`.
    constructs : sequence of str
        The constructs that have a block of items; every path must join two of
        them and every one of them must be on some path.

    Returns
    -------
    list of (str, str)
        The paths as ``(source, target)`` pairs, in the order given (a dict is
        read target by target).

    Raises
    ------
    CsatInputError
        A malformed path, no paths, an unknown construct, a self-loop, a
        path listed twice, a construct on no path, or a cycle.

    Notes
    -----
    The model is recursive when the constructs can be ordered so that every
    path points forward; the check removes, round by round, the constructs
    with no incoming path from those remaining, and reports a cycle when none
    is left to remove (Kahn 1962).

    References
    ----------
    Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M. & Lauro, C. (2005). PLS
    path modeling. Computational Statistics & Data Analysis, 48(1), 159-205.
    Kahn, A. B. (1962). Topological sorting of large networks. Communications
    of the ACM, 5(11), 558-562.

    Examples
    --------
    >>> parse_inner({"SAT": ["QUAL", "VAL"]}, ["QUAL", "VAL", "SAT"])
    [('QUAL', 'SAT'), ('VAL', 'SAT')]
    """
    spec = getattr(inner, "inner", inner)
    if isinstance(spec, Mapping):
        edges = [(s, t) for t, srcs in spec.items() for s in ([srcs] if isinstance(srcs, str) else srcs)]
    elif isinstance(spec, Sequence) and not isinstance(spec, str):
        edges = []
        for e in spec:
            if not (isinstance(e, Sequence) and not isinstance(e, str) and len(e) == 2):
                raise CsatInputError(f"each inner-model path must be a (source, target) pair, got {e!r}")
            edges.append((e[0], e[1]))
    else:
        raise CsatInputError("inner must be a list of (source, target) pairs or a dict {target: [sources]}")
    if not edges:
        raise CsatInputError("the inner model has no paths")
    known = list(constructs)
    for s, t in edges:
        for c in (s, t):
            if c not in known:
                raise CsatInputError(f"inner model names construct {c!r}, which has no block; constructs are: "
                                     f"{', '.join(known)}")
        if s == t:
            raise CsatInputError(f"path {s} -> {t} points a construct at itself")
    if len(set(edges)) < len(edges):
        raise CsatInputError(f"the inner model lists a path twice: {sorted({e for e in edges if edges.count(e) > 1})}")
    linked = {c for e in edges for c in e}
    loose = [c for c in known if c not in linked]
    if loose:
        raise CsatInputError(f"construct(s) {loose} have a block but no path in the inner model")
    remaining, order = set(known), []
    while remaining:
        free = [c for c in known if c in remaining and not any(s in remaining and t == c for s, t in edges)]
        if not free:
            raise CsatInputError(f"the inner model has a cycle among {sorted(remaining)}; PLS path models must be recursive")
        order += free
        remaining -= set(free)
    return edges


def parse_blocks(blocks: Any) -> dict[str, list[str]]:
    """Validate the measurement model ``{construct: [item columns]}``: every block non-empty, every item in one block.

    In a reflective measurement model each item measures exactly one construct
    (Tenenhaus et al. 2005), so an item listed in two blocks is an error.

    Parameters
    ----------
    blocks : dict {construct: item column or list of item columns}
        The measurement model; a single column name is a one-item block.

    Returns
    -------
    dict {construct: list of item columns}
        The blocks with every item list as a list, construct names as text.

    Raises
    ------
    CsatInputError
        Not a non-empty dict, an empty block, or an item in two blocks.

    References
    ----------
    Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M. & Lauro, C. (2005). PLS
    path modeling. Computational Statistics & Data Analysis, 48(1), 159-205.

    Examples
    --------
    >>> parse_blocks({"SAT": "sat1", "LOY": ["loy1", "loy2"]})
    {'SAT': ['sat1'], 'LOY': ['loy1', 'loy2']}
    """
    if not isinstance(blocks, Mapping) or not blocks:
        raise CsatInputError("blocks must be a non-empty dict {construct: [item columns]}")
    out: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for name, items in blocks.items():
        items = [items] if isinstance(items, str) else list(items)
        if not items:
            raise CsatInputError(f"block {name!r} has no items; each construct needs at least one item column")
        for it in items:
            if it in owner:
                raise CsatInputError(f"item {it!r} is in block {owner[it]!r} and in block {name!r}; an item measures one construct")
            owner[it] = name
        out[str(name)] = items
    return out
