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
from atlas.export.planner import (
    download_stem,
    excel_csv_bytes,
    geojson_bytes,
    gpkg_bytes,
    planner_layers,
    planner_table,
)
from atlas.export.tables import corridor_table, to_csv_bytes
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
    readable,
)
from atlas.vocab import CORRIDOR_MODES

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


def _line_name(lines_gdf, fallback: str) -> str:
    """The uploaded line's own name: a name-like attribute, else the file name."""
    vals = [v for v in point_names(lines_gdf) if v and not v.startswith("#")]
    return vals[0] if vals else fallback


def _line_mode(lines_gdf) -> str | None:
    for col in lines_gdf.columns:
        if str(col).strip().casefold() in ("mode", "вид", "transport"):
            vals = [str(v).strip().casefold() for v in lines_gdf[col] if isinstance(v, str)]
            if vals and vals[0] in CORRIDOR_MODES:
                return vals[0]
    return None


def _network_options(lang):
    c1, c2, c3 = st.columns(3)
    modes = tuple(m for m, box in (("rail", c1.checkbox(t("corridors.show_rail", lang), key="net_rail")),
                                   ("road", c2.checkbox(t("corridors.show_road", lang), key="net_road")))
                  if box)
    return modes, c3.checkbox(t("corridors.show_airports", lang), key="net_air")


def _downloads(along, sel, width, lang, name):
    """Excel CSV by language, the machine-readable CSV, GeoJSON and GeoPackage of named layers."""
    stem = download_stem(name, width)
    line_layer = "route" if sel.corridor_id.iloc[0].startswith("route") else "corridor"
    line = sel.assign(name=name)[["name", "mode", "geometry"]]
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button(t("corridors.download_excel", lang),
                       lambda: excel_csv_bytes(planner_table(along, lang), lang),
                       f"{stem}.csv", "text/csv", key="dl_csv", on_click="ignore")
    c2.download_button(t("corridors.download_machine", lang), lambda: to_csv_bytes(corridor_table(along, lang,
                                                                                                   labels=False)),
                       f"{stem}_data.csv", "text/csv", key="dl_csv_ids", on_click="ignore")
    c3.download_button(t("corridors.download_geojson", lang),
                       lambda: geojson_bytes(planner_layers(along, line, width, lang, line_layer)),
                       f"{stem}.geojson", "application/geo+json", key="dl_gj", on_click="ignore")
    c4.download_button(t("corridors.download_gpkg", lang),
                       lambda: gpkg_bytes(planner_layers(along, line, width, lang, line_layer)),
                       f"{stem}.gpkg", "application/geopackage+sqlite3", key="dl_gpkg", on_click="ignore")


