"""The Rosstat 2024 edition of the list and each town's municipal economy figures (issue #19).

Inputs (``geodata/sources/``, each with a ``.SOURCE.md``):

- ``rosstat_2024_monotown_municipalities.csv`` — the municipalities that hold a monotown in the
  tables 5.1–5.3 of Rosstat's bulletin BUL_MO_2024 (population on 01.01.2024), with the *lowest*
  monotown category inside each (84 / 128 / 53 municipalities);
- ``rosstat_bdpmo_2023_2024_monotown_municipalities.csv`` — Rosstat's municipal database for the
  same municipalities: average wage, employees in total and by OKVED-2 section, 2023 and 2024;
- ``monotown_oktmo.csv`` — the curated match of every town of the acts history to its municipality
  (8-digit OKTMO), with how it was matched.

The edition is written as one more row of the editions table (``act_id`` ``rosstat-2024-01-01``,
kind ``statistical``) so ``load_monotowns("2024-01-01")`` and ``"latest"`` return it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from atlas.build.report import BuildReport

ACT_ID = "rosstat-2024-01-01"
DATE = "2024-01-01"
LABEL = "Росстат, BUL_MO_2024, табл. 5.1–5.3 (на 01.01.2024)"
SOURCE = ("Росстат, бюллетень «Численность населения Российской Федерации по муниципальным образованиям "
          "на 1 января 2024 г.» (BUL_MO_2024), табл. 5.1–5.3; извлечение: "
          "geodata/sources/rosstat_2024_monotown_municipalities.csv")
ECONOMY_SOURCE = ("Росстат, База данных показателей муниципальных образований (БДПМО), 2023–2024: "
                  "среднемесячная начисленная зарплата, среднесписочная численность работников по "
                  "ОКВЭД-2; извлечение: geodata/sources/rosstat_bdpmo_2023_2024_monotown_municipalities.csv")
POPULATION_SOURCE = "Росстат, BUL_MO_2024, лист «Численность_по_МО» (на 01.01.2024)"
STATED = {1: 84, 2: 128, 3: 53}  # municipalities per lowest category, from the extract's .SOURCE.md
BASES = ("rosstat", "rosstat_district", "deduced", "inferred_district", "cited", "not_in_extract")
# towns of the acts history with no municipality in the extract: a cited status per town
# (``rosstat_2024_unmatched_status.csv``): still listed, left the list, or unknown
STATUS_FILE = "rosstat_2024_unmatched_status.csv"
STATUSES = ("listed_cited", "left_cited", "unknown")
STATUS_COLUMNS = ["town_id", "town", "region", "region_in_extract", "status", "category_2024", "evidence",
                  "source", "date_of_source"]
LEFT_BASIS = "left_cited"
ECONOMY_COLUMNS = ["oktmo", "rosstat_municipality", "economy_unit", "population_2024", "wage_rub",
                   "wage_year", "industry_jobs_share", "industry_jobs_basis", "economy_source",
                   "wage_region_monotown_median", "wage_region_avg", "wage_region_ref_kind",
                   "wage_region_ref", "wage_region_ref_source", "wage_vs_region_pct", "population_change_pct"]
# what the card needs to explain the 2024 category in either language: the reason as a code (a
# basis, refined where the build decided more: ``inferred_toser``, ``cited_acts``), the cited
# source's own words, the municipality's lowest category in Rosstat and how many towns of the
# list it holds; ``category_2024_note`` keeps the build report's English sentence
CARD_COLUMNS = ["category_2024_reason", "category_2024_evidence", "rosstat_mun_category", "rosstat_mun_towns"]
REGION_WAGES = "region_wages.csv"
REF_KINDS = ("region_average", "monotown_median")


def with_rosstat_act(src: Path, acts: pd.DataFrame, events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The acts and events tables with the Rosstat 2024 edition as one more act (kind ``statistical``)
    and an ``added`` event for each town its tables hold that no act names
    (``rosstat_2024_added.csv``, one source per row); unchanged when the Rosstat files are absent."""
    if not (src / "rosstat_2024_monotown_municipalities.csv").exists():
        return acts, events
    row = {c: "" for c in acts.columns}
    row.update(act_id=ACT_ID, act_no="BUL_MO_2024", act_date=DATE, effective_date=DATE, kind="statistical",
               count_source="municipalities per lowest category 84/128/53 (the extract's .SOURCE.md); "
                            "compared in the build report",
               source=SOURCE,
               note="the list as Rosstat's bulletin tables state it on 01.01.2024; see build_report.txt")
    acts = pd.concat([acts, pd.DataFrame([row])], ignore_index=True)
    path = src / "rosstat_2024_added.csv"
    if path.exists():
        add = pd.read_csv(path, dtype=str, keep_default_na=False)
        mun = read_municipalities(src).set_index("oktmo")
        bad = sorted(set(add.oktmo) - set(mun.index))
        if bad:
            raise ValueError(f"rosstat_2024_added.csv: OKTMO not in the Rosstat extract: {bad}")
        ev = pd.DataFrame({"act_id": ACT_ID, "region": add.region, "mo_name": add.mo_name,
                           "admin_center": add.admin_center, "event": "added", "category_from": "",
                           "category_to": add.category_to, "source": add.source, "note": add.note})
        events = pd.concat([events, ev.reindex(columns=events.columns).fillna("")], ignore_index=True)
    return acts, events


