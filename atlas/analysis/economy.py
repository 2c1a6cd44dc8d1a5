"""How each monotown is doing (issue #19): the municipal figures as card rows, and the
comparison of TOSER towns with the others on wage, industrial share and population change.

The figures come from the town layer (built by ``atlas.build.rosstat``): ``population_2024``,
``wage_rub`` / ``wage_year``, ``industry_jobs_share``, ``economy_unit`` ("town" or "district"),
``wage_vs_region_pct`` against the region's average wage of the same year (Rosstat, cited in
``region_wages.csv``) or, where that is not known, the median wage of the region's monotown
municipalities (``wage_region_ref_kind`` says which), and
``population_change_pct`` since the 2021 census (town units only).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from atlas import fmt
from atlas.i18n import t

ECONOMY_SOURCE_KEY = "econ.source"
METRICS = ("wage_rub", "wage_vs_region_pct", "industry_jobs_share", "population_change_pct")


def _unit(row, lang: str) -> str:
    u = row.get("economy_unit")
    return t(f"econ.unit.{u}", lang) if u in ("town", "district") else fmt.EMPTY


def economy_card_rows(row, lang: str = "ru", compact: bool = False) -> list[tuple[str, str, str | None]]:
    """(label, value, source) rows of the town card: unit and year in the label, source named.

    ``compact`` (the map's card, where every byte is paid per town) puts the population change
    and the wage's distance to the regional reference in brackets instead of rows of their own.
    """
    if fmt.is_empty(row.get("oktmo")):
        return [(t("econ.population_2024", lang, unit=fmt.EMPTY), t("econ.not_published", lang), None)]
    unit = _unit(row, lang)
    src_pop = t("econ.source_population", lang)
    src = t(ECONOMY_SOURCE_KEY, lang)
    pop = fmt.integer(row.get("population_2024"), lang)
    change = (None if fmt.is_empty(row.get("population_change_pct"))
              else _signed(float(row["population_change_pct"]), lang))
    if compact and change is not None:
        rows = [(t("econ.population_2024_change", lang, unit=unit),
                 t("econ.value_change", lang, value=pop, change=change), src_pop)]
    else:
        rows = [(t("econ.population_2024", lang, unit=unit), pop, src_pop)]
        if change is not None:
            rows.append((t("econ.population_change", lang), change, src_pop))
    year = fmt.year(row.get("wage_year"))
    if not fmt.is_empty(row.get("wage_rub")):
        wage = fmt.integer(round(float(row["wage_rub"])), lang)
        diff = None if fmt.is_empty(row.get("wage_vs_region_pct")) else _signed(float(row["wage_vs_region_pct"]), lang)
        by_avg = row.get("wage_region_ref_kind") == "region_average"
        if compact and diff is not None:
            rows.append((t("econ.wage_short" if by_avg else "econ.wage_short_median", lang, year=year, unit=unit),
                         t("econ.wage_diff", lang, wage=wage, diff=diff), src))
        else:
            rows.append((t("econ.wage", lang, year=year, unit=unit), t("econ.wage_value", lang, wage=wage), src))
            if diff is not None:
                ref = fmt.integer(round(float(row["wage_region_ref"])), lang)
                if by_avg:
                    rows.append((t("econ.wage_vs_region", lang, ref=ref, year=year), diff,
                                 str(row.get("wage_region_ref_source") or "") or src))
                else:
                    rows.append((t("econ.wage_vs_region_median", lang, median=ref), diff, src))
    if not fmt.is_empty(row.get("industry_jobs_share")):
        share = fmt.percent(float(row["industry_jobs_share"]) / 100, lang, 1)
        key = "econ.industry_lower" if str(row.get("industry_jobs_basis", "")).startswith("C ") else "econ.industry"
        rows.append((t(key, lang, year=year, unit=unit), share, src))
    return rows


def _signed(pct: float, lang: str) -> str:
    return ("+" if pct > 0 else "") + fmt.percent(pct / 100, lang, 1)


def compare_groups(towns: pd.DataFrame, metric: str, group: str = "toser", n_boot: int = 2000,
                   seed: int = 0) -> dict:
    """Median of ``metric`` in the group and outside it, the difference with a bootstrap 95%
    interval, and a Mann–Whitney test; rows where the metric is empty are left out and counted.

    A cross-section: a difference is not an effect of TOSER status (towns were chosen for it).
    """
    from scipy.stats import mannwhitneyu

    flag = towns[group].fillna(False).astype(bool)
    values = pd.to_numeric(towns[metric], errors="coerce")
    a = values[flag].dropna().to_numpy(dtype=float)
    b = values[~flag].dropna().to_numpy(dtype=float)
    out = {"metric": metric, "n_group": int(len(a)), "n_other": int(len(b)),
           "missing": int(values.isna().sum()), "median_group": np.nan, "median_other": np.nan,
           "diff": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan}
    if len(a) < 2 or len(b) < 2:
        return out
    rng = np.random.default_rng(seed)
    boots = np.median(rng.choice(a, (n_boot, len(a))), axis=1) - np.median(rng.choice(b, (n_boot, len(b))), axis=1)
    out.update(median_group=float(np.median(a)), median_other=float(np.median(b)),
               diff=float(np.median(a) - np.median(b)),
               ci_low=float(np.percentile(boots, 2.5)), ci_high=float(np.percentile(boots, 97.5)),
               p_value=float(mannwhitneyu(a, b, alternative="two-sided").pvalue))
    return out


def toser_economy_table(towns: pd.DataFrame, metrics=METRICS) -> pd.DataFrame:
    """One row per metric: TOSER towns against the others (see :func:`compare_groups`)."""
    return pd.DataFrame([compare_groups(towns, m) for m in metrics])
