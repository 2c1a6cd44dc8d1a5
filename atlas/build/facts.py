"""Join curated, cited facts (profiles, TOSER) onto the monotown table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from atlas.build.gazetteer import normalize_name
from atlas.build.monotowns import KEY, read_csv
from atlas.build.report import BuildReport
from atlas.vocab import SPECIALIZATIONS, TOSER_KINDS


def read_profiles(src: Path) -> pd.DataFrame | None:
    parts = sorted(src.glob("monotown_profiles*.csv"))
    if not parts:
        return None
    return pd.concat([read_csv(p) for p in parts], ignore_index=True)


def read_notes_en(src: Path) -> pd.DataFrame | None:
    """English versions of the profile tables' ``specialization_note`` (the card shows them in English)."""
    path = src / "specialization_notes_en.csv"
    return read_csv(path) if path.exists() else None


def join_profiles(df: pd.DataFrame, profiles: pd.DataFrame | None, report: BuildReport,
                  notes_en: pd.DataFrame | None = None) -> pd.DataFrame:
    out = df.copy()
    cols = ["specialization", "anchor_enterprise", "population", "population_year", "profile_source",
            "specialization_historical", "specialization_note"]
    for c in cols:
        out[c] = None
    if profiles is None:
        report.notes.append("no monotown_profiles*.csv: specialization left empty")
    else:
        prof = profiles.rename(columns={"source": "profile_source"})
        for c in ("specialization_historical", "specialization_note"):
            if c not in prof:
                prof[c] = ""
        prof = prof.drop_duplicates(KEY, keep="first").set_index(KEY)
        bad = (set(prof.specialization) | set(prof.specialization_historical)) - set(SPECIALIZATIONS) - {""}
        if bad:
            raise ValueError(f"specialization outside the vocabulary: {sorted(bad)}")
        # the list key uses the admin centre as printed in the list (before fixes)
        keys = list(zip(out.region, out.admin_center_list, out.mo_name_1398))
        for c in cols:
            vals = [prof[c].get(k) if k in prof.index else None for k in keys]
            out[c] = [v if v not in ("", None) else None for v in vals]
        unknown = set(prof.index) - set(keys)
        for k in sorted(unknown):
            report.unmatched.append(f"profile row not on the list: {' / '.join(k)}")
    no_source = out.specialization.notna() & out.profile_source.isna()
    out.loc[no_source, "specialization"] = None
    for r in out[out.specialization.isna()].itertuples():
        report.gap("specialization", f"{r.region} / {r.name_ru}")
    filled = int(out.specialization.notna().sum())
    report.count("specialization_filled", f"{filled}/{len(out)} ({100 * filled / len(out):.1f}%)")
    changed = out.specialization_historical.notna() & (out.specialization_historical != out.specialization)
    report.count("specialization_changed_since_listing", int(changed.sum()))
    report.count("specialization_with_note", int(out.specialization_note.notna().sum()))
    # the note in English (our own words, translated; the facts are cited in the profile row)
    out["specialization_note_en"] = None
    if notes_en is not None:
        en = notes_en.drop_duplicates(KEY, keep="first").set_index(KEY).specialization_note_en
        keys = list(zip(out.region, out.admin_center_list, out.mo_name_1398))
        out["specialization_note_en"] = [en.get(k) or None if k in en.index else None for k in keys]
        shown = out.specialization_historical.notna() & (out.specialization_historical != out.specialization)
        for r in out[shown & out.specialization_note.notna() & out.specialization_note_en.isna()].itertuples():
            report.gap("specialization_note_en", f"{r.region} / {r.name_ru}")
    report.section("specialization changed since the list (historical -> today)",
                   [f"{r.region} / {r.name_ru}: {r.specialization_historical} -> {r.specialization}"
                    for r in out[changed].itertuples()])
    out["population_year"] = pd.to_numeric(out.population_year, errors="coerce").astype("Int64")
    curated_pop = pd.to_numeric(out.population, errors="coerce")
    out["population_source"] = curated_pop.notna().map({True: "curated", False: None})
    gn_pop = pd.to_numeric(out.gn_population, errors="coerce").where(lambda s: s > 0)
    use_gn = curated_pop.isna() & gn_pop.notna()
    out["population"] = curated_pop.fillna(gn_pop).astype("Int64")
    out.loc[curated_pop.notna(), "population_source"] = out.loc[curated_pop.notna(), "profile_source"]
    out.loc[use_gn, "population_source"] = "GeoNames cities500 (year not stated)"
    report.count("population_curated", int(curated_pop.notna().sum()))
    report.count("population_from_geonames", int(use_gn.sum()))
    for r in out[out.population.isna()].itertuples():
        report.gap("population", f"{r.region} / {r.name_ru}")
    return out.drop(columns=["gn_population"])


