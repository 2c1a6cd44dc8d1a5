"""The one module of ``atlas`` that imports Streamlit: cached data, language, map widget, footer."""

from __future__ import annotations

import threading
from pathlib import Path

import streamlit as st

from atlas import fmt, io
from atlas.i18n import DEFAULT_LANG, LANGS, lang_name, t
from atlas.maps import assets

# The layers every page reads are shared resources, not per-call copies: st.cache_data
# unpickles a fresh GeoDataFrame on every call, which costs CPU on every run and memory in
# every session (a page's globals stay alive as long as its widgets' format_func lambdas do,
# i.e. as long as the session, and Streamlit keeps a closed session 2 minutes for a
# reconnect). Callers treat them as read-only: filters and map builders copy before they
# change anything (benchmarks/bench_load.py measures the difference).

@st.cache_resource(show_spinner=False, max_entries=16)
def towns(edition: str = "latest"):
    """The towns of an edition (read-only, one copy per server)."""
    return io.load_monotowns(edition)


@st.cache_resource(show_spinner=False)
def regions_display():
    """Display-resolution regions (read-only, one copy per server)."""
    return io.load_regions(display=True)


@st.cache_resource(show_spinner=False)
def region_arcs():
    """Shared-arc borders (read-only: one copy for every session)."""
    return io.load_region_arcs()


@st.cache_resource(show_spinner=False)
def science():
    """Science centres (read-only, one copy per server)."""
    return io.load_science_centres()


@st.cache_data(show_spinner=False)
def corridors():
    return io.load_corridors()


@st.cache_data(show_spinner=False)
def waypoints(corridor_id: str):
    w = io.load_corridor_waypoints()
    return w[w.corridor_id == corridor_id]


@st.cache_data(show_spinner=False)
def network_lines():
    """Rail and road lines for drawing (#20)."""
    from atlas.io import load_network_lines

    return load_network_lines()


@st.cache_data(show_spinner=False)
def corridor_legs():
    from atlas.io import load_corridor_legs

    return load_corridor_legs()


@st.cache_data(show_spinner=False)
def airports():
    from atlas.io import load_airports

    return load_airports()


@st.cache_data(show_spinner=False, max_entries=64)
def route(a: str, b: str, mode: str):
    """A route between two places (ids) as (km, graph km, line, snaps) or None; cached."""
    from atlas.api import network_route

    r = network_route(a, b, mode)
    return None if r is None else (r.km, r.graph_km, r.line, r.snap_from_km, r.snap_to_km)


@st.cache_data(show_spinner=False)
def nodes():
    return io.load_logistics_nodes()


# --- language: chosen once, kept across pages, reloads and deep links ------------------------
#
# The language lives in the URL (``?lang=en``) and in the session (``_atlas_lang``): the URL
# wins (deep link, reload), the session covers any link that lacks it, and every run writes
# it back to the URL. The sidebar menu is made of ``st.page_link`` with ``?lang=`` so every
# link carries it. Widgets keep their values when the language changes (see
# ``_recommit_widgets``): give every widget a stable ``key`` and stable codes as options,
# with the translated text only in ``format_func`` and the label.

LANG_STATE = "_atlas_lang"
LANG_WIDGET = "lang_switch"
_NAV_FLAG = "_atlas_nav"
PAGES_DIR = Path(__file__).resolve().parents[1] / "pages"
# (catalogue key of the title, file in pages/, URL path); the first is the start page
PAGE_SPECS = [
    ("page.explore", "explore.py", "explore"),
    ("page.science", "science.py", "science"),
    ("page.corridors", "corridors.py", "corridors"),
    ("page.export", "export.py", "export"),
    ("page.sources", "sources.py", "sources"),
]
# Material Symbols ship with Streamlit (emoji need a system font the server's readers may lack)
PAGE_ICONS = {"explore": ":material/map:", "science": ":material/science:", "corridors": ":material/route:",
              "export": ":material/download:", "sources": ":material/menu_book:"}


def current_lang() -> str:
    """The reader's language without drawing anything: URL, then session, then Russian."""
    q = st.query_params.get("lang")
    if q in LANGS:
        return q
    s = st.session_state.get(LANG_STATE)
    return s if s in LANGS else DEFAULT_LANG


