"""The live map's data: shared-arc borders, static payloads, per-state arguments (no Streamlit)."""

import json
import shutil
import subprocess
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atlas
from atlas.analysis.filters import TownFilter
from atlas.io import load_region_arcs, read_layer
from atlas.maps import topology
from atlas.maps.live import LiveOptions, map_args, payload_index, prepare_web_dir, towns_payload


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(-180, 200), st.floats(-85, 85)), min_size=2, max_size=40))
def test_arc_encoding_round_trips_to_the_grid(points):
    xy = np.array(points)
    back = topology.decode_arc(topology.encode_arc(xy))
    q = np.round(xy * topology.SCALE) / topology.SCALE
    q = q[np.r_[True, np.any(np.diff(q, axis=0) != 0, axis=1)]]
    np.testing.assert_allclose(back, q, atol=1e-9)


def test_committed_arcs_are_within_a_kilometre_of_the_full_borders():
    err_km, _ = topology.max_border_error_km(atlas.load_regions(), load_region_arcs())
    assert err_km <= 1.0


def test_neighbours_share_their_border_arcs():
    arcs = load_region_arcs()
    used = Counter(abs(i) if i >= 0 else -1 - i for reg in arcs["regions"] for ring in reg["rings"] for i in ring)
    shared = [a for a, n in used.items() if n == 2]
    assert len(shared) > 150  # every land border between two regions is one arc drawn by both
    assert max(used.values()) == 2  # no arc belongs to three regions
    # Moscow city and Moscow Oblast draw their common border from the same arcs
    def arcs_of(iso):
        reg = next(r for r in arcs["regions"] if r["iso"] == iso)
        return {i if i >= 0 else -1 - i for ring in reg["rings"] for i in ring}

    assert arcs_of("RU-MOW") & arcs_of("RU-MOS")


def test_chukotka_is_one_shape_east_of_180():
    arcs = load_region_arcs()
    chu = next(r for r in arcs["regions"] if r["iso"] == "RU-CHU")
    decoded = [topology.decode_arc(arcs["arcs"][i if i >= 0 else -1 - i]) for ring in chu["rings"] for i in ring]
    lon = np.concatenate([d[:, 0] for d in decoded])
    assert lon.min() > 150 and lon.max() > 180  # no negative longitudes: drawn in one piece


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_browser_decoder_agrees_with_python():
    from atlas.paths import PACKAGE_DIR

    arcs = load_region_arcs()
    sample = {"format": arcs["format"], "scale": arcs["scale"], "arcs": arcs["arcs"],
              "regions": arcs["regions"][:6]}
    js = ((PACKAGE_DIR / "web" / "topo.js").read_text(encoding="utf-8")
          + f"\nconsole.log(JSON.stringify(AtlasTopo.decodeRegions({json.dumps(sample)}).map(r => r.rings)));")
    out = json.loads(subprocess.run(["node", "-e", js], capture_output=True, text=True, check=True).stdout)
    for rings, lines in zip(out, topology.decode_borders(sample), strict=True):
        js_pts = np.concatenate([np.array(r)[:, ::-1] for r in rings])
        py_pts = np.concatenate([np.asarray(g.coords) for g in lines.geoms])
        np.testing.assert_allclose(js_pts, py_pts)


@pytest.fixture(scope="module")
def web():
    towns_all = read_layer("monotowns")
    centres = atlas.load_science_centres()
    return towns_all, centres, payload_index(towns_all, centres)


def test_web_folder_is_written_once_per_content(tmp_path, web):
    towns_all, centres, _ = web
    a = prepare_web_dir(load_region_arcs(), towns_all, atlas.load_regions(), centres, root=tmp_path)
    b = prepare_web_dir(load_region_arcs(), towns_all, atlas.load_regions(), centres, root=tmp_path)
    assert a == b and (a / "index.html").exists() and (a / "leaflet.js").exists()
    towns = json.loads((a / "data" / "towns.json").read_text(encoding="utf-8"))
    assert towns["id"] == towns_all.town_id.tolist()  # every town ever listed, in payload order
    assert all(x >= 0 for x in towns["lon"])  # Chukotka's towns east of 180°, not west


