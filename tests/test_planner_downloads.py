"""Downloads opened as a planner would (#20): Excel CSV by language, GeoPackage layers, names."""

import io
import json

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

import atlas
from atlas.cli import main
from atlas.export.planner import (
    download_stem,
    excel_csv_bytes,
    geojson_bytes,
    gpkg_bytes,
    planner_layers,
    planner_table,
)
from atlas.i18n import column_label


@pytest.fixture(scope="module")
def along():
    return atlas.towns_along("transsib", 50)


@pytest.fixture(scope="module")
def line():
    lines = atlas.load_corridors()
    sel = lines[lines.corridor_id == "transsib"]
    return sel.assign(name=sel.name_ru)[["name", "mode", "geometry"]]


def test_russian_excel_csv_reads_with_semicolons_and_decimal_commas(along):
    data = excel_csv_bytes(planner_table(along, "ru"), "ru")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the Cyrillic
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    chain, off = column_label("chainage_km", "ru"), column_label("offset_km", "ru")
    assert back.columns[0] == column_label("town", "ru")
    assert back[chain].dtype.kind == "f" and back[chain].is_monotonic_increasing
    assert (back[off] >= 0).all()
    # decimals really are written with a comma, and no field holds a stray semicolon split
    assert "," in data.decode("utf-8-sig").splitlines()[1]
    assert len(back) == len(along)
    # words, not codes: sector names, yes/no, region names, "on the line" under 0.5 km
    toser = set(back[column_label("toser", "ru")])
    assert toser <= {"да", "нет"}
    assert not back[column_label("region", "ru")].str.startswith("RU-").any()
    side = back[column_label("side", "ru")]
    assert set(side) <= {"слева", "справа", "на линии"}
    assert (side[back[off] < 0.5] == "на линии").all()
    assert "coal_mining" not in data.decode("utf-8-sig")


def test_english_csv_uses_commas_and_dots_and_english_names_first(along):
    data = excel_csv_bytes(planner_table(along, "en"), "en")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back.columns[0] == column_label("town", "en")
    assert back.iloc[:, 0].str.match(r"^[A-Za-z]").all()  # the English name comes first
    assert back[column_label("chainage_km", "en")].dtype.kind == "f"


def test_geopackage_has_named_towns_line_and_band_layers(along, line, tmp_path):
    layers = planner_layers(along, line, 50, "ru", "corridor")
    path = tmp_path / "planner.gpkg"
    path.write_bytes(gpkg_bytes(layers))
    listed = {name: geom for name, geom in pyogrio.list_layers(path)}
    assert listed == {"monotowns": "Point", "corridor": "LineString", "band_50km": "Polygon"}
    towns = pyogrio.read_dataframe(path, layer="monotowns")
    assert len(towns) == len(along)
    assert column_label("specialization", "ru") in towns.columns


def test_geojson_tags_each_feature_with_its_layer(along, line):
    fc = json.loads(geojson_bytes(planner_layers(along, line, 25, "en", "route")))
    kinds = {f["properties"]["layer"] for f in fc["features"]}
    assert kinds == {"monotowns", "route", "band_25km"}
    gdf = gpd.read_file(io.BytesIO(geojson_bytes(planner_layers(along, line, 25, "en", "route"))))
    assert (gdf.layer == "monotowns").sum() == len(along)


def test_file_names_come_from_the_line_name_and_band():
    assert download_stem("Транссибирская магистраль", 50) == "transsibirskaya_magistral_50km"
    assert download_stem("My depot line", 12.5) == "my_depot_line_12.5km"


def test_cli_network_table_and_route(tmp_path, capsys):
    out = tmp_path / "towns.csv"
    assert main(["network", "-o", str(out)]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert {"rail_km_to_moscow", "rail_nearest_port_id", "road_km_to_port"} <= set(table.columns)
    norilsk = table[table.name_ru == "Норильск"].iloc[0]
    assert pd.isna(norilsk.rail_km_to_moscow) and norilsk.rail_nearest_port_id == "port_dudinka"
    gpkg = tmp_path / "route.gpkg"
    assert main(["network", "--from", "Норильск", "--to", "port_dudinka", "-o", str(gpkg)]) == 0
    assert {n for n, _ in pyogrio.list_layers(gpkg)} == {"monotowns", "route", "band_50km"}
    assert main(["network", "--from", "Норильск", "--to", "Москва"]) == 1
    assert "no rail route" in capsys.readouterr().out