def _page(title_key: str, file: str, url_path: str, lang_code: str, default: bool = False):
    return st.Page(PAGES_DIR / file, title=t(title_key, lang_code), url_path=url_path,
                   icon=PAGE_ICONS.get(url_path), default=default)


@st.cache_resource(show_spinner=False)
def _clean_on_start() -> int:
    """Once per server: remove upload read folders a killed run left behind."""
    from atlas.uploads.sandbox import clean_stale

    return clean_stale()


def navigation():
    """The app's pages (titles in the reader's language), for ``atlas/streamlit_app.py``.

    The start page is Explore at ``/``; Explore also answers at ``/explore`` (a hidden page of
    the same file), so every page has its own deep link. Streamlit's own menu is hidden: the
    sidebar menu drawn by :func:`lang` carries ``?lang=`` in every link.
    """
    _clean_on_start()
    lang_code = current_lang()
    st.session_state[_NAV_FLAG] = True
    key, file, url = PAGE_SPECS[0]
    pages = [_page(key, file, "start", lang_code, default=True)]
    pages += [_page(k, f, u, lang_code) for k, f, u in PAGE_SPECS]
    return st.navigation(pages, position="hidden")


def _widget_value_is_settable(value) -> bool:
    """Values of option/number/text widgets (not buttons, uploads, maps, editors)."""
    import datetime as _dt

    scalar = (str, int, float, _dt.date, _dt.time)
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, scalar):
        return True
    if isinstance(value, (list, tuple)):
        return all(isinstance(v, scalar) and not isinstance(v, bool) for v in value)
    return False


def _recommit_widgets() -> None:
    """Write every widget's current value back to session state.

    Streamlit keeps a select/radio/multiselect value as its *formatted* text in the browser;
    after a language switch that text matches no option and the widget would look empty.
    Setting the value again from Python makes Streamlit send it anew, formatted in the new
    language.
    """
    for key in list(st.session_state.keys()):
        if key in (LANG_WIDGET, LANG_STATE, _NAV_FLAG) or str(key).startswith("_"):
            continue
        try:
            value = st.session_state[key]
        except (KeyError, AttributeError):
            continue
        if _widget_value_is_settable(value):
            st.session_state[key] = value


def _on_lang_change() -> None:
    new = st.session_state.get(LANG_WIDGET, DEFAULT_LANG)
    st.session_state[LANG_STATE] = new
    st.query_params["lang"] = new
    _recommit_widgets()


def lang() -> str:
    """Draw the sidebar menu and the language switch (call once per page, first); return the
    language. The chosen language is kept in the session and written into the URL."""
    current = current_lang()
    st.session_state[LANG_STATE] = current
    if st.query_params.get("lang") != current:
        st.query_params["lang"] = current
    sb = st.sidebar
    if st.session_state.get(_NAV_FLAG):
        for key, file, url in PAGE_SPECS:
            sb.page_link(_page(key, file, url, current), query_params={"lang": current})
        sb.divider()
    st.session_state[LANG_WIDGET] = current
    sb.radio(t("lang.switch", current), list(LANGS), format_func=lang_name, horizontal=True,
             key=LANG_WIDGET, on_change=_on_lang_change)
    return current


def tr(key: str, **params) -> str:
    """Catalogue text in the current language (``t(key, current_lang(), **params)``)."""
    return t(key, current_lang(), **params)


@st.cache_data(show_spinner=False, max_entries=16)
def export_preview_png(layers: tuple, region, corridor, title: str, lang_code: str, preset: str,
                       labels: tuple, edition: str = "latest", where_query: tuple = (),
                       dpi: int = 90) -> bytes:
    """The static export (PNG/SVG/PDF) drawn at low resolution, for the Export page preview.
    ``where_query`` is the filter as sorted (parameter, value) pairs (hashable for the cache)."""
    from atlas.analysis.filters import TownFilter
    from atlas.export.figure import make_scene, render_png

    where = TownFilter.from_query(dict(where_query))
    scene = make_scene(list(layers), region, corridor, title, lang_code, preset, list(labels), edition, where)
    return render_png(scene, dpi)


