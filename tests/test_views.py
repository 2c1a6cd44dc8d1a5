"""Tables and charts the pages show, checked without Streamlit."""

import numpy as np

import atlas
from atlas.io import load_corridor_waypoints
from atlas.maps.palettes import CATEGORY_COLOURS
from atlas.views import corridor_anchor_table, corridor_strip_chart, corridor_table_labels


def test_strip_chart_puts_left_above_and_uses_the_map_colours():
    along = atlas.towns_along("transsib", 50)
    data, spec = corridor_strip_chart(along, "ru")
    assert len(data) == len(along)
    left = (along.side == "left").to_numpy()
    assert (data.signed_offset_km[left] >= 0).all() and (data.signed_offset_km[~left] <= 0).all()
    assert np.allclose(data.signed_offset_km.abs(), along.offset_km)
    scale = spec["encoding"]["color"]["scale"]
    assert scale["range"] == [CATEGORY_COLOURS[1], CATEGORY_COLOURS[2], CATEGORY_COLOURS[3]]
    assert set(data.category) <= set(scale["domain"])
    assert spec["encoding"]["x"]["field"] == "chainage_km"


def test_strip_chart_for_points_without_categories():
    towns = atlas.load_monotowns().head(40)
    pts = towns[["geometry"]].assign(Name=towns.name_en.values, note="x")
    along = atlas.towns_along("transsib", 300, points=pts)
    data, spec = corridor_strip_chart(along, "en")
    assert "color" not in spec["encoding"] and len(data) == len(along) > 0
    assert data.town.tolist() == along.Name.tolist()
    unnamed, _ = corridor_strip_chart(along[["geometry", "chainage_km", "offset_km", "side"]], "ru")
    assert unnamed.town.tolist() == [f"#{i + 1}" for i in range(len(along))]


def test_anchor_table_lists_the_cited_kilometres_in_route_order():
    w = load_corridor_waypoints()
    table = corridor_anchor_table(w[w.corridor_id == "bam"], "en")
    assert table["Route km"].is_monotonic_increasing and table["Line km"].is_monotonic_increasing
    assert table["Source of the kilometre"].str.len().gt(10).all()
    assert table["Route km"].iloc[-1] == 4309  # Советская Гавань, de.wikivoyage


def test_table_labels_cover_every_export_column():
    along = atlas.towns_along("bam", 50)
    from atlas.export.tables import corridor_table

    table = corridor_table(along, "ru")
    assert list(table.columns[:4]) == ["name_ru", "chainage_km", "offset_km", "side"]
    assert set(corridor_table_labels(table.columns, "ru")) == set(table.columns)
    assert set(table.side) <= {"слева", "справа"}
    assert np.allclose(table.lon, along.geometry.x, atol=1e-5) and np.allclose(table.lat, along.geometry.y, atol=1e-5)
    assert set(corridor_table(along, "en").side) <= {"left", "right"}