def read_municipalities(src: Path) -> pd.DataFrame:
    m = pd.read_csv(src / "rosstat_2024_monotown_municipalities.csv", dtype=str, keep_default_na=False)
    m["oktmo"] = m.oktmo8_current.str.zfill(8)
    m["category"] = m.monotown_min_category.str.replace(".0", "", regex=False).astype(int)
    m["population_2024"] = pd.array([int(float(v)) if v else pd.NA for v in m.pop_2024_rosstat],
                                    dtype="Int64")
    if m.oktmo.duplicated().any():
        raise ValueError("rosstat_2024_monotown_municipalities.csv: duplicate OKTMO")
    return m


def read_extract_rows(src: Path) -> pd.DataFrame:
    """Extract rows identified by hand (``rosstat_2024_extract_rows.csv``: a municipality the extract's
    compiler matched by name to a namesake of a listed town), indexed by OKTMO; one source per row."""
    path = src / "rosstat_2024_extract_rows.csv"
    if not path.exists():
        return pd.DataFrame(columns=["municipality", "region", "town_id", "relation", "source", "note"],
                            index=pd.Index([], name="oktmo"))
    e = pd.read_csv(path, dtype=str, keep_default_na=False)
    if (e.source.str.strip() == "").any():
        raise ValueError("rosstat_2024_extract_rows.csv: a row without a source")
    return e.set_index("oktmo")


