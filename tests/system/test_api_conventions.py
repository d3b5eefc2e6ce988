"""The naming table of docs/api-conventions.md, checked against the public signatures.

A name in the table's "not" column may not be a parameter of any public function; where the
package used to accept it, it survives only as a deprecated alias that warns and names the
new keyword. Every public result has ``estimate``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import warnings
from pathlib import Path

import pytest

import csat_lab

ROOT = Path(__file__).resolve().parents[2]
TABLE = (ROOT / "docs" / "api-conventions.md").read_text(encoding="utf-8")


def naming_table() -> list[dict[str, object]]:
    rows = []
    for line in TABLE.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("concept", "---") or set(cells[0]) <= {"-"}:
            continue
        rows.append({"concept": cells[0], "name": re.findall(r"`(\w+)`", cells[1])[:1],
                     "not": re.findall(r"`(\w+)`", cells[3])})
    return rows


ROWS = naming_table()
FORBIDDEN = {old: row["name"][0] for row in ROWS if row["name"] for old in row["not"]}


def public_functions() -> dict[str, object]:
    found: dict[str, object] = {}
    for info in pkgutil.walk_packages(csat_lab.__path__, prefix="csat_lab."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                found.setdefault(f"{info.name}.{name}", obj)
    return found


FUNCTIONS = public_functions()


def test_the_table_is_read() -> None:
    assert len(ROWS) >= 12
    assert FORBIDDEN["bootstrap"] == "n_boot" and FORBIDDEN["observation_end"] == "now"
    assert FORBIDDEN["reference_date"] == "now" and FORBIDDEN["time_unit"] == "period"


@pytest.mark.parametrize("path", sorted(FUNCTIONS))
def test_no_old_names_in_signatures(path: str) -> None:
    params = set(inspect.signature(FUNCTIONS[path]).parameters)
    assert not params & set(FORBIDDEN), f"{path} takes {sorted(params & set(FORBIDDEN))}; see docs/api-conventions.md"


DEPRECATED = [(path, old, new) for path, f in sorted(FUNCTIONS.items())
              for old, new in getattr(f, "__deprecated_arguments__", {}).items()]


def test_deprecated_aliases_are_listed() -> None:
    assert {"bootstrap", "reference_date", "observation_end", "time_unit"} <= {old for _, old, _ in DEPRECATED}


@pytest.mark.parametrize("path, old, new", DEPRECATED, ids=[f"{p}:{o}" for p, o, _ in DEPRECATED])
def test_old_names_warn_and_name_the_new_keyword(path: str, old: str, new: str) -> None:
    func = FUNCTIONS[path]
    assert new in inspect.signature(func).parameters
    if old in FORBIDDEN:
        assert FORBIDDEN[old] == new, f"{old} -> {new} disagrees with the table ({FORBIDDEN[old]})"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            func(**{old: None})
        except Exception:  # the other arguments are missing; only the warning matters here
            pass
    messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert any(f"{old}=" in m and f"{new}=" in m for m in messages), messages
