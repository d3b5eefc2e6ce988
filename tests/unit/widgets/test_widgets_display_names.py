"""Explorer controls and headlines show datasets, columns and features by display name; values stay identifiers."""

from __future__ import annotations

import pytest

import csat_lab as cl
from csat_lab.widgets import key_driver_explorer, kano_explorer, loyalty_curve_explorer, pareto_explorer


@pytest.fixture(autouse=True)
def english():
    cl.set_language("en")
    yield
    cl.set_language("en")


def test_kano_feature_dropdown_shows_names_and_follows_the_language() -> None:
    ex = kano_explorer(feature="remembered_preferences", debounce=0)
    try:
        feature = ex.controls["feature"]
        assert feature.value == "remembered_preferences"
        assert ("Free Wi-Fi", "free_wifi") in feature.options
        cl.set_language("zh-CN")
        assert ("免费无线网络", "free_wifi") in feature.options and feature.value == "remembered_preferences"
        assert ex.result.feature == "remembered_preferences"
        assert "记住客人偏好" in ex.output.outputs[-1]["data"]["text/html"]
    finally:
        ex.close()


def test_dataset_choices_show_dataset_names() -> None:
    ex = pareto_explorer(debounce=0)
    try:
        assert [o for o in ex.controls["dataset"].options] == [
            ("Supermarket members' purchases", "supermarket_members"), ("CDNOW music shop purchases", "cdnow")]
    finally:
        ex.close()


def test_loyalty_measures_and_drivers_show_names_and_follow_the_dataset() -> None:
    curve = loyalty_curve_explorer(debounce=0)
    drivers = key_driver_explorer(debounce=0)
    try:
        assert curve.controls["loyalty"].options[0] == ("Bought again within two years (yes/no)", "repurchase")
        curve.controls["dataset"].value = "hotel_guests"
        assert curve.controls["loyalty"].options[0] == ("Returned the next year (yes/no)", "returned_next_year")
        assert ("Reliability (perception)", "per_reliability") in drivers.controls["drivers"].options
        cl.set_language("zh-CN")
        assert ("可靠性（实际感受）", "per_reliability") in drivers.controls["drivers"].options
        assert drivers.controls["outcome"].options[0] == ("总体满意度", "satisfaction")
        assert "per_" not in drivers.headline.value
        table = drivers.rendered.table
        assert "可靠性（实际感受）" in table.index and "per_reliability" in drivers.result.table.index
        assert "酒店客人调查" in curve.output.outputs[-1]["data"]["text/html"]
    finally:
        curve.close()
        drivers.close()