def read_unmatched_status(src: Path, match: pd.DataFrame | None = None,
                          mun: pd.DataFrame | None = None) -> pd.DataFrame:
    """The curated status of the towns the extract does not hold (``rosstat_2024_unmatched_status.csv``),
    indexed by town_id. A ``listed_cited`` or ``left_cited`` row carries its evidence, source and date;
    ``unknown`` rows may be empty. With ``match`` (``monotown_oktmo.csv`` indexed by town_id) every row
    must be a town without an OKTMO; with ``mun`` (the extract) ``region_in_extract`` must be what the
    extract says. A town without a row is ``unknown``."""
    path = src / STATUS_FILE
    if not path.exists():
        return pd.DataFrame(columns=STATUS_COLUMNS[1:], index=pd.Index([], name="town_id"))
    s = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = sorted(set(STATUS_COLUMNS) - set(s.columns))
    if missing:
        raise ValueError(f"{STATUS_FILE}: missing columns {missing}")
    for c in STATUS_COLUMNS:
        s[c] = s[c].str.strip()
    if s.town_id.duplicated().any():
        raise ValueError(f"{STATUS_FILE}: duplicate town_id {sorted(set(s.town_id[s.town_id.duplicated()]))}")
    bad = sorted(set(s.status) - set(STATUSES))
    if bad:
        raise ValueError(f"{STATUS_FILE}: unknown status {bad}; expected one of {STATUSES}")
    cited = s.status != "unknown"
    uncited = s[cited & ((s.source == "") | (s.evidence == "") | ~s.date_of_source.str.match(r"^\d{4}-\d{2}-\d{2}$"))]
    if len(uncited):
        raise ValueError(f"{STATUS_FILE}: a cited status needs evidence, source and date (YYYY-MM-DD): "
                         f"{list(uncited.town_id)}")
    wrong = s[(s.category_2024 != "") & (~s.category_2024.isin(["1", "2", "3"]) | (s.status != "listed_cited"))]
    if len(wrong):
        raise ValueError(f"{STATUS_FILE}: category_2024 must be 1, 2 or 3, and only on a listed_cited row: "
                         f"{list(wrong.town_id)}")
    if not s.region_in_extract.isin(["yes", "no"]).all():
        raise ValueError(f"{STATUS_FILE}: region_in_extract must be yes or no")
    if match is not None:
        stray = [t for t in s.town_id if t not in match.index or match.at[t, "oktmo"] != ""]
        if stray:
            raise ValueError(f"{STATUS_FILE}: towns unknown to monotown_oktmo.csv or matched to a municipality: "
                             f"{stray}")
    if mun is not None:
        regions = set(mun.region)
        off = [r.town_id for r in s.itertuples() if (r.region in regions) != (r.region_in_extract == "yes")]
        if off:
            raise ValueError(f"{STATUS_FILE}: region_in_extract disagrees with the extract for {off}")
    return s.set_index("town_id")


def read_bdpmo(src: Path) -> pd.DataFrame:
    b = pd.read_csv(src / "rosstat_bdpmo_2023_2024_monotown_municipalities.csv", dtype=str,
                    keep_default_na=False)
    b["oktmo"] = b.oktmo.str.zfill(8)
    b["oktmo_stable"] = b.oktmo_stable.str.zfill(8)
    return b


def economy_row(b: pd.DataFrame, oktmo: str) -> dict:
    """The latest year with a published wage (2024, else 2023) for one municipality."""
    rows = b[(b.oktmo == oktmo) | (b.oktmo_stable == oktmo)]
    rows = rows[rows.wage_total != ""].sort_values("year")
    out = {"wage_rub": np.nan, "wage_year": pd.NA, "industry_jobs_share": np.nan,
           "industry_jobs_basis": ""}
    if rows.empty:
        return out
    r = rows.iloc[-1]
    out["wage_rub"] = float(r.wage_total)
    out["wage_year"] = int(r.year)
    total = float(r.emp_total) if r.emp_total else 0.0
    if total > 0 and r.emp_C != "":
        mining = float(r.emp_B) if r.emp_B != "" else 0.0
        out["industry_jobs_share"] = round(100.0 * (mining + float(r.emp_C)) / total, 1)
        out["industry_jobs_basis"] = "B+C" if r.emp_B != "" else "C (B not published)"
    return out


def read_region_wages(src: Path) -> pd.DataFrame:
    """The regional average wages (``region_wages.csv``: iso, year, wage_rub, source); rows with an
    empty ``wage_rub`` are regions the sources did not give and stay gaps."""
    path = src / REGION_WAGES
    if not path.exists():
        return pd.DataFrame({"iso": [], "year": [], "wage_rub": [], "source": []})
    w = pd.read_csv(path, dtype=str, keep_default_na=False)
    if w.duplicated(["iso", "year"]).any():
        raise ValueError(f"{REGION_WAGES}: duplicate region and year")
    if ((w.wage_rub != "") & (w.source.str.strip() == "")).any():
        raise ValueError(f"{REGION_WAGES}: a figure without a source")
    w["year"] = w.year.astype(int)
    w["wage_rub"] = pd.to_numeric(w.wage_rub, errors="coerce")
    return w