def export_preview_map(layers: tuple, region, corridor, title: str, lang_code: str,
                       edition: str = "latest", where_query: tuple = ()):
    """The folium map the HTML export writes (same layers, extent, filters and title)."""
    from atlas.analysis.filters import TownFilter
    from atlas.export.figure import focus_regions
    from atlas.export.scene import default_title
    from atlas.maps import MapOptions, build_map

    data, bounds = _export_data_cached(region, corridor, edition, where_query)
    focus = focus_regions(data.regions, region, TownFilter.from_query(dict(where_query)))
    title = title or default_title(data.regions, focus, corridor, lang_code)
    return build_map(data, list(layers), MapOptions(lang=lang_code, selected_corridor=corridor),
                     bounds=bounds, title=title)


@st.cache_resource(show_spinner=False, max_entries=8)
def _export_data_cached(region, corridor, edition: str = "latest", where_query: tuple = ()):
    from atlas.analysis.filters import TownFilter
    from atlas.export.figure import export_data

    return export_data(region, corridor, edition=edition, where=TownFilter.from_query(dict(where_query)))


def export_view_link(query: dict, lang_code: str) -> None:
    """"Export this view": the Export page with ``query`` (Explore's filters and edition)."""
    label, hint = t("explore.export_view", lang_code), t("explore.export_view_help", lang_code)
    if st.session_state.get(_NAV_FLAG):
        st.page_link(_page("page.export", "export.py", "export", lang_code), label=label,
                     query_params=query, icon=":material/download:", help=hint)
    else:  # a page run on its own (tests): the same target as a plain link
        from urllib.parse import urlencode

        st.link_button(label, "export?" + urlencode(query), help=hint, icon=":material/download:")


def show_map(m, key: str, height: int = 560, returned_objects=("last_object_clicked",)):
    """Render a folium map with locally served Leaflet; panning does not rerun the script."""
    from streamlit_folium import st_folium

    assets.localize(m)
    # st_folium's own ``use_container_width`` (not Streamlit's deprecated argument)
    return st_folium(m, key=key, height=height, use_container_width=True,
                     returned_objects=list(returned_objects))


def _data_version() -> tuple:
    from atlas.paths import data_dir

    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in data_dir().glob("*.parquet")))


@st.cache_resource(show_spinner=False)
def _live_map_component(version: tuple):
    """Declare the live map over a folder written once per data version (see atlas.maps.live)."""
    import streamlit.components.v1 as components

    from atlas.editions import all_edition_codes
    from atlas.maps.live import payload_index, prepare_web_dir

    all_towns = io.read_layer("monotowns")
    all_towns["edition_codes"] = all_edition_codes(all_towns)  # the map's edition slider
    centres = io.load_science_centres()
    folder = prepare_web_dir(io.load_region_arcs(), all_towns, io.load_regions(), centres,
                             cities=io.load_major_cities())
    return (components.declare_component("atlas_map", path=str(folder)), folder.name,
            payload_index(all_towns, centres))


def live_map(shown, options, key: str, centres=None):
    """Draw the live map for ``shown`` towns; returns its last click (see :func:`new_click`)."""
    from atlas.maps.live import map_args

    component, version, index = _live_map_component(_data_version())
    args = map_args(shown, index, regions_display(), options, version, centres=centres)
    return component(key=key, default=None, **args)  # {"town": id, "n": click count} or None


def new_click(key: str, value) -> str | None:
    """The town of a click on the live map ``key`` not yet acted on, else None.

    A component keeps returning its last value on every rerun, so a click counts once. It
    is marked as handled only when the page has run to its end (:func:`footer`): a rerun that
    interrupts the page acts on the same click again instead of losing it.
    """
    if not value or st.session_state.get(f"_{key}_done") == value:
        return None
    st.session_state.setdefault("_clicks_pending", {})[key] = value
    return value.get("town")


@st.cache_data(show_spinner=False)
def editions():
    from atlas.editions import list_editions

    return list_editions()


@st.cache_data(show_spinner=False)
def compare(a: str, b: str):
    from atlas.editions import compare_editions

    return compare_editions(a, b)


@st.cache_data(show_spinner=False)
def town_history(town_id: str):
    from atlas.editions import town_history as history

    return history(town_id)


