"""Every item of the course content (../shared/SOURCES.md) has a home in a notebook.

notebooks/coverage.json maps each item to a notebook and a section heading, with phrases
that must appear in that section. The test reads the learner edition (what learners see),
so an item taught only in a solution cell does not count.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
COVERAGE = json.loads((NOTEBOOKS / "coverage.json").read_text(encoding="utf-8"))["items"]
SOURCES_MD = ROOT.parent / "shared" / "SOURCES.md"
HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")


def _normal(text: str) -> str:
    """Lower case, bold markers removed, line breaks and runs of spaces as one space."""
    return re.sub(r"\s+", " ", text.replace("**", "")).lower()


def sections(stem: str) -> dict[str, str]:
    """Heading text -> text of that section (markdown and code) up to the next heading of its level or above."""
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    lines: list[tuple[bool, str]] = []
    for cell in nb.cells:
        lines += [(cell.cell_type == "markdown", line) for line in cell.source.splitlines()]
    found: dict[str, str] = {}
    for start, (is_markdown, line) in enumerate(lines):
        match = HEADING.match(line) if is_markdown else None
        if not match:
            continue
        level = len(match.group(1))
        body = []
        for is_md, other in lines[start + 1:]:
            nxt = HEADING.match(other) if is_md else None
            if nxt and len(nxt.group(1)) <= level:
                break
            body.append(other)
        found[match.group(2)] = _normal("\n".join(body))
    return found


@pytest.mark.parametrize("entry", COVERAGE, ids=lambda e: f"{e['notebook'][:2]}:{e['source'][:30]}")
def test_item_is_taught_in_the_named_section(entry: dict) -> None:
    found = sections(entry["notebook"])
    assert entry["section"] in found, f"no heading {entry['section']!r} in {entry['notebook']}; headings: {list(found)}"
    text = found[entry["section"]]
    missing = [phrase for phrase in entry["evidence"] if _normal(phrase) not in text]
    assert not missing, f"{entry['notebook']} / {entry['section']} lacks {missing}"


def test_coverage_entries_are_well_formed() -> None:
    stems = {p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    for entry in COVERAGE:
        assert entry["notebook"] in stems
        assert len(entry["evidence"]) >= 1 and entry["source"]


def _source_bullets() -> list[str]:
    return [line[2:].strip() for line in SOURCES_MD.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]


@pytest.mark.skipif(not SOURCES_MD.exists(), reason="../shared/SOURCES.md is not beside this checkout")
def test_every_sources_item_has_a_home() -> None:
    bullets = _source_bullets()
    assert len(bullets) >= 30
    homes = {entry["source"] for entry in COVERAGE}
    orphans = [b[:60] for b in bullets if not any(b.startswith(h) for h in homes)]
    assert not orphans, f"SOURCES.md items without a notebook: {orphans}"
    stale = [h for h in homes if not h.startswith("issue 8") and not any(b.startswith(h) for b in bullets)]
    assert not stale, f"coverage.json names items that SOURCES.md no longer has: {stale}"
