"""The one module of ``atlas`` that imports Streamlit: cached data, language, map widget, footer."""

from __future__ import annotations

import streamlit as st

from atlas import io
from atlas.i18n import t
from atlas.maps import assets
from atlas.policy import ATTRIBUTION, BOUNDARY_POLICY


@st.cache_data(show_spinner=False)
def towns(edition: str = "latest"):
    return io.load_monotowns(edition)


@st.cache_data(show_spinner=False)
def regions_display():
    return io.load_regions(display=True)


@st.cache_data(show_spinner=False)
def science():
    return io.load_science_centres()


@st.cache_data(show_spinner=False)
def corridors():
    return io.load_corridors()


@st.cache_data(show_spinner=False)
def waypoints(corridor_id: str):
    w = io.load_corridor_waypoints()
    return w[w.corridor_id == corridor_id]


@st.cache_data(show_spinner=False)
def nodes():
    return io.load_logistics_nodes()


def lang() -> str:
    """Interface language from the URL (``?lang=en``) or the sidebar switch; Russian default."""
    current = st.query_params.get("lang", "ru")
    if current not in ("ru", "en"):
        current = "ru"
    choice = st.sidebar.radio("Язык / Language", ["ru", "en"], index=["ru", "en"].index(current),
                              format_func=lambda x: "Русский" if x == "ru" else "English",
                              horizontal=True, key="lang_switch")
    if choice != current:
        st.query_params["lang"] = choice
    return choice


def tr(key: str) -> str:
    return t(key, st.session_state.get("lang_switch", st.query_params.get("lang", "ru")))


def show_map(m, key: str, height: int = 560, returned_objects=("last_object_clicked",)):
    """Render a folium map with locally served Leaflet; panning does not rerun the script."""
    from streamlit_folium import st_folium

    assets.localize(m)
    return st_folium(m, key=key, height=height, use_container_width=True,
                     returned_objects=list(returned_objects))


def footer(lang_code: str) -> None:
    st.divider()
    st.caption(ATTRIBUTION[lang_code])
    st.caption(BOUNDARY_POLICY[lang_code])


def filter_sidebar(towns, regions, initial, lang_code: str):
    """Sidebar filters; starts from ``initial`` (a TownFilter from the URL) and returns a new one."""
    from atlas.analysis.filters import TownFilter
    from atlas.vocab import SPECIALIZATIONS, TOSER_KINDS, label

    sb = st.sidebar
    everything = "все" if lang_code == "ru" else "all"
    fds = sorted(towns.federal_district.dropna().unique())
    fd = sb.multiselect(t("federal_district", lang_code), fds,
                        default=[x for x in initial.federal_districts if x in fds], key="f_fd", placeholder=everything)
    reg_opts = sorted(towns[towns.federal_district.isin(fd)].region_iso.unique() if fd
                      else towns.region_iso.unique())
    reg_names = dict(zip(regions.iso, regions.name_ru if lang_code == "ru" else regions.name_en))
    reg = sb.multiselect(t("region", lang_code), reg_opts, default=[x for x in initial.regions if x in reg_opts],
                         format_func=lambda i: reg_names.get(i, i), key="f_reg", placeholder=everything)
    cats = sb.multiselect(t("category", lang_code), [1, 2, 3], default=initial.categories, key="f_cat", placeholder=everything)
    spec_opts = list(SPECIALIZATIONS) + ["unknown"]
    spec = sb.multiselect(t("specialization", lang_code), spec_opts,
                          default=[s for s in initial.specializations if s in spec_opts],
                          format_func=lambda s: t("unknown", lang_code) if s == "unknown"
                          else label(SPECIALIZATIONS, s, lang_code), key="f_spec", placeholder=everything)
    toser_opts = ["any", "yes", "no"]
    toser = sb.radio(t("toser", lang_code), toser_opts, index=toser_opts.index(initial.toser),
                     format_func=lambda x: {"any": "все" if lang_code == "ru" else "all",
                                            "yes": t("yes", lang_code), "no": t("no", lang_code)}[x],
                     horizontal=True, key="f_toser")
    kinds = sb.multiselect(t("toser_kind", lang_code), list(TOSER_KINDS),
                           default=[k for k in initial.toser_kinds if k in TOSER_KINDS],
                           format_func=lambda k: label(TOSER_KINDS, k, lang_code), key="f_kind", placeholder=everything)
    years = towns.toser_year.dropna().astype(int)
    y_lo, y_hi = (int(years.min()), int(years.max())) if len(years) else (2015, 2020)
    use_years = sb.checkbox("Год создания ТОСЭР" if lang_code == "ru" else "TOSER creation year",
                            value=initial.toser_year_min is not None or initial.toser_year_max is not None,
                            key="f_year_on")
    year_range = sb.slider(" ", y_lo, y_hi, (initial.toser_year_min or y_lo, initial.toser_year_max or y_hi),
                           key="f_year", disabled=not use_years, label_visibility="collapsed")
    pmax = int(towns.population.max() or 1)
    lo, hi = sb.slider(t("population", lang_code), 0, pmax,
                       (initial.population_min or 0, min(initial.population_max or pmax, pmax)),
                       step=1000, key="f_pop")
    name = sb.text_input("Поиск по названию" if lang_code == "ru" else "Search by name",
                         value=initial.name, key="f_name")
    return TownFilter(federal_districts=fd, regions=reg, categories=cats, specializations=spec,
                      toser=toser, toser_kinds=kinds,
                      toser_year_min=year_range[0] if use_years else None,
                      toser_year_max=year_range[1] if use_years else None, population_min=lo or None,
                      population_max=hi if hi < pmax else None, name=name)
