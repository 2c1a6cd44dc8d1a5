"""Messages about a user's file: a catalogue key plus parameters, quoted for where they are shown.

Parameters can hold the user's own text (column headers, layer names, the file name's suffix).
:meth:`Message.message` quotes every text parameter for its destination — Markdown for the
pages (Streamlit renders ``st.error``/``st.info`` as Markdown), plain text for the terminal —
so a header such as ``![x](http://host/p.png)`` is shown, never fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from atlas.i18n import t
from atlas.safe import md_text, plain_text

QUOTERS = {"markdown": md_text, "plain": plain_text}
# parameters the readers compose themselves from numbers and the atlas's own words; every other
# parameter (column headers, layer and file names, geometry kinds …) is quoted
OWN_PARAMS = frozenset({"n", "limit", "mb", "rows", "parts", "fmt", "encoding", "seconds", "given",
                        "exchanged", "kinds_allowed"})


def fmt_int(n: int, lang: str) -> str:
    """1 000 000 in Russian (no-break spaces, which fit in a file name too), 1,000,000 in English."""
    return f"{n:,}".replace(",", {"ru": "\u00a0"}.get(lang, ","))


def fmt_rows(rows, limit: int = 12) -> str:
    rows = list(rows)
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (f" … (+{len(rows) - limit})" if len(rows) > limit else "")


@dataclass
class Message:
    """A message key of ``atlas.i18n`` (``upload.<key>``) with its parameters."""

    key: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "en", markup: str = "markdown") -> str:
        """The text in ``lang``; text parameters quoted for ``markup`` ("markdown" or "plain")."""
        quote = QUOTERS[markup]

        def one(k, v):
            if isinstance(v, int) and not isinstance(v, bool):
                return fmt_int(v, lang)
            return v if k in OWN_PARAMS and isinstance(v, str) else quote(v)

        params = {k: one(k, v) for k, v in self.params.items()}
        text = t(f"upload.{self.key}", lang)
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text

    def __str__(self) -> str:
        return self.message("en", "plain")


class Note(Message):
    """Something the reader fixed or skipped; the rest of the file was used."""


class UploadError(ValueError):
    """The file cannot be used; ``message(lang)`` says why and what to do."""

    def __init__(self, key: str, **params):
        self.msg = Message(key, params)
        super().__init__(self.msg.message("en", "plain"))

    @property
    def key(self) -> str:
        return self.msg.key

    @property
    def params(self) -> dict:
        return self.msg.params

    def message(self, lang: str = "en", markup: str = "markdown") -> str:
        return self.msg.message(lang, markup)
