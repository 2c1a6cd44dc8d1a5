"""Numbers, distances, shares and dates written for the reader's language (Babel/CLDR).

Every function takes ``lang`` ("ru" or "en") and returns display text; a missing value
(None, NaN, pandas NA, "") is always written as :data:`EMPTY` ("—").

- Russian groups thousands with a narrow no-break space (U+202F) and uses a decimal comma:
  ``integer(1234567, "ru") == "1 234 567"``, ``number(2.5, "ru", 1) == "2,5"``.
- English: ``"1,234,567"``, ``"2.5"``.
- Distances: no decimals from 10 km up, one below (``km(171.25, "en") == "171 km"``,
  ``km(4.26, "ru") == "4,3 км"``).
- Dates: ``29.07.2014`` in Russian (as decrees are cited), ``29 Jul 2014`` in English.
"""

from __future__ import annotations

import datetime as _dt
import math

from babel.dates import format_date
from babel.numbers import format_decimal

from atlas.i18n import EMPTY, t

# the browser locale (Intl.NumberFormat) that writes numbers as this module does, per language
BROWSER_LOCALES = {"ru": "ru-RU", "en": "en-GB"}

_GROUP_RU = "\u202f"  # narrow no-break space: the "thin space" of Russian typography


def _locale(lang: str) -> str:
    return "en" if lang == "en" else "ru"


def is_empty(value) -> bool:
    """True for None, NaN, pandas NA/NaT and blank strings."""
    if value is None:
        return True
    if isinstance(value, float):  # Python and numpy floats: the common case in tables
        return math.isnan(value)
    if isinstance(value, int):
        return False
    if isinstance(value, str):
        return value.strip() == "" or value in ("nan", "None", "<NA>")
    try:
        import pandas as pd

        result = pd.isna(value)
        return bool(result) if not hasattr(result, "__len__") else False
    except (TypeError, ValueError):
        return False


def _float(value) -> float | None:
    if is_empty(value):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


_SEPARATORS = {"en": (",", "."), "ru": (_GROUP_RU, ",")}  # (group, decimal), as CLDR gives them


def number(value, lang: str = "ru", decimals: int = 0) -> str:
    """A number with exactly ``decimals`` decimals, grouped for the language.

    The text is CLDR's (``babel.numbers.format_decimal`` with ``#,##0.0…``, the Russian group
    written as a narrow no-break space, a true minus sign), built with Python's own formatting:
    a table of 318 towns is written on every rerun, and Babel parses its pattern on every call
    (about 90 µs against 2 µs). ``tests/test_fmt_babel.py`` holds the two equal."""
    f = _float(value)
    if f is None:
        return EMPTY
    group, point = _SEPARATORS[_locale(lang)]
    text = f"{round(f, decimals):,.{max(decimals, 0)}f}"
    text = text.replace(",", "\0").replace(".", point).replace("\0", group)
    return text.replace("-", "\u2212")  # a true minus sign


def number_babel(value, lang: str = "ru", decimals: int = 0) -> str:
    """:func:`number` through Babel (the reference it is tested against)."""
    f = _float(value)
    if f is None:
        return EMPTY
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    text = format_decimal(round(f, decimals), format=pattern, locale=_locale(lang))
    if lang != "en":
        text = text.replace("\u00a0", _GROUP_RU)
    return text.replace("-", "\u2212")


def integer(value, lang: str = "ru") -> str:
    return number(value, lang, 0)


def significant(value, lang: str = "ru", digits: int = 3) -> str:
    """A small number to ``digits`` significant digits in the language's notation
    (``significant(0.003234, "ru") == "0,00323"``), e.g. a p-value."""
    f = _float(value)
    if f is None:
        return EMPTY
    if f == 0:
        return number(0, lang)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(f))))
    return number(round(f, decimals), lang, decimals)


def vega_locale(lang: str = "ru") -> dict:
    """The number locale for a Vega-Lite chart's ``config.locale`` (axis labels "1 000" and
    "0,5" in Russian), from Babel's CLDR symbols."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    loc = _locale(lang)
    group = get_group_symbol(loc)
    if lang != "en":
        group = _GROUP_RU
    return {"number": {"decimal": get_decimal_symbol(loc), "thousands": group, "grouping": [3],
                       "currency": ["", ""], "minus": "\u2212", "percent": "%"}}


# the order of the "|"-separated forms of a "count.*" catalogue key
PLURAL_FORMS = {"ru": ("one", "few", "many", "other"), "en": ("one", "other")}


def count(n, noun: str, lang: str = "ru") -> str:
    """``n`` and the noun in the plural form the language needs for it (CLDR rules via Babel):
    ``count(1, "towns", "en") == "1 town"``, ``count(22, "towns", "ru") == "22 города"``."""
    from babel import Locale

    loc = _locale(lang)
    forms = t(f"count.{noun}", lang).split("|")
    value = _float(n)
    form = Locale.parse(loc).plural_form(abs(value) if value is not None else 0)
    order = PLURAL_FORMS[loc]
    text = forms[order.index(form)] if form in order else forms[-1]
    return text.format(n=number(n, lang, 0 if value is None or value == int(value) else 1))


def unit(name: str, lang: str = "ru") -> str:
    """The unit's abbreviation from the catalogue: ``unit("km", "ru") == "км"``."""
    return t(f"unit.{name}", lang)


def distance_decimals(value) -> int:
    f = _float(value)
    return 1 if f is not None and abs(f) < 10 else 0


def distance(value, lang: str = "ru") -> str:
    """A distance in km without the unit (for table cells under a "…, km" header)."""
    return number(value, lang, distance_decimals(value))


def km(value, lang: str = "ru") -> str:
    """A distance with its unit: ``"1 234 км"`` / ``"1,234 km"``; "—" when missing."""
    text = distance(value, lang)
    return text if text == EMPTY else f"{text}\u00a0{unit('km', lang)}"


def percent(share, lang: str = "ru", decimals: int = 0) -> str:
    """A share in 0..1 as a percentage: ``percent(0.125, "ru") == "12,5 %"`` with decimals=1."""
    f = _float(share)
    if f is None:
        return EMPTY
    text = number(100 * f, lang, decimals)
    return f"{text}\u00a0%" if lang != "en" else f"{text}%"


def population(value, lang: str = "ru") -> str:
    return integer(value, lang)


def year(value) -> str:
    f = _float(value)
    return EMPTY if f is None else str(int(f))


def date(value, lang: str = "ru") -> str:
    """A date (``datetime.date``, ``Timestamp`` or ISO text ``2014-07-29``)."""
    if is_empty(value):
        return EMPTY
    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return value
    if hasattr(value, "date") and not isinstance(value, _dt.date):
        value = value.date()
    elif isinstance(value, _dt.datetime):
        value = value.date()
    pattern = "d MMM y" if lang == "en" else "dd.MM.y"
    return format_date(value, pattern, locale=_locale(lang))


def text(value) -> str:
    """Any value as text, "—" when missing; whole floats lose their ".0"."""
    if is_empty(value):
        return EMPTY
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
