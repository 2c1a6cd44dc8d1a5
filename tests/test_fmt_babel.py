"""The fast number writer equals CLDR's (Babel) for every value, both languages."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from atlas import fmt


@settings(max_examples=3000, deadline=None)
@given(value=st.one_of(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
                       st.integers(min_value=-10**12, max_value=10**12),
                       st.sampled_from([0.5, 1.5, 2.5, -0.5, -0.04, 0.05, 0.15, 999.95, 1e6 - 0.5, -0.0])),
       decimals=st.integers(min_value=0, max_value=3), lang=st.sampled_from(["ru", "en"]))
def test_number_is_cldrs(value, decimals, lang):
    assert fmt.number(value, lang, decimals) == fmt.number_babel(value, lang, decimals)


def test_examples_and_missing_values():
    assert fmt.integer(1234567, "ru") == "1\u202f234\u202f567"
    assert fmt.integer(1234567, "en") == "1,234,567"
    assert fmt.number(-2.5, "ru", 1) == "\u22122,5"
    assert fmt.number(math.nan, "en") == fmt.number(None, "ru") == fmt.EMPTY
