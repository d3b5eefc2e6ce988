"""Every section of the original handouts (../shared/seeds/) is taught somewhere, or left out for a stated reason.

notebooks/seed_map/sections.json lists each heading or numbered point of the five seed
files (for the slide deck, each chapter and slide title) with the line it starts on. Each
section is either mapped, in notebooks/seed_map/map_NN.json, to the notebook section that
teaches it (its heading, and phrases that must appear in that section of the learner
edition), or marked ``left_out`` with the reason (page furniture, a passage repeated
elsewhere in the seeds); at most a tenth may be left out. When the seeds are beside this
checkout, the list is also checked against them: same files, and every heading found on its
line.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from test_notebooks_coverage import _normal, sections

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "notebooks" / "seed_map"
SEEDS = ROOT.parent / "shared" / "seeds"
INVENTORY = json.loads((MAP / "sections.json").read_text(encoding="utf-8"))
ENTRIES = INVENTORY["sections"]
STEMS = {p.stem[:2]: p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}


def _maps() -> dict[str, dict[str, dict]]:
    """notebook number -> {section id -> {"section": heading, "evidence": [...]}}."""
    return {p.stem[-2:]: json.loads(p.read_text(encoding="utf-8")) for p in sorted(MAP.glob("map_*.json"))}


MAPS = _maps()


def test_inventory_is_well_formed() -> None:
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids)), "a section id appears twice"
    assert set(INVENTORY["seeds"]) == {"000", "001", "002", "003", "004"}
    for entry in ENTRIES:
        assert entry["seed"] in INVENTORY["seeds"] and entry["id"].startswith(entry["seed"] + ".")
        assert entry["heading"].strip() and isinstance(entry["line"], int) and entry["line"] >= 1
    for seed in INVENTORY["seeds"]:
        assert sum(e["seed"] == seed for e in ENTRIES) >= 5, f"seed {seed}: too few sections listed"


def test_every_seed_section_is_mapped_or_left_out_with_a_reason() -> None:
    mapped: dict[str, list[str]] = {}
    for number, entries in MAPS.items():
        for section_id in entries:
            mapped.setdefault(section_id, []).append(number)
    known = {e["id"] for e in ENTRIES}
    assert not set(mapped) - known, f"map files name unknown sections: {sorted(set(mapped) - known)}"
    unmapped, twice = [], []
    for entry in ENTRIES:
        homes = mapped.get(entry["id"], [])
        if entry.get("left_out"):
            assert len(entry["left_out"]) >= 15, f"{entry['id']}: say why it is left out"
            assert not homes, f"{entry['id']} is both left out and mapped to {homes}"
        elif not homes:
            unmapped.append(f"{entry['id']} {entry['heading']}")
    assert not unmapped, "seed sections not taught anywhere:\n" + "\n".join(unmapped)
    left = sum(bool(e.get("left_out")) for e in ENTRIES)
    assert left <= 0.10 * len(ENTRIES), f"{left} of {len(ENTRIES)} sections left out (at most 10 %)"


CASES = [(number, section_id, home) for number, entries in MAPS.items() for section_id, home in entries.items()]


@pytest.mark.parametrize("number, section_id, home", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_mapped_section_is_taught_where_the_map_says(number: str, section_id: str, home: dict) -> None:
    found = sections(STEMS[number])
    assert home["section"] in found, f"{section_id}: no heading {home['section']!r} in {STEMS[number]}"
    assert home["evidence"], f"{section_id}: name at least one phrase that shows the topic is taught"
    text = found[home["section"]]
    missing = [p for p in home["evidence"] if _normal(p) not in text]
    assert not missing, f"{section_id}: {STEMS[number]} / {home['section']} lacks {missing}"


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not beside this checkout")
def test_inventory_matches_the_seed_files() -> None:
    for seed, info in INVENTORY["seeds"].items():
        raw = (SEEDS / info["file"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == info["sha256"], f"seed {seed} changed: list its sections again"
        lines = raw.decode("utf-8").splitlines()
        for entry in (e for e in ENTRIES if e["seed"] == seed):
            line = lines[entry["line"] - 1]
            assert re.sub(r"\s+", "", entry["heading"]) in re.sub(r"\s+", "", line), (
                f"{entry['id']}: {entry['heading']!r} is not on line {entry['line']} of {info['file']}")
