"""Text from users and data, made inert for every place the atlas shows it.

One module owns how a name, a title, a column header or a file's value becomes output, so that
no text is ever read as markup, a template or a command:

* :func:`html_text` — for HTML (tooltips, popups, legends, ``<title>``): entities for ``< > & " '``,
  backticks, backslashes, and ``{`` ``}`` (``&#123;``/``&#125;``), so no Jinja environment that
  might see the markup again can find ``{{``, ``{%`` or ``{#`` in it.
* :func:`script_json` — JSON to embed in a ``<script>`` block: no ``</`` can close the block and a
  ``{`` that starts a Jinja tag inside a string is written ``\\u007b`` (the same JSON value).
* :func:`md_text` — for Streamlit messages (Markdown): every ASCII punctuation mark escaped with a
  backslash (CommonMark shows it literally, and Streamlit's ``:colour[…]``, ``$…$`` and
  ``![image](url)`` syntaxes never start), no address turned into a link (a word joiner inside
  ``://``, ``www.`` and ``@``), line breaks shown as ``↵``.
* :func:`plain_text` — for the terminal: control characters (ANSI escapes, CR, tabs) shown as
  ``\\xNN`` so a file cannot move the cursor or rewrite a line of the CLI's output.

The folium side of the same rule (rendered map scripts are never compiled again as templates)
lives in :mod:`atlas.maps.inert`.
"""

from __future__ import annotations

import html
import json
import math
import re
import string

_JINJA_OPEN = re.compile(r"\{(?=[{%#])")
_MD_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_AUTOLINK = re.compile(r":/|(?i:www)\.|@", re.ASCII)
MAX_QUOTED_CHARS = 200


def _is_missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def html_text(value) -> str:
    """Escaped HTML text for any value; missing values become an empty string.

    >>> html_text("{{ 7*7 }} <b>")
    '&#123;&#123; 7*7 &#125;&#125; &lt;b&gt;'
    """
    if _is_missing(value):
        return ""
    out = html.escape(str(value), quote=True)
    return (out.replace("`", "&#96;").replace("\\", "&#92;")
            .replace("{", "&#123;").replace("}", "&#125;"))


def inert_json_text(text: str) -> str:
    """Serialised JSON made safe for a ``<script>`` block and for any template engine.

    In compact JSON a structural ``{`` is followed by ``"`` or ``}``, never by ``{``, ``%`` or
    ``#``; so every ``{`` followed by one of those is inside a string and is rewritten as
    ``\\u007b``, which JSON (and JavaScript) read back as the same character.
    """
    text = _JINJA_OPEN.sub(r"\\u007b", text)
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


def script_json(obj, *, ensure_ascii: bool = False, sort_keys: bool = True) -> str:
    """``obj`` as compact JSON that is safe to place inside ``<script>`` and inside a template.

    >>> script_json({"name": "{{ 7*7 }}</script>"})
    '{"name":"\\\\u007b{ 7*7 }}<\\\\/script>"}'
    """
    text = json.dumps(obj, ensure_ascii=ensure_ascii, separators=(",", ":"), sort_keys=sort_keys)
    return inert_json_text(text)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def md_text(value, limit: int = MAX_QUOTED_CHARS) -> str:
    """Text that Streamlit's Markdown shows exactly as written (no links, images, HTML, colour
    directives, maths or emphasis); long values are cut with ``…``.

    >>> md_text("![x](http://h/p.png)")
    '\\\\!\\\\[x\\\\]\\\\(http\\\\:\\\\/\\\\/h\\\\/p\\\\.png\\\\)'
    """
    if _is_missing(value):
        return ""
    text = _shorten(str(value), limit)
    text = text.replace("\r\n", "↵").replace("\r", "↵").replace("\n", "↵")
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    # GitHub-style autolinks ignore backslash escapes: a word joiner breaks ``://``, ``www.`` and
    # ``@`` so no address in the text becomes a link (the text still reads the same)
    text = _AUTOLINK.sub(lambda m: m.group()[:-1] + "\u2060" + m.group()[-1], text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def plain_text(value, limit: int = MAX_QUOTED_CHARS) -> str:
    """Text for a terminal line: control characters written as ``\\xNN``, long values cut."""
    if _is_missing(value):
        return ""
    text = _shorten(str(value), limit)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text.replace("\n", "↵"))
