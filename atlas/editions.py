"""Editions of the monotown list: the list in force on any date, and what changed between two.

An *edition* is the list after one act (the first edition, order No. 1398-r of 29.07.2014,
or an amending act). Wherever a function takes ``edition`` it accepts:

- ``"latest"`` — the list after every recorded act (the default);
- ``"all"`` — every town ever listed, with ``listed_from`` / ``listed_to`` (``load_monotowns`` only);
- an ISO date ``"YYYY-MM-DD"`` (or a :class:`datetime.date`) — the list in force that day;
- ``"2014"`` — alias of ``"2014-07-29"``, the first edition;
- an ``act_id`` from :func:`list_editions` — the list right after that act.

Dates are matched to acts by the day an act came into force (``in_force_from``); an act whose
date is not established is part of ``"latest"`` but of no dated edition.
"""

from __future__ import annotations

import datetime as _dt
import re

import geopandas as gpd
import pandas as pd

from atlas import schema
from atlas.i18n import has, t
from atlas.store import read_layer

FIRST_DATE = "2014-07-29"
FIRST_ACT_ID = "1398-r-2014-07-29"
ALIASES = {"2014": FIRST_DATE}
CHANGES = ("added", "removed", "recategorised")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class EditionError(ValueError):
    """An edition that cannot be resolved. ``code`` is stable, for the UI to translate:

    ``malformed`` (not latest/all/YYYY-MM-DD/act id), ``before_first`` (a date before
    29.07.2014), ``not_comparable`` (``"all"`` where a single edition is needed).
    """

    def __init__(self, message: str, code: str, value=None):
        super().__init__(message)
        self.code = code
        self.value = value


def error_message(err: EditionError, lang: str = "ru") -> str:
    """The error in the user's language (catalogue keys ``edition.error.<code>``)."""
    key = f"edition.error.{err.code}"
    return t(key, lang) if has(key) else str(err)


def parse_edition(edition) -> str:
    """Normalise an edition spec: ``"latest"``, ``"all"``, an ISO date or an act id (checked later)."""
    if isinstance(edition, _dt.datetime):
        edition = edition.date()
    if isinstance(edition, _dt.date):
        edition = edition.isoformat()
    if isinstance(edition, int) and not isinstance(edition, bool):
        edition = str(edition)  # 2014 -> the "2014" alias; other numbers fail below
    if not isinstance(edition, str):
        raise EditionError(f"edition must be 'latest', 'all' or a date 'YYYY-MM-DD', got {edition!r}",
                           "malformed", edition)
    e = edition.strip()
    e = ALIASES.get(e, e)
    if e.lower() in ("latest", "all"):
        return e.lower()
    if _ISO.match(e):
        try:
            _dt.date.fromisoformat(e)
        except ValueError:
            raise EditionError(f"edition {edition!r} is not a valid date (YYYY-MM-DD)", "malformed",
                               edition) from None
        if e < FIRST_DATE:
            raise EditionError(f"edition {edition!r} is before the first edition of the list "
                               f"(order No. 1398-r of {FIRST_DATE})", "before_first", edition)
        return e
    return e  # maybe an act id; resolve_act decides


def resolve_act(edition, acts: pd.DataFrame) -> str | None:
    """The act whose list is the requested edition (``None`` for ``"all"``).

    ``acts`` is the acts table in force order (``monotown_acts.parquet``).
    """
    e = parse_edition(edition)
    if e == "all":
        return None
    if e == "latest":
        return str(acts.act_id.iloc[-1])
    if _ISO.match(e):
        dated = acts[(acts.in_force_from != "") & (acts.in_force_from <= e)]
        return str(dated.act_id.iloc[-1])
    if e in set(acts.act_id):
        return e
    raise EditionError(f"edition must be 'latest', 'all', a date 'YYYY-MM-DD' (from {FIRST_DATE}) "
                       f"or an act id from list_editions(), got {edition!r}", "malformed", edition)