def join_toser(df: pd.DataFrame, toser: pd.DataFrame | None, report: BuildReport
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mark towns that hold a TOSER; report TOSERs that match no town instead of dropping them."""
    out = df.copy()
    for c in ("toser_name", "toser_kind", "toser_decree", "toser_date", "toser_source"):
        out[c] = None
    out["toser_year"] = pd.array([pd.NA] * len(out), dtype="Int64")
    out["toser"] = False
    if toser is None:
        report.notes.append("no toser.csv: TOSER columns left empty")
        return out, pd.DataFrame()
    t = toser.copy()
    bad = set(t.kind) - set(TOSER_KINDS)
    if bad:
        raise ValueError(f"unknown TOSER kinds: {sorted(bad)}")
    lookup = {(r.region, normalize_name(r.name_ru)): r.town_id for r in out.itertuples()}
    t["town_id"] = [lookup.get((r.region, normalize_name(r.town_ru))) for r in t.itertuples()]
    if "created_year" not in t:
        t["created_year"] = ""
    t["created_year"] = pd.to_numeric(t["created_year"], errors="coerce").astype("Int64")
    t = t.sort_values(["created_year", "decree_date", "toser_name"], kind="stable")
    for r in t[t.town_id.isna()].itertuples():
        report.unmatched.append(f"TOSER «{r.toser_name}» ({r.kind}): town «{r.town_ru}», {r.region} is not on the list")
    first = t.dropna(subset=["town_id"]).groupby("town_id").head(1).set_index("town_id")
    hit = out.town_id.isin(first.index)
    out.loc[hit, "toser"] = True
    for src, dst in (("toser_name", "toser_name"), ("kind", "toser_kind"),
                     ("decree_no", "toser_decree"), ("decree_date", "toser_date"),
                     ("source", "toser_source")):
        out.loc[hit, dst] = out.loc[hit, "town_id"].map(first[src]).replace("", None)
    out.loc[hit, "toser_year"] = out.loc[hit, "town_id"].map(first["created_year"]).astype("Int64")
    for kind in TOSER_KINDS:
        report.count(f"toser_{kind}", int((t.kind == kind).sum()))
    report.count("toser_matched_to_towns", int(t.town_id.notna().sum()))
    report.count("toser_unmatched", int(t.town_id.isna().sum()))
    report.count("towns_with_toser", int(hit.sum()))
    report.count("toser_with_year", int(t.created_year.notna().sum()))
    report.count("toser_with_decree_no", int((t.decree_no.fillna("") != "").sum()))
    has_no = t.decree_no.fillna("").astype(str).str.strip() != ""
    has_date = t.decree_date.fillna("").astype(str).str.strip() != ""
    report.count("toser_with_decree_date", int(has_date.sum()))
    report.count("toser_with_decree_no_and_date", int((has_no & has_date).sum()))
    for r in t[~(has_no & has_date)].itertuples():
        lacks = " and ".join(w for w, ok in (("number", has_no[r.Index]), ("date", has_date[r.Index])) if not ok)
        report.gap("TOSER decree", f"«{r.toser_name}» ({r.kind}): no decree {lacks}")
    for r in t[t.created_year.isna()].itertuples():
        report.gap("TOSER creation year", f"«{r.toser_name}» ({r.kind})")
    return out, t
