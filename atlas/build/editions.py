"""Every edition of the monotown list: the first edition plus the cited amending acts, replayed.

Inputs (``geodata/sources/``):

- ``monotowns_1398r.csv`` — the first edition of order No. 1398-r (act ``1398-r-2014-07-29``);
- ``monotown_acts.csv`` — one row per act (number, date, date in force, kind, stated counts);
- ``monotown_events.csv`` — one row per town an act touched: ``added`` (with ``category_to``),
  ``removed`` or ``category`` (``category_from`` -> ``category_to``).

The replay walks the acts in the order they came into force and keeps, after each act, the list
in force with every town's category. Nothing is dropped silently: an event naming no known town
goes to ``report.unmatched``; an event that contradicts the replayed state (a ``category_from``
that differs, a removal of a town that is not listed) is applied as the act says and recorded as
a conflict; a stated count that the replay does not reproduce is listed with both sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from atlas.build.gazetteer import clean_admin_centre, normalize_name
from atlas.build.monotowns import LIST_SOURCE
from atlas.build.report import BuildReport

FIRST_ACT_ID = "1398-r-2014-07-29"
FIRST_ACT_DATE = "2014-07-29"
FIRST_ACT_SOURCE = LIST_SOURCE
FIRST_EDITION_LABEL = "1398-р, ред. 29.07.2014"
ACT_COLUMNS = ["act_id", "act_no", "act_date", "effective_date", "kind", "towns_total_stated",
               "cat1_stated", "cat2_stated", "cat3_stated", "count_source", "source", "note"]
EVENT_COLUMNS = ["act_id", "region", "mo_name", "admin_center", "event", "category_from",
                 "category_to", "source", "note"]
KINDS = ("original", "amendment", "reissue", "new_list", "statistical")
EVENTS = ("added", "removed", "category")
KEY = ("region", "admin_center", "mo_name_1398")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNDATED = "9999-12-31"  # sorts an act whose date is not established after every dated act


class EditionDataError(ValueError):
    """The acts or events table is malformed (unknown kind, bad date, duplicate act...)."""


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def legacy_tables(changes: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Acts and events from the older ``category_changes.csv`` (used when the new tables are absent)."""
    acts = [{"act_id": FIRST_ACT_ID, "act_no": "1398-р", "act_date": FIRST_ACT_DATE,
             "effective_date": FIRST_ACT_DATE, "kind": "original", "source": FIRST_ACT_SOURCE}]
    events = []
    for r in (changes.itertuples() if changes is not None else []):
        m = re.search(r"(\d+)-р от (\d{4}-\d{2}-\d{2})", r.edition)
        act_id = f"{m.group(1)}-r-{m.group(2)}" if m else f"undated-{len(acts)}"
        if act_id not in {a["act_id"] for a in acts}:
            acts.append({"act_id": act_id, "act_no": f"{m.group(1)}-р" if m else "",
                         "act_date": m.group(2) if m else "", "effective_date": r.effective_date,
                         "kind": "amendment", "source": r.source, "note": r.edition})
        events.append({"act_id": act_id, "region": r.region, "mo_name": r.mo_name_1398,
                       "admin_center": r.admin_center, "event": "category",
                       "category_to": r.category, "source": r.source,
                       "note": "from category_changes.csv"})
    return (pd.DataFrame(acts).reindex(columns=ACT_COLUMNS).fillna(""),
            pd.DataFrame(events).reindex(columns=EVENT_COLUMNS).fillna(""))