def _route_tool(lang) -> None:
    """Two towns, a town and a port, or the reader's origins to one destination (#20)."""
    import geopandas as gpd

    from atlas.analysis.network import SNAP_KM

    st.caption(t("route.intro", lang, snap=f"{SNAP_KM['rail']:.0f}"))
    kinds = ["towns", "port", "upload"]
    kind = st.radio(t("route.kind", lang), kinds, format_func=lambda k: t(f"route.kind_{k}", lang),
                    horizontal=True, key="route_kind")
    mode = st.radio(t("route.mode", lang), ["rail", "road"], horizontal=True, key="route_mode",
                    format_func=lambda m: t(f"layer.{m}_network", lang))
    towns = ui.towns()
    town_names = dict(sorted(zip(towns.town_id, display_names(towns, lang)), key=lambda kv: kv[1]))
    ports = ui.nodes()
    ports = ports[ports.kind == "seaport"]
    port_names = dict(sorted(zip(ports.node_id, display_names(ports, lang)), key=lambda kv: kv[1]))
    width = st.slider(t("corridors.width", lang), 5, 300, 50, step=5, key="route_w")
    net_modes, show_air = _network_options(lang)
    if kind == "upload":
        _origins_tool(lang, mode, town_names, port_names, net_modes, show_air)
        return
    ids = list(town_names)
    a = st.selectbox(t("route.from", lang), ids, format_func=town_names.get, key="route_a")
    if kind == "towns":
        b = st.selectbox(t("route.to", lang), ids, format_func=town_names.get, key="route_b",
                         index=min(1, len(ids) - 1))
        b_name = town_names[b]
    else:
        b = st.selectbox(t("route.port", lang), list(port_names), format_func=port_names.get, key="route_p")
        b_name = port_names[b]
    found = ui.route(a, b, mode)
    mode_words = t(f"network.mode_{mode}", lang)
    if found is None:
        st.warning(t("route.none", lang, a=town_names[a], b=b_name, mode=mode_words,
                     snap=f"{SNAP_KM[mode]:.0f}"))
        return
    km_total, _, line, snap_a, snap_b = found
    name = t("route.name", lang, a=town_names[a], b=b_name, mode=t(f"layer.{mode}_network", lang))
    st.subheader(md_text(name))
    from atlas import fmt

    st.metric(t("route.title", lang), fmt.km(round(km_total), lang))
    st.caption(t("route.snaps", lang, a=f"{snap_a:.1f}", b=f"{snap_b:.1f}"))
    sel = gpd.GeoDataFrame({"corridor_id": ["route"], "name_ru": [name], "name_en": [name], "mode": [mode],
                            "schematic": [False]}, geometry=[line], crs=4326)
    along = towns_along(line, width)
    m = build_map(MapData(towns=ui.towns(), regions=ui.regions_display(), corridors=sel, nodes=ui.nodes(),
                          region_arcs=ui.region_arcs(), network=ui.network_lines() if net_modes else None,
                          airports=ui.airports() if show_air else None),
                  ["regions", "network", "corridors", "airports", "towns"],
                  MapOptions(lang=lang, legend_position="topright", corridor_band_km=width,
                             selected_corridor="route", network_modes=net_modes,
                             highlight_ids=set(along.get("town_id", []))),
                  bounds=_bounds(sel))
    ui.show_map(m, key="route_map", returned_objects=[])
    st.markdown(f"**{t('route.towns_in_band', lang, km=width)}**")
    st.dataframe(readable(planner_table(along, lang), lang), hide_index=True, width="stretch")
    _downloads(along, sel, width, lang, name)


ORIGIN_LINES_CAP = 20


def _origins_tool(lang, mode, town_names, port_names, net_modes, show_air) -> None:
    """The reader's origins (a points file) to one town or port: network km for each."""
    import geopandas as gpd

    from atlas.analysis.network import SNAP_KM
    from atlas.api import resolve_place
    from atlas.io import get_network

    upload = st.file_uploader(t("corridors.upload_points", lang),
                              type=["csv", "txt", "tsv", "geojson", "json", "gpkg", "kml", "gpx"],
                              key="route_points", help=rule_text(lang))
    dest_ids = list(port_names) + list(town_names)
    dest = st.selectbox(t("route.destination", lang), dest_ids,
                        format_func=lambda i: port_names.get(i) or town_names.get(i), key="route_dest")
    if upload is None:
        return
    status, value = _kept("route_points", (_file_key(upload, True), ),
                          lambda: read_points_upload(upload.getvalue(), upload.name, True))
    if status != "ok":
        st.error(value.message(lang))
        return
    pts = value.points
    net = get_network(mode)
    (dlon, dlat), _ = resolve_place(dest)
    dsnap = net.candidates([dlon], [dlat])[0]
    dest_name = port_names.get(dest) or town_names.get(dest)
    if not dsnap:
        st.warning(t("route.none", lang, a="…", b=dest_name, mode=t(f"network.mode_{mode}", lang),
                     snap=f"{SNAP_KM[mode]:.0f}"))
        return
    km, _, snap = net.distances_to(pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy(), dsnap[:1])
    table = pd.DataFrame({t("route.from", lang): point_names(pts), t("col.network_km", lang): np.round(km, 0),
                          column_label_access(mode, lang): np.round(snap, 1)})
    st.markdown(f"**{t('route.origins_table', lang, dest=dest_name)}**")
    st.dataframe(table, hide_index=True, width="stretch")
    lines, first = [], np.flatnonzero(np.isfinite(km))[:ORIGIN_LINES_CAP]
    for i in first:
        r = net.route((pts.geometry.x.iloc[i], pts.geometry.y.iloc[i]), (dlon, dlat))
        if r is not None:
            lines.append(r.line)
    if len(first) < int(np.isfinite(km).sum()):
        st.caption(t("route.origins_cap", lang, n=ORIGIN_LINES_CAP))
    if lines:
        import shapely

        name = t("route.origins_table", lang, dest=dest_name)
        sel = gpd.GeoDataFrame({"corridor_id": ["routes"], "name_ru": [name], "name_en": [name], "mode": [mode],
                                "schematic": [False]}, geometry=[shapely.MultiLineString(lines)], crs=4326)
        m = build_map(MapData(towns=ui.towns().iloc[0:0], regions=ui.regions_display(), corridors=sel,
                              region_arcs=ui.region_arcs(),
                              network=ui.network_lines() if net_modes else None,
                              airports=ui.airports() if show_air else None,
                              points=gpd.GeoDataFrame({"name": point_names(pts), "in_band": np.isfinite(km)},
                                                      geometry=pts.geometry.values, crs=4326)),
                      ["regions", "network", "corridors", "airports", "points"],
                      MapOptions(lang=lang, legend_position="topright", network_modes=net_modes),
                      bounds=_bounds(sel))
        ui.show_map(m, key="origins_map", returned_objects=[])
    st.download_button(t("corridors.download_excel", lang), lambda: excel_csv_bytes(table, lang),
                       download_stem(f"routes_to_{dest}", 0).removesuffix("_0km") + ".csv", "text/csv",
                       key="dl_routes", on_click="ignore")


