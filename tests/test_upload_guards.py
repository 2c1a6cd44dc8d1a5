"""What a hostile or careless file cannot do: reach the network, stall or exhaust the server,
render as Markdown, or come back changed. Each case asserts the exact outcome."""

from __future__ import annotations

import http.server
import json
import os
import pickle
import sqlite3
import sys
import threading
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from atlas.export.tables import to_csv_bytes
from atlas.uploads import UploadError, read_line_upload, read_points_upload, sandbox
from atlas.uploads.coords import in_neighbour_country
from atlas.uploads.text import detect_encoding

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from corpus import corridor_page_app  # noqa: E402

TRANSSIB = [(37.62, 55.75), (49.11, 55.79), (60.6, 56.84), (82.92, 55.03), (104.3, 52.29)]


def fc(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def line_feature(coords, **props) -> dict:
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "LineString", "coordinates": [list(c) for c in coords]}}


@pytest.fixture
def http_log():
    """A local HTTP server that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
                             b'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]')

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


# -- no network --------------------------------------------------------------------------------
def test_a_link_crs_is_refused_before_gdal_and_nothing_is_fetched(http_log):
    url, hits = http_log
    data = json.dumps({"type": "FeatureCollection",
                       "crs": {"type": "link", "properties": {"href": f"{url}/crs.wkt", "type": "ogcwkt"}},
                       "features": [line_feature(TRANSSIB)]}).encode()
    with pytest.raises(UploadError) as info:
        read_line_upload(data, "route.geojson")
    assert info.value.key == "geojson_crs"
    assert "crs" in info.value.message("en") and "EPSG:4326" in info.value.message("ru")
    assert hits == []


def test_a_named_crs_is_read():
    data = json.dumps({"type": "FeatureCollection",
                       "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
                       "features": [line_feature(TRANSSIB)]}).encode()
    lines, _ = read_line_upload(data, "route.geojson")
    assert len(lines) == 1


def test_gdal_in_the_worker_has_no_network_even_without_the_guard(http_log, tmp_path):
    """Defence in depth: the same link read by GDAL in the worker's environment fetches nothing,
    while plain GDAL does fetch it (so the test can see a request when there is one)."""
    import subprocess
    import sys

    url, hits = http_log
    f = tmp_path / "x.geojson"
    f.write_text(json.dumps({"type": "FeatureCollection",
                             "crs": {"type": "link", "properties": {"href": f"{url}/crs", "type": "ogcwkt"}},
                             "features": [{"type": "Feature", "properties": {},
                                           "geometry": {"type": "Point", "coordinates": [1, 2]}}]}))
    code = "import pyogrio, sys; pyogrio.read_dataframe(sys.argv[1])"
    subprocess.run([sys.executable, "-c", code, str(f)], env=sandbox.worker_env(), capture_output=True, timeout=60)
    assert hits == []
    subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, timeout=60)
    assert len(hits) >= 1


@pytest.mark.parametrize("name, body", [
    ("kml_network_link", '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                         '<NetworkLink><Link><href>{url}/more.kml</href></Link></NetworkLink><Placemark>'
                         '<LineString><coordinates>82.9,55 92.9,56</coordinates></LineString></Placemark>'
                         '</Document></kml>'),
    ("gpx_schema_location", '<?xml version="1.0"?><gpx version="1.1" creator="t" '
                            'xmlns="http://www.topografix.com/GPX/1/1" '
                            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                            'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 {url}/gpx.xsd"><trk><trkseg>'
                            '<trkpt lat="55" lon="82.9"/><trkpt lat="56" lon="92.9"/></trkseg></trk></gpx>'),
])
def test_links_inside_kml_and_gpx_stay_inert(http_log, name, body):
    url, hits = http_log
    suffix = ".kml" if name.startswith("kml") else ".gpx"
    lines, _ = read_line_upload(body.format(url=url).encode(), f"route{suffix}")
    assert len(lines) == 1 and hits == []


@pytest.mark.parametrize("text", [
    '{"type": "gdal_streamed_alg", "command_line": "gdal vector pipeline ! read /etc/passwd ! write out"}',
    '<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>/etc/passwd</SrcDataSource></OGRVRTLayer>'
    '</OGRVRTDataSource>',
])
def test_other_formats_dressed_as_geojson_are_not_opened(text):
    with pytest.raises(UploadError) as info:
        read_line_upload(text.encode(), "route.geojson")
    assert info.value.key == "unreadable"
    assert info.value.message("en") == "Could not read the file as GeoJSON. Is it broken or in another format?"


def test_worker_skips_every_driver_but_the_accepted_ones():
    skipped = set(sandbox.worker_env()["GDAL_SKIP"].split(","))
    assert {"OGR_VRT", "GDALG", "CSV", "WFS", "OAPIF", "HTTP", "GPSBabel"} <= skipped
    assert not skipped & set(sandbox.ALLOWED_DRIVERS)


# -- messages quote what they repeat -------------------------------------------------------------
def test_markdown_in_headers_is_shown_not_rendered():
    data = "![x](http://host/p.png),[link](http://e.com),:red[big]\n1,2,3\n".encode()
    with pytest.raises(UploadError) as info:
        read_points_upload(data, "p.csv")
    md = info.value.message("en")
    assert "![x](" not in md and "\\!\\[x\\]\\(http" in md
    assert "://" not in md.replace("\\", "")  # no autolink either: a word joiner sits inside "://"
    assert md.replace("\\", "").replace("\u2060", "").startswith("The CSV needs")
    assert ":red[" not in md and "\\:red\\[big\\]" in md
    plain = info.value.message("en", "plain")
    assert "![x](http://host/p.png)" in plain  # the terminal shows the header as written


def test_cli_quotes_control_characters(tmp_path, capsys):
    from atlas.cli import main

    f = tmp_path / "p.csv"
    f.write_bytes("na\x1b[31mme,foo\n1,2\n".encode())
    assert main(["corridor", "transsib", "--points", str(f), "-o", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "na\\x1b[31mme" in err


# -- bounded reads -------------------------------------------------------------------------------
def _gpkg(tmp_path: Path, sql: str, layer: str = "loopy") -> bytes:
    p = tmp_path / "x.gpkg"
    p.unlink(missing_ok=True)
    gpd.GeoDataFrame({"n": ["a"]}, geometry=[shapely.LineString(TRANSSIB[:2])], crs=4326).to_file(p, layer=layer)
    con = sqlite3.connect(p)
    con.executescript(sql)
    con.commit()
    con.close()
    return p.read_bytes()


RECURSIVE = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"


@pytest.mark.parametrize("sql, key", [
    # a recursive view registered in another letter case than its name
    (f"CREATE VIEW loopy_v AS {RECURSIVE}; INSERT INTO gpkg_contents (table_name, data_type, identifier) "
     "VALUES ('LOOPY_V', 'attributes', 'LOOPY_V');", "gpkg_view"),
    ("CREATE VIEW Zeros AS SELECT zeroblob(900000000) AS z; INSERT INTO gpkg_contents (table_name, data_type) "
     "VALUES ('zeros', 'attributes');", "gpkg_view"),
    ("ALTER TABLE loopy ADD COLUMN big TEXT GENERATED ALWAYS AS (printf('%.*c', 300000000, 'x')) VIRTUAL;",
     "gpkg_generated"),
    ("ALTER TABLE loopy ADD COLUMN z BLOB GENERATED ALWAYS AS (zeroblob(900000000)) VIRTUAL;", "gpkg_generated"),
    ("CREATE VIRTUAL TABLE notes USING fts5(body);", "gpkg_virtual"),
    ("CREATE TRIGGER evil AFTER INSERT ON loopy BEGIN SELECT 1; END;", "gpkg_trigger"),
])
def test_geopackages_that_compute_on_read_are_refused(tmp_path, sql, key):
    t0 = time.monotonic()
    with pytest.raises(UploadError) as info:
        read_line_upload(_gpkg(tmp_path, sql), "x.gpkg")
    assert info.value.key == key
    assert time.monotonic() - t0 < 60  # refused, not run (the budget would stop it at 30 s)


def test_a_plain_geopackage_with_its_spatial_index_is_read(tmp_path):
    lines, _ = read_line_upload(_gpkg(tmp_path, ""), "x.gpkg")
    assert len(lines) == 1


def _leftovers() -> list[Path]:
    return [p for p in sandbox.work_root().iterdir() if p.name.startswith("read-")]


def test_a_read_over_the_time_budget_is_stopped_and_leaves_nothing():
    data = fc(line_feature(TRANSSIB))
    before = _leftovers()
    with pytest.raises(UploadError) as info:
        sandbox.read_vector(data, ".geojson", "lines", seconds=0.05)
    assert info.value.key == "too_slow"
    assert "0 s" in info.value.message("en") or "s." in info.value.message("en")
    assert _leftovers() == before


def test_a_read_over_the_memory_budget_is_stopped_and_reported():
    feats = [{"type": "Feature", "properties": {"a": "x" * 1000},
              "geometry": {"type": "Point", "coordinates": [82.9, 55.0]}}] * 20_000
    data = fc(*feats)
    with pytest.raises(UploadError) as info:
        sandbox.read_vector(data, ".geojson", "points", memory_bytes=300 * 2**20)
    assert info.value.key == "too_much_memory"
    assert "1.5 GB" in info.value.message("en") and "1,5 ГБ" in info.value.message("ru")
    frames, _ = sandbox.read_vector(data, ".geojson", "points")  # the real budget reads it
    assert len(frames[0]) == 20_000


def test_stale_read_folders_are_removed():
    root = sandbox.work_root()
    old = root / "read-killed-run"
    old.mkdir(exist_ok=True)
    (old / "upload.geojson").write_text("{}")
    past = time.time() - 3600
    os.utime(old, (past, past))
    fresh = root / "read-in-progress"
    fresh.mkdir(exist_ok=True)
    assert sandbox.clean_stale() >= 1
    assert not old.exists() and fresh.exists()
    fresh.rmdir()
    assert oct(root.stat().st_mode & 0o777) == "0o700"


# -- coordinates: the right reading, or a question ---------------------------------------------
def test_a_trans_siberian_written_lat_lon_is_exchanged_whole():
    swapped = [(lat, lon) for lon, lat in TRANSSIB]
    lines, notes = read_line_upload(fc(line_feature(swapped)), "t.geojson")
    assert np.allclose(shapely.get_coordinates(lines.geometry.iloc[0]), np.array(TRANSSIB))
    assert "line_exchanged" in {n.key for n in notes}


def test_a_line_that_fits_both_readings_asks_and_obeys_the_choice():
    # Orenburg → Salekhard: lon 55..67, lat 52..67 — exchanged it is in Russia too
    coords = [(55.1, 51.8), (60.6, 56.8), (66.6, 66.5)]
    with pytest.raises(UploadError) as info:
        read_line_upload(fc(line_feature(coords)), "o.geojson")
    assert info.value.key == "line_ambiguous"
    assert "--line-order" in info.value.message("en")
    given, _ = read_line_upload(fc(line_feature(coords)), "o.geojson", order="lonlat")
    assert np.allclose(shapely.get_coordinates(given.geometry.iloc[0]), np.array(coords))
    swapped, _ = read_line_upload(fc(line_feature(coords)), "o.geojson", order="latlon")
    assert np.allclose(shapely.get_coordinates(swapped.geometry.iloc[0]), np.array(coords)[:, ::-1])


def test_kazakh_border_towns_are_in_a_neighbouring_country():
    kaz = np.array([(63.63, 53.21), (69.14, 54.87), (57.21, 50.28), (80.23, 50.41), (51.37, 51.23)])
    assert in_neighbour_country(kaz[:, 0], kaz[:, 1]).all()
    assert not in_neighbour_country([37.62, 82.92], [55.75, 55.03]).any()  # Moscow, Novosibirsk


def test_a_point_near_the_uploaded_line_is_never_moved():
    # a drifting station in the Arctic Ocean next to a polar route; exchanged it would be near Tomsk
    station = "name,lon,lat\nstation,58.0,85.0\n".encode()
    alone = read_points_upload(station, "b.csv")
    assert alone.points.geometry.iloc[0].coords[0] == (85.0, 58.0) and alone.exchanged_rows == [2]
    polar_route = shapely.LineString([(40.0, 85.0), (80.0, 85.0)])
    kept = read_points_upload(station, "b.csv", line=polar_route)
    assert kept.points.geometry.iloc[0].coords[0] == (58.0, 85.0) and kept.exchanged_rows == []
    assert "rows_held" in {n.key for n in kept.notes}
    far_route = shapely.LineString([(140.0, 72.5), (150.0, 72.5)])
    assert read_points_upload(station, "b.csv", line=far_route).exchanged_rows == [2]


# -- the user's data comes back as given -------------------------------------------------------
NAMES = ["Норильск", "Череповец", "Тольятти", "Ёмкость", "Щучье", "Юрга"]


@pytest.mark.parametrize("enc", ["cp1251", "koi8_r", "cp866"])
def test_cyrillic_code_pages_are_told_apart(enc):
    text = "name,lon,lat\n" + "".join(f"{n},84.9,55.7\n" for n in NAMES)
    pts, _ = read_points_upload(text.encode(enc), "p.csv")
    assert list(pts["name"]) == NAMES


def test_cp1251_after_two_megabytes_of_ascii_is_still_cp1251():
    text = "name,lon,lat\n" + "plain,84.9,55.7\n" * 140_000 + "Томск,84.95,56.49\n"
    data = text.encode("cp1251")
    assert len(data) > 2 * 2**20 and detect_encoding(data) == "cp1251"
    pts, _ = read_points_upload(data, "p.csv")
    assert pts["name"].iloc[-1] == "Томск"


def test_values_with_cr_or_lf_stay_in_their_cell_in_the_csv_download():
    df = pd.DataFrame({"note": ["line one\rstill one", "two\nlines", "plain"], "n": ["1", "2", "3"]})
    back = pd.read_csv(pd.io.common.BytesIO(to_csv_bytes(df)), dtype=str, encoding="utf-8-sig",
                       keep_default_na=False)
    assert list(back["note"]) == list(df["note"]) and len(back) == 3


def test_date_like_text_in_geojson_stays_text():
    feats = [{"type": "Feature", "properties": {"when": w, "name": "x"},
              "geometry": {"type": "Point", "coordinates": [82.9, 55.0]}} for w in ("2024-02-30", "2024-02-28")]
    pts, _ = read_points_upload(fc(*feats), "p.geojson")
    assert list(pts["when"]) == ["2024-02-30", "2024-02-28"]


# -- the page keeps the previous good state ------------------------------------------------------
def test_a_bad_file_after_a_good_one_keeps_the_good_line(tmp_path):
    files = tmp_path / "files.pkl"
    good = fc(line_feature([(37.62, 55.75), (39.9, 57.63)], name="Москва — Ярославль"))
    files.write_bytes(pickle.dumps({"cor_upload": ("route.geojson", good)}))
    at = corridor_page_app(files)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception and at.success
    towns = next(d.value for d in at.dataframe if len(d.value.columns) > 3)
    files.write_bytes(pickle.dumps({"cor_upload": ("broken.geojson", b'{"type": "FeatureCollection", "feat')}))
    at.run()
    assert not at.exception
    assert any(e.value.startswith("Could not read the file as GeoJSON") for e in at.error)
    assert any("previously uploaded file" in i.value for i in at.info)
    again = next(d.value for d in at.dataframe if len(d.value.columns) > 3)
    assert again.equals(towns)  # the same towns along the reader's own line, not the picked corridor


def test_an_ambiguous_line_is_a_question_on_the_page(tmp_path):
    files = tmp_path / "files.pkl"
    urals = fc(line_feature([(60.6, 56.84), (61.4, 55.16)], name="Екатеринбург — Челябинск"))
    files.write_bytes(pickle.dumps({"cor_upload": ("urals.geojson", urals)}))
    at = corridor_page_app(files)
    at.run()
    assert not at.exception
    assert any("Не ясно, в каком порядке" in e.value for e in at.error) and not at.success
    at.radio(key="cor_line_order").set_value("lonlat").run()
    assert not at.exception and at.success and not at.error
