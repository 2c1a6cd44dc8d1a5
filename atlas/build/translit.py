"""A fixed Russian→Latin transliteration, used for stable ids and fuzzy comparisons."""

from __future__ import annotations

import re

_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}


def translit(text: str) -> str:
    """Lower-case Latin transliteration (BGN/PCGN-like, without diacritics)."""
    return "".join(_TABLE.get(ch, ch) for ch in text.casefold())


def slug(text: str) -> str:
    """ASCII slug: ``"Усолье-Сибирское"`` -> ``"usole-sibirskoe"``."""
    s = re.sub(r"[^a-z0-9]+", "-", translit(text))
    return s.strip("-")