def read_tables(src: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The acts and events tables (falling back to ``category_changes.csv``)."""
    acts_p, events_p = src / "monotown_acts.csv", src / "monotown_events.csv"
    if acts_p.exists() and events_p.exists():
        return read_csv(acts_p), read_csv(events_p)
    changes = src / "category_changes.csv"
    return legacy_tables(read_csv(changes) if changes.exists() else None)


def _int(v) -> int | None:
    s = str(v).strip() if v is not None else ""
    if s in ("", "nan", "<NA>", "None"):
        return None
    if not re.fullmatch(r"\d+", s):
        raise EditionDataError(f"not a whole number: {v!r}")
    return int(s)


def prepare_acts(acts: pd.DataFrame) -> pd.DataFrame:
    """Validated acts in the order they came into force (the first edition first)."""
    a = acts.reindex(columns=ACT_COLUMNS).fillna("").astype(str).copy()
    for c in ACT_COLUMNS:
        a[c] = a[c].str.strip()
    if FIRST_ACT_ID not in set(a.act_id):
        first = pd.DataFrame([{"act_id": FIRST_ACT_ID, "act_no": "1398-р", "act_date": FIRST_ACT_DATE,
                               "effective_date": FIRST_ACT_DATE, "kind": "original",
                               "source": FIRST_ACT_SOURCE}]).reindex(columns=ACT_COLUMNS).fillna("")
        a = pd.concat([first, a], ignore_index=True)
    dup = a.act_id[a.act_id.duplicated()]
    if len(dup) or (a.act_id == "").any():
        raise EditionDataError(f"monotown_acts.csv: act_id must be unique and non-empty: {sorted(set(dup))}")
    bad = sorted(set(a.kind) - set(KINDS))
    if bad:
        raise EditionDataError(f"monotown_acts.csv: unknown kind {bad}; expected one of {KINDS}")
    for col in ("act_date", "effective_date"):
        wrong = a[(a[col] != "") & ~a[col].str.match(ISO_DATE)]
        if len(wrong):
            raise EditionDataError(f"monotown_acts.csv: {col} must be YYYY-MM-DD: "
                                   f"{dict(zip(wrong.act_id, wrong[col], strict=True))}")
    a["in_force"] = a.effective_date.where(a.effective_date != "", a.act_date)
    early = a[(a.in_force != "") & (a.in_force < FIRST_ACT_DATE)]
    if len(early):
        raise EditionDataError(f"monotown_acts.csv: acts before the first edition: {list(early.act_id)}")
    a["_first"] = a.act_id != FIRST_ACT_ID
    a["_order"] = a.in_force.replace("", UNDATED)
    # a statistical edition (Rosstat's tables) states the whole list as of its date, after every act
    # it can reflect, the undated ones included: it comes last (issue #19)
    a.loc[a.kind == "statistical", "_order"] = UNDATED + "~" + a.in_force
    a = a.sort_values(["_first", "_order", "act_date", "act_id"], kind="stable")
    return a.drop(columns=["_first", "_order"]).reset_index(drop=True)


def act_label(act) -> str:
    """How the category_as_of column names an act (as the older layer did)."""
    if act["act_id"] == FIRST_ACT_ID:
        return FIRST_EDITION_LABEL
    if act.get("kind") == "statistical":  # Rosstat's tables (issue #19), not an amending act
        from atlas.build.rosstat import LABEL

        return LABEL
    when = act["act_date"] or act["effective_date"]
    if act["act_no"] and when:
        return f"1398-р в ред. {act['act_no']} от {when}"
    if act["act_no"]:
        return f"1398-р в ред. {act['act_no']} (дата не установлена)"
    return f"1398-р в ред. акта {act['act_id']} (номер и дата не установлены)"


@dataclass
class Replay:
    towns: pd.DataFrame           # every town ever listed: KEY, category now/last, listed_from/_to ...
    editions: pd.DataFrame        # long: key (row of towns), act_id, category, category_set_by
    acts: pd.DataFrame            # acts in force order with replayed and stated counts
    history: pd.DataFrame         # one row per event that changed a town (+ the first listing)
    conflicts: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)


class _Registry:
    """Towns ever listed, found by the key the list prints, then by unique looser keys."""

    def __init__(self):
        self.rows: list[dict] = []
        self.exact: dict[tuple, int] = {}

    def add(self, row: dict) -> int:
        self.rows.append(row)
        i = len(self.rows) - 1
        self.exact.setdefault(tuple(row[k] for k in KEY), i)
        return i

    def find(self, region: str, admin_center: str, mo_name: str, by_centre: bool = True
             ) -> tuple[int | None, str]:
        i = self.exact.get((region, admin_center, mo_name))
        if i is not None:
            return i, "exact"
        by_mo = [j for j, r in enumerate(self.rows) if r["region"] == region and r["mo_name_1398"] == mo_name]
        if mo_name and len(by_mo) == 1:
            return by_mo[0], "region + municipality"
        if not by_centre:  # an added town is new unless its municipality is already known
            return None, ""
        name = normalize_name(clean_admin_centre(admin_center)) if admin_center else ""
        by_name = [j for j, r in enumerate(self.rows) if r["region"] == region and name
                   and normalize_name(clean_admin_centre(r["admin_center"])) == name]
        if len(by_name) == 1:
            return by_name[0], "region + administrative centre"
        return None, ""


def is_inferred(note: str) -> bool:
    """The curators start a note with "act inferred" or "deduced" where a row rests on reasoning."""
    return note.strip().lower().startswith(("act inferred", "deduced", "inferred"))


def _describe(ev) -> str:
    return f"{ev.region} / {ev.admin_center or '—'} ({ev.mo_name})"


def prepare_events(events: pd.DataFrame, acts: pd.DataFrame, report: BuildReport) -> pd.DataFrame:
    """Validated events; an added or recategorised town whose category no source states cannot
    be placed in an edition: it is named in the report (never dropped silently)."""
    ev = events.reindex(columns=EVENT_COLUMNS).fillna("").astype(str).copy()
    for c in EVENT_COLUMNS:
        ev[c] = ev[c].str.strip()
    unknown_act = sorted(set(ev.act_id) - set(acts.act_id))
    if unknown_act:
        raise EditionDataError("monotown_events.csv names acts missing from monotown_acts.csv: "
                               f"{unknown_act}")
    bad = sorted(set(ev.event) - set(EVENTS))
    if bad:
        raise EditionDataError(f"monotown_events.csv: unknown event {bad}; expected one of {EVENTS}")
    for col in ("category_from", "category_to"):
        wrong = ev[(ev[col] != "") & ~ev[col].isin(["1", "2", "3"])]
        if len(wrong):
            raise EditionDataError(f"monotown_events.csv: {col} must be 1, 2 or 3: "
                                   f"{wrong[col].tolist()}")
    need_to = ev.event.isin(["added", "category"]) & (ev.category_to == "")
    for e in ev[need_to].itertuples():
        report.gap("edition events not applied (no category_to)",
                   f"{e.act_id}: {e.event} {_describe(e)} — {e.source}")
    return ev[~need_to]


class _State:
    """The list while it is replayed: who is listed, with which category, set by which act."""

    def __init__(self, report: BuildReport):
        self.reg = _Registry()
        self.listed: dict[int, int] = {}   # registry row -> category in force
        self.set_by: dict[int, str] = {}   # registry row -> act that set that category
        self.history: list[dict] = []
        self.conflicts: list[str] = []
        self.report = report

    def log(self, i: int, act_id: str, change: str, cat_from, cat_to, source: str,
            note: str = "") -> None:
        self.history.append({"row": i, "act_id": act_id, "change": change,
                             "category_from": pd.NA if cat_from is None else cat_from,
                             "category_to": pd.NA if cat_to is None else cat_to, "source": source,
                             "inferred": is_inferred(note), "note": note})

    def first_edition(self, first: pd.DataFrame) -> None:
        for r in first.itertuples():
            i = self.reg.add({"region": r.region, "admin_center": r.admin_center,
                              "mo_name_1398": r.mo_name_1398, "category_2014": int(r.category),
                              "added_by": FIRST_ACT_ID, "list_source": FIRST_ACT_SOURCE,
                              "listed_from": FIRST_ACT_DATE, "listed_to": ""})
            self.listed[i], self.set_by[i] = int(r.category), FIRST_ACT_ID
            self.log(i, FIRST_ACT_ID, "listed", None, int(r.category), FIRST_ACT_SOURCE)

    def apply(self, act: dict, e) -> None:
        i, how = self.reg.find(e.region, e.admin_center, e.mo_name, by_centre=e.event != "added")
        if how not in ("", "exact"):
            hit = self.reg.rows[i]
            self.report.notes.append(f"edition event {act['act_id']} {e.event} {_describe(e)} "
                                     f"matched by {how} to {hit['region']} / {hit['admin_center']}")
        if e.event == "added":
            self._add(act, e, i)
        elif i is None:
            self.report.unmatched.append(f"edition event for a town never listed: {act['act_id']} "
                                         f"{e.event} {_describe(e)} — {e.source}")
        elif i not in self.listed:
            self.conflicts.append(f"{act['act_id']}: {e.event} for {_describe(e)}, which is not on "
                                  f"the list then (listed_to {self.reg.rows[i]['listed_to'] or '—'}); "
                                  f"not applied — {e.source}")
        else:
            self._change(act, e, i)

    def _add(self, act: dict, e, i: int | None) -> None:
        cat = int(e.category_to)
        if i is None:
            i = self.reg.add({"region": e.region, "admin_center": e.admin_center,
                              "mo_name_1398": e.mo_name,
                              "category_2014": cat if act["act_id"] == FIRST_ACT_ID else pd.NA,
                              "added_by": act["act_id"], "list_source": e.source,
                              "listed_from": act["in_force"], "listed_to": ""})
        elif i in self.listed:
            self.conflicts.append(f"{act['act_id']}: adds {_describe(e)}, already listed (category "
                                  f"{self.listed[i]}); category set to {cat} as the act says — {e.source}")
        else:
            self.reg.rows[i]["listed_to"] = ""  # listed again
        self.log(i, act["act_id"], "added", self.listed.get(i), cat, e.source, e.note)
        self.listed[i], self.set_by[i] = cat, act["act_id"]

    def _change(self, act: dict, e, i: int) -> None:
        now = self.listed[i]
        if e.category_from and int(e.category_from) != now:
            self.conflicts.append(f"{act['act_id']}: {_describe(e)} category_from {e.category_from} in "
                                  f"monotown_events.csv ({e.source}) but the replay has {now} (set by "
                                  f"{self.set_by[i]}); the atlas follows the replay for the category "
                                  f"before this act")
        if e.event == "removed":
            self.log(i, act["act_id"], "removed", self.listed.pop(i), None, e.source, e.note)
            self.set_by.pop(i)
            self.reg.rows[i]["listed_to"] = act["in_force"]
            return
        cat = int(e.category_to)
        if cat == now:
            self.conflicts.append(f"{act['act_id']}: {_describe(e)} category event to {cat}, which it "
                                  f"already had (set by {self.set_by[i]}) — {e.source}")
        self.log(i, act["act_id"], "category", now, cat, e.source, e.note)
        self.listed[i], self.set_by[i] = cat, act["act_id"]


def replay(first: pd.DataFrame, acts: pd.DataFrame, events: pd.DataFrame,
           report: BuildReport | None = None) -> Replay:
    """Replay the events from the first edition, act by act, in the order acts came into force."""
    report = report if report is not None else BuildReport()
    acts = prepare_acts(acts)
    ev = prepare_events(events, acts, report)
    state = _State(report)
    state.first_edition(first)
    snapshots = []
    for act in acts.to_dict("records"):
        a_ev = ev[ev.act_id == act["act_id"]]
        if act["in_force"] == "":  # membership needs a date; a category change may wait for "latest"
            for e in a_ev[a_ev.event.isin(["added", "removed"])].itertuples():
                report.gap("edition events not applied (act has no date)",
                           f"{act['act_id']}: {e.event} {_describe(e)} — {e.source}")
            a_ev = a_ev[a_ev.event == "category"]
        for e in a_ev.itertuples():
            state.apply(act, e)
        snapshots += [{"row": i, "act_id": act["act_id"], "category": state.listed[i],
                       "category_set_by": state.set_by[i]} for i in sorted(state.listed)]

    towns = pd.DataFrame(state.reg.rows)
    long = pd.DataFrame(snapshots, columns=["row", "act_id", "category", "category_set_by"])
    hist = pd.DataFrame(state.history,
                        columns=["row", "act_id", "change", "category_from", "category_to", "source",
                                 "inferred", "note"])
    # the category in force now, or the last one a removed town held
    last_cat = hist.dropna(subset=["category_to"]).groupby("row").tail(1).set_index("row")
    towns["category"] = last_cat["category_to"].reindex(towns.index).astype(int)
    towns["category_as_of_act"] = last_cat["act_id"].reindex(towns.index)
    towns["listed_now"] = towns.index.isin(long[long.act_id == acts.act_id.iloc[-1]].row)
    acts = _count(acts, long, ev)
    return Replay(towns, long, acts, hist, state.conflicts, _mismatches(acts))


def _count(acts: pd.DataFrame, long: pd.DataFrame, ev: pd.DataFrame) -> pd.DataFrame:
    a = acts.copy()
    n = long.groupby("act_id").size()
    a["towns"] = a.act_id.map(n).fillna(0).astype(int)
    for c in (1, 2, 3):
        a[f"cat{c}"] = a.act_id.map(long[long.category == c].groupby("act_id").size()).fillna(0).astype(int)
    for e in EVENTS:
        a[f"events_{e}"] = a.act_id.map(ev[ev.event == e].groupby("act_id").size()).fillna(0).astype(int)
    for c in ("towns_total_stated", "cat1_stated", "cat2_stated", "cat3_stated"):
        a[c] = pd.array([_int(v) for v in a[c]], dtype="Int64")
    a["label"] = [act_label(r) for r in a.to_dict("records")]
    return a


STATED = (("towns", "towns_total_stated"), ("cat1", "cat1_stated"), ("cat2", "cat2_stated"),
          ("cat3", "cat3_stated"))


def _mismatches(acts: pd.DataFrame) -> list[str]:
    out = []
    for r in acts.to_dict("records"):
        for got, stated in STATED:
            if pd.isna(r[stated]) or int(r[stated]) == r[got]:
                continue
            src = r["count_source"] or r["source"] or "monotown_acts.csv"
            out.append(f"{r['act_id']} ({r['in_force'] or 'undated'}): {got} stated "
                       f"{int(r[stated])} [{src}] vs replayed {r[got]} [monotowns_1398r.csv + "
                       f"monotown_events.csv]; the atlas follows the replay (it lists only the towns "
                       f"an act names)")
    return out


def stated_checks(acts: pd.DataFrame) -> pd.DataFrame:
    """One row per stated count: act, what, stated, replayed, match."""
    rows = []
    for r in acts.to_dict("records"):
        for got, stated in STATED:
            if not pd.isna(r[stated]):
                rows.append({"act_id": r["act_id"], "what": got, "stated": int(r[stated]),
                             "replayed": int(r[got]), "match": int(r[stated]) == int(r[got]),
                             "count_source": r["count_source"] or r["source"]})
    return pd.DataFrame(rows, columns=["act_id", "what", "stated", "replayed", "match", "count_source"])


def finish(rep: Replay, town_ids: pd.Series, report: BuildReport) -> dict[str, pd.DataFrame]:
    """The edition tables keyed by town_id, and the report sections."""
    ids = pd.Series(town_ids.values, index=rep.towns.index)
    acts = rep.acts
    in_force = acts.set_index("act_id")["in_force"]
    labels = acts.set_index("act_id")["label"]

    long = rep.editions.copy()
    long.insert(0, "town_id", long.pop("row").map(ids))
    long["act_date"] = long.act_id.map(acts.set_index("act_id")["act_date"])
    long["effective_date"] = long.act_id.map(in_force)
    long["category_as_of"] = long.category_set_by.map(labels)
    order = {a: k for k, a in enumerate(acts.act_id)}
    long["_o"] = long.act_id.map(order)
    long = long.sort_values(["_o", "town_id"], kind="stable").drop(columns="_o").reset_index(drop=True)
    long = long[["town_id", "act_id", "act_date", "effective_date", "category", "category_set_by",
                 "category_as_of"]]

    hist = rep.history.copy()
    hist.insert(0, "town_id", hist.pop("row").map(ids))
    hist["edition"] = hist.act_id.map(labels)
    hist["effective_date"] = hist.act_id.map(in_force)
    hist["category_from"] = hist.category_from.astype("Int64")
    hist["category_to"] = hist.category_to.astype("Int64")
    hist["_o"] = hist.act_id.map(order)
    hist = hist.sort_values(["town_id", "_o"], kind="stable").drop(columns="_o").reset_index(drop=True)

    # the older per-town category table: one row each time a town's category was set
    cat = hist.dropna(subset=["category_to"])
    legacy = pd.DataFrame({"town_id": cat.town_id, "category": cat.category_to.astype(int),
                           "edition": cat.edition, "effective_date": cat.effective_date,
                           "source": cat.source}).reset_index(drop=True)

    out_acts = acts.rename(columns={"in_force": "in_force_from"}).copy()
    _report(rep, ids, report)
    return {"editions": long, "acts": out_acts, "history": hist, "category_editions": legacy}


def _report(rep: Replay, ids: pd.Series, report: BuildReport) -> None:
    a = rep.acts
    t = rep.towns
    report.count("list_editions", len(a))
    report.count("list_events", int(a[[f"events_{e}" for e in EVENTS]].to_numpy().sum()))
    report.count("towns_ever_listed", len(t))
    report.count("towns_listed_now", int(t.listed_now.sum()))
    report.count("towns_removed", int((~t.listed_now).sum()))
    report.count("towns_added_after_2014", int((t.added_by != FIRST_ACT_ID).sum()))
    lines = []
    for r in a.to_dict("records"):
        stated = " ".join(
            f"{k}={'' if pd.isna(r[s]) else int(r[s])}" for k, s in STATED if not pd.isna(r[s]))
        lines.append(f"{r['act_id']} | {r['act_no'] or '—'} | {r['act_date'] or '—'} | in force "
                     f"{r['in_force'] or 'undated'} | {r['kind']} | towns {r['towns']} (cat1 {r['cat1']}, "
                     f"cat2 {r['cat2']}, cat3 {r['cat3']}) | events +{r['events_added']} "
                     f"-{r['events_removed']} ~{r['events_category']}"
                     + (f" | stated {stated} [{r['count_source'] or r['source']}]" if stated else ""))
    report.section("list editions (act | no. | date | in force | kind | replayed | events | stated)", lines)
    checks = stated_checks(a)
    report.count("stated_counts_checked", len(checks))
    report.count("stated_counts_matching", int(checks["match"].sum()) if len(checks) else 0)
    report.section("stated vs replayed counts: mismatches", rep.mismatches)
    report.section("edition conflicts", rep.conflicts)
    inferred = rep.history[rep.history.inferred.fillna(False).astype(bool)]
    report.section("edition events resting on inference (note: act inferred / deduced)", [
        f"{h.act_id}: {h.change} {t.at[h.row, 'region']} / {t.at[h.row, 'admin_center']} "
        f"({'' if pd.isna(h.category_from) else h.category_from} -> "
        f"{'' if pd.isna(h.category_to) else h.category_to}) — {h.note}"
        for h in inferred.itertuples()])
    report.section("towns added after the first edition", [
        f"{r.added_by} (listed_from {r.listed_from}): {r.region} / {r.admin_center} -> {ids[r.Index]}"
        for r in t[t.added_by != FIRST_ACT_ID].itertuples()])
    report.section("towns removed from the list", [
        f"listed_to {r.listed_to}: {r.region} / {r.admin_center} -> {ids[r.Index]}"
        for r in t[~t.listed_now].itertuples()])
    for r in a[(a.act_id != FIRST_ACT_ID) & (a[[f'events_{e}' for e in EVENTS]].sum(axis=1) == 0)].itertuples():
        report.gap("acts with no town events recorded", f"{r.act_id} ({r.act_no or 'no number'}, "
                                                          f"{r.act_date or 'no date'})")
    for r in a[a.in_force == ""].itertuples():
        report.gap("acts without an established date", f"{r.act_id}: {r.note or r.source}")


def town_columns(located: pd.DataFrame, rep: Replay) -> pd.DataFrame:
    """The edition columns of the monotown layer (every town ever listed).

    ``category`` is the category in force now (for a removed town: the last one it held),
    ``category_as_of`` the act that set it; ``category_2014`` is empty for later additions.
    """
    out = located.copy()
    acts = rep.acts.set_index("act_id")
    out["category"] = rep.towns["category"].astype(int).values
    out["category_as_of"] = rep.towns["category_as_of_act"].map(acts["label"]).values
    out["category_2014"] = pd.array(rep.towns["category_2014"].tolist(), dtype="Int64")
    out["listed_by"] = rep.towns["added_by"].values
    out["listed_now"] = rep.towns["listed_now"].astype(bool).values
    out["source"] = [
        FIRST_ACT_SOURCE if a == FIRST_ACT_ID else
        f"{acts.at[a, 'label']}: {s}"
        for a, s in zip(rep.towns.added_by, rep.towns.list_source, strict=True)]
    return out.drop(columns=["added_by", "list_source", "category_as_of_act"])