def test_a_filter_state_sends_ids_and_classes_not_names(web):
    towns_all, centres, index = web
    towns = atlas.load_monotowns()
    shown = TownFilter(categories=[1]).apply(towns)
    args = map_args(shown, index, atlas.load_regions(display=True), LiveOptions(lang="ru"), "v1")
    assert [towns_all.town_id.iloc[i] for i in args["ids"]] == shown.town_id.tolist()
    assert len(args["cls"]) == len(shown) and set(args["cls"]) == {0}  # category 1 is class 0
    wire = json.dumps(args, ensure_ascii=True)
    assert len(wire) < 20_000
    assert not any(n in json.dumps(args, ensure_ascii=False) for n in shown.name_ru.head(20))


def test_science_state_carries_centres_and_lines(web):
    from atlas.analysis.science import nearest_science_centre

    _, centres, index = web
    towns = atlas.load_monotowns()
    kinds = ["naukograd", "frc_ras"]
    near = nearest_science_centre(towns, centres, kinds)
    towns = towns.assign(**{c: near[c] for c in near.columns})
    args = map_args(towns, index, atlas.load_regions(display=True),
                    LiveOptions(lang="en", colour="science", centre_kinds=kinds, lines=True), "v1",
                    centres=centres)
    assert len(args["centres"]) == int(centres.kind.isin(kinds).sum())
    assert len(args["lines"]) == len(towns)
    titles = [lg["title"] for lg in args["legends"]]
    assert "Science centres" in titles and "Distance to science, km" in titles


def test_web_folder_is_private_verified_and_rebuilt(tmp_path, monkeypatch):
    """The folder lives under the atlas cache (0700), carries a manifest, and a truncated or
    planted file makes the next start rebuild it instead of serving it."""
    import json

    from atlas.maps import webdir

    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(webdir, "_verified", set())
    towns_all = atlas.load_monotowns("all")
    centres = atlas.load_science_centres()
    args = (load_region_arcs(), towns_all, atlas.load_regions(), centres)
    folder = prepare_web_dir(*args)
    assert folder.parent == tmp_path / "cache" / "web"
    assert oct(folder.parent.stat().st_mode & 0o777) == "0o700"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert "data/towns.json" in manifest and "index.html" in manifest
    good = (folder / "data" / "towns.json").read_bytes()
    # a truncated data file (a killed write, a full disk) is found and rewritten at the next start
    (folder / "data" / "towns.json").write_bytes(good[:100])
    webdir._verified.clear()
    assert prepare_web_dir(*args) == folder
    assert (folder / "data" / "towns.json").read_bytes() == good
    # a script planted in place of ours is replaced too
    (folder / "atlas_map.js").write_text("alert('planted')")
    webdir._verified.clear()
    prepare_web_dir(*args)
    assert b"planted" not in (folder / "atlas_map.js").read_bytes()
    # a killed run's temporary folder is removed at the next start
    stale = folder.parent / ".tmp-killed"
    stale.mkdir()
    past = 1_000_000_000
    import os

    os.utime(stale, (past, past))
    (folder / "index.html").unlink()
    webdir._verified.clear()
    prepare_web_dir(*args)
    assert not stale.exists() and (folder / "index.html").exists()
    assert webdir.verify(folder)


def test_place_labels_are_the_built_major_cities_layer():
    """The live map's orientation labels come from the ``major_cities`` layer that
    ``atlas build-data`` writes (every regional centre, a source per row), not from a
    computation at serving time; the capital is placed first, then regional centres."""
    from atlas.io import load_major_cities
    from atlas.maps.live import city_labels, science_payload

    cities = load_major_cities()
    labels = science_payload(atlas.load_science_centres(), cities)["cities"]
    assert len(labels["name_ru"]) == len(cities) >= 100
    regional = set(cities[cities.role == "regional_centre"].name_ru)
    assert regional <= set(labels["name_ru"]) and {"Тверь", "Рязань", "Пенза", "Анадырь"} <= regional
    assert labels["name_ru"][0] == "Москва" and labels["name_en"][0] == "Moscow"
    ranks = [0 if n == "Москва" else 1 if n in regional else 2 for n in labels["name_ru"]]
    assert ranks == sorted(ranks)
    assert all(19 < lon < 191 for lon in labels["lon"])  # 0–360° longitudes, as the map's data
    assert city_labels(None)["name_ru"] == []
