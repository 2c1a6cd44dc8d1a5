"""Corridor planner: towns (or your own points) along a corridor in route order, with downloads.

An uploaded file is read once (kept in the session until another file replaces it); anything
wrong with it is a message in the page's language, and the chosen corridor stays in use.
Big point files stay bounded: the map draws the points in the band plus a capped sample of
the rest, the table pages, and the downloads are built only when clicked.
"""

import numpy as np
import pandas as pd
import streamlit as st

from atlas import ui
from atlas.api import as_corridor, corridor_summary, towns_along
from atlas.export.tables import corridor_table, to_csv_bytes, to_geojson_bytes, to_gpkg_bytes
from atlas.i18n import names as display_names
from atlas.i18n import t
from atlas.maps import MapData, MapOptions, build_map
from atlas.maps.layers import point_names
from atlas.safe import md_text
from atlas.uploads import (
    LINE_ORDERS,
    UploadError,
    fmt_int,
    limits_text,
    read_line_upload,
    read_points_upload,
    rule_text,
)
from atlas.views import (
    corridor_anchor_table,
    corridor_method_text,
    corridor_strip_chart,
    corridor_table_labels,
)

MAP_IN_BAND_CAP = 5_000  # points in the band drawn on the map (evenly along the chainage beyond)
MAP_OUTSIDE_SAMPLE = 1_500  # a random sample of the points outside the band
CHART_CAP = 5_000
PAGE_ROWS = 500


def _bounds(lines):
    from atlas.crs import shift_antimeridian

    geoms = shift_antimeridian(lines.geometry.values)
    b = np.array([g.bounds for g in geoms])
    minx, miny, maxx, maxy = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
    return [[miny - 1, minx - 2], [maxy + 1, maxx + 2]]


def _kept(slot: str, key, build):
    """One value per slot in this session, rebuilt only when ``key`` changes (one copy held).

    A failure is kept too, so a bad file is not re-read on every rerun.
    """
    store = st.session_state.setdefault("_corridor_kept", {})
    hit = store.get(slot)
    if hit is not None and hit[0] == key:
        return hit[1]
    store.pop(slot, None)  # let the old value go before the new one is built
    try:
        value = ("ok", build())
    except UploadError as err:
        value = ("error", err)
    store[slot] = (key, value)
    if value[0] == "ok" and slot in ("line", "points"):
        store[f"{slot}:good"] = (key, value[1])  # what a later bad file falls back to
    return value


def _last_good(slot: str):
    """(value, key) of the last file in ``slot`` that was read well, or None."""
    hit = st.session_state.get("_corridor_kept", {}).get(f"{slot}:good")
    return None if hit is None else (hit[1], hit[0])


def _forget(slot: str) -> None:
    store = st.session_state.get("_corridor_kept", {})
    store.pop(slot, None)
    store.pop(f"{slot}:good", None)


def _file_key(f, exchange: bool):
    return (getattr(f, "file_id", None), f.name, getattr(f, "size", None), exchange)


def _show_notes(notes, lang):
    for note in notes:
        st.info(note.message(lang))


def _evenly(n: int, cap: int) -> np.ndarray:
    return np.arange(n) if n <= cap else np.unique(np.linspace(0, n - 1, cap).round().astype(int))


lang = ui.lang()
st.title(t("corridors.title", lang))
lines = ui.corridors()
names = dict(zip(lines.corridor_id, display_names(lines, lang), strict=True))
asked = st.query_params.get("corridor", "transsib")
cid = st.selectbox(t("corridor", lang), list(names), format_func=names.get, key="cor_id",
                   index=list(names).index(asked) if asked in names else 0)
width = st.slider(t("corridors.width", lang), 5, 300, 50, step=5, key="cor_w")
show_band = st.checkbox(t("corridors.show_band", lang), value=True, key="cor_band")
rule = rule_text(lang)
ui.uploader_texts(lang)
upload = st.file_uploader(t("corridors.upload_line", lang), type=["geojson", "json", "gpkg", "kml", "gpx"],
                          key="cor_upload", help=rule)
points_upload = st.file_uploader(t("corridors.upload_points", lang),
                                 type=["csv", "txt", "tsv", "geojson", "json", "gpkg", "kml", "gpx"],
                                 key="cor_points", help=rule)
