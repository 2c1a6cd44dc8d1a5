"""Test the claim 'TOSERs went to towns without science nearby' on the data."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from atlas.analysis.science import nearest_science_centre


@dataclass(frozen=True)
class ToserComparison:
    n_toser: int
    n_other: int
    median_toser_km: float
    median_other_km: float
    share_beyond_toser: float
    share_beyond_other: float
    threshold_km: float
    mannwhitney_p: float
    fisher_p: float

    def reading(self, lang: str = "ru") -> str:
        """A plain-language reading that claims no more than the test supports (catalogue text,
        numbers written for the language: ``p = 0,00363`` in Russian)."""
        from atlas import fmt
        from atlas.i18n import t

        farther = self.median_toser_km > self.median_other_km
        sig = self.mannwhitney_p < 0.05
        return t("claim.reading", lang,
                 direction=t("claim.farther" if farther else "claim.closer", lang),
                 toser_km=fmt.integer(self.median_toser_km, lang), other_km=fmt.integer(self.median_other_km, lang),
                 n_toser=fmt.integer(self.n_toser, lang), n_other=fmt.integer(self.n_other, lang),
                 verdict=t("claim.significant" if sig else "claim.not_significant", lang),
                 p=fmt.significant(self.mannwhitney_p, lang))


def compare_toser(towns, centres, kinds: list[str] | None, threshold_km: float) -> ToserComparison:
    """Distances to the nearest centre of ``kinds`` for TOSER vs other towns, with tests."""
    d = nearest_science_centre(towns, centres, kinds)["dist_science_km"].to_numpy(dtype=float)
    is_t = towns.toser.astype(bool).to_numpy()
    a, b = d[is_t], d[~is_t]
    if len(a) == 0 or len(b) == 0:
        raise ValueError("need both TOSER and non-TOSER towns to compare")
    mw = stats.mannwhitneyu(a, b, alternative="two-sided")
    table = [[int((a > threshold_km).sum()), int((a <= threshold_km).sum())],
             [int((b > threshold_km).sum()), int((b <= threshold_km).sum())]]
    fisher = stats.fisher_exact(table)
    return ToserComparison(len(a), len(b), float(np.median(a)), float(np.median(b)),
                           float((a > threshold_km).mean()), float((b > threshold_km).mean()),
                           threshold_km, float(mw.pvalue), float(fisher.pvalue))


NAMED_TOWNS = ("Набережные Челны", "Гуково", "Усолье-Сибирское")


# the kind sets of the README's claim table (issue #19: recomputed on the default edition, named)
CLAIM_KIND_SETS = {
    "naukograds only": ["naukograd"],
    "Academy centres (ФИЦ, RAS, regional, academic towns)": ["frc_ras", "ras_centre", "ras_regional_centre",
                                                             "academic_town"],
    "state research and federal nuclear centres": ["state_research_centre", "nuclear_centre"],
    "universities (federal, national research, Priority-2030)": ["federal_university",
                                                                 "national_research_university", "priority2030"],
    "everything but lapsed naukograds": None,  # filled from the centres present
}


def claim_table(towns, centres, threshold_km: float = 200.0):
    """The claim table: one row per kind set, TOSER vs other towns (see :func:`compare_toser`)."""
    import pandas as pd

    rows = []
    for name, kinds in CLAIM_KIND_SETS.items():
        if kinds is None:
            kinds = sorted(k for k in set(centres.kind) if k != "naukograd_lapsed")
        c = compare_toser(towns, centres, kinds, threshold_km)
        rows.append({"science": name, "n_toser": c.n_toser, "n_other": c.n_other,
                     "median_toser_km": c.median_toser_km, "median_other_km": c.median_other_km,
                     "beyond_toser": c.share_beyond_toser, "beyond_other": c.share_beyond_other,
                     "p": c.mannwhitney_p})
    return pd.DataFrame(rows)
