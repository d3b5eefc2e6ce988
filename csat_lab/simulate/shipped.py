"""The shipped synthetic files: which function writes which file, and the command line that rewrites them.

Examples
--------
>>> from csat_lab.simulate import shipped
>>> shipped.SIMULATED["auto_dealer"].file
'auto_dealer.csv'
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import pandas as pd

from ..errors import CsatInputError
from ._common import write_csv
from ._exports import write_exports
from ._exports_china import write_china_exports
from .auto import auto_dealer
from .cdnow import cdnow_from_master
from .complaints import complaints_log
from .hotel import hotel_guests
from .kano import kano_features
from .supermarket import supermarket_members
from .telecom import telecom_subscribers
from .tracker import csat_tracker

__all__ = ["SIMULATED", "EXPORT_SAMPLES", "regenerate", "write_cdnow", "main"]


@dataclass(frozen=True)
class _Spec:
    """How one synthetic dataset is generated and written."""

    function: Callable[..., tuple[pd.DataFrame, dict[str, Any]]]
    file: str
    decimals: dict[str, int]
    datetimes: tuple[str, ...] = ()


SIMULATED: dict[str, _Spec] = {
    "csat_tracker": _Spec(csat_tracker, "csat_tracker.csv", {"weight": 4}),
    "telecom_subscribers": _Spec(telecom_subscribers, "telecom_subscribers.csv", {}),
    "supermarket_members": _Spec(supermarket_members, "supermarket_members.csv.gz", {}),
    "auto_dealer": _Spec(auto_dealer, "auto_dealer.csv", {}),
    "hotel_guests": _Spec(hotel_guests, "hotel_guests.csv", {}),
    "kano_features": _Spec(kano_features, "kano_features.csv", {}),
    "complaints_log": _Spec(complaints_log, "complaints_log.csv", {}, ("received_at", "acknowledged_at", "resolved_at")),
}

#: Example survey downloads that belong to no dataset: name -> writer of its files into ``out/files``.
#: ``--all`` on the command line writes them too; :func:`regenerate` writes them when named.
EXPORT_SAMPLES: dict[str, Callable[[Path], list[Path]]] = {
    "china_exports": write_china_exports,  # 问卷星 / 腾讯问卷 downloads: wjx_*, tencent_*
}


def regenerate(out: str | Path, names: Sequence[str] | None = None) -> list[Path]:
    """Rewrite the shipped files of the synthetic datasets with their default seeds.

    Parameters
    ----------
    out : str or Path
        Target folder (the repository's ``datasets/`` to refresh the shipped files).
    names : str or sequence of str, optional
        Dataset(s) to write; default all of :data:`SIMULATED`. Writing ``csat_tracker``
        also writes its export samples to ``out/files/``; a name from
        :data:`EXPORT_SAMPLES` (``"china_exports"``) writes those example downloads there.

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in regenerate(tmp, ["csat_tracker"])][0]
    'csat_tracker.csv'
    """
    chosen = list(SIMULATED) if names is None else [names] if isinstance(names, str) else list(names)
    unknown = [n for n in chosen if not isinstance(n, str) or n not in SIMULATED and n not in EXPORT_SAMPLES]
    if unknown:
        raise CsatInputError(f"no synthetic dataset {unknown[0]!r}; synthetic datasets are: {', '.join(SIMULATED)}"
                             f" (example downloads: {', '.join(EXPORT_SAMPLES)})")
    out = _folder(out)
    written = []
    for name in chosen:
        if name in EXPORT_SAMPLES:
            written.extend(EXPORT_SAMPLES[name](out / "files"))
            continue
        spec = SIMULATED[name]
        frame, _ = spec.function()
        written.append(write_csv(frame, out / spec.file, spec.decimals, spec.datetimes))
        if name == "csat_tracker":
            written.extend(write_exports(frame, out / "files"))
    return written


def write_cdnow(source: str | Path, out: str | Path) -> Path:
    """Convert the real ``CDNOW_master.txt`` (lifetimes package, MIT) into ``out/cdnow.csv``.

    The file holds the CDNOW music-CD purchases of 1997-98, the standard data
    set of Fader, Hardie & Lee (2005); each line becomes one transaction with
    its date parsed from ``YYYYMMDD``, its number of CDs and its dollar value.

    Parameters
    ----------
    source : str, Path or file-like
        The ``CDNOW_master.txt`` file (whitespace-separated ``customer_id``,
        ``date``, ``number_of_cds``, ``dollar_value``).
    out : str or Path
        Target folder, created if needed.

    Returns
    -------
    Path
        The file written, ``out/cdnow.csv`` (columns ``customer_id``, ``date``,
        ``quantity``, ``amount``).

    Examples
    --------
    >>> import io, tempfile
    >>> src = io.StringIO(" customer_id date number_of_cds dollar_value\\n 00002 19970112 5 77.00\\n")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     print(write_cdnow(src, tmp).read_text(), end="")
    customer_id,date,quantity,amount
    2,1997-01-12,5,77.00
    """
    out = _folder(out)
    return write_csv(cdnow_from_master(source), out / "cdnow.csv")


def _folder(out: object) -> Path:
    """The output folder, created if needed; a folder that cannot be made is an input error naming ``out``."""
    if not isinstance(out, (str, Path)) or not str(out).strip():
        raise CsatInputError(f"out must be a folder path (str or Path), got {out!r}")
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CsatInputError(f"out: cannot create the folder {str(folder)!r} ({exc.strerror or exc})") from None
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m csat_lab.simulate --all [--out datasets]``.

    Prints each file written and returns the exit status 0.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments (default: ``sys.argv[1:]``): dataset names to write, or
        ``--all``; ``--out FOLDER`` (default ``datasets``); ``--cdnow FILE`` to
        also convert the real CDNOW file. Without a name, ``--all`` or
        ``--cdnow`` the parser exits with an error.

    Returns
    -------
    int
        The exit status, 0.

    Examples
    --------
    >>> import contextlib, io, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()) as printed:
    ...     status = main(["csat_tracker", "--out", tmp])
    >>> status, [Path(line).name for line in printed.getvalue().splitlines()]
    (0, ['csat_tracker.csv', 'csat_tracker_wave4_gbk.csv', 'csat_tracker_wave4_qualtrics.csv'])
    """
    parser = argparse.ArgumentParser(prog="python -m csat_lab.simulate", description="Regenerate the synthetic course datasets.")
    parser.add_argument("names", nargs="*", help=f"datasets to write: {', '.join([*SIMULATED, *EXPORT_SAMPLES])}")
    parser.add_argument("--all", action="store_true", help="write every synthetic dataset")
    parser.add_argument("--out", default="datasets", help="target folder (default: datasets)")
    parser.add_argument("--cdnow", metavar="CDNOW_master.txt", help="also convert the real CDNOW file into cdnow.csv")
    args = parser.parse_args(argv)
    if not args.all and not args.names and not args.cdnow:
        parser.error("name a dataset, pass --all or --cdnow")
    written = regenerate(args.out, None if args.all else args.names) if (args.all or args.names) else []
    if args.all:
        written.extend(regenerate(args.out, list(EXPORT_SAMPLES)))
    if args.cdnow:
        written.append(write_cdnow(args.cdnow, args.out))
    for path in written:
        print(path)
    return 0

