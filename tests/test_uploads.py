"""Bad uploads give a clear message and change nothing else."""

import json

import pytest

import atlas
from atlas.uploads import MAX_UPLOAD_BYTES, UploadError, read_line_upload, read_points_upload

LINE = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
        "geometry": {"type": "LineString", "coordinates": [[82.9, 55.0], [86.1, 55.35], [92.9, 56.0]]}}]}


def test_a_good_geojson_line():
    gdf = read_line_upload(json.dumps(LINE).encode(), "route.geojson")
    along = atlas.towns_along(gdf, 60)
    assert len(along) >= 1 and along.chainage_km.is_monotonic_increasing


def test_gpx_and_kml_lines(tmp_path):
    gpx = ('<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">'
           '<trk><trkseg><trkpt lat="55.0" lon="82.9"/><trkpt lat="56.0" lon="92.9"/></trkseg></trk></gpx>')
    assert len(read_line_upload(gpx.encode(), "r.gpx").lines) == 1
    kml = ('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><LineString>'
           '<coordinates>82.9,55.0 92.9,56.0</coordinates></LineString></Placemark></kml>')
    assert len(read_line_upload(kml.encode(), "r.kml").lines) == 1


def test_cp1251_csv_with_cyrillic_columns_is_read():
    text = "название;lon;lat\nЮрга;84,88;55,72\n"
    gdf, notes = read_points_upload(text.encode("cp1251"), "pts.csv")
    assert gdf.iloc[0]["название"] == "Юрга"
    assert gdf.geometry.x.iloc[0] == pytest.approx(84.88)


def test_swapped_lat_lon_is_detected_and_reported():
    text = "name,lon,lat\nA,55.75,37.62\nB,56.0,92.9\n"
    res = read_points_upload(text.encode(), "pts.csv")
    assert res.points.geometry.y.iloc[0] == pytest.approx(55.75)  # Moscow, given as (lat, lon)
    assert res.points.geometry.y.iloc[1] == pytest.approx(56.0)  # latitude 92.9 is impossible
    assert res.exchanged_rows == [2, 3]  # as in a spreadsheet: the header is row 1
    assert any("exchanged in rows 2, 3 " in n.message("en") for n in res.notes)
    assert any("переставлены" in n.message("ru") for n in res.notes)


@pytest.mark.parametrize("data,name,match", [
    (b"", "x.geojson", "empty"),
    (b"{not json", "x.geojson", "Could not read"),
    (b"lon,lat\n", "x.csv", "no data rows|empty"),
    (json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                 "geometry": {"type": "Point", "coordinates": [82.9, 55.0]}}]}).encode(), "p.geojson", "needs a line"),
    (b"abc", "x.shp", "Unsupported"),
])
def test_bad_line_uploads(data, name, match):
    reader = read_points_upload if name.endswith(".csv") else read_line_upload
    with pytest.raises(UploadError, match=match):
        reader(data, name)


def test_errors_read_in_the_users_language():
    with pytest.raises(UploadError) as info:
        read_line_upload(b"{broken", "x.geojson")
    assert info.value.key == "unreadable"
    assert info.value.message("ru").startswith("Файл не читается как GeoJSON")
    assert info.value.message("en").startswith("Could not read the file as GeoJSON")
    assert "/tmp" not in info.value.message("en")


def test_limits_are_stated_in_both_languages():
    from atlas.uploads import LIMITS, limits_text, rule_text

    assert "1,000,000 points" in limits_text("en") and "1\u00a0000\u00a0000 точек" in limits_text("ru")
    assert f"{LIMITS['mb']} MB" in limits_text("en")
    assert "outside Russia" in rule_text("en") and "вне России" in rule_text("ru")


def test_huge_upload_is_refused_before_parsing():
    with pytest.raises(UploadError, match="limit"):
        read_line_upload(b" " * (MAX_UPLOAD_BYTES + 1), "big.geojson")


def test_projected_file_without_crs_is_refused():
    bad = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
           "geometry": {"type": "LineString", "coordinates": [[4_000_000, 6_000_000], [4_100_000, 6_100_000]]}}]}
    with pytest.raises(UploadError, match="coordinate reference system"):
        read_line_upload(json.dumps(bad).encode(), "x.geojson")


def test_failed_upload_changes_nothing(towns):
    before = atlas.load_monotowns()
    with pytest.raises(UploadError):
        read_line_upload(b"{broken", "x.geojson")
    after = atlas.load_monotowns()
    assert before.equals(after)


def test_users_points_along_a_corridor_keep_their_attributes():
    text = "site;lon;lat\nсклад А;86,09;55,36\nсклад Б;60,0;70,0\n"
    pts, _ = read_points_upload(text.encode("cp1251"), "sites.csv")
    along = atlas.towns_along("r255", 50, points=pts)
    from atlas.export.tables import corridor_table

    table = corridor_table(along)
    assert list(table["site"]) == ["склад А"]
    assert {"chainage_km", "offset_km", "side"} <= set(table.columns)


def test_streamlit_upload_limit_matches_the_reader():
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 2**20 == MAX_UPLOAD_BYTES
