"""No text from a user or from data is ever evaluated as a template (issue: code via names).

Every builder that produces folium/branca output is run with template payloads in every text
field it takes; the payloads must come out literally, never evaluated. A static scan fails when a
new code path compiles a template from something other than a string literal.
"""

import ast
import html as htmllib
import json
import re
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

import atlas
from atlas.maps import MapData, MapOptions, build_map, inert
from atlas.safe import html_text, md_text, plain_text, script_json

ROOT = Path(__file__).resolve().parents[1]
# each payload and a fragment that would appear only if it had been evaluated
PAYLOADS = {
    "{{ 7*7 }}": None,  # shown as written (its "49" would be lost among coordinates)
    "{{ 3083*4099 }}": "12637217",
    "{{ 'EVAL' ~ 'UATED' }}": "EVALUATED",
    "{% if 1 %}IF-RAN{% endif %}": "IF-RAN",
    "{{ lipsum.__globals__['os'].getcwd() }}": str(ROOT),
    "{{constructor.constructor('alert(7)')()}}": None,  # was a Jinja traceback
    "{#c#}X": None,
}


def _decoded(html: str) -> str:
    """The page text as a browser would read it: HTML entities and JSON \\u escapes undone."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), html)
    return htmllib.unescape(text)


def _assert_literal(html: str, payload: str, marker: str | None) -> None:
    text = _decoded(html)
    assert payload in text, f"{payload!r} is not shown literally"
    if marker:
        assert marker not in text.replace(payload, ""), f"{payload!r} was evaluated"


def test_the_single_pass_render_is_in_force():
    assert inert.installed()


@pytest.fixture(scope="module")
def base():
    return dict(towns=atlas.load_monotowns(), regions=atlas.load_regions(display=True),
                science=atlas.load_science_centres(), corridors=atlas.load_corridors(),
                nodes=atlas.load_logistics_nodes())


def _poisoned(base, payload):
    towns = base["towns"].head(5).copy()
    for col in ("name_ru", "name_en", "municipality", "anchor_enterprise"):
        if col in towns:
            towns[col] = payload
    science = base["science"].head(5).copy()
    science["name_ru"] = payload
    science["city"] = payload
    corridors = base["corridors"].head(2).copy()
    corridors["name_ru"] = payload
    corridors["name_en"] = payload
    nodes = base["nodes"].head(3).copy()
    nodes["name_ru"] = payload
    points = gpd.GeoDataFrame({"name": [payload, payload + "2"], "in_band": [True, False]},
                              geometry=[shapely.Point(87, 54), shapely.Point(90, 56)], crs=4326)
    return MapData(towns=towns, regions=base["regions"], science=science, corridors=corridors,
                   nodes=nodes, points=points)


@pytest.mark.parametrize("payload", list(PAYLOADS))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_folium_layer_shows_payloads_literally(base, payload, lang):
    data = _poisoned(base, payload)
    m = build_map(data, ["regions", "towns", "toser", "science", "corridors", "points"],
                  MapOptions(lang=lang, corridor_band_km=50,
                             selected_corridor=data.corridors.corridor_id.iloc[0]),
                  title=payload)
    html = m.get_root().render()
    _assert_literal(html, payload, PAYLOADS[payload])


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_html_export_title_and_credits_stay_text(base, payload, tmp_path):
    from atlas.export.html import save_html

    m = build_map(_poisoned(base, payload), ["regions", "towns"], title=payload)
    out = tmp_path / "map.html"
    save_html(m, out, title=payload, credits=payload)
    html = out.read_text(encoding="utf-8")
    _assert_literal(html, payload, PAYLOADS[payload])
    assert f"<title>{html_text(payload)}</title>" in html


def test_cli_map_title_is_not_a_template(tmp_path):
    from atlas.cli import main

    out = tmp_path / "t.html"
    assert main(["map", "--title", "{{ 7*7 }} {{ 'EVAL' ~ 'UATED' }}", "-o", str(out), "--region", "RU-KEM"]) == 0
    html = out.read_text(encoding="utf-8")
    _assert_literal(html, "{{ 7*7 }} {{ 'EVAL' ~ 'UATED' }}", "EVALUATED")


def test_folium_popup_and_tooltip_of_plain_folium_are_inert():
    import folium

    m = folium.Map(tiles=None)
    folium.Marker([55, 37], tooltip="{{ 7*7 }}", popup="{% if 1 %}IF-RAN{% endif %}").add_to(m)
    html = m.get_root().render()
    assert "{{ 7*7 }}" in html and "{% if 1 %}IF-RAN{% endif %}" in html


def test_script_json_round_trips_and_never_opens_a_tag():
    value = {"a": "{{x}} {%y%} {#z#} </script><!-- ", "b": ["{", "}", "{{"]}
    text = script_json(value)
    assert json.loads(text) == value
    assert not re.search(r"\{[{%#]", text) and "</" not in text and "<!--" not in text


def test_markdown_and_terminal_quoting():
    assert md_text("![x](http://h/p.png)").count("\\") >= 6
    assert "<" not in md_text("<img src=x>").replace("\\<", "")
    assert md_text(":red[x] $x$ **b**") == "\\:red\\[x\\] \\$x\\$ \\*\\*b\\*\\*"
    assert md_text("a\nb") == "a↵b"
    assert plain_text("a\x1b[2Jb\r") == "a\\x1b[2Jb\\x0d"
    assert len(md_text("x" * 1000)) < 250


# -- the static guard: a new code path cannot compile data as a template ----------------------
def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            yield name, node


def _python_files():
    for folder in ("atlas", "pages"):
        yield from (p for p in (ROOT / folder).rglob("*.py") if p.name != "inert.py")


def test_templates_are_compiled_from_literals_only():
    offenders = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, node in _calls(tree):
            literal = node.args and isinstance(node.args[0], ast.Constant)
            if name in ("Template", "from_string") and not literal:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(…)")
            if name in ("Environment", "Markup") or (name == "Element" and node.args and not literal):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(…)")
    assert not offenders, "data may reach a template: " + ", ".join(offenders)


def test_map_scripts_embed_json_through_script_json():
    """``json.dumps`` output placed in a map script must pass through atlas.safe."""
    offenders = []
    for path in (ROOT / "atlas" / "maps").glob("*.py"):
        if path.name in ("live.py", "topology.py", "inert.py", "webdir.py"):  # data files, the manifest; the owner
            continue
        for name, node in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if name == "dumps":
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, "use atlas.safe.script_json: " + ", ".join(offenders)