def column_label_access(mode, lang):
    from atlas.i18n import column_label

    return column_label(f"{mode}_access_km", lang)


lang = ui.lang()
st.title(t("corridors.title", lang))
view = st.radio(t("corridors.view", lang), ["corridor", "route"], horizontal=True, key="cor_view",
                format_func=lambda v: t(f"corridors.view_{v}", lang))
if view == "route":
    _route_tool(lang)
    ui.footer(lang)
    st.stop()
lines = ui.corridors()
names = dict(zip(lines.corridor_id, display_names(lines, lang), strict=True))
asked = st.query_params.get("corridor", "transsib")
has_upload = st.session_state.get("cor_upload") is not None
cid = st.selectbox(t("corridor", lang), list(names), format_func=names.get, key="cor_id",
                   index=list(names).index(asked) if asked in names else 0, disabled=has_upload,
                   help=t("corridors.picker_upload", lang) if has_upload else None)
width = st.slider(t("corridors.width", lang), 5, 300, 50, step=5, key="cor_w")
show_band = st.checkbox(t("corridors.show_band", lang), value=True, key="cor_band")
net_modes, show_air = _network_options(lang)
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
    own = _line_name(user_lines, upload.name.rsplit(".", 1)[0])
    sel = gpd.GeoDataFrame({"corridor_id": ["user"], "name_ru": [own], "name_en": [own],
                            "mode": [_line_mode(user_lines)]}, geometry=[geom], crs=4326)
title_name = display_names(sel, lang).iloc[0]
st.subheader(md_text(title_name))  # an uploaded line's name is the reader's text
if user_lines is None and "unrouted_legs" in sel and isinstance(sel.unrouted_legs.iloc[0], str):
    st.caption(t("corridors.unrouted", lang, legs=sel.unrouted_legs.iloc[0]))

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
                      region_arcs=ui.region_arcs(), network=ui.network_lines() if net_modes else None,
                      airports=ui.airports() if show_air else None,
                      corridor_legs=ui.corridor_legs() if user_lines is None else None),
              ["regions", "network", "corridors", "airports", "towns", "points"],
              MapOptions(lang=lang, legend_position="topright", network_modes=net_modes,
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
table = planner_table(along.iloc[first:last], lang)
st.dataframe(readable(table, lang), hide_index=True, width="stretch")
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
_downloads(along, sel, width, lang, title_name)
ui.footer(lang)