def select_edition(towns: gpd.GeoDataFrame, editions: pd.DataFrame, acts: pd.DataFrame,
                   edition="latest") -> gpd.GeoDataFrame:
    """The towns of one edition with the category in force then (pure: built tables in, rows out)."""
    act = resolve_act(edition, acts)
    if act is None:
        out = towns.copy()
        out.attrs["edition"] = "all"
        return out
    rows = editions[editions.act_id == act].set_index("town_id")
    out = towns[towns.town_id.isin(rows.index)].copy()
    out["category"] = out.town_id.map(rows["category"]).astype(int).values
    out["category_as_of"] = out.town_id.map(rows["category_as_of"]).values
    out.attrs["edition"] = act
    return out


def _tables():
    return read_layer("monotowns"), read_layer("monotown_editions"), read_layer("monotown_acts")


def load_monotowns(edition="latest") -> gpd.GeoDataFrame:
    """The monotowns of one edition (see the module docstring for the accepted values)."""
    towns, editions, acts = _tables()
    return schema.validate(select_edition(towns, editions, acts, edition), schema.MONOTOWNS, "monotowns")


def edition_codes(towns: pd.DataFrame, editions: pd.DataFrame, acts: pd.DataFrame) -> list[str]:
    """Per town (in ``towns`` order), its category on every edition in force order, one digit
    per edition, ``"0"`` where the town is not on that edition (pure; the map's slider)."""
    order = list(acts.act_id)
    cat = editions.pivot_table(index="town_id", columns="act_id", values="category", aggfunc="first")
    cat = cat.reindex(index=list(towns.town_id), columns=order)
    return ["".join("0" if pd.isna(v) else str(int(v)) for v in row) for row in cat.itertuples(index=False)]


def all_edition_codes(towns: pd.DataFrame) -> list[str]:
    """:func:`edition_codes` for ``towns`` against the built editions tables."""
    _, editions, acts = _tables()
    return edition_codes(towns, editions, acts)


LIST_COLUMNS = ["act_id", "act_no", "act_date", "in_force_from", "kind", "towns", "cat1", "cat2", "cat3",
                "towns_stated", "cat1_stated", "cat2_stated", "cat3_stated", "counts_match",
                "count_source", "events_added", "events_removed", "events_category", "label",
                "source", "note"]


def editions_table(acts: pd.DataFrame) -> pd.DataFrame:
    """One row per edition, in force order: replayed counts beside the stated ones."""
    a = acts.rename(columns={"towns_total_stated": "towns_stated"}).copy()
    checks = []
    for r in a.to_dict("records"):
        pairs = [(r[k], r[f"{k}_stated"]) for k in ("towns", "cat1", "cat2", "cat3")
                 if not pd.isna(r[f"{k}_stated"])]
        checks.append(pd.NA if not pairs else all(int(g) == int(s) for g, s in pairs))
    a["counts_match"] = pd.array(checks, dtype="boolean")
    return a[LIST_COLUMNS].reset_index(drop=True)


def list_editions() -> pd.DataFrame:
    """Every edition of the list: act number and date, towns and towns per category (replayed
    from the first edition and the cited events), the totals a source states where known
    (``*_stated``, ``counts_match``), and the source."""
    return editions_table(read_layer("monotown_acts"))


