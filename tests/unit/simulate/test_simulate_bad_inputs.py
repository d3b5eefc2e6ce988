"""Simulations given bad seeds, sizes, paths or folders answer with a clear error naming the argument."""

from __future__ import annotations

import numpy as np
import pytest

from csat_lab import simulate
from csat_lab.errors import CsatInputError

SIMULATORS = [simulate.csat_tracker, simulate.complaints_log, simulate.telecom_subscribers,
              simulate.supermarket_members, simulate.auto_dealer, simulate.hotel_guests, simulate.kano_features]


@pytest.mark.parametrize("simulator", SIMULATORS, ids=lambda f: f.__name__)
def test_negative_seeds_and_huge_sizes_are_named(simulator) -> None:
    # NumPy's own error for seed=-1 was "expected non-negative integer", with no argument named.
    with pytest.raises(CsatInputError, match=r"seed must be a .*(non-negative|>= 0)"):
        simulator(seed=-1, n=50)
    # n=10**9 would have filled the memory before failing.
    with pytest.raises(CsatInputError, match=r"n must be at most [\d,]+ for this simulation, got 1,000,000,000"):
        simulator(seed=1, n=10**9)


def test_a_generator_is_used_as_given() -> None:
    a, _ = simulate.kano_features(seed=np.random.default_rng(5), n=3)
    b, _ = simulate.kano_features(seed=5, n=3)
    assert a.equals(b)


@pytest.mark.parametrize(("paths", "kwargs", "message"), [
    ({("A", "B"): float("nan")}, {}, r"coefficient of path A -> B must be a finite number, got nan"),
    ({("A", "B"): None}, {}, r"coefficient of path A -> B must be a number, got None"),
    ({("A", "B"): True}, {}, r"coefficient of path A -> B must be a number, got True"),
    ({("A", 2): 0.5}, {}, r"constructs must be named by non-empty texts"),
    ({("A", "B"): 0.5}, {"loading": None}, r"loading for 'A' must be a number, got None"),
    ({("A", "B"): 0.5}, {"items": True}, r"items for 'A' must be a whole number >= 1, got True"),
    ({("Q", "Q1"): 0.4}, {"items": 12}, r"item names \['Q11', 'Q12'\] would be made twice"),
    ({("A", "B"): 0.5}, {"n": 2_000_000}, r"n must be at most 1,000,000"),
])
def test_structural_simulation_names_the_bad_part(paths, kwargs, message) -> None:
    # A NaN coefficient used to give a data set whose B items were all NaN, without a word.
    with pytest.raises(CsatInputError, match=message):
        simulate.simulate_structural(paths, **{"n": 5, **kwargs})


def test_regenerate_takes_one_name_and_names_a_bad_folder(tmp_path) -> None:
    written = simulate.regenerate(tmp_path / "new" / "deeper", "kano_features")  # one name, not its letters
    assert [p.name for p in written] == ["kano_features.csv"]
    with pytest.raises(CsatInputError, match="out must be a folder path"):
        simulate.regenerate(None, ["kano_features"])
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(CsatInputError, match=r"out: cannot create the folder"):
        simulate.regenerate(blocker / "sub", ["kano_features"])