@st.cache_data(show_spinner=False)
def town_names(lang_code: str) -> dict[str, str]:
    """Every town ever listed: id -> "Name — Region" in the language (for the town picker)."""
    from atlas.i18n import names
    from atlas.names import region_names

    all_towns = io.read_layer("monotowns")
    regs = region_names(lang_code)
    return {tid: f"{n} — {regs.get(r, r)}" for tid, n, r in
            zip(all_towns.town_id, names(all_towns, lang_code), all_towns.region_iso, strict=True)}


@st.cache_data(show_spinner=False)
def centres_near_town(town_id: str, km: float = 100):
    """Science centres within ``km`` of a town (geodesic), nearest first."""
    from atlas.analysis.science import centres_near

    all_towns = io.read_layer("monotowns")
    return centres_near(all_towns[all_towns.town_id == town_id], science(), km)


def sync_query(wanted: dict[str, str], keep: tuple[str, ...] = ()) -> None:
    """Make the URL's query ``wanted`` (plus the ``keep`` keys as they are), touching only the
    keys that differ: each change Streamlit sends becomes a browser history entry, so writing
    unchanged values made the Back button need a press per rerun."""
    for k in list(st.query_params):
        if k not in wanted and k not in keep:
            del st.query_params[k]
    for k, v in wanted.items():
        if st.query_params.get(k) != v:
            st.query_params[k] = v


def set_query(key: str, value: str) -> None:
    """Set one query parameter if it differs (see :func:`sync_query`)."""
    if st.query_params.get(key) != value:
        st.query_params[key] = value


def query_choice(param: str, values: list, default):
    """A value from the URL if it is one of ``values`` (a deep link), else ``default``."""
    v = st.query_params.get(param, default)
    return v if v in values else default


def _css_string(text: str) -> str:
    """A CSS string literal: letters, digits, spaces and simple punctuation as they are, every
    other ASCII character as a CSS escape (no quote, bracket or backslash can end it)."""
    safe = " .,-–—•"
    return '"' + "".join(c if c.isalnum() or c in safe else f"\\{ord(c):x} " for c in str(text)) + '"'