st.caption(limits_text(lang))
exchange = st.checkbox(t("upload.exchange", lang), value=True, key="cor_swap", help=rule)

corridor, line_key, user_lines = cid, cid, None
line_order = "auto"
if upload is not None:
    line_order = st.radio(t("upload.line_order", lang), list(LINE_ORDERS), horizontal=True, key="cor_line_order",
                          format_func=lambda k: t(f"upload.line_order.{k}", lang), help=rule)
    key = _file_key(upload, exchange) + (line_order,)

    def _line():
        read = read_line_upload(upload.getvalue(), upload.name, exchange, order=line_order)
        try:
            return read, as_corridor(read.lines)
        except ValueError:  # the geometry cannot make a corridor
            raise UploadError("unusable") from None

    status, value = _kept("line", key, _line)
    if status == "ok":
        read, corridor = value
        user_lines, line_key = read.lines, key
        st.success(t("corridors.using_upload", lang))
        _show_notes(read.notes, lang)
    else:
        st.error(value.message(lang))
        good = _last_good("line")
        if good is not None:  # the reader's previous line stays, not the picked corridor
            (read, corridor), line_key = good
            user_lines = read.lines
            st.info(t("upload.kept_previous", lang))
else:
    _forget("line")

user_points = None
points_key = None
if points_upload is not None:
    points_order = st.radio(t("upload.points_order", lang), list(LINE_ORDERS), horizontal=True,
                            key="cor_points_order", format_func=lambda k: t(f"upload.line_order.{k}", lang),
                            help=rule)
    points_key = _file_key(points_upload, exchange) + (points_order, line_key)
    near = (user_lines.geometry.union_all() if user_lines is not None
            else lines.geometry[lines.corridor_id == cid].iloc[0])
    status, value = _kept("points", points_key,
                          lambda: read_points_upload(points_upload.getvalue(), points_upload.name, exchange,
                                                     line=near, order=points_order))
    if status == "ok":
        user_points = value.points
        _show_notes(value.notes, lang)
    else:
        st.error(value.message(lang))
        good = _last_good("points")
        if good is not None:
            value, points_key = good
            user_points = value.points
            st.info(t("upload.kept_previous", lang))
        else:
            points_key = None
else:
    _forget("points")
ui.set_query("corridor", cid)

resolved = as_corridor(corridor)
try:
    _, along = _kept("along", (line_key, points_key, width),
                     lambda: towns_along(resolved, width, points=user_points))
except Exception as exc:  # noqa: BLE001 — the user's data must never break the page
    st.error(t("upload.unusable", lang))
    corridor, line_key, user_lines, user_points, points_key = cid, cid, None, None, None
    resolved = as_corridor(cid)
    _, along = _kept("along", (line_key, points_key, width), lambda: towns_along(resolved, width))
summary = corridor_summary(resolved)
if summary.parts > 1:
    (st.info if summary.chained else st.warning)(
        t("upload.parts_chained" if summary.chained else "upload.parts_separate", lang).format(n=summary.parts))
result = along.attrs.get("atlas_columns", {})
renamed = {k: v for k, v in result.items() if k != v}
if user_points is not None and renamed:
    st.info(t("upload.columns_renamed", lang).format(names=md_text(", ".join(map(str, renamed))),
                                                     renamed=md_text(", ".join(map(str, renamed.values())))))
km = t("unit.km", lang)
st.caption(t("corridors.summary", lang).format(line=f"{summary.line_km:.0f} {km}",
                                               route=f"{summary.route_km:.0f} {km}", anchors=summary.anchors))
with st.expander(t("corridors.method", lang)):
    st.write(corridor_method_text(int(summary.anchors), lang))
    if user_lines is None and summary.anchors:
        st.dataframe(corridor_anchor_table(ui.waypoints(cid), lang), hide_index=True,
                     width="stretch")

if user_lines is None:
    sel = lines[lines.corridor_id == cid]
else:  # the user's line as drawn: one feature, its parts never joined on the map either
    import geopandas as gpd
    import shapely

    geom = (user_lines.geometry.iloc[0] if len(user_lines) == 1
            else shapely.MultiLineString(list(user_lines.geometry.values)))
    sel = gpd.GeoDataFrame({"corridor_id": ["user"], "name_ru": [t("uploaded_line", "ru")],
                            "name_en": [t("uploaded_line", "en")], "mode": ["multimodal"]}, geometry=[geom], crs=4326)

