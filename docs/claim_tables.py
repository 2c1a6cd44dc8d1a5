"""Print the README's claim tables (science distance and municipal figures, TOSER vs the others)
on the default edition: ``PYTHONPATH=$PWD python docs/claim_tables.py``."""

import atlas
from atlas.analysis.claims import claim_table
from atlas.analysis.economy import toser_economy_table
from atlas.editions import resolve_edition
from atlas.io import load_science_centres


def main() -> None:
    towns, centres = atlas.load_monotowns(), load_science_centres()
    ed = resolve_edition()
    print(f"edition: {ed.label} ({ed.name}), {len(towns)} towns")
    print("| what counts as science | TOSER / other towns | median km, TOSER | median km, others | "
          "beyond 200 km, TOSER / others | p |")
    print("|---|---|---|---|---|---|")
    for r in claim_table(towns, centres).itertuples():
        print(f"| {r.science} | {r.n_toser} / {r.n_other} | {r.median_toser_km:.0f} | {r.median_other_km:.0f} | "
              f"{100 * r.beyond_toser:.0f}% / {100 * r.beyond_other:.0f}% | {r.p:.2g} |")
    print()
    print("| figure | TOSER / other towns | median, TOSER | median, others | difference (95% bootstrap CI) | p |")
    print("|---|---|---|---|---|---|")
    for r in toser_economy_table(towns).itertuples():
        print(f"| {r.metric} | {r.n_group} / {r.n_other} | {r.median_group:,.1f} | {r.median_other:,.1f} | "
              f"{r.diff:,.1f} ({r.ci_low:,.1f} … {r.ci_high:,.1f}) | {r.p_value:.2g} |")


if __name__ == "__main__":
    main()
