"""Self-contained HTML: Leaflet and every asset inlined, so it opens offline.

The map is rendered by folium, then every ``<script src>`` / ``<link href>`` pointing at a
vendored asset is replaced by the file's content, and every CSS ``url(...)`` by a data URI.
Anything left that would reach the network raises instead of shipping a broken file.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path

from atlas.maps.assets import VENDOR_DIR, vendored_file
from atlas.maps.popups import esc

_SCRIPT = re.compile(r'<script\s+src="([^"]+)"\s*>\s*</script>')
_LINK = re.compile(r'<link\s+rel="stylesheet"\s+href="([^"]+)"\s*/?>')
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
# what makes a browser fetch: script/img/iframe src, <link href>, CSS url(), @import
EXTERNAL = re.compile(
    r"""<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//"""
    r"""|url\(\s*['"]?(?:https?:)?//|@import\s+['"](?:https?:)?//""",
    re.I,
)


class NotOffline(RuntimeError):
    """The exported page would still fetch something from the network."""


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix == ".woff2":
        mime = "font/woff2"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


def _inline_css(css: str, base: Path) -> str:
    def repl(m):
        ref = m.group(1)
        if ref.startswith("data:") or ref.startswith("#"):
            return m.group(0)
        target = (base / ref.split("?")[0].split("#")[0]).resolve()
        if not target.is_file() or VENDOR_DIR.resolve() not in target.parents:
            raise NotOffline(f"CSS references {ref}, which is not vendored")
        return f"url('{_data_uri(target)}')"

    return _CSS_URL.sub(repl, css)


_CYR_ESCAPE = re.compile(r"(?<!\\)\\u(04[0-9a-fA-F]{2}|20[0-9a-fA-F]{2}|00[a-fA-F][0-9a-fA-F])")


def unescape_text(html: str) -> str:
    """Turn JSON ``\\uXXXX`` escapes of Cyrillic letters and typographic punctuation back into
    UTF-8 characters (a third of the bytes). None of them is special in JS or HTML."""
    return _CYR_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), html)


def inline_assets(html: str) -> str:
    def script(m):
        js = vendored_file(m.group(1)).read_text(encoding="utf-8")
        return "<script>" + js.replace("</script", "<\\/script") + "</script>"

    def link(m):
        path = vendored_file(m.group(1))
        return "<style>" + _inline_css(path.read_text(encoding="utf-8"), path.parent) + "</style>"

    html = _SCRIPT.sub(script, html)
    html = _LINK.sub(link, html)
    return html


def check_offline(html: str) -> None:
    """Raise if any script, link, image or CSS url() would reach the network."""
    hit = EXTERNAL.search(html)
    if hit:
        start = max(0, hit.start() - 60)
        raise NotOffline(f"external reference in exported HTML: …{html[start:hit.end() + 60]}…")


# The file as a reader opens it (#22): on a small screen the legend starts folded (its title
# still shows; a click opens it), and source addresses in cards and credits become links. Links
# are made in the page from text nodes (an <a> whose text and href are that text), so no data
# is ever parsed as HTML.
READER_SCRIPT = """<script>(function () {
var URL = /(?:https?:\\/\\/|www\\.)[^\\s<>"'«»]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:ru|org|com|net|info|gov|su|io|edu)(?:\\/[^\\s<>"'«»]*)?/gi;
function trim(u) { return u.replace(/[.,;:)\\]]+$/, ''); }
function linkify(root) {
  var walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null), found = [];
  while (walk.nextNode()) {
    var n = walk.currentNode, p = n.parentNode;
    if (p && p.closest && !p.closest('a,script,style') && n.nodeValue.search(URL) >= 0) found.push(n);
  }
  found.forEach(function (n) {
    var text = n.nodeValue, out = document.createDocumentFragment(), last = 0;
    text.replace(URL, function (m, at) {
      var u = trim(m), a = document.createElement('a');
      out.appendChild(document.createTextNode(text.slice(last, at)));
      a.textContent = u; a.href = /^https?:/i.test(u) ? u : 'https://' + u;
      a.target = '_blank'; a.rel = 'noopener noreferrer';
      out.appendChild(a); last = at + u.length; return m;
    });
    out.appendChild(document.createTextNode(text.slice(last)));
    n.parentNode.replaceChild(out, n);
  });
}
function start() {
  if (window.innerWidth < 900 || window.innerHeight < 650) {
    document.querySelectorAll('.atlas-legend details').forEach(function (d) { d.open = false; });
  }
  linkify(document.body);
  new MutationObserver(function (changes) {
    changes.forEach(function (c) { c.addedNodes.forEach(function (n) {
      if (n.nodeType === 1) linkify(n); }); });
  }).observe(document.body, {childList: true, subtree: true});
}
if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); }
else { start(); }
})();</script>"""  # noqa: E501 (one JS regular expression cannot be split)


def standalone_html(m, title: str = "", credits: str = "") -> str:
    """Render ``m`` (a folium.Map) to one self-contained HTML string."""
    html = m.get_root().render()
    head = f"<title>{esc(title)}</title>" if title else ""
    if credits:
        head += f'<meta name="description" content="{esc(credits)}">'
    html = html.replace("<head>", "<head>" + head, 1)
    if "</body>" in html:
        html = html.replace("</body>", READER_SCRIPT + "</body>", 1)
    else:
        html += READER_SCRIPT
    html = inline_assets(unescape_text(html))
    check_offline(html)
    return stable_ids(html)


_FOLIUM_ID = re.compile(r"\b([a-z][a-z_]*)_([0-9a-f]{32})(?![0-9a-f])")


def stable_ids(html: str) -> str:
    """Replace folium's random element ids (``geo_json_<32 hex>``) by numbers in order of
    first appearance, so the same map gives the same bytes."""
    seen: dict[str, str] = {}

    def repl(m):
        hexid = m.group(2)
        if not any(c.isdigit() for c in hexid):  # not a uuid (polyline text has no digits)
            return m.group(0)
        seen.setdefault(hexid, f"{len(seen):05d}")
        return f"{m.group(1)}_{seen[hexid]}"

    return _FOLIUM_ID.sub(repl, html)


def save_html(m, path: Path, title: str = "", credits: str = "") -> int:
    from atlas.export.tables import atomic_write

    data = standalone_html(m, title, credits).encode("utf-8")
    return atomic_write(Path(path), data)  # a temporary name, renamed when complete