def region_wage_lookup(src: Path, region_iso: pd.Series, year: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The regional average wage and its source for each (region, wage year); NaN / "" where unknown."""
    w = read_region_wages(src).dropna(subset=["wage_rub"]).set_index(["iso", "year"])
    keys = list(zip(region_iso, [int(y) if pd.notna(y) else -1 for y in year]))
    avg = pd.Series([float(w.at[k, "wage_rub"]) if k in w.index else np.nan for k in keys],
                    index=region_iso.index, dtype=float)
    src_ = pd.Series([w.at[k, "source"] if k in w.index else "" for k in keys], index=region_iso.index)
    return avg, src_


def _town_unit(mun: pd.Series, n_towns: int) -> str:
    return "town" if mun["type"] == "городской округ" and n_towns == 1 else "district"


def build(towns: pd.DataFrame, src: Path, report: BuildReport) -> tuple[pd.DataFrame, dict]:
    """Columns of the 2024 edition and the economy for every town (``towns`` keyed by town_id with
    the acts category in ``category``, ``region_ru``, ``name_ru``, ``listed_now``, population)."""
    mun = read_municipalities(src)
    bd = read_bdpmo(src)
    match = pd.read_csv(src / "monotown_oktmo.csv", dtype=str, keep_default_na=False)
    unknown = sorted(set(match.town_id) - set(towns.town_id))
    if unknown:
        raise ValueError(f"monotown_oktmo.csv names unknown towns: {unknown}")
    missing = sorted(set(towns.town_id) - set(match.town_id))
    if missing:
        raise ValueError(f"monotown_oktmo.csv lacks towns: {missing}")
    match = match.set_index("town_id")
    by_oktmo = mun.set_index("oktmo")
    bad = [t for t, o in match.oktmo.items() if o and o not in by_oktmo.index]
    if bad:
        raise ValueError(f"monotown_oktmo.csv: OKTMO not in the Rosstat extract for {bad}")
    wrong_region = [t for t in towns.itertuples() if match.at[t.town_id, "oktmo"]
                    and by_oktmo.at[match.at[t.town_id, "oktmo"], "region"] != t.region_ru]
    if wrong_region:
        raise ValueError(f"monotown_oktmo.csv: municipality in another region for "
                         f"{[t.town_id for t in wrong_region]}")
    status = read_unmatched_status(src, match, mun)
    ident = read_extract_rows(src)
    regions = towns.set_index("town_id").region_ru
    bad = [o for o, r in ident.iterrows() if o not in by_oktmo.index or r.town_id not in regions.index
           or by_oktmo.at[o, "region"] != regions[r.town_id] or match.at[r.town_id, "oktmo"] == o]
    if bad:
        raise ValueError(f"rosstat_2024_extract_rows.csv: OKTMO not in the extract, unknown town, another "
                         f"region, or already matched: {bad}")

    t = towns.set_index("town_id")
    t["oktmo"] = match.oktmo.reindex(t.index)
    per_mun = t[t.oktmo != ""].groupby("oktmo").size()
    rows = []
    for tid, r in t.iterrows():
        ok = r.oktmo
        rec = {"town_id": tid, "oktmo": ok, "category_acts": int(r.category),
               "rosstat_municipality": "", "economy_unit": "", "population_2024": pd.NA}
        st = status.loc[tid] if tid in status.index else None
        if not ok and st is not None and st.status != "unknown":
            cited = f"{st.evidence} — {st.source} ({st.date_of_source})"
            if st.status == "listed_cited":
                cat = int(st.category_2024) if st.category_2024 else int(r.category)
                rec.update(category_2024=cat, category_2024_basis="cited", category_2024_evidence=cited,
                           category_2024_reason="cited" if st.category_2024 else "cited_acts",
                           category_2024_note=(f"municipality not in the Rosstat extract; on the list by a cited "
                                               f"source" + ("" if st.category_2024 else
                                                            " (no category stated; the acts category kept)")
                                               + f": {cited}"),
                           listed_2024=True)
            else:
                rec.update(category_2024=int(r.category), category_2024_basis=LEFT_BASIS,
                           category_2024_reason=LEFT_BASIS, category_2024_evidence=cited,
                           category_2024_note=f"left the list (cited; not on the 2024 edition): {cited}",
                           listed_2024=False)
            rec.update(status_2024=st.status, status_2024_source=f"{st.source} ({st.date_of_source})")
            rec.update(economy_row(bd, "__none__"))
            rows.append(rec)
            continue
        if not ok:
            rec.update(status_2024="unknown", status_2024_source="")
            rec.update(category_2024=int(r.category), category_2024_basis="not_in_extract",
                       category_2024_reason="not_in_extract", category_2024_evidence="",
                       category_2024_note=("municipality not in the Rosstat extract (23 bulletin rows the "
                                           "compiler could not match, or a municipality outside its "
                                           "territory set); category carried over from the acts history"
                                           + (f"; {match.at[tid, 'note']}" if match.at[tid, 'note'] else "")),
                       listed_2024=bool(r.listed_now))
            rec.update(economy_row(bd, "__none__"))
            rows.append(rec)
            continue
        m = by_oktmo.loc[ok]
        n = int(per_mun[ok])
        mcat = int(m.category)
        reason = None
        if n == 1:
            basis = "rosstat" if m["type"] == "городской округ" else "rosstat_district"
            cat = mcat
            note = ("Rosstat category of the municipality, which holds this one town of the list"
                    if basis == "rosstat" else
                    "lowest category of the district in Rosstat; the atlas knows no other monotown there")
        elif mcat == 3:
            basis, cat = "deduced", 3
            note = f"the district's lowest category is 3, so each of its {n} monotowns is category 3"
        elif mcat == 1 and bool(r.get("toser", False)) and r.get("toser_kind") == "monotown":
            # a monotown TOSER could only be created in a category-1 town (decree No. 614 of
            # 22.06.2015), and the district's lowest category is 1: the town is taken to be that one
            basis, cat, reason = "inferred_district", 1, "inferred_toser"
            note = (f"district holds {n} monotowns of the list with lowest category 1 (Rosstat); the town has "
                    f"a monotown TOSER ({r.get('toser_name')}), which decree No. 614 of 22.06.2015 allowed only "
                    f"in category-1 monotowns, so it is taken to be the category-1 town (inferred)")
        else:
            basis = "inferred_district"
            cat = max(int(r.category), mcat)
            note = (f"district holds {n} monotowns of the list; Rosstat gives only the lowest category "
                    f"({mcat}); the town's own 2024 category is not published here: the acts category "
                    f"({int(r.category)}) is kept where it is not below the district's lowest, else raised to it")
        rec.update(category_2024=cat, category_2024_basis=basis, category_2024_note=note,
                   category_2024_reason=reason or basis, category_2024_evidence="", rosstat_mun_category=mcat, rosstat_mun_towns=n, rosstat_municipality=m["name"],
                   economy_unit=_town_unit(m, n), population_2024=m.population_2024, listed_2024=True,
                   status_2024="", status_2024_source="")
        rec.update(economy_row(bd, ok))
        rows.append(rec)
    out = pd.DataFrame(rows).set_index("town_id")
    out["economy_source"] = np.where(out.oktmo != "", ECONOMY_SOURCE + "; население: " + POPULATION_SOURCE, "")
    out["population_2024"] = out.population_2024.astype("Int64")
    for c in ("rosstat_mun_category", "rosstat_mun_towns"):
        out[c] = (out[c] if c in out else pd.Series(pd.NA, index=out.index)).astype("Int64")
    out["wage_year"] = out.wage_year.astype("Int64")
    # wage against the region: the region's average monthly nominal accrued wage of the same year
    # (Rosstat, all employers; geodata/sources/region_wages.csv, one cited source per row) where
    # that figure is known; otherwise, labelled as such, the median wage of the monotown
    # municipalities of the same region (one value per municipality)
    region = t.region_iso
    wages = out.assign(region=region)[out.oktmo != ""].drop_duplicates("oktmo")
    med = wages.groupby("region").wage_rub.median()
    out["wage_region_monotown_median"] = region.map(med).astype(float)
    ref_avg, ref_src = region_wage_lookup(src, region, out.wage_year)
    out["wage_region_avg"] = ref_avg
    has_avg = out.wage_region_avg.notna() & out.wage_rub.notna()
    has_med = ~has_avg & out.wage_region_monotown_median.notna() & out.wage_rub.notna()
    out["wage_region_ref_kind"] = np.where(has_avg, "region_average", np.where(has_med, "monotown_median", ""))
    out["wage_region_ref"] = out.wage_region_avg.where(has_avg, out.wage_region_monotown_median.where(has_med))
    out["wage_region_ref_source"] = np.where(has_avg, ref_src, np.where(
        has_med, "median of the region's monotown municipalities (BDPMO); no regional average in "
                 "region_wages.csv for this region and year", ""))
    out["wage_vs_region_pct"] = (100.0 * (out.wage_rub / out.wage_region_ref - 1)).round(1)
    census = t.population.astype("Float64")
    ok_change = (out.economy_unit == "town") & (t.population_year.astype("Float64") == 2021)
    change = (100.0 * (out.population_2024.astype("Float64") / census - 1)).round(1)
    out["population_change_pct"] = change.where(ok_change).astype(float)
    _report(out, t, mun, per_mun, match, report, src)
    return out.reset_index(), {"municipalities": mun}


def _report(out: pd.DataFrame, t: pd.DataFrame, mun: pd.DataFrame, per_mun: pd.Series,
            match: pd.DataFrame, report: BuildReport, src: Path) -> None:
    name = t.name_ru + " (" + t.region_ru + ")"
    report.count("rosstat2024_municipalities", len(mun))
    report.count("rosstat2024_municipalities_by_category_stated",
                 " / ".join(f"{STATED[c]}" for c in (1, 2, 3)))
    counted = mun.category.value_counts().reindex([1, 2, 3], fill_value=0)
    report.count("rosstat2024_municipalities_by_category_in_file",
                 " / ".join(str(int(counted[c])) for c in (1, 2, 3)))
    matched = out[out.oktmo != ""]
    report.count("rosstat2024_towns_matched_to_municipality", len(matched))
    report.count("rosstat2024_municipalities_matched", int(matched.oktmo.nunique()))
    for how, n in match[match.oktmo != ""]["match"].value_counts().sort_index().items():
        report.count(f"rosstat2024_match_{how.replace(' ', '_')}", int(n))
    listed = out[out.listed_2024]
    report.count("rosstat2024_edition_towns", len(listed))
    for c in (1, 2, 3):
        report.count(f"rosstat2024_edition_cat{c}", int((listed.category_2024 == c).sum()))
    for b in BASES:
        report.count(f"rosstat2024_basis_{b}", int((listed.category_2024_basis == b).sum()))
    # the edition folded back to municipalities (lowest category) against Rosstat's
    folded = matched.groupby("oktmo").category_2024.min()
    m = mun.set_index("oktmo")
    disagree = [f"{m.at[o, 'name']} ({m.at[o, 'region']}, {o}): atlas {int(folded[o])} vs Rosstat "
                f"{int(m.at[o, 'category'])}" for o in folded.index if int(folded[o]) != int(m.at[o, "category"])]
    report.section("rosstat 2024: municipalities where the edition's lowest category differs from Rosstat's "
                   "(one of the district's towns must have Rosstat's lowest category; which one is not "
                   "published in the extract, so the towns keep their inferred categories)", disagree)
    held = mun[~mun.oktmo.isin(per_mun.index)]
    ident = read_extract_rows(src)
    known = held[held.oktmo.isin(ident.index)]
    report.section("rosstat 2024: municipalities of the extract identified as a namesake match of a town of "
                   "the atlas (rosstat_2024_extract_rows.csv, cited; the town keeps no figures of the namesake)",
                   [f"{r.name} ({r.region}, {r.oktmo}): category {r.category} -> {name[ident.at[r.oktmo, 'town_id']]} "
                    f"[{ident.at[r.oktmo, 'relation']}]" for r in known.itertuples()])
    report.section("rosstat 2024: municipalities with a monotown that no town of the atlas matches "
                   "(towns added after 2014 or missing from the 2014 transcription; not identified)",
                   [f"{r.name} ({r.region}, {r.oktmo}): category {r.category}"
                    for r in held[~held.oktmo.isin(ident.index)].itertuples()])
    report.count("rosstat2024_municipalities_unidentified", int((~held.oktmo.isin(ident.index)).sum()))
    report.count("rosstat2024_municipalities_identified_namesake", len(known))
    hand = match[match["match"] == "curator"]
    hand_src = hand.get("source", pd.Series("", index=hand.index)).str.strip()
    report.count("rosstat2024_hand_matches", len(hand))
    report.count("rosstat2024_hand_matches_with_source", int((hand_src != "").sum()))
    report.count("rosstat2024_hand_matches_cited_dataset", int(hand_src.str.startswith("dataset:").sum()))
    report.count("rosstat2024_hand_matches_uncited", int((hand_src == "").sum()))
    report.section("rosstat 2024: hand matches without a cited source (curator's knowledge of the "
                   "administrative division; checkable, not quoted)",
                   [f"{name[i]} -> {hand.at[i, 'oktmo']} {hand.at[i, 'municipality_rosstat']}"
                    for i in hand.index[hand_src == ""]])
    atlas_by_cat = pd.concat([folded.value_counts(), held.category.value_counts()], axis=1).fillna(0).sum(axis=1)
    report.count("rosstat2024_municipalities_by_category_atlas",
                 " / ".join(str(int(atlas_by_cat.get(c, 0))) for c in (1, 2, 3))
                 + " (matched municipalities folded to their lowest category + unmatched ones as Rosstat gives)")
    report.section("rosstat 2024: town matches (town -> OKTMO, municipality, how)", [
        f"{name[i]} -> {r.oktmo} {r.rosstat_municipality} [{match.at[i, 'match']}]"
        for i, r in matched.iterrows()])
    report.section("rosstat 2024: category differs from the acts history (the atlas follows Rosstat 2024 "
                   "for the 2024 edition, the acts for earlier dates)", [
        f"{name[i]}: acts {r.category_acts} -> Rosstat 2024 {r.category_2024} [{r.category_2024_basis}]"
        for i, r in listed.iterrows() if r.category_acts != r.category_2024])
    report.section("rosstat 2024: categories inferred (district holds several monotowns)", [
        f"{name[i]}: {r.category_2024} — {r.category_2024_note}"
        for i, r in listed.iterrows() if r.category_2024_basis == "inferred_district"])
    report.section("rosstat 2024: towns not in the extract (kept on the list with the acts category, "
                   "inferred; not marked as left, since absence from the extract is no evidence)", [
        f"{name[i]}: category {r.category_2024}" for i, r in listed.iterrows()
        if r.category_2024_basis == "not_in_extract"])
    _report_unmatched_status(out, name, mun, match, report, src)
    back = out[out.listed_2024 & ~t.listed_now.reindex(out.index).astype(bool)]
    report.section("rosstat 2024: towns the acts history removed but Rosstat 2024 lists (kept both; "
                   "the 2024 edition follows Rosstat, the newest official statement of the list)", [
        f"{name[i]}: listed_to {t.at[i, 'listed_to']} by the acts; Rosstat 2024 category "
        f"{r.category_2024} ({r.rosstat_municipality})" for i, r in back.iterrows()])
    left = out[~out.listed_2024]
    report.section("rosstat 2024: towns that left the list by 2024", [f"{name[i]}" for i in left.index])
    report.count("economy_towns_with_wage", int(out.wage_rub.notna().sum()))
    report.count("economy_towns_wage_2024", int((out.wage_year == 2024).sum()))
    report.count("economy_towns_wage_2023", int((out.wage_year == 2023).sum()))
    report.count("economy_towns_with_industry_share", int(out.industry_jobs_share.notna().sum()))
    report.count("economy_unit_town", int((out.economy_unit == "town").sum()))
    report.count("economy_unit_district", int((out.economy_unit == "district").sum()))
    for i, r in out.iterrows():
        if r.oktmo and pd.isna(r.wage_rub):
            report.gap("economy: municipality without a published wage (2023-2024)",
                       f"{name[i]} ({r.oktmo} {r.rosstat_municipality})")
    rw = read_region_wages(src)
    given = rw.dropna(subset=["wage_rub"])
    report.count("region_wages_rows_with_figure", len(given))
    report.count("region_wages_regions_with_figure", int(given.iso.nunique()))
    with_wage = out[out.wage_rub.notna()]
    report.count("economy_towns_vs_region_average", int((with_wage.wage_region_ref_kind == "region_average").sum()))
    report.count("economy_towns_vs_monotown_median_fallback",
                 int((with_wage.wage_region_ref_kind == "monotown_median").sum()))
    need = sorted({(r, int(y)) for r, y in zip(t.region_iso.reindex(with_wage.index), with_wage.wage_year)})
    have = set(zip(given.iso, given.year))
    report.section("regional average wage not found (town compared with the median of its region's "
                   "monotowns instead, labelled so)", [f"{r} {y}" for r, y in need if (r, y) not in have])
    report.notes.append("wage reference: wage_vs_region_pct compares a town's BDPMO wage with its region's "
                        "average monthly nominal accrued wage of the same year (Rosstat, all employers; "
                        "geodata/sources/region_wages.csv, cited per row) where the sources give it, else "
                        "with the median wage of the monotown municipalities of its region "
                        "(wage_region_ref_kind says which)")


def _report_unmatched_status(out: pd.DataFrame, name: pd.Series, mun: pd.DataFrame, match: pd.DataFrame,
                             report: BuildReport, src: Path) -> None:
    """The towns the extract does not hold, by their cited status: left the list, still listed, unknown."""
    status = read_unmatched_status(src)
    none = out[out.oktmo == ""]
    regions = set(mun.region)
    where = {i: ("region in the extract" if t in regions else "region absent from the extract")
             for i, t in match.region.reindex(none.index).items()}
    left = none[none.status_2024 == "left_cited"]
    cited = none[none.status_2024 == "listed_cited"]
    unknown = none[none.status_2024 == "unknown"]
    report.count("rosstat2024_unmatched_towns", len(none))
    report.count("rosstat2024_unmatched_left_cited", len(left))
    report.count("rosstat2024_unmatched_listed_cited", len(cited))
    report.count("rosstat2024_unmatched_unknown", len(unknown))
    report.count("rosstat2024_unmatched_region_absent", sum(v.startswith("region absent") for v in where.values()))
    report.section("rosstat 2024: unmatched towns that left the list (cited; not on the 2024 edition)", [
        f"{name[i]}: {r.status_2024_source} — {status.at[i, 'evidence'] if i in status.index else ''}"
        for i, r in left.iterrows()])
    report.section("rosstat 2024: unmatched towns still listed (cited)", [
        f"{name[i]}: category {r.category_2024}"
        f"{'' if i in status.index and status.at[i, 'category_2024'] else ' (acts; no category stated)'} — "
        f"{r.status_2024_source}" for i, r in cited.iterrows()])
    report.section("rosstat 2024: unmatched towns of unknown status (no post-2020 source found; kept with the "
                   "acts category, basis not_in_extract)", [
        f"{name[i]}: category {r.category_2024} ({where[i]})" for i, r in unknown.iterrows()])
