"""Issue #19: the Rosstat 2024 edition and the municipal figures, checked against the source files."""

from __future__ import annotations

import io
import json
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

import atlas
from atlas.build import rosstat
from atlas.build.report import BuildReport
from atlas.paths import data_dir, sources_dir

SRC = sources_dir()
ACT = rosstat.ACT_ID


@pytest.fixture(scope="module")
def mun():
    return rosstat.read_municipalities(SRC)


@pytest.fixture(scope="module")
def bdpmo():
    return rosstat.read_bdpmo(SRC)


@pytest.fixture(scope="module")
def towns():
    return atlas.load_monotowns("2024-01-01")


@pytest.fixture(scope="module")
def report_text():
    return (data_dir() / "build_report.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------ the edition and its counts


def test_rosstat_file_has_the_stated_counts(mun):
    assert len(mun) == 265
    assert mun.category.value_counts().to_dict() == rosstat.STATED == {1: 84, 2: 128, 3: 53}
    assert mun.oktmo.str.fullmatch(r"\d{8}").all() and mun.oktmo.is_unique


def test_2024_edition_is_the_default_and_counts_agree(towns):
    eds = atlas.list_editions().set_index("act_id")
    row = eds.loc[ACT]
    assert atlas.list_editions().act_id.iloc[-1] == ACT  # the newest dated source
    assert row.in_force_from == "2024-01-01" and row.kind == "statistical"
    assert len(towns) == row.towns
    assert towns.category.value_counts().to_dict() == {c: int(row[f"cat{c}"]) for c in (1, 2, 3)}
    assert towns.attrs["edition"] == ACT
    assert atlas.load_monotowns().attrs["edition"] == ACT
    assert atlas.load_monotowns("2031-01-01").attrs["edition"] == ACT  # any later date until a newer source
    assert atlas.load_monotowns("2023-12-31").attrs["edition"] != ACT
    assert (towns.category_as_of == rosstat.LABEL).all()


def test_folded_to_municipalities_the_edition_gives_rosstat_categories(towns, mun, report_text):
    """Every matched municipality's lowest category equals Rosstat's, or is named as a disagreement."""
    m = mun.set_index("oktmo")
    matched = towns[towns.oktmo != ""]
    folded = matched.groupby("oktmo").category.min()
    differ = [o for o in folded.index if folded[o] != m.at[o, "category"]]
    section = report_text.split("lowest category differs from Rosstat's")[1].split("\n-- ")[0]
    for o in differ:
        assert o in section, f"{o} differs but is not named in the build report"
    assert len(differ) <= 1  # Павловский: one of Павлово and Ворсма must be category 2, not known which
    # municipalities with a monotown but no town of the atlas are named, not silently dropped
    unmatched = sorted(set(m.index) - set(folded.index))
    held = report_text.split("municipalities with a monotown that no town of the atlas matches")[1]
    held = held.split("\n-- ")[0]
    named = report_text.split("identified as a namesake match of a town of the atlas")[1].split("\n-- ")[0]
    ident = rosstat.read_extract_rows(SRC)
    for o in unmatched:
        assert o in (named if o in ident.index else held)
        assert (o in named) != (o in held)
    # Rosstat's own counts are reproduced where the atlas matched a municipality, minus the named ones
    agree = mun[mun.oktmo.isin(folded.index) & ~mun.oktmo.isin(differ)]
    assert len(agree) == len(folded) - len(differ) >= 250


def test_every_oktmo_is_a_municipality_of_the_towns_region(towns, mun):
    m = mun.set_index("oktmo")
    regions = atlas.load_regions().set_index("iso").name_ru
    with_oktmo = towns[towns.oktmo != ""]
    assert len(with_oktmo) >= 275
    for t in with_oktmo.itertuples():
        assert t.oktmo in m.index, t.town_id
        assert m.at[t.oktmo, "region"] == regions[t.region_iso], (t.town_id, t.oktmo)
        assert t.rosstat_municipality == m.at[t.oktmo, "name"]
    # the first two OKTMO digits name the region: one code per region among the matched towns
    codes = with_oktmo.assign(code=with_oktmo.oktmo.str[:2]).groupby("region_iso").code.nunique()
    assert (codes == 1).all()


def test_acts_and_rosstat_disagreements_are_kept_both(report_text):
    everyone = atlas.load_monotowns("all")
    belogorsk = everyone[(everyone.name_ru == "Белогорск") & (everyone.region_iso == "RU-AMU")].iloc[0]
    assert belogorsk.listed_to_acts == "2020-01-22"  # the acts removed it ...
    assert belogorsk.town_id in set(atlas.load_monotowns("2024-01-01").town_id)  # ... Rosstat lists it
    assert belogorsk.town_id not in set(atlas.load_monotowns("2023-06-01").town_id)
    assert belogorsk.category == 2 and not belogorsk.listed_now_acts
    assert "Белогорск (Амурская область): listed_to 2020-01-22" in report_text
    # every town whose 2024 category differs from the acts is named with both categories
    t = atlas.load_monotowns()
    changed = t[t.category != t.category_acts]
    assert len(changed) > 50
    for r in changed.itertuples():
        assert f"{r.name_ru} (" in report_text and f"acts {r.category_acts} -> Rosstat 2024 {r.category}" in report_text


def test_build_report_names_matches_inferred_added_and_removed(report_text, towns):
    for title in ("rosstat 2024: town matches", "categories inferred", "towns not in the extract",
                  "towns the acts history removed but Rosstat 2024 lists", "towns that left the list by 2024",
                  "municipalities with a monotown that no town of the atlas matches"):
        assert f"-- {title}" in report_text or title in report_text, title
    inferred = towns[towns.category_2024_basis == "inferred_district"]
    section = report_text.split("categories inferred")[1].split("\n-- ")[0]
    assert len(inferred) > 0 and all(f"{n} (" in section for n in inferred.name_ru)
    matches = report_text.split("-- rosstat 2024: town matches")[1].split("\n-- ")[0]
    for r in towns[towns.oktmo != ""].itertuples():
        assert f"-> {r.oktmo} {r.rosstat_municipality}" in matches
    hand = pd.read_csv(SRC / "monotown_oktmo.csv", dtype=str, keep_default_na=False)
    assert f"rosstat2024_towns_matched_to_municipality: {int((hand.oktmo != '').sum())}" in report_text


# ------------------------------------------------------------------ the municipal figures


def _expected_economy(bdpmo: pd.DataFrame, oktmo: str):
    rows = bdpmo[((bdpmo.oktmo == oktmo) | (bdpmo.oktmo_stable == oktmo)) & (bdpmo.wage_total != "")]
    if rows.empty:
        return None
    r = rows.sort_values("year").iloc[-1]
    share = np.nan
    if r.emp_C != "" and float(r.emp_total or 0) > 0:
        share = (float(r.emp_B or 0) + float(r.emp_C)) / float(r.emp_total) * 100
    return float(r.wage_total), int(r.year), share


def test_wage_and_industrial_share_equal_the_source_rows(towns, bdpmo, mun):
    pops = mun.set_index("oktmo").population_2024
    checked = 0
    for t in towns[towns.oktmo != ""].itertuples():
        exp = _expected_economy(bdpmo, t.oktmo)
        if exp is None:
            assert pd.isna(t.wage_rub)
            continue
        wage, year, share = exp
        assert t.wage_rub == pytest.approx(wage) and t.wage_year == year, t.town_id
        if np.isnan(share):
            assert pd.isna(t.industry_jobs_share)
        else:
            assert t.industry_jobs_share == pytest.approx(share, abs=0.05), t.town_id
        assert t.population_2024 == pops[t.oktmo]
        assert t.economy_unit in ("town", "district")
        checked += 1
    assert checked >= 270
    assert (towns.wage_year.dropna().isin([2023, 2024])).all()


def test_region_wages_equal_their_source_rows():
    """Every regional figure is a row of region_wages.csv with a cited source; regions are real ISO codes."""
    raw = pd.read_csv(SRC / "region_wages.csv", dtype=str, keep_default_na=False)
    regions = set(pd.read_csv(SRC / "regions.csv", dtype=str).iso)
    w = rosstat.read_region_wages(SRC)
    assert len(w) == len(raw) and len(w) > 0
    assert set(w.iso) <= regions
    assert not w.duplicated(["iso", "year"]).any()
    for r, q in zip(w.itertuples(), raw.itertuples()):
        assert r.iso == q.iso and r.year == int(q.year)
        if q.wage_rub:
            assert r.wage_rub == float(q.wage_rub)
            assert q.source.strip().startswith(("Росстат", "ЕМИСС")) or "стат" in q.source
            assert "http" in q.source  # the exact page the figure was read from
        assert r.year in (2023, 2024)


def test_region_wages_rows_cite_a_page_and_a_plausible_value():
    """Every row with a figure names the page it was read from (a full URL) and quotes it, and the figure is
    a plausible regional monthly average in roubles (not thousands, not an annual sum): 20,000–300,000."""
    import re

    raw = pd.read_csv(SRC / "region_wages.csv", dtype=str, keep_default_na=False)
    given = raw[raw.wage_rub != ""]
    assert len(given) > 0
    for r in given.itertuples():
        assert r.source.strip(), (r.iso, r.year)
        assert re.search(r"https?://[^\s)]+\.[^\s)]+", r.source), (r.iso, r.year)
        assert "«" in r.source or re.search(r"\):\s*\S", r.source), (r.iso, r.year)  # a quote or the cited line
        assert 20_000 <= float(r.wage_rub) <= 300_000, (r.iso, r.year, r.wage_rub)
        assert r.year in ("2023", "2024"), (r.iso, r.year)


def test_wage_compared_with_its_regions_average_of_the_same_year(towns):
    """Where the region's average of the town's wage year is known, it is the reference; else the
    median of the region's monotown municipalities, labelled as such."""
    w = rosstat.read_region_wages(SRC).dropna(subset=["wage_rub"]).set_index(["iso", "year"])
    one = towns[towns.oktmo != ""].drop_duplicates("oktmo")
    med = one.groupby("region_iso").wage_rub.median()
    by_avg = 0
    for t in towns[towns.wage_rub.notna()].itertuples():
        assert t.wage_region_monotown_median == pytest.approx(med[t.region_iso])
        key = (t.region_iso, int(t.wage_year))
        if key in w.index:
            ref = float(w.at[key, "wage_rub"])
            assert t.wage_region_ref_kind == "region_average", t.town_id
            assert t.wage_region_avg == pytest.approx(ref)
            assert t.wage_region_ref_source == w.at[key, "source"]
            by_avg += 1
        else:
            ref = med[t.region_iso]
            assert t.wage_region_ref_kind == "monotown_median", t.town_id
            assert pd.isna(t.wage_region_avg)
        assert t.wage_region_ref == pytest.approx(ref)
        assert t.wage_vs_region_pct == pytest.approx(100 * (t.wage_rub / ref - 1), abs=0.05)
    assert by_avg > 0
    assert (towns[towns.wage_rub.isna()].wage_region_ref_kind == "").all()


def test_a_2023_wage_is_compared_with_the_2023_regional_figure(towns):
    """Kemerovo region has both years in region_wages.csv: a town with a 2023 wage uses 2023, not 2024."""
    w = rosstat.read_region_wages(SRC).set_index(["iso", "year"])
    assert ("RU-KEM", 2023) in w.index and ("RU-KEM", 2024) in w.index
    assert w.at[("RU-KEM", 2023), "wage_rub"] != w.at[("RU-KEM", 2024), "wage_rub"]
    kem = towns[(towns.region_iso == "RU-KEM") & towns.wage_rub.notna()]
    assert (kem.wage_year == 2023).sum() > 0
    for t in kem.itertuples():
        assert t.wage_region_avg == pytest.approx(float(w.at[("RU-KEM", int(t.wage_year)), "wage_rub"]))


def test_card_names_the_wage_reference(towns):
    from atlas.analysis.economy import economy_card_rows

    avg = towns[towns.wage_region_ref_kind == "region_average"].iloc[0]
    fallback = towns[towns.wage_region_ref_kind == "monotown_median"]
    if len(fallback):
        med = fallback.iloc[0]
    else:
        # every region now has its average in region_wages.csv; the fallback label must still be right
        # for a region or year the table lacks, so the same town is shown as the build would show it then
        med = avg.copy()
        med["wage_region_ref_kind"] = "monotown_median"
        med["wage_region_ref"] = avg.wage_region_monotown_median
        med["wage_vs_region_pct"] = round(100 * (avg.wage_rub / avg.wage_region_monotown_median - 1), 1)
        med["wage_region_avg"] = float("nan")
    for lang in ("ru", "en"):
        labels = [r[0] for r in economy_card_rows(avg, lang)]
        assert any(("средней по региону" in x) or ("region's average" in x) for x in labels)
        assert any(r[2] == avg.wage_region_ref_source for r in economy_card_rows(avg, lang))
        labels = [r[0] for r in economy_card_rows(med, lang)]
        assert any(("медиане моногородов" in x) or ("median of the region's monotowns" in x) for x in labels)


def test_report_counts_the_wage_reference(towns, report_text):
    has = towns[towns.wage_rub.notna()]
    n_avg = int((has.wage_region_ref_kind == "region_average").sum())
    assert f"economy_towns_vs_region_average: {n_avg}" in report_text
    assert f"economy_towns_vs_monotown_median_fallback: {len(has) - n_avg}" in report_text


def test_population_change_only_where_the_unit_is_the_town(towns):
    has = towns.population_change_pct.notna()
    assert has.any()
    assert (towns[has].economy_unit == "town").all()
    assert (towns[has].population_year == 2021).all()


def test_economy_figures_are_in_the_downloads(towns, tmp_path):
    from atlas.export.tables import corridor_table, to_csv_bytes, to_geojson_bytes, write_table

    cols = ["oktmo", "economy_unit", "population_2024", "wage_rub", "wage_year", "industry_jobs_share",
            "wage_vs_region_pct", "economy_source", "category_as_of"]
    csv = pd.read_csv(io.BytesIO(to_csv_bytes(corridor_table(towns, labels=False))), encoding="utf-8-sig",
                      dtype={"oktmo": str})
    for c in cols:
        assert c in csv.columns, c
    a = csv.set_index("town_id")
    b = towns.set_index("town_id")
    assert np.allclose(a.wage_rub.reindex(b.index).to_numpy(dtype=float), b.wage_rub.to_numpy(dtype=float),
                       equal_nan=True)
    assert (a.oktmo.fillna("").reindex(b.index) == b.oktmo).all()
    gj = json.loads(to_geojson_bytes(towns))
    props = {f["properties"]["town_id"]: f["properties"] for f in gj["features"]}
    tulun = towns[towns.name_ru == "Тулун"].iloc[0]
    assert props[tulun.town_id]["wage_rub"] == pytest.approx(tulun.wage_rub)
    path = tmp_path / "towns.gpkg"
    write_table(towns, path)
    g = gpd.read_file(path)
    assert set(cols) <= set(g.columns)
    assert np.allclose(g.set_index("town_id").industry_jobs_share.reindex(b.index).to_numpy(dtype=float),
                       b.industry_jobs_share.to_numpy(dtype=float), equal_nan=True)


def test_cli_towns_writes_the_figures(tmp_path, capsys):
    from atlas.cli import main

    out = tmp_path / "t.csv"
    assert main(["towns", "-o", str(out)]) == 0
    assert "BUL_MO_2024" in capsys.readouterr().out  # says which edition
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert len(df) == len(atlas.load_monotowns()) and df.wage_rub.notna().sum() >= 270


def test_card_shows_unit_year_and_source(towns):
    from atlas.maps.cards import card_rows

    r = towns[towns.name_ru == "Аша"].iloc[0]  # a town inside a wider district
    rows = card_rows(r, "en")
    wage = next(x for x in rows if x[0].startswith("Average monthly wage"))
    assert f"{int(r.wage_year)}" in wage[0] and "whole district" in wage[0] and "BDPMO" in wage[2]
    assert any(x[0].startswith("Population on 1 Jan 2024 (whole district)") for x in rows)


# ------------------------------------------------------------------ the rules on a tiny fixture


def _fixture(tmp_path):
    mun = pd.DataFrame({
        "territory_id": ["1", "2", "3"], "name": ["городской округ город А", "Бский муниципальный район",
                                                   "Вский муниципальный район"],
        "region": ["Р"] * 3, "type": ["городской округ", "муниципальный район", "муниципальный район"],
        "status": [""] * 3, "oktmo8_current": ["1001000", "01601000", "01602000"],
        "oktmo8_used_for_pop": [""] * 3, "pop_2024_rosstat": ["1000.0", "2000.0", "3000.0"],
        "monotown_min_category": ["2.0", "1.0", "3.0"]})
    mun.to_csv(tmp_path / "rosstat_2024_monotown_municipalities.csv", index=False)
    head = ("oktmo,oktmo_stable,year,region_name,municipality,mun_type,wage_total,emp_total,emp_A,emp_B,emp_C,"
            "emp_D,emp_E,emp_G,emp_O,emp_P,emp_Q,pop_total\n")
    body = ("01001000,01001000,2023,Р,А,ГО,50000,100,,10,20,,,,,,,\n"
            "01001000,01001000,2024,Р,А,ГО,60000,100,,,30,,,,,,,\n"
            "01601000,01601000,2023,Р,Б,МР,40000,200,,,,,,,,,,\n")
    (tmp_path / "rosstat_bdpmo_2023_2024_monotown_municipalities.csv").write_text(head + body, encoding="utf-8")
    pd.DataFrame({"town_id": ["a", "b1", "b2", "v1", "v2", "x"],
                  "region": ["Р"] * 6, "town": list("abcdef"),
                  "oktmo": ["01001000", "01601000", "01601000", "01602000", "01602000", ""],
                  "municipality_rosstat": [""] * 6, "match": ["name"] * 5 + ["none"],
                  "note": [""] * 6}).to_csv(tmp_path / "monotown_oktmo.csv", index=False)
    towns = pd.DataFrame({"town_id": ["a", "b1", "b2", "v1", "v2", "x"], "name_ru": list("abcdef"),
                          "region_ru": ["Р"] * 6, "region_iso": ["RU-X"] * 6, "category": [3, 2, 3, 1, 2, 2],
                          "listed_now": [True] * 6, "listed_to": [""] * 6,
                          "population": [1100, 1, 1, 1, 1, 1], "population_year": [2021] * 6})
    return towns


def test_rules_on_a_fixture(tmp_path):
    towns = _fixture(tmp_path)
    out, _ = rosstat.build(towns, tmp_path, BuildReport())
    o = out.set_index("town_id")
    assert (o.at["a", "category_2024"], o.at["a", "category_2024_basis"]) == (2, "rosstat")
    # several towns in a district with lowest category 1: not below the minimum, else raised; inferred
    assert o.loc[["b1", "b2"], "category_2024_basis"].eq("inferred_district").all()
    assert o.at["b1", "category_2024"] == 2 and o.at["b2", "category_2024"] == 3
    # lowest category 3: every town is 3 (deduced)
    assert o.loc[["v1", "v2"], "category_2024"].eq(3).all() and o.at["v1", "category_2024_basis"] == "deduced"
    assert o.at["x", "category_2024_basis"] == "not_in_extract" and o.at["x", "category_2024"] == 2
    # the latest year with a wage; mining unpublished counts as 0 and says so
    assert (o.at["a", "wage_rub"], o.at["a", "wage_year"]) == (60000.0, 2024)
    assert o.at["a", "industry_jobs_share"] == 30.0 and o.at["a", "industry_jobs_basis"].startswith("C ")
    assert o.at["b1", "wage_year"] == 2023 and np.isnan(o.at["b1", "industry_jobs_share"])
    assert o.at["a", "economy_unit"] == "town" and o.at["b1", "economy_unit"] == "district"
    assert o.at["a", "population_change_pct"] == pytest.approx(round(100 * (1000 / 1100 - 1), 1))
    assert np.isnan(o.at["b1", "population_change_pct"])  # a district: no town figure to compare


def test_a_wrong_region_or_unknown_oktmo_fails_the_build(tmp_path):
    towns = _fixture(tmp_path)
    m = pd.read_csv(tmp_path / "monotown_oktmo.csv", dtype=str, keep_default_na=False)
    m.loc[0, "oktmo"] = "99999999"
    m.to_csv(tmp_path / "monotown_oktmo.csv", index=False)
    with pytest.raises(ValueError, match="OKTMO not in the Rosstat extract"):
        rosstat.build(towns, tmp_path, BuildReport())
    towns = _fixture(tmp_path)
    towns.loc[0, "region_ru"] = "Другой"
    with pytest.raises(ValueError, match="another region"):
        rosstat.build(towns, tmp_path, BuildReport())


def test_a_monotown_toser_is_the_category_1_town_of_its_district(tmp_path):
    towns = _fixture(tmp_path)
    towns["toser"] = [False, False, True, False, False, False]
    towns["toser_kind"] = ["", "", "monotown", "", "", ""]
    towns["toser_name"] = ["", "", "B2", "", "", ""]
    out, _ = rosstat.build(towns, tmp_path, BuildReport())
    o = out.set_index("town_id")
    assert o.at["b2", "category_2024"] == 1 and "No. 614" in o.at["b2", "category_2024_note"]
    assert o.at["b1", "category_2024"] == 2  # the other town keeps its acts category


def test_towns_added_after_2014_are_located_and_cited(towns):
    """Towns Rosstat's tables hold that no act names: placed through GeoNames, each with its source
    and the evidence of when it joined (its TOSER, which only a monotown could get)."""
    added = pd.read_csv(SRC / "rosstat_2024_added.csv", dtype=str, keep_default_na=False)
    everyone = atlas.load_monotowns("all")
    new = everyone[everyone.listed_by == ACT]
    assert len(new) == len(added) >= 3
    assert set(new.name_ru) == {n.split(". ", 1)[-1] for n in added.admin_center}
    # placed through GeoNames, or (not in GeoNames) at the coordinates town_coordinates.csv cites
    cited = pd.read_csv(SRC / "town_coordinates.csv", dtype=str, keep_default_na=False)
    for r in new.itertuples():
        if pd.isna(r.geonameid):
            row = cited[(cited.name_ru == r.name_ru) & (cited.region == r.region_ru)]
            assert len(row) == 1 and "http" in row.iloc[0].source, r.name_ru
            assert r.geometry.y == pytest.approx(float(row.iloc[0].lat), abs=1e-4)
            assert r.geometry.x == pytest.approx(float(row.iloc[0].lon), abs=1e-4)
        else:
            assert r.coord_source.startswith("GeoNames"), r.name_ru
    # each cites the bulletin and the evidence that the town is a monotown (its TOSER, or a cited statement)
    assert new.source.str.contains("BUL_MO_2024").all()
    assert (new.source.str.contains("ТОСЭР") | new.source.str.contains("http")).all()
    assert (new.listed_from == "2024-01-01").all() and new.category_acts.isna().all()
    assert set(new.town_id) <= set(towns.town_id)
    assert set(new.town_id).isdisjoint(atlas.load_monotowns("2023-06-01").town_id)
    diff = atlas.compare_editions("2023-06-01", "2024-01-01")
    assert set(new.town_id) <= set(diff[diff.change == "added"].town_id)


def test_extract_rows_identified_by_hand_are_cited_and_consistent(towns, mun, report_text):
    """A namesake row names a town of the same region that is not matched to it, with a cited source;
    the town keeps none of the namesake's figures; the report counts what stays unidentified."""
    ident = rosstat.read_extract_rows(SRC)
    m = mun.set_index("oktmo")
    by_id = towns.set_index("town_id")
    assert len(ident) > 0
    for o, r in ident.iterrows():
        assert o in m.index and m.at[o, "region"] == r.region
        assert "1398" in r.source and ("http" in r.source or "geodata/sources/" in r.source)
        t = by_id.loc[r.town_id]
        assert t.region_ru == r.region and t.oktmo != o
        assert pd.isna(t.wage_rub) and pd.isna(t.population_2024)  # none of the namesake's figures
    held = report_text.split("municipalities with a monotown that no town of the atlas matches")[1]
    held = [x for x in held.split("\n-- ")[0].splitlines()[1:] if x.strip()]
    assert f"rosstat2024_municipalities_unidentified: {len(held)}" in report_text
    assert f"rosstat2024_municipalities_identified_namesake: {len(ident)}" in report_text
    assert len(held) < 7  # the seven rows the first build of the edition left unidentified


def test_added_towns_of_the_edition_are_matched_with_a_source():
    """Towns the Rosstat edition adds are matched by hand in monotown_oktmo.csv with a cited source."""
    add = pd.read_csv(SRC / "rosstat_2024_added.csv", dtype=str, keep_default_na=False)
    match = pd.read_csv(SRC / "monotown_oktmo.csv", dtype=str, keep_default_na=False)
    assert "source" in match.columns
    assert (match[match["match"].isin(["name", "name stem"])].source != "").all()
    sev = match[match.town == "Североонежск"]
    assert len(sev) == 1 and sev.iloc[0].oktmo == "11550000" and "http" in sev.iloc[0].source
    assert "Североонежск" in " ".join(add.admin_center)


HAND_DATASET = re.compile(
    r"^dataset: (?P<repo>[\w.-]+/[\w.-]+) \(GitHub\), (?P<path>\S+) at commit (?P<commit>[0-9a-f]{40}) "
    r".*?line (?P<line>\d+): «(?P<place>[^»]+)»(?:, area «(?P<area>[^»]+)»)?, OKTMO (?P<code>\d{11})")
HAND_UNCITED_MAX = 2  # hand matches left without a source after the second pass (2026-12-06): Красная Поляна, Юго-Камский


def test_hand_matches_cite_the_dataset_row_or_page_they_rest_on(report_text):
    """A cited hand (curator) match names its dataset — repository, path, commit, line, the settlement's
    11-digit OKTMO — or the page it was read from. The code lies in the row's municipality (same first
    five digits), or the dataset names the municipality's district under its pre-okrug code. Uncited
    hand matches may only become fewer, and the report counts both."""
    match = pd.read_csv(SRC / "monotown_oktmo.csv", dtype=str, keep_default_na=False)
    hand = match[match["match"] == "curator"]
    cited = hand[hand.source.str.strip() != ""]
    n_dataset = 0
    for r in cited.itertuples():
        d = HAND_DATASET.match(r.source)
        if d is None:
            assert re.search(r"https?://\S+", r.source), (r.town_id, r.source)
            continue
        n_dataset += 1
        assert r.town.replace("ё", "е") in d["place"].replace("ё", "е"), r.town_id
        code, okt = d["code"], r.oktmo
        if code[:5] != okt[:5]:  # a district since made an okrug: the name must be the municipality's
            area = (d["area"] or "").split()[0]
            assert area and area in r.municipality_rosstat and code[:2] == okt[:2], r.town_id
    assert n_dataset > 0
    assert len(hand) - len(cited) <= HAND_UNCITED_MAX
    assert f"rosstat2024_hand_matches_with_source: {len(cited)}" in report_text
    assert f"rosstat2024_hand_matches_cited_dataset: {n_dataset}" in report_text
    assert f"rosstat2024_hand_matches_uncited: {len(hand) - len(cited)}" in report_text
    section = report_text.split("hand matches without a cited source")[1].split("\n-- ")[0]
    for r in hand[hand.source.str.strip() == ""].itertuples():
        assert f" -> {r.oktmo} {r.municipality_rosstat}" in section, r.town_id


def test_hand_dataset_citations_name_one_file_at_one_commit():
    """Dataset citations of hand matches all point into hflabs/city at the one commit that was read,
    one line per town, so a reader checks them against a single file."""
    match = pd.read_csv(SRC / "monotown_oktmo.csv", dtype=str, keep_default_na=False)
    quoted = [HAND_DATASET.match(s) for s in match.source]
    quoted = [q for q in quoted if q]
    assert {q["repo"] for q in quoted} == {"hflabs/city"}
    assert {q["commit"] for q in quoted} == {"ae661bffe572880472249097c9b29c42b09650ea"}
    assert len({q["line"] for q in quoted}) == len(quoted)  # one dataset line per town


# ------------------------------------------------------------------ towns the extract does not hold


def _status():
    return pd.read_csv(SRC / rosstat.STATUS_FILE, dtype=str, keep_default_na=False)


def _section(report_text: str, title: str) -> list[str]:
    body = report_text.split(f"-- {title}")[1].split("\n-- ")[0]
    return [x.strip() for x in body.splitlines()[1:] if x.strip()]


def test_unmatched_status_rows_are_cited_and_cover_the_unmatched_towns(mun):
    """One row per town with no municipality in the extract; a cited status carries its evidence,
    source and date; region_in_extract is what the extract says."""
    s = _status()
    assert list(s.columns) == rosstat.STATUS_COLUMNS
    match = pd.read_csv(SRC / "monotown_oktmo.csv", dtype=str, keep_default_na=False)
    assert set(s.town_id) == set(match[match.oktmo == ""].town_id) and s.town_id.is_unique
    assert set(s.status) <= set(rosstat.STATUSES)
    cited = s[s.status != "unknown"]
    assert len(cited) >= 1
    for r in cited.itertuples():
        assert r.source.strip() and r.evidence.strip(), r.town_id
        assert "http" in r.source or "geodata/sources/" in r.source, r.town_id
        assert pd.Timestamp(r.date_of_source) >= pd.Timestamp("2020-01-01"), r.town_id  # after 2020
    assert (s[s.status != "listed_cited"].category_2024 == "").all()
    regions = set(mun.region)
    for r in s.itertuples():
        assert (r.region in regions) == (r.region_in_extract == "yes"), r.town_id
    # the loader checks the same against the extract and the match table
    rosstat.read_unmatched_status(SRC, match.set_index("town_id"), mun)


def test_left_cited_towns_are_off_the_2024_edition_but_on_an_earlier_one():
    s = _status()
    left = set(s[s.status == "left_cited"].town_id)
    assert left, "no town cited as having left the list"
    now = set(atlas.load_monotowns("2024-01-01").town_id)
    before = set(atlas.load_monotowns("2023-06-01").town_id)
    assert left.isdisjoint(now) and left <= before
    everyone = atlas.load_monotowns("all").set_index("town_id")
    hist = pd.read_parquet(data_dir() / "monotown_history.parquet")
    src = s.set_index("town_id").source
    for t in left:
        assert not everyone.at[t, "listed_now"] and everyone.at[t, "listed_to"] == "2024-01-01"
        assert everyone.at[t, "category_2024_basis"] == rosstat.LEFT_BASIS
        ev = hist[(hist.town_id == t) & (hist.act_id == ACT) & (hist.change == "removed")]
        assert len(ev) == 1 and src[t] in ev.iloc[0].source and not ev.iloc[0].inferred
    diff = atlas.compare_editions("2023-06-01", "2024-01-01")
    assert left <= set(diff[diff.change == "removed"].town_id)


def test_listed_cited_towns_carry_their_cited_category(towns):
    s = _status().set_index("town_id")
    cited = s[s.status == "listed_cited"]
    t = towns.set_index("town_id")
    for i, r in cited.iterrows():
        assert i in t.index and t.at[i, "category_2024_basis"] == "cited"
        if r.category_2024:
            assert t.at[i, "category"] == int(r.category_2024)
        assert r.source in t.at[i, "category_2024_note"]
    unknown = s[s.status == "unknown"].index
    assert t.loc[t.index.intersection(unknown), "category_2024_basis"].eq("not_in_extract").all()
    assert len(t.index.intersection(unknown)) == len(unknown)  # unknown towns stay on the edition


def test_report_names_the_unmatched_towns_by_status(report_text, towns):
    s = _status()
    everyone = atlas.load_monotowns("all").set_index("town_id")
    sections = {"left_cited": "rosstat 2024: unmatched towns that left the list",
                "listed_cited": "rosstat 2024: unmatched towns still listed (cited)",
                "unknown": "rosstat 2024: unmatched towns of unknown status"}
    for status, title in sections.items():
        rows = s[s.status == status]
        assert f"rosstat2024_unmatched_{status}: {len(rows)}" in report_text
        lines = _section(report_text, title)
        assert len(lines) == len(rows), status
        for r in rows.itertuples():
            label = f"{everyone.at[r.town_id, 'name_ru']} ({r.region})"
            assert any(x.startswith(label + ":") for x in lines), (status, label)
    assert f"rosstat2024_unmatched_towns: {len(s)}" in report_text
    assert f"rosstat2024_unmatched_region_absent: {int((s.region_in_extract == 'no').sum())}" in report_text
    assert f"rosstat2024_basis_cited: {int((s.status == 'listed_cited').sum())}" in report_text
    assert f"rosstat2024_edition_towns: {len(towns)}" in report_text


def test_the_status_rules_on_a_fixture(tmp_path):
    towns = _fixture(tmp_path)
    cols = rosstat.STATUS_COLUMNS
    row = {"town_id": "x", "town": "f", "region": "Р", "region_in_extract": "yes", "status": "left_cited",
           "category_2024": "", "evidence": "не назван в перечне", "source": "https://example.org/a",
           "date_of_source": "2024-10-13"}
    pd.DataFrame([row], columns=cols).to_csv(tmp_path / rosstat.STATUS_FILE, index=False)
    rep = BuildReport()
    o = rosstat.build(towns, tmp_path, rep)[0].set_index("town_id")
    assert not o.at["x", "listed_2024"] and o.at["x", "category_2024_basis"] == rosstat.LEFT_BASIS
    assert "https://example.org/a" in o.at["x", "status_2024_source"]
    assert rep.counts["rosstat2024_unmatched_left_cited"] == 1
    row.update(status="listed_cited", category_2024="1")
    pd.DataFrame([row], columns=cols).to_csv(tmp_path / rosstat.STATUS_FILE, index=False)
    o = rosstat.build(towns, tmp_path, BuildReport())[0].set_index("town_id")
    assert o.at["x", "listed_2024"] and (o.at["x", "category_2024"], o.at["x", "category_2024_basis"]) == (1, "cited")
    for bad in ({"source": ""}, {"date_of_source": "13.10.2024"}, {"region_in_extract": "no"},
                {"status": "gone"}, {"town_id": "a"}, {"status": "left_cited", "category_2024": "1"}):
        pd.DataFrame([{**row, **bad}], columns=cols).to_csv(tmp_path / rosstat.STATUS_FILE, index=False)
        with pytest.raises(ValueError, match=rosstat.STATUS_FILE):
            rosstat.build(towns, tmp_path, BuildReport())
