"""Curated tables: closed vocabularies, a source on every row, TOSERs consistent with the list."""

import pandas as pd
import pytest

import atlas
from atlas.io import load_toser
from atlas.vocab import SCIENCE_KINDS, SPECIALIZATIONS, TOSER_KINDS

SRC = "geodata/sources/"


@pytest.mark.parametrize("name", ["monotown_profiles_part1.csv", "monotown_profiles_part2.csv"])
def test_profiles_use_the_vocabulary_and_cite_a_source(name):
    df = pd.read_csv(SRC + name, dtype=str, keep_default_na=False)
    filled = df[df.specialization != ""]
    assert set(filled.specialization) <= set(SPECIALIZATIONS)
    assert (filled.source.str.len() > 5).all()


def test_specialization_coverage_is_reported_and_high(towns):
    share = towns.specialization.notna().mean()
    assert share > 0.9
    assert towns.loc[towns.specialization.notna(), "profile_source"].notna().all()
    report = open("geodata/build_report.txt", encoding="utf-8").read()
    assert "gaps: specialization" in report


@pytest.mark.parametrize("name,id_col", [("toser.csv", "toser_name"), ("science_centres.csv", "centre_id"),
                                         ("logistics_nodes.csv", "node_id"), ("regions.csv", "iso")])
def test_every_curated_row_has_a_source(name, id_col):
    df = pd.read_csv(SRC + name, dtype=str, keep_default_na=False)
    assert len(df) and (df.source.str.len() > 5).all()
    assert df[id_col].is_unique


def test_toser_kinds_and_consistency_with_the_list():
    towns = atlas.load_monotowns("all")  # a TOSER may lie in a town that has left the list since
    tos = load_toser()
    assert set(tos.kind) <= set(TOSER_KINDS)
    matched = tos[tos.town_id.notna()]
    assert set(matched.town_id) <= set(towns.town_id)
    assert towns.toser.sum() == matched.town_id.nunique()
    report = open("geodata/build_report.txt", encoding="utf-8").read()
    for row in tos[tos.town_id.isna()].itertuples():
        assert row.toser_name in report  # unmatched TOSERs are reported, not dropped
    for name in ("Набережные Челны", "Гуково", "Усолье-Сибирское"):
        assert towns[towns.name_ru == name].toser.iloc[0]


def test_science_centres():
    sci = atlas.load_science_centres()
    assert set(sci.kind) <= set(SCIENCE_KINDS)
    counts = sci.kind.value_counts()
    assert counts["naukograd"] == 13
    assert counts["federal_university"] == 10
    assert counts["national_research_university"] == 29
    assert "nauk-petergof" in set(sci.centre_id) or (sci.kind == "naukograd_lapsed").any()
    dubna = sci[sci.name_ru == "Дубна"].iloc[0]
    assert dubna.region_iso == "RU-MOS" and dubna.geometry.y > 56.5
    assert sci.centre_id.is_unique and sci.source.str.len().min() > 5