def uploader_texts(lang_code: str) -> None:
    """Streamlit's file uploader writes "Upload" and "50MB per file" in English whatever the
    page's language: draw the atlas's words over them (CSS ``content``, so no markup is built
    from text). Call once on a page with uploaders."""
    from atlas.uploads import MAX_UPLOAD_BYTES

    button = _css_string(t("upload.button", lang_code))
    limit = _css_string(t("upload.per_file", lang_code, mb=MAX_UPLOAD_BYTES // (1024 * 1024)))
    zone = '[data-testid="stFileUploaderDropzone"]'
    st.html(f"""<style>
{zone} [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
{zone} [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p::after {{
  content: {button}; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {limit}; font-size: 0.75rem; }}
</style>""")


def number(n, lang_code: str) -> str:
    from atlas import fmt

    return fmt.integer(n, lang_code)


_FREEZE_LOCK = threading.Lock()
_frozen_at_modules = [0]  # len(sys.modules) at the last gc.freeze()


def freeze_long_lived() -> bool:
    """Hide what the server keeps for good from the cyclic garbage collector; True if it froze.

    Streamlit runs a full ``gc.collect()`` after every script run (``runner.postScriptGC``).
    With pandas, geopandas, pyarrow and Streamlit imported that walks some 220,000 objects —
    modules, classes, functions, cached resources — about 0.2 s of CPU per run and per session,
    two thirds of the server's time under load (benchmarks/bench_load.py). ``gc.freeze()``
    moves everything alive now into a generation the collector skips, so the post-run
    collection only looks at what runs create. Called at the end of a page run; it freezes
    again only after new modules were imported (the first run of another page), so the objects
    of later runs stay collectable. Reference counting still frees frozen objects that die.
    """
    import gc
    import sys

    if len(sys.modules) == _frozen_at_modules[0]:
        return False
    with _FREEZE_LOCK:
        if len(sys.modules) == _frozen_at_modules[0]:
            return False
        gc.collect()  # what is garbage already is freed, not frozen
        gc.freeze()
        _frozen_at_modules[0] = len(sys.modules)
    return True


def footer(lang_code: str) -> None:
    freeze_long_lived()
    for key, value in st.session_state.pop("_clicks_pending", {}).items():
        st.session_state[f"_{key}_done"] = value
    st.divider()
    st.caption(t("footer.attribution", lang_code))
    st.caption(t("footer.boundaries", lang_code))


POPULATION_LADDER = (1_000, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 20_000, 30_000, 50_000, 75_000,
                     100_000, 150_000, 200_000, 300_000, 500_000)


def filter_sidebar(towns, regions, initial, lang_code: str):
    """Sidebar filters; starts from ``initial`` (a TownFilter from the URL) and returns a new one."""
    from atlas.analysis.filters import TownFilter
    from atlas.i18n import names, vocab_codes, vocab_label

    sb = st.sidebar
    everything = t("filter.all", lang_code)
    present = set(towns.federal_district.dropna())
    fds = [d for d in vocab_codes("federal_district") if d in present] + sorted(
        present - set(vocab_codes("federal_district")))
    fd = sb.multiselect(t("federal_district", lang_code), fds,
                        default=[x for x in initial.federal_districts if x in fds], key="f_fd", placeholder=everything,
                        format_func=lambda d: vocab_label("federal_district", d, lang_code))
    reg_opts = sorted(towns[towns.federal_district.isin(fd)].region_iso.unique() if fd
                      else towns.region_iso.unique())
    reg_names = dict(zip(regions.iso, names(regions, lang_code)))
    reg_opts = sorted(reg_opts, key=lambda i: reg_names.get(i, i))
    reg = sb.multiselect(t("region", lang_code), reg_opts, default=[x for x in initial.regions if x in reg_opts],
                         format_func=lambda i: reg_names.get(i, i), key="f_reg", placeholder=everything)
    cats = sb.multiselect(t("category", lang_code), [1, 2, 3], default=initial.categories, key="f_cat",
                          placeholder=everything, format_func=lambda c: vocab_label("category", c, lang_code))
    spec_opts = vocab_codes("specialization") + ["unknown"]
    spec = sb.multiselect(t("specialization", lang_code), spec_opts,
                          default=[s for s in initial.specializations if s in spec_opts],
                          format_func=lambda s: t("unknown", lang_code) if s == "unknown"
                          else vocab_label("specialization", s, lang_code), key="f_spec", placeholder=everything)
    toser_opts = ["any", "yes", "no"]
    toser = sb.radio(t("toser", lang_code), toser_opts, index=toser_opts.index(initial.toser),
                     format_func=lambda x: t("filter.all" if x == "any" else x, lang_code),
                     horizontal=True, key="f_toser")
    kind_opts = vocab_codes("toser_kind")
    kinds = sb.multiselect(t("toser_kind", lang_code), kind_opts,
                           default=[k for k in initial.toser_kinds if k in kind_opts],
                           format_func=lambda k: vocab_label("toser_kind", k, lang_code), key="f_kind",
                           placeholder=everything)
    years = towns.toser_year.dropna().astype(int)
    y_lo, y_hi = (int(years.min()), int(years.max())) if len(years) else (2015, 2020)
    use_years = sb.checkbox(t("filter.toser_year", lang_code),
                            value=initial.toser_year_min is not None or initial.toser_year_max is not None,
                            key="f_year_on")
    year_range = sb.slider(t("filter.toser_year_range", lang_code), y_lo, y_hi, (initial.toser_year_min or y_lo, initial.toser_year_max or y_hi),
                           key="f_year", disabled=not use_years, label_visibility="collapsed")
    pmax = int(towns.population.max() or 1)
    # a ladder of round sizes (most towns have 5–100 thousand people, a few up to 700 thousand),
    # labelled in the page's language: Streamlit's own slider writes 684709 whatever the language
    start = (initial.population_min or 0, min(initial.population_max or pmax, pmax))
    ladder = sorted({0, pmax, *start, *(v for v in POPULATION_LADDER if v < pmax)})
    lo, hi = sb.select_slider(t("population", lang_code), ladder, value=start, key="f_pop",
                              format_func=lambda v: fmt.integer(v, lang_code))
    name = sb.text_input(t("filter.name", lang_code),
                         value=initial.name, key="f_name")
    return TownFilter(federal_districts=fd, regions=reg, categories=cats, specializations=spec,
                      toser=toser, toser_kinds=kinds,
                      toser_year_min=year_range[0] if use_years else None,
                      toser_year_max=year_range[1] if use_years else None, population_min=lo or None,
                      population_max=hi if hi < pmax else None, name=name)
