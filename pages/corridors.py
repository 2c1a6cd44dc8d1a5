"""Corridor planner: towns along a corridor in route order, with downloads."""

import streamlit as st

from atlas import ui
from atlas.api import corridor_summary, towns_along
from atlas.export.tables import corridor_table, to_csv_bytes, to_geojson_bytes, to_gpkg_bytes
from atlas.maps import MapData, MapOptions, build_map
from atlas.uploads import UploadError, read_line_upload

lang = ui.lang()
ru = lang == "ru"
st.title("Коридоры" if ru else "Corridors")
lines = ui.corridors()
names = dict(zip(lines.corridor_id, lines.name_ru if ru else lines.name_en))
cid = st.selectbox("Коридор" if ru else "Corridor", list(names), format_func=names.get, key="cor_id",
                   index=list(names).index(st.query_params.get("corridor", "transsib"))
                   if st.query_params.get("corridor", "transsib") in names else 0)
width = st.slider("Ширина полосы, км" if ru else "Band half-width, km", 5, 300, 50, step=5, key="cor_w")
upload = st.file_uploader("Или загрузите свою линию (GeoJSON, GPKG, KML, GPX)" if ru
                          else "Or upload your own line (GeoJSON, GPKG, KML, GPX)",
                          type=["geojson", "json", "gpkg", "kml", "gpx"], key="cor_upload")
corridor = cid
if upload is not None:
    try:
        corridor = read_line_upload(upload.getvalue(), upload.name)
        st.success("Используется загруженная линия" if ru else "Using the uploaded line")
    except UploadError as err:
        st.error(str(err))
st.query_params["corridor"] = cid
along = towns_along(corridor, width)
summary = corridor_summary(corridor)
st.caption((f"Длина линии {summary.line_km:.0f} км, по маршруту {summary.route_km:.0f} км; "
            f"километровых привязок: {summary.anchors}. Линия схематична: проведена через станции и города; "
            "пикетаж интерполирован между официальными километрами станций (где источник их даёт), "
            "иначе измерен по линии.") if ru else
           (f"Line {summary.line_km:.0f} km, route {summary.route_km:.0f} km; km anchors: {summary.anchors}. "
            "The line is schematic, drawn through stations and towns; chainage interpolates between "
            "official station kilometres where a source gives them, else it is measured along the line."))
sel = lines if isinstance(corridor, str) else lines.iloc[0:0]
m = build_map(MapData(towns=along if len(along) else ui.towns().iloc[0:0], regions=ui.regions_display(),
                      corridors=sel, nodes=ui.nodes()),
              ["regions", "corridors", "towns"],
              MapOptions(lang=lang, corridor_band_km=width, selected_corridor=cid if isinstance(corridor, str) else None))
ui.show_map(m, key="corridor_map", returned_objects=[])
table = corridor_table(along, lang)
st.metric("Городов в полосе" if ru else "Towns in the band", len(table))
st.dataframe(table, hide_index=True, use_container_width=True)
if len(along):
    st.scatter_chart(along.assign(offset=along.offset_km.where(along.side == "left", -along.offset_km),
                                  category=along.category.astype(str)),
                     x="chainage_km", y="offset", color="category" if "category" in along else None)
c1, c2, c3 = st.columns(3)
c1.download_button("CSV (Excel)", to_csv_bytes(table), f"{cid}_{width}km.csv", "text/csv", key="dl_csv", on_click="ignore")
c2.download_button("GeoJSON", to_geojson_bytes(along), f"{cid}_{width}km.geojson", "application/geo+json", key="dl_gj", on_click="ignore")
c3.download_button("GeoPackage", to_gpkg_bytes(along), f"{cid}_{width}km.gpkg", "application/geopackage+sqlite3", key="dl_gpkg",
                    on_click="ignore")
ui.footer(lang)
