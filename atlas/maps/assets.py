"""Map folium's CDN asset URLs to the files vendored under ``atlas/static/vendor``.

Two uses: inside Streamlit the URLs point at Streamlit's static route
(``/app/static/vendor/...``); in exported HTML the files are inlined (see atlas.export.html).
"""

from __future__ import annotations

from pathlib import Path

from atlas.paths import STATIC_DIR

VENDOR_DIR = STATIC_DIR / "vendor"
STREAMLIT_PREFIX = "/app/static/vendor/"

# the tail of a CDN URL -> vendored file (relative to VENDOR_DIR)
_BY_SUFFIX = {
    "leaflet@1.9.3/dist/leaflet.js": "leaflet/leaflet.js",
    "leaflet@1.9.3/dist/leaflet.css": "leaflet/leaflet.css",
    "jquery-3.7.1.min.js": "jquery/jquery.min.js",
    "bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js": "bootstrap/bootstrap.bundle.min.js",
    "bootstrap@5.2.2/dist/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "bootstrap-glyphicons.css": "glyphicons/css/bootstrap.min.css",
    "fontawesome-free@6.2.0/css/all.min.css": "fontawesome/css/all.min.css",
    "leaflet.awesome-markers.js": "awesome-markers/leaflet.awesome-markers.js",
    "leaflet.awesome-markers.css": "awesome-markers/leaflet.awesome-markers.css",
    "leaflet.awesome.rotate.min.css": "awesome-markers/leaflet.awesome.rotate.min.css",
    "Control.FullScreen.min.js": "fullscreen/Control.FullScreen.js",
    "Control.FullScreen.js": "fullscreen/Control.FullScreen.js",
    "Control.FullScreen.css": "fullscreen/Control.FullScreen.css",
}

# what an atlas map needs (folium's defaults add bootstrap, jquery and icon fonts we do not use)
LEAN_JS = [("leaflet", "leaflet/leaflet.js")]
LEAN_CSS = [("leaflet_css", "leaflet/leaflet.css")]
# the conic CRS (atlas.maps.base.CONIC_CRS): the atlas's Albers and Leaflet CRS (3 kB, where
# proj4.js and Proj4Leaflet would take 136 kB of an export's budget), after Leaflet
CONIC_JS = [("atlas_aea", "atlas/aea.js")]


class UnknownAsset(KeyError):
    """A folium element asks for a URL that is not vendored: it would fail offline."""


def vendored_path(url: str) -> str:
    """Relative vendored path for a CDN URL or an already-relative vendored path."""
    if (VENDOR_DIR / url).is_file():
        return url
    for suffix, rel in _BY_SUFFIX.items():
        if url.endswith(suffix):
            return rel
    raise UnknownAsset(f"no vendored copy of {url}: add it to atlas/static/vendor")


def vendored_file(url: str) -> Path:
    return VENDOR_DIR / vendored_path(url)


def localize(element, prefix: str = STREAMLIT_PREFIX) -> None:
    """Point every asset link of a folium element tree at the vendored copies (in place).

    Instance attributes shadow folium's class-level lists, so no other map is affected.
    """
    for elem in _walk(element):
        for attr in ("default_js", "default_css"):
            links = getattr(elem, attr, None)
            if links:
                setattr(elem, attr, [(name, prefix + vendored_path(url)) for name, url in links])


def lean(element, conic: bool = False) -> None:
    """Drop folium's unused default assets from a Map (Leaflet only, plus proj4 and
    Proj4Leaflet for the conic CRS)."""
    element.default_js = list(LEAN_JS) + (list(CONIC_JS) if conic else [])
    element.default_css = list(LEAN_CSS)


def _walk(element):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)