def compare_tables(towns: gpd.GeoDataFrame, editions: pd.DataFrame, acts: pd.DataFrame, a, b
                   ) -> gpd.GeoDataFrame:
    """Towns added, removed or recategorised from edition ``a`` to edition ``b`` (pure)."""
    for spec in (a, b):
        if parse_edition(spec) == "all":
            raise EditionError("compare two single editions ('latest', a date or an act id), not 'all'",
                               "not_comparable", spec)
    ea = select_edition(towns, editions, acts, a).set_index("town_id")["category"]
    eb = select_edition(towns, editions, acts, b).set_index("town_id")["category"]
    ids = sorted(set(ea.index) | set(eb.index))
    cat_a = pd.Series(ea, dtype="Int64").reindex(ids)
    cat_b = pd.Series(eb, dtype="Int64").reindex(ids)
    change = pd.Series("", index=ids, dtype=object)
    change[cat_a.isna() & cat_b.notna()] = "added"
    change[cat_a.notna() & cat_b.isna()] = "removed"
    both = cat_a.notna() & cat_b.notna()
    change[both & (cat_a.fillna(0) != cat_b.fillna(0))] = "recategorised"
    keep = change[change != ""].index
    base = towns.set_index("town_id").loc[keep]
    out = gpd.GeoDataFrame({
        "town_id": list(keep), "name_ru": base.name_ru.values, "name_en": base.name_en.values,
        "region_iso": base.region_iso.values, "change": change[keep].values,
        "category_a": cat_a[keep].values, "category_b": cat_b[keep].values,
    }, geometry=base.geometry.values, crs=towns.crs)
    order = {c: i for i, c in enumerate(CHANGES)}
    out = out.sort_values(["change", "town_id"], key=lambda s: s.map(order) if s.name == "change" else s,
                          kind="stable").reset_index(drop=True)
    out.attrs["edition_a"] = resolve_act(a, acts)
    out.attrs["edition_b"] = resolve_act(b, acts)
    return out


def compare_editions(a, b="latest") -> gpd.GeoDataFrame:
    """What changed from edition ``a`` to edition ``b``: one row per town added, removed or
    recategorised (``town_id, name_ru, name_en, region_iso, change, category_a, category_b``,
    plus the town's point for the map). ``change`` is one of ``added``, ``removed``,
    ``recategorised``; a category is empty where the town is not on that edition."""
    towns, editions, acts = _tables()
    return compare_tables(towns, editions, acts, a, b)


HISTORY_COLUMNS = ["act_id", "act_no", "act_date", "in_force_from", "label", "listed", "category",
                   "change", "category_from", "category_to", "source", "inferred", "note"]


def history_table(town_id: str, editions: pd.DataFrame, acts: pd.DataFrame, events: pd.DataFrame
                  ) -> pd.DataFrame:
    """One row per edition from the town's first listing on (pure)."""
    ev = events[events.town_id == town_id]
    if ev.empty:
        raise KeyError(f"no town {town_id!r} on any edition of the list")
    rows = editions[editions.town_id == town_id].set_index("act_id")
    ev = ev.drop_duplicates("act_id", keep="last").set_index("act_id")
    first = acts.index[acts.act_id == ev.index[0]][0]
    out = acts.loc[first:, ["act_id", "act_no", "act_date", "in_force_from", "label"]].copy()
    out["listed"] = out.act_id.isin(rows.index)
    out["category"] = pd.array(out.act_id.map(rows["category"]).tolist(), dtype="Int64")
    out["change"] = out.act_id.map(ev["change"]).fillna("")
    out["category_from"] = pd.array(out.act_id.map(ev["category_from"]).tolist(), dtype="Int64")
    out["category_to"] = pd.array(out.act_id.map(ev["category_to"]).tolist(), dtype="Int64")
    out["source"] = out.act_id.map(ev["source"]).fillna("")
    out["inferred"] = out.act_id.map(ev["inferred"]).fillna(False).astype(bool)
    out["note"] = out.act_id.map(ev["note"]).fillna("")
    return out[HISTORY_COLUMNS].reset_index(drop=True)


def resolve_edition(edition="latest") -> pd.Series | None:
    """The :func:`list_editions` row of the edition a value stands for (``None`` for ``"all"``):
    e.g. ``resolve_edition("2019-06-01").label`` names the act whose list was in force that day."""
    eds = list_editions()
    act = resolve_act(edition, read_layer("monotown_acts"))
    return None if act is None else eds.set_index("act_id").loc[act].rename(act)


def town_history(town_id: str) -> pd.DataFrame:
    """The town on every edition since it was first listed: ``listed``, ``category``, and the
    ``change`` that act made to it (``listed`` for the first edition, ``added``, ``removed``,
    ``category``; empty when the act left it as it was) with the event's source, and
    ``inferred`` where the curators deduced the event rather than read it in a source (``note``).
    ``KeyError`` for a town that was never listed."""
    return history_table(town_id, read_layer("monotown_editions"), read_layer("monotown_acts"),
                         read_layer("monotown_history"))