# the monotowns (band members highlighted), or the user's points: those in the band and a sample
points = None
if user_points is not None:
    n_all = len(user_points)
    inside = np.zeros(n_all, dtype=bool)
    inside[along.index.to_numpy(dtype=int)] = True
    band_rows = along.index.to_numpy(dtype=int)[_evenly(len(along), MAP_IN_BAND_CAP)]
    outside = np.flatnonzero(~inside)
    if len(outside) > MAP_OUTSIDE_SAMPLE:
        outside = np.sort(np.random.default_rng(0).choice(outside, MAP_OUTSIDE_SAMPLE, replace=False))
    drawn = np.concatenate([band_rows, outside])
    sample = user_points.iloc[drawn]
    import geopandas as gpd

    points = gpd.GeoDataFrame({"name": point_names(sample), "in_band": inside[drawn]},
                              geometry=sample.geometry.values, crs=4326)
    if len(drawn) < n_all:
        st.caption(t("upload.map_sample", lang).format(
            shown=fmt_int(len(drawn), lang), total=fmt_int(n_all, lang),
            inside=fmt_int(len(band_rows), lang), outside=fmt_int(len(outside), lang)))
m = build_map(MapData(towns=ui.towns() if user_points is None else ui.towns().iloc[0:0],
                      regions=ui.regions_display(), corridors=sel, nodes=ui.nodes(), points=points,
                      region_arcs=ui.region_arcs()),
              ["regions", "corridors", "towns", "points"],
              MapOptions(lang=lang, legend_position="topright",
                         corridor_band_km=width if show_band else None,
                         selected_corridor=sel.corridor_id.iloc[0],
                         highlight_ids=set(along.get("town_id", [])) if user_points is None else set()),
              bounds=_bounds(sel))
ui.show_map(m, key="corridor_map", returned_objects=[])

n = len(along)
st.metric(t("corridors.in_band", lang), n)
first, last = 0, n
if n > PAGE_ROWS:
    pages = -(-n // PAGE_ROWS)
    page = st.number_input("↕", 1, pages, 1, key="cor_page", label_visibility="collapsed")
    first, last = (int(page) - 1) * PAGE_ROWS, min(int(page) * PAGE_ROWS, n)
    st.caption(t("upload.table_page", lang).format(first=fmt_int(first + 1, lang), last=fmt_int(last, lang),
                                                   total=fmt_int(n, lang)))
table = corridor_table(along.iloc[first:last], lang)
labelled = table.columns if user_points is None else [v for k, v in result.items() if k == v]
st.dataframe(table, hide_index=True, width="stretch",
             column_config=corridor_table_labels(labelled, lang))
if n:
    st.caption(t("corridors.strip_caption", lang))
    sub = along.iloc[_evenly(n, CHART_CAP)]
    if user_points is not None:  # the chart reads the atlas's columns under their plain names
        sub = pd.DataFrame({"name": point_names(sub), "chainage_km": sub[result["chainage_km"]].to_numpy(),
                            "offset_km": sub[result["offset_km"]].to_numpy(),
                            "side": sub[result["side"]].to_numpy()})
    if len(sub) < n:
        st.caption(t("upload.chart_sample", lang).format(shown=fmt_int(len(sub), lang), total=fmt_int(n, lang)))
    strip, spec = corridor_strip_chart(sub, lang)
    st.vega_lite_chart(strip, spec, width="stretch")

# downloads are built when clicked, from the one copy of the result this rerun holds
stem = f"{cid if user_lines is None else 'my_line'}_{width}km"
c1, c2, c3 = st.columns(3)
c1.download_button(t("corridors.download_csv", lang), lambda: to_csv_bytes(corridor_table(along, lang)),
                   f"{stem}.csv", "text/csv", key="dl_csv", on_click="ignore")
c2.download_button(t("corridors.download_geojson", lang), lambda: to_geojson_bytes(along), f"{stem}.geojson",
                   "application/geo+json", key="dl_gj", on_click="ignore")
c3.download_button(t("corridors.download_gpkg", lang), lambda: to_gpkg_bytes(along), f"{stem}.gpkg",
                   "application/geopackage+sqlite3", key="dl_gpkg", on_click="ignore")
ui.footer(lang)
