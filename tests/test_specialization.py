"""Town sectors: closed vocabulary, written definitions, today's sector vs the historical one."""

import pandas as pd
import pytest

from atlas.build import facts
from atlas.build.report import BuildReport
from atlas.vocab import SPECIALIZATION_DEFINITIONS, SPECIALIZATIONS

SRC = "geodata/sources/"
PARTS = ["monotown_profiles_part1.csv", "monotown_profiles_part2.csv"]
KEY = ["region", "admin_center", "mo_name_1398"]
# Towns whose sector no source at hand establishes; each must say so in its note and appear
# in the build report's specialization gaps. Shrink this list, never grow it silently.
KNOWN_GAPS = {("Кировская область", "пгт. Красная Поляна"), ("Нижегородская область", "пгт. Мухтолово"),
              ("Нижегородская область", "пгт. Решетиха")}


@pytest.fixture(scope="module")
def profiles():
    return pd.concat([pd.read_csv(SRC + p, dtype=str, keep_default_na=False) for p in PARTS], ignore_index=True)


def test_both_parts_carry_the_history_columns_at_the_end():
    for p in PARTS:
        cols = list(pd.read_csv(SRC + p, dtype=str, nrows=0).columns)
        assert cols[:8] == ["region", "admin_center", "mo_name_1398", "specialization", "anchor_enterprise",
                            "population", "population_year", "source"]
        assert cols[-2:] == ["specialization_historical", "specialization_note"]


def test_every_listed_town_has_a_profile_with_a_sector_in_the_vocabulary(profiles):
    listed = pd.read_csv(SRC + "monotowns_1398r.csv", dtype=str, keep_default_na=False)
    keys = set(map(tuple, profiles[KEY].to_numpy()))
    missing = [k for k in map(tuple, listed[KEY].to_numpy()) if k not in keys]
    assert not missing, missing[:5]
    assert not profiles.duplicated(KEY).any()
    filled = profiles[profiles.specialization != ""]
    assert set(filled.specialization) <= set(SPECIALIZATIONS)
    empty = profiles[profiles.specialization == ""]
    assert set(zip(empty.region, empty.admin_center)) <= KNOWN_GAPS
    assert (empty.specialization_note.str.len() > 20).all()  # a gap says why it is a gap


def test_towns_added_after_2014_have_a_profile_with_a_sector(profiles):
    from pathlib import Path

    path = Path(SRC + "monotown_events.csv")
    if not path.exists():
        pytest.skip("no monotown_events.csv")
    ev = pd.read_csv(path, dtype=str, keep_default_na=False)
    added = ev[ev.event == "added"]
    prof = profiles.set_index(KEY)
    for r in added.itertuples():
        key = (r.region, r.admin_center, r.mo_name)
        assert key in prof.index, f"no profile row for the added town {key}"
        assert prof.loc[key, "specialization"] in SPECIALIZATIONS, key
        assert "http" in prof.loc[key, "source"], key


def test_every_sector_has_a_definition_in_both_languages():
    assert set(SPECIALIZATION_DEFINITIONS) == set(SPECIALIZATIONS)
    for key, (ru, en) in SPECIALIZATION_DEFINITIONS.items():
        assert len(ru) > 60 and len(en) > 60, key
        assert any("а" <= ch <= "я" for ch in ru.lower()), key
        assert not any("а" <= ch <= "я" for ch in en.lower()), key


def test_the_boundary_between_mining_and_building_materials_is_written_down():
    ore_ru, ore_en = SPECIALIZATION_DEFINITIONS["ore_mining"]
    bm_ru, bm_en = SPECIALIZATION_DEFINITIONS["building_materials"]
    assert "стройматериалы" in ore_ru and "building materials" in ore_en
    assert "известняк" in bm_ru and "limestone" in bm_en
    assert "steel" in ore_en  # a mine owned by a steel group stays mining


def test_historical_sector_is_in_the_vocabulary_and_differs_from_today(profiles):
    hist = profiles[profiles.specialization_historical != ""]
    assert len(hist) >= 5
    assert set(hist.specialization_historical) <= set(SPECIALIZATIONS)
    assert (hist.specialization_historical != hist.specialization).all()
    assert (hist.specialization != "").all()


def test_every_changed_row_has_a_note_and_a_source(profiles):
    changed = profiles[profiles.specialization_historical != ""]
    assert (changed.specialization_note.str.len() > 30).all()
    assert changed.source.str.contains("http").all()
    noted = profiles[(profiles.specialization_note != "") & (profiles.specialization != "")]
    assert noted.source.str.contains("http").all()


def test_join_profiles_carries_the_history_and_counts_the_changes(profiles):
    listed = pd.read_csv(SRC + "monotowns_1398r.csv", dtype=str, keep_default_na=False)
    towns = listed.assign(admin_center_list=listed.admin_center, name_ru=listed.admin_center, gn_population=None)
    report = BuildReport()
    out = facts.join_profiles(towns, profiles, report)
    assert {"specialization_historical", "specialization_note"} <= set(out.columns)
    n_changed = int((profiles.specialization_historical != "").sum())
    assert report.counts["specialization_changed_since_listing"] == n_changed
    assert int(out.specialization_historical.notna().sum()) == n_changed
    title = "specialization changed since the list (historical -> today)"
    assert len(report.sections[title]) == n_changed
    gaps = report.gaps.get("specialization", [])
    assert len(gaps) == len(KNOWN_GAPS & set(zip(listed.region, listed.admin_center)))


def test_built_layer_keeps_the_history_columns_when_rebuilt():
    import pyarrow.parquet as pq

    towns = pq.read_table("geodata/monotowns.parquet").to_pandas()
    if "specialization_historical" not in towns.columns:
        pytest.skip("geodata/monotowns.parquet predates the history columns; run `atlas build-data`")
    hist = towns.specialization_historical.dropna()
    assert set(hist) <= set(SPECIALIZATIONS)
    assert (towns.loc[hist.index, "specialization"] != hist).all()
