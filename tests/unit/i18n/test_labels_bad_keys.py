"""Labels asked for with keys that do not exist, or that are not keys at all."""

from __future__ import annotations

import pytest

import csat_lab as cl
from csat_lab.errors import CsatInputError
from csat_lab.i18n import has_label, label, on_language_change
from csat_lab.i18n.catalog import UnknownLabelError


def test_an_unknown_key_is_a_key_error_and_an_input_error_naming_close_keys() -> None:
    with pytest.raises(UnknownLabelError) as info:
        label("scale.agree5.6")
    err = info.value
    assert isinstance(err, KeyError) and isinstance(err, CsatInputError)
    # the message reads as written (not KeyError's quoted repr) and offers the nearest keys
    assert str(err).startswith("no label 'scale.agree5.6' in the catalog; did you mean: ")
    assert "scale.agree5.5" in str(err)


@pytest.mark.parametrize("key", [None, 3, ["scale.nps11.10"], ("a",)], ids=repr)
def test_keys_that_are_not_text_are_named(key) -> None:
    with pytest.raises(CsatInputError, match="a label key must be a text"):
        label(key)
    assert has_label(key) is False


def test_missing_placeholder_values_are_named() -> None:
    assert label("churn.denominator.given", n=400) == "customers who bought, as given (400)"
    assert "{n}" in label("churn.denominator.given")  # without values: the stored text
    with pytest.raises(CsatInputError, match=r"needs a value for the placeholder 'n'; got values for: count"):
        label("churn.denominator.given", count=400)


def test_a_listener_must_be_callable() -> None:
    with pytest.raises(CsatInputError, match="callback must be a function of the language code, got str"):
        on_language_change("en")
    cl.set_language("en")  # the registry is unharmed
    assert cl.get_language() == "en"
