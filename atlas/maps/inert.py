"""Folium output is data once rendered: no second Jinja pass over names, titles or values.

branca renders each map element's macros, then wraps the result in ``Element(text)``, whose
constructor compiles ``text`` as a new Jinja template that is rendered again with the page (folium's
Popup, Vega and class includes do the same). Any name in the rendered script (a town, an uploaded
point's ``{{ … }}``, a title) was then evaluated as template code on the server. :func:`install`
makes ``Element(text)`` hold ``text`` literally (:class:`LiteralText`); templates written as
class attributes (the atlas's and folium's own) still render once, with data as values. It is
installed when :mod:`atlas.maps` is imported, before any map is built, and :func:`installed` lets
tests prove it is in force.

Data going into HTML or scripts is additionally escaped by :mod:`atlas.safe` (defence in depth:
even with a second pass there is no ``{{`` in the output for it to find).
"""

from __future__ import annotations

from types import SimpleNamespace

import branca.element as be
import folium

from atlas.safe import inert_json_text


class LiteralText:
    """Stands in for a compiled template: rendering returns the text as it was given."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = str(text)

    def render(self, *args, **kwargs) -> str:  # noqa: ARG002 - same call as Template.render
        return self.text

    @property
    def module(self):  # a MacroElement looks for header/html/script macros here: none
        return _NO_MACROS


_NO_MACROS = SimpleNamespace()
_ORIGINAL_INIT = be.Element.__init__
_ORIGINAL_SETSTATE = be.Element.__setstate__


def _element_init(self, template=None, template_name=None):
    _ORIGINAL_INIT(self, None, template_name)
    if template is not None:
        self._literal_text = str(template)
        self._template = LiteralText(template)


def _element_setstate(self, state: dict):
    _ORIGINAL_SETSTATE(self, state)
    if "_literal_text" in state:
        self._template = LiteralText(state["_literal_text"])


def literal(html: str) -> be.Element:
    """An element holding ``html`` as it is (for a figure's header, html or script)."""
    return be.Element(html)


def _inert_dumps(obj, **kwargs) -> str:
    import json

    return inert_json_text(json.dumps(obj, **kwargs))


def install() -> None:
    """Make every branca/folium render single-pass and every ``tojson`` template-inert."""
    be.Element.__init__ = _element_init
    be.Element.__setstate__ = _element_setstate
    # folium's templates embed data with jinja's ``tojson``; UTF-8 instead of \\uXXXX for every
    # Cyrillic letter is the same JSON in a third of the bytes (tojson still escapes < > & ').
    for env in {folium.GeoJson._template.environment, be.Element._template.environment}:
        env.policies["json.dumps_function"] = _inert_dumps
        env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False,
                                             "separators": (",", ":")}


def installed() -> bool:
    """True when the single-pass render is in force."""
    return be.Element.__init__ is _element_init


install()
