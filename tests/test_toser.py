"""TOSER table: every row cited, decree fields well formed, coverage, and decree gaps named in the build report."""

import datetime as dt
import re

import pandas as pd
import pytest

from atlas.build.facts import join_toser
from atlas.build.report import BuildReport
from atlas.vocab import TOSER_KINDS

SRC = "geodata/sources/toser.csv"
# «постановление Правительства РФ № …»: a plain integer (распоряжения carry "-р", decrees never do)
DECREE_NO = re.compile(r"^[1-9][0-9]{0,4}$")
FIRST_DECREE = dt.date(2015, 1, 1)  # 473-FZ came into force on 30.03.2015; the first TORs date from 2015


@pytest.fixture(scope="module")
def toser() -> pd.DataFrame:
    return pd.read_csv(SRC, dtype=str, keep_default_na=False, encoding="utf-8")


def test_columns_kept_and_extended(toser):
    for col in ("toser_name", "kind", "town_ru", "region", "decree_no", "decree_date", "source",
                "created_year", "created_source", "decree_title", "note"):
        assert col in toser.columns, col
    assert toser.toser_name.is_unique
    assert set(toser.kind) <= set(TOSER_KINDS)


def test_every_row_has_a_source_and_a_town(toser):
    assert (toser.source.str.strip().str.len() > 5).all()
    assert (toser.town_ru.str.strip() != "").all() and (toser.region.str.strip() != "").all()
    regions = set(pd.read_csv("geodata/sources/regions.csv", dtype=str).name_ru)
    assert set(toser.region) <= regions


def test_decree_numbers_are_plain_integers(toser):
    bad = [f"{r.toser_name}: {r.decree_no!r}" for r in toser.itertuples()
           if r.decree_no and not DECREE_NO.match(r.decree_no)]
    assert not bad, bad


def test_decree_dates_are_valid_and_in_range(toser):
    today = dt.date.today()
    bad = []
    for r in toser.itertuples():
        if not r.decree_date:
            continue
        try:
            d = dt.date.fromisoformat(r.decree_date)
        except ValueError:
            bad.append(f"{r.toser_name}: {r.decree_date!r} is not YYYY-MM-DD")
            continue
        if not FIRST_DECREE <= d <= today:
            bad.append(f"{r.toser_name}: {d} outside 2015..today")
    assert not bad, bad


def test_creation_year_agrees_with_the_decree(toser):
    for r in toser.itertuples():
        if r.created_year:
            assert 2015 <= int(r.created_year) <= dt.date.today().year, r.toser_name
        if r.created_year and r.decree_date:
            assert int(r.created_year) == int(r.decree_date[:4]), r.toser_name


# Rows with both a cited decree number and date, as reached from the reachable sources (18 of 99, 18.2%:
# issue #19 confirmed Анжеро-Судженск 941, Гуково 45, Надвоицы 940 and added Череповец 939; then
# Верхний Уфалей 1369 (government.ru) and Абаза 870 (ru-wiki mirror)).
# A floor: it may rise as decrees are found, never fall.
DECREE_BOTH_FLOOR = 18


def test_decree_number_and_date_coverage_does_not_fall(toser):
    both = (toser.decree_no != "") & (toser.decree_date != "")
    assert int(both.sum()) >= DECREE_BOTH_FLOOR, f"{int(both.sum())} rows with decree number and date"


@pytest.mark.xfail(strict=True, reason="issue 12 target: decree number and date for >=90% of TOSERs; "
                   "the sources reachable so far give both for 18 of 99 rows (18.2%; gaps listed in the build "
                   "report and in geodata/sources/TOSER.md). strict: remove this mark once the target is met")
def test_decree_number_and_date_known_for_at_least_90_percent(toser):
    both = (toser.decree_no != "") & (toser.decree_date != "")
    share = both.mean()
    missing = sorted(toser.loc[~both, "toser_name"])
    assert share >= 0.9, f"{share:.0%} with decree number and date; gaps: {missing}"


def _towns_for(toser: pd.DataFrame) -> pd.DataFrame:
    """A minimal town table holding every TOSER's town, so join_toser matches them all."""
    pairs = toser[["region", "town_ru"]].drop_duplicates().reset_index(drop=True)
    return pd.DataFrame({"town_id": [f"t{i}" for i in range(len(pairs))],
                         "region": pairs.region, "name_ru": pairs.town_ru})


def test_build_report_names_every_decree_gap(toser):
    report = BuildReport()
    _, t = join_toser(_towns_for(toser), toser, report)
    both = (toser.decree_no != "") & (toser.decree_date != "")
    gaps = report.gaps.get("TOSER decree", [])
    assert len(gaps) == int((~both).sum())
    for name in toser.loc[~both, "toser_name"]:
        assert any(f"«{name}»" in g for g in gaps), name
    for name in toser.loc[both, "toser_name"]:
        assert not any(f"«{name}»" in g for g in gaps), name
    assert report.counts["toser_with_decree_no_and_date"] == int(both.sum())
    assert "gaps: TOSER decree" in report.render()


def test_report_says_what_is_missing():
    rows = pd.DataFrame([
        {"toser_name": "A", "kind": "monotown", "town_ru": "X", "region": "R", "decree_no": "1",
         "decree_date": "2016-01-28", "source": "s", "created_year": "2016"},
        {"toser_name": "B", "kind": "monotown", "town_ru": "X", "region": "R", "decree_no": "",
         "decree_date": "2016-01-28", "source": "s", "created_year": "2016"},
        {"toser_name": "C", "kind": "arctic", "town_ru": "Y", "region": "R", "decree_no": "",
         "decree_date": "", "source": "s", "created_year": ""},
    ])
    towns = pd.DataFrame({"town_id": ["x"], "region": ["R"], "name_ru": ["X"]})
    report = BuildReport()
    out, _ = join_toser(towns, rows, report)
    assert report.gaps["TOSER decree"] == ["«B» (monotown): no decree number",
                                           "«C» (arctic): no decree number and date"]
    assert report.counts["toser_with_decree_no_and_date"] == 1
    assert out.toser.tolist() == [True]


def test_issue19_decrees_confirmed(toser):
    """The decrees issue #19 asked to confirm, each with the source that states it."""
    want = {"Череповец": ("939", "2017-08-07"), "Анжеро-Судженск": ("941", "2016-09-19"),
            "Гуково": ("45", "2016-01-28"), "Надвоицы": ("940", "2016-09-19")}
    rows = toser[toser.kind == "monotown"].set_index("toser_name")
    for name, (no, date) in want.items():
        r = rows.loc[name]
        assert (r.decree_no, r.decree_date) == (no, date), name
        assert no in r.source  # the cited page states the number
