"""Corridor planner: towns along a corridor in route order, with downloads."""

import streamlit as st

from atlas import ui
from atlas.api import as_corridor, corridor_summary, towns_along
from atlas.export.tables import corridor_table, to_csv_bytes, to_geojson_bytes, to_gpkg_bytes
from atlas.maps import MapData, MapOptions, build_map
from atlas.uploads import UploadError, read_line_upload, read_points_upload
from atlas.views import (corridor_anchor_table, corridor_method_text, corridor_strip_chart,
                         corridor_table_labels)



def _bounds(lines):
    from atlas.crs import shift_antimeridian

    minx, miny, maxx, maxy = shift_antimeridian(lines.geometry.values)[0].bounds
    return [[miny - 1, minx - 2], [maxy + 1, maxx + 2]]


lang = ui.lang()
ru = lang == "ru"
st.title("Коридоры" if ru else "Corridors")
lines = ui.corridors()
names = dict(zip(lines.corridor_id, lines.name_ru if ru else lines.name_en))
cid = st.selectbox("Коридор" if ru else "Corridor", list(names), format_func=names.get, key="cor_id",
                   index=list(names).index(st.query_params.get("corridor", "transsib"))
                   if st.query_params.get("corridor", "transsib") in names else 0)
width = st.slider("Ширина полосы, км" if ru else "Band half-width, km", 5, 300, 50, step=5, key="cor_w")
show_band = st.checkbox("Показать полосу на карте" if ru else "Draw the band on the map", value=True,
                        key="cor_band")
upload = st.file_uploader("Или загрузите свою линию (GeoJSON, GPKG, KML, GPX)" if ru
                          else "Or upload your own line (GeoJSON, GPKG, KML, GPX)",
                          type=["geojson", "json", "gpkg", "kml", "gpx"], key="cor_upload")
points_upload = st.file_uploader("Свои точки вместо моногородов (CSV lon/lat, GeoJSON, GPKG, KML)" if ru
                                 else "Your own points instead of the monotowns (CSV lon/lat, GeoJSON, GPKG, KML)",
                                 type=["csv", "geojson", "json", "gpkg", "kml"], key="cor_points")
corridor = cid
user_points = None
if points_upload is not None:
    try:
        user_points, notes = read_points_upload(points_upload.getvalue(), points_upload.name)
        for note in notes:
            st.warning(note)
    except UploadError as err:
        st.error(str(err))
if upload is not None:
    try:
        corridor = read_line_upload(upload.getvalue(), upload.name)
        st.success("Используется загруженная линия" if ru else "Using the uploaded line")
    except UploadError as err:
        st.error(str(err))
st.query_params["corridor"] = cid
resolved = as_corridor(corridor)  # an uploaded line is turned into a Corridor (and indexed) once
along = towns_along(resolved, width, points=user_points)
summary = corridor_summary(resolved)
st.caption((f"Длина линии {summary.line_km:.0f} км, по маршруту {summary.route_km:.0f} км; "
            f"километровых привязок: {summary.anchors}.") if ru else
           (f"Line {summary.line_km:.0f} km, route {summary.route_km:.0f} km; km anchors: {summary.anchors}."))
with st.expander("Как считается: смещение, полоса, пикетаж" if ru else "Method: offset, band, chainage"):
    st.write(corridor_method_text(int(summary.anchors), lang))
    if isinstance(corridor, str) and summary.anchors:
        st.dataframe(corridor_anchor_table(ui.waypoints(cid), lang), hide_index=True,
                     use_container_width=True)
sel = lines[lines.corridor_id == cid] if isinstance(corridor, str) else corridor.assign(
    corridor_id="user", name_ru="Загруженная линия", name_en="Uploaded line", mode="multimodal")
# monotowns are drawn (band members highlighted), or the user's own points instead of them
points = None if user_points is None else user_points.assign(in_band=user_points.index.isin(along.index))
m = build_map(MapData(towns=ui.towns() if user_points is None else ui.towns().iloc[0:0],
                      regions=ui.regions_display(), corridors=sel, nodes=ui.nodes(), points=points),
              ["regions", "corridors", "towns", "points"],
              MapOptions(lang=lang, legend_position="topright",
                         corridor_band_km=width if show_band else None,
                         selected_corridor=sel.corridor_id.iloc[0],
                         highlight_ids=set(along.get("town_id", []))),
              bounds=_bounds(sel))
ui.show_map(m, key="corridor_map", returned_objects=[])
table = corridor_table(along, lang)
st.metric("Городов в полосе" if ru else "Towns in the band", len(table))
st.dataframe(table, hide_index=True, use_container_width=True,
             column_config=corridor_table_labels(table.columns, lang))
if len(along):
    st.caption("Города вдоль маршрута: пикетаж по оси X, смещение слева (+) и справа (−) по ходу — по оси Y"
               if ru else "Towns along the route: chainage on x, offset left (+) / right (−) of travel on y")
    strip, spec = corridor_strip_chart(along, lang)
    st.vega_lite_chart(strip, spec, use_container_width=True)
stem = f"{cid if isinstance(corridor, str) else 'my_line'}_{width}km"
c1, c2, c3 = st.columns(3)
c1.download_button("CSV (Excel)", to_csv_bytes(table), f"{stem}.csv", "text/csv", key="dl_csv", on_click="ignore")
c2.download_button("GeoJSON", to_geojson_bytes(along), f"{stem}.geojson", "application/geo+json", key="dl_gj", on_click="ignore")
c3.download_button("GeoPackage", to_gpkg_bytes(along), f"{stem}.gpkg", "application/geopackage+sqlite3", key="dl_gpkg",
                    on_click="ignore")
ui.footer(lang)
