"""Tables the pages show, as plain DataFrames (tested without Streamlit)."""

from __future__ import annotations

import re

import pandas as pd

from atlas.i18n import EMPTY, column_label, t
from atlas.vocab import CATEGORIES, SIDES, label


def explore_table(towns, lang: str = "ru") -> pd.DataFrame:
    """The sortable table of the Explore page; same rows as the map, indexed by town id
    (show it with ``hide_index=True``). Names, regions and sectors are written out; numbers
    stay numbers so the columns sort, distances rounded (0 decimals from 10 km, 1 below)."""
    import numpy as np

    from atlas.i18n import names, vocab_label
    from atlas.names import region_names

    regs = region_names(lang)
    dist = pd.to_numeric(towns.get("dist_science_km", pd.Series(index=towns.index, dtype=float)),
                         errors="coerce").astype(float)
    dist = pd.Series(np.where(dist.abs() < 10, dist.round(1), dist.round(0)), index=towns.index)
    out = pd.DataFrame({
        column_label("town", lang): names(towns, lang).values,
        t("region", lang): [regs.get(r, r) for r in towns.region_iso],
        t("category", lang): towns.category.astype(int).values,
        t("specialization", lang): [vocab_label("specialization", s, lang) for s in towns.specialization],
        t("population", lang): towns.population.values,
        t("toser", lang): towns.toser.astype(bool).values,
        # years as text: they sort the same, and a missing one shows "—", not "None"
        t("toser_year", lang): [EMPTY if pd.isna(y) else str(int(y)) for y in towns.toser_year],
        t("dist_science", lang): dist.values,
    }, index=pd.Index(towns.town_id.values, name="town_id"))
    # network km (#20): empty where the town has no link over the network, never a crow-fly km
    for col in ("rail_km_to_moscow", "rail_km_to_port", "road_km_to_moscow"):
        if col in towns:
            out[column_label(col, lang)] = pd.to_numeric(towns[col], errors="coerce").round(0).values
    return out


def edition_summary(towns, lang: str = "ru") -> str:
    """Which list editions the shown categories come from, with town counts (largest first)."""
    if len(towns) == 0:
        return ""
    counts = towns.category_as_of.value_counts(sort=False)
    counts = counts.sort_values(ascending=False, kind="stable")
    from atlas.fmt import count
    from atlas.i18n import edition_label

    items = "; ".join(t("explore.edition_item", lang, edition=edition_label(ed, lang), towns=count(n, "towns", lang))
                      for ed, n in counts.items())
    return t("explore.editions_caption", lang, items=items)


def _layer_name(layer: str, id_col: str, value, lang: str) -> str:
    from atlas.names import layer_name

    return layer_name(layer, value, lang)


def network_km(value, lang: str = "ru") -> str:
    """A network distance for the reader; empty means no link over the network (#20)."""
    from atlas import fmt

    return t("network.no_link", lang) if fmt.is_empty(value) else fmt.distance(value, lang)


def network_card_rows(row, lang: str = "ru") -> list[tuple[str, str, str]]:
    """The town's distances over the rail and road networks: (field, value, destination/source)."""
    from atlas import fmt
    from atlas.i18n import column_label

    osm = t("source.osm", lang)
    rows = []
    for mode in ("rail", "road"):
        if f"{mode}_access_km" not in row:
            continue
        rows.append((column_label(f"{mode}_access_km", lang), fmt.distance(row.get(f"{mode}_access_km"), lang), osm))
        rows.append((column_label(f"{mode}_km_to_moscow", lang), network_km(row.get(f"{mode}_km_to_moscow"), lang),
                     t("moscow", lang)))
        for what in ("port", "border"):
            rows.append((column_label(f"{mode}_km_to_{what}", lang),
                         network_km(row.get(f"{mode}_km_to_{what}"), lang),
                         _layer_name("logistics_nodes", "node_id", row.get(f"{mode}_nearest_{what}_id"), lang)))
    return rows


def basis_note(row, lang: str = "ru") -> str:
    """Why the town has its 2024 category, in the reader's language: the catalogue text of the
    reason the build recorded (``category_2024_reason``), filled with the municipality's figures
    and, for a cited status, the source's own words."""
    from atlas import fmt
    from atlas.i18n import has

    reason = row.get("category_2024_reason")
    if fmt.is_empty(reason) or not has(f"basis_note.{reason}"):
        return EMPTY

    def whole(v):
        return EMPTY if fmt.is_empty(v) else int(v)

    return t(f"basis_note.{reason}", lang, evidence=row.get("category_2024_evidence") or EMPTY,
             mun=row.get("rosstat_municipality") or EMPTY, n=whole(row.get("rosstat_mun_towns")),
             low=whole(row.get("rosstat_mun_category")), acts=whole(row.get("category_acts")),
             toser=row.get("toser_name") or EMPTY)


def town_card_rows(row, lang: str = "ru") -> pd.DataFrame:
    """Every attribute of one town with its source, as (field, value, source) rows.

    Values are written for the reader: regions and vocabularies by name, numbers grouped,
    distances in km, names in Latin letters in English; a missing value is "—".
    """
    from atlas import fmt
    from atlas.analysis.economy import economy_card_rows
    from atlas.i18n import edition_label, municipality_label, place_text, source_text, transliterate, vocab_label
    from atlas.names import region_name

    def val(v):
        return fmt.text(v)

    def words(v):  # Russian free text (municipality, enterprise, TOSER name), Latin in English
        v = fmt.text(v)
        return transliterate(v) if lang == "en" and v != fmt.EMPTY else v

    pop = fmt.integer(row.get("population"), lang)
    if not fmt.is_empty(row.get("population_year")) and pop != fmt.EMPTY:
        pop = t("card.population_year", lang, population=pop, year=fmt.year(row.get("population_year")))
    if bool(row.get("toser")):
        params = dict(name=place_text(row.get("toser_name"), lang, row.get("name_ru"), row.get("name_en")), kind=vocab_label("toser_kind", row.get("toser_kind"), lang))
        toser = (t("card.toser_value_year", lang, year=fmt.year(row.get("toser_year")), **params)
                 if not fmt.is_empty(row.get("toser_year")) else t("card.toser_value", lang, **params))
    else:
        toser = t("no", lang)
    spec = row.get("specialization")
    gid = row.get("geonameid")
    rows = [
        (t("region", lang), region_name(row.get("region_iso"), lang), fmt.EMPTY),
        (t("municipality", lang), municipality_label(row.get("municipality"), lang, row.get("name_ru"),
                                                     row.get("name_en")), source_text(row.get("source"), lang)),
        (t("category", lang), vocab_label("category", row.get("category"), lang),
         edition_label(row.get("category_as_of"), lang)),
        (t("card.category_2014", lang), vocab_label("category", row.get("category_2014"), lang),
         t("card.first_edition", lang)),
        (t("population", lang), pop, source_text(row.get("population_source"), lang)),
        (t("specialization", lang), vocab_label("specialization", spec, lang) if not fmt.is_empty(spec)
         else t("unknown", lang), source_text(row.get("profile_source"), lang)),
        (t("anchor", lang), words(row.get("anchor_enterprise")), source_text(row.get("profile_source"), lang)),
        (t("toser", lang), toser, source_text(row.get("toser_source"), lang)),
        (t("dist_science", lang), fmt.distance(row.get("dist_science_km"), lang),
         _layer_name("science_centres", "centre_id", row.get("nearest_science_id"), lang)),
        (t("dist_corridor", lang), fmt.distance(row.get("dist_corridor_km"), lang),
         _layer_name("corridors", "corridor_id", row.get("nearest_corridor_id"), lang)),
        (t("card.geonames", lang), t("card.geonames_id", lang, id=fmt.year(gid)) if not fmt.is_empty(gid)
         else fmt.EMPTY, source_text(row.get("coord_source"), lang)),
    ]
    rows += network_card_rows(row, lang)
    history = row.get("specialization_historical")
    if not fmt.is_empty(history):  # today's sector differs from the one the town was listed for
        note = row.get("specialization_note_en") if lang == "en" else None  # our words, translated
        rows.insert(6, (t("card.specialization_historical", lang), vocab_label("specialization", history, lang),
                        val(note) if not fmt.is_empty(note) else words(row.get("specialization_note"))))
    # issue #19: the 2024 category's basis, the acts' category where it differs, the municipal figures
    at = [r[0] for r in rows].index(t("population", lang)) + 1
    extra = []
    if not fmt.is_empty(row.get("category_2024_basis")):
        extra.append((t("card.category_basis", lang), t(f"basis.{row.get('category_2024_basis')}", lang),
                      basis_note(row, lang)))
    if not fmt.is_empty(row.get("category_acts")) and row.get("category_acts") != row.get("category"):
        extra.append((t("card.category_acts", lang), vocab_label("category", row.get("category_acts"), lang),
                      edition_label(row.get("category_acts_as_of"), lang)))
    extra += [(lab, value, fmt.EMPTY if s is None else source_text(s, lang))
              for lab, value, s in economy_card_rows(row, lang)]
    rows[at:at] = extra
    cols = [t("card.field", lang), t("card.value", lang), t("card.source", lang)]
    return pd.DataFrame(rows, columns=cols)


def corridor_anchor_table(waypoints, lang: str = "ru") -> pd.DataFrame:
    """The waypoints of one corridor that carry an official route kilometre.

    Chainage is interpolated between these rows: ``line km`` is where the waypoint sits on
    the schematic line, ``route km`` the official kilometre with its source.
    """
    w = waypoints.sort_values("seq")
    w = w[pd.to_numeric(w.route_km, errors="coerce").notna()]
    cols = [column_label(c, lang) for c in ("waypoint", "route_km", "measure_km", "route_km_source")]
    from atlas.i18n import names, source_text

    return pd.DataFrame({cols[0]: names(w, lang).values,
                         cols[1]: pd.to_numeric(w.route_km).round(0).astype(int).values,
                         cols[2]: w.measure_km.astype(float).round(0).astype(int).values,
                         cols[3]: [source_text(x, lang) for x in w.route_km_source]})


def corridor_method_text(n_anchors: int, lang: str = "ru") -> str:
    """How offsets, membership and chainage are computed, in the user's language."""
    anchors = (t("corridors.method_anchors", lang, n=n_anchors) if n_anchors > 1
               else t("corridors.method_no_anchors", lang))
    return t("corridors.method_text", lang, anchors=anchors)


# corridor table column -> catalogue column key (the Russian name column reads "Город" in Russian,
# "Town (Russian)" in English; the Latin one the other way round)
CORRIDOR_TABLE_LABELS = {"name_ru": "town_ru", "name_en": "town_latin"}


def corridor_table_labels(columns, lang: str = "ru") -> dict[str, str]:
    """On-screen headers for the corridor table (the CSV keeps the plain column names)."""
    from atlas.i18n import has

    keys = {c: CORRIDOR_TABLE_LABELS.get(c, c) for c in columns}
    return {c: column_label(k, lang) for c, k in keys.items() if has(f"col.{k}")}


def corridor_strip_chart(along, lang: str = "ru") -> tuple[pd.DataFrame, dict]:
    """Data and a Vega-Lite spec: towns along the route, chainage on x, signed offset on y.

    Left of the direction of travel is plotted above zero, right below; colours are the map's
    category colours so the chart and the map read the same way.
    """
    from atlas.i18n import column_label
    from atlas.i18n import names as display_names
    from atlas.maps.layers import point_names
    from atlas.maps.palettes import CATEGORY_COLOURS

    if "name_ru" in along:
        names = display_names(along, lang).tolist()
    else:  # a user's own points
        names = point_names(along)
    data = pd.DataFrame({
        "town": names,
        "chainage_km": along.chainage_km.astype(float).values,
        "offset_km": along.offset_km.astype(float).values,
        "signed_offset_km": along.offset_km.where(along.side == "left", -along.offset_km).astype(float).values,
        "side": [label(SIDES, s, lang) for s in along.side],
    })
    tooltip = [{"field": "town", "title": column_label("town", lang)},
               {"field": "chainage_km", "title": column_label("chainage_km", lang), "format": ",.0f"},
               {"field": "offset_km", "title": column_label("offset_km", lang), "format": ".1f"},
               {"field": "side", "title": column_label("side", lang)}]
    encoding = {
        "x": {"field": "chainage_km", "type": "quantitative",
              "title": t("corridors.strip_x", lang)},
        "y": {"field": "signed_offset_km", "type": "quantitative",
              "title": t("corridors.strip_y", lang)},
        "tooltip": tooltip,
    }
    if "category" in along:
        data["category"] = [label(CATEGORIES, int(c), lang) for c in along.category]
        domain = [label(CATEGORIES, k, lang) for k in sorted(CATEGORY_COLOURS)]
        encoding["color"] = {"field": "category", "type": "nominal",
                             "title": column_label("category", lang),
                             "scale": {"domain": domain, "range": [CATEGORY_COLOURS[k] for k in sorted(CATEGORY_COLOURS)]},
                             "legend": {"orient": "bottom", "labelLimit": 400}}
        tooltip.append({"field": "category", "title": column_label("category", lang)})
    from atlas.fmt import vega_locale

    spec = {"mark": {"type": "circle", "size": 70, "opacity": 0.9, "stroke": "#333333", "strokeWidth": 0.6},
            "encoding": encoding, "config": {"locale": vega_locale(lang)}}
    return data, spec


_CORRIDOR_COUNT = re.compile(r"line (\d+(?:\.\d+)?) km, route (\d+(?:\.\d+)?) km, (\d+) waypoints, "
                             r"(\d+) km anchors, max leg (\d+(?:\.\d+)?) km")
_ARCS = re.compile(r"(\d+) arcs, (\d+) bytes, max border error (\d+(?:\.\d+)?) km \(([A-Z]{2}-[A-Z0-9]+)\)")
_FRACTION = re.compile(r"^(\d+)/(\d+) \((\d+(?:\.\d+)?)%\)$")
_CATS = re.compile(r"(\d+) / (\d+) / (\d+) \(matched municipalities folded to their lowest category "
                   r"\+ unmatched ones as Rosstat gives\)")
_NETWORK = re.compile(r"(\d+) nodes, (\d+) edges \((\d+) joined within ([\d.]+) km\), ([\d,.]+) graph km, "
                      r"(\d+) components \(largest (\d+) nodes\), (\d+) display lines")
_CALIBRATION = re.compile(r"factor ([\d.]+) = (\d+) official km / (\d+) graph km over (\d+) anchored legs of (.+)")
_ROUTED = re.compile(r"routed (\d+) km; between its first and last kilometre posts routed (\d+) km vs official "
                     r"(\d+) km \(ratio ([\d.]+)\), (\d+) of (\d+) legs unrouted")
_ROUTED_NO_OFFICIAL = re.compile(r"routed (\d+) km; no official length \(fewer than two kilometre posts\), "
                                 r"(\d+) of (\d+) legs unrouted")
_PORT_NAMES = re.compile(r"(\d+) \((\d+) confirmed by a GeoNames alternate name, (\d+) unconfirmed\)")
_SEAPORTS = re.compile(r"(\d+) \((\d+) curated, (\d+) of them given a LOCODE by searoute, (\d+) from searoute alone\)")
_DESTINATIONS = re.compile(r"(\d+) of (\d+) \((\d+) destinations on the network\)")
_ITEMS = re.compile(r"(\d+) \(((?:[A-Za-z_]+(?: \d+)?)(?:, [A-Za-z_]+(?: \d+)?)*)\)")


def build_count_label(key: str, lang: str = "ru") -> str | None:
    """Human label of one build-report count key, or None if the catalogue has none."""
    from atlas.i18n import has, vocab_label

    plain = {"corridor waypoints with unverified coordinates": "count.corridor_waypoints_unverified",
             "logistics nodes with unverified coordinates": "count.logistics_nodes_unverified"}
    if key in plain:
        return t(plain[key], lang)
    if has(f"count.{key}"):
        return t(f"count.{key}", lang)
    if key.startswith("science_rows_"):
        return t("count.science_rows_file", lang, file=key[len("science_rows_"):])
    for prefix, vocab, label_key in (("science_", "science_kind", "count.science_kind"),
                                     ("toser_", "toser_kind", "count.toser_kind"),
                                     ("logistics_nodes_", "node_kind", "count.node_kind")):
        code = key[len(prefix):]
        if key.startswith(prefix) and has(f"{vocab}.{code}"):
            return t(label_key, lang, kind=vocab_label(vocab, code, lang))
    if key.startswith("corridor ") and key.endswith(" network"):  # "corridor bam over the rail network"
        cid, mode = key.split(" ")[1], key.split(" ")[-2]
        return t("count.corridor_routed", lang, name=_corridor_name(cid, lang),
                 mode=t(f"layer.{mode}_network", lang))
    if key.startswith("corridor "):
        cid = key.split(" ", 1)[1]
        return t("count.corridor", lang, name=_corridor_name(cid, lang))
    return None


def _corridor_name(cid: str, lang: str) -> str:
    from atlas.i18n import name

    try:
        from atlas.io import read_layer

        lines = read_layer("corridors")
        row = lines[lines.corridor_id == cid]
        if len(row):
            return name(row.iloc[0], lang)
    except Exception:  # noqa: BLE001 - the label falls back to the id
        pass
    return cid


def build_count_value(key: str, value, lang: str = "ru") -> str:
    """A build-report count written for the reader (numbers grouped, km with units)."""
    from atlas import fmt

    text = str(value)
    if m := _CORRIDOR_COUNT.fullmatch(text):
        line, route, wps, anchors, leg = m.groups()
        return t("count.corridor_value", lang, line=fmt.km(line, lang), route=fmt.km(route, lang),
                 waypoints=fmt.integer(wps, lang), anchors=fmt.integer(anchors, lang),
                 leg=fmt.km(leg, lang))
    if m := _ARCS.fullmatch(text):
        from atlas.names import region_name

        arcs, size, error, iso = m.groups()
        return t("count.region_arcs_value", lang, arcs=fmt.integer(arcs, lang),
                 size=f"{fmt.integer(int(size) / 1000, lang)} {t('unit.kb', lang)}",
                 error=fmt.km(error, lang) if float(error) >= 10 else f"{fmt.number(error, lang, 2)} {t('unit.km', lang)}",
                 region=region_name(iso, lang))
    if m := _FRACTION.fullmatch(text):
        part, whole, share = m.groups()
        return t("count.fraction", lang, part=fmt.integer(part, lang), whole=fmt.integer(whole, lang),
                 share=fmt.percent(float(share) / 100, lang, 1))
    if m := _CATS.fullmatch(text):
        return t("count.categories_value", lang, **{f"c{i + 1}": fmt.integer(v, lang) for i, v in enumerate(m.groups())})
    if m := _NETWORK.fullmatch(text):
        nodes, edges, joined, within, km, parts, largest, lines = m.groups()
        return t("count.network_value", lang, nodes=fmt.integer(nodes, lang), edges=fmt.integer(edges, lang),
                 joined=fmt.integer(joined, lang), within=f"{fmt.number(within, lang, 1)} {t('unit.km', lang)}",
                 km=fmt.integer(km.replace(",", ""), lang), parts=fmt.integer(parts, lang),
                 largest=fmt.integer(largest, lang), lines=fmt.integer(lines, lang))
    if m := _CALIBRATION.fullmatch(text):
        factor, official, graph, legs, ids = m.groups()
        return t("count.calibration_value", lang, factor=fmt.number(factor, lang, 4),
                 official=fmt.integer(official, lang), graph=fmt.integer(graph, lang), legs=fmt.integer(legs, lang),
                 corridors=", ".join(_corridor_name(c.strip(), lang) for c in ids.split(",")))
    if m := _ROUTED.fullmatch(text):
        routed, span, official, ratio, bad, legs = m.groups()
        return t("count.routed_value", lang, routed=fmt.km(routed, lang), span=fmt.km(span, lang),
                 official=fmt.km(official, lang), ratio=fmt.number(ratio, lang, 3),
                 bad=fmt.integer(bad, lang), legs=fmt.integer(legs, lang))
    if m := _ROUTED_NO_OFFICIAL.fullmatch(text):
        routed, bad, legs = m.groups()
        return t("count.routed_no_official_value", lang, routed=fmt.km(routed, lang),
                 bad=fmt.integer(bad, lang), legs=fmt.integer(legs, lang))
    if m := _PORT_NAMES.fullmatch(text):
        n, ok, other = m.groups()
        return t("count.port_names_value", lang, n=fmt.integer(n, lang), ok=fmt.integer(ok, lang),
                 other=fmt.integer(other, lang))
    if m := _SEAPORTS.fullmatch(text):
        n, curated, merged, added = m.groups()
        return t("count.seaports_value", lang, n=fmt.integer(n, lang), curated=fmt.integer(curated, lang),
                 merged=fmt.integer(merged, lang), added=fmt.integer(added, lang))
    if m := _DESTINATIONS.fullmatch(text):
        part, whole, n = m.groups()
        return t("count.destinations_value", lang, n=fmt.integer(n, lang),
                 fraction=t("count.fraction", lang, part=fmt.integer(part, lang), whole=fmt.integer(whole, lang),
                            share=fmt.percent(int(part) / int(whole), lang, 1)).split(" (")[0])
    if (m := _ITEMS.fullmatch(text)) and key in ("airports_scheduled", "neighbour_countries"):
        from atlas.i18n import has

        vocab = "airport_type" if key == "airports_scheduled" else "country"
        items = []
        for item in m.group(2).split(", "):
            code, _, n = item.partition(" ")
            if not has(f"{vocab}.{code}"):
                return text
            items.append(f"{t(f'{vocab}.{code}', lang)} {fmt.integer(n, lang)}" if n else t(f"{vocab}.{code}", lang))
        return t("count.items_value", lang, n=fmt.integer(m.group(1), lang), items=", ".join(items))
    if key.endswith("_km"):
        return fmt.km(value, lang)
    try:
        f = float(text)
    except ValueError:
        return text
    return fmt.integer(f, lang) if f.is_integer() else fmt.number(f, lang, 1)


def parse_build_counts(report_text: str) -> dict[str, str]:
    """The ``-- counts`` section of ``geodata/build_report.txt`` as {key: value text}."""
    counts, inside = {}, False
    for line in report_text.splitlines():
        if line.startswith("-- "):
            inside = line.strip() == "-- counts"
            continue
        if inside and ": " in line:
            k, v = line.strip().split(": ", 1)
            counts[k] = v
    return counts


def build_count_table(counts: dict, lang: str = "ru") -> pd.DataFrame:
    """(item, value) rows with human labels; keys the catalogue does not know are left out
    (``tests/test_language.py`` fails on such a key, so none is dropped unnoticed)."""
    rows = []
    for k, v in counts.items():
        lab = build_count_label(k, lang)
        if lab is not None:
            rows.append((lab, build_count_value(k, v, lang)))
    return pd.DataFrame(rows, columns=[t("sources.col_item", lang), t("sources.col_value", lang)])


def edition_options(editions: pd.DataFrame, lang: str = "ru") -> tuple[list[str], dict[str, str]]:
    """Edition picker values ("latest", then every act id in date order) and their labels."""
    from atlas.fmt import count
    from atlas.i18n import edition_label

    latest_n = int(editions.towns.iloc[-1]) if len(editions) else 0
    newest = edition_label(editions.label.iloc[-1], lang) if len(editions) else ""
    labels = {"latest": t("explore.edition_latest_option", lang, label=newest, towns=count(latest_n, "towns", lang))}
    for r in editions.itertuples():
        labels[r.act_id] = t("explore.edition_option", lang, label=edition_label(r.label, lang),
                             towns=count(int(r.towns), "towns", lang))
    return ["latest", *sorted(editions.act_id, key=lambda a: edition_date_key(editions, a))], labels


def edition_date_key(editions: pd.DataFrame, act_id: str) -> str:
    """Where an edition goes in date order: the day it came into force, else the act's date,
    else the end of the year its id names (an act known by its year only), else last."""
    row = editions.set_index("act_id").loc[act_id]
    for col in ("in_force_from", "act_date"):
        value = row.get(col)
        if isinstance(value, str) and value:
            return value
    m = re.search(r"(\d{4})", str(act_id))
    return f"{m.group(1)}-12-31~" if m else "9999"


def compare_table(changes, lang: str = "ru") -> pd.DataFrame:
    """Towns added, removed or recategorised between two editions, with human labels."""
    from atlas.i18n import column_label, names, vocab_label
    from atlas.names import region_name

    def cat(v):
        return vocab_label("category", v, lang) if not pd.isna(v) else "—"

    return pd.DataFrame({
        column_label("town", lang): names(changes, lang).to_numpy(),
        column_label("region", lang): [region_name(i, lang) for i in changes.region_iso],
        column_label("change", lang): [t(f"change.{c}", lang) for c in changes.change],
        column_label("category_a", lang): [cat(v) for v in changes.category_a],
        column_label("category_b", lang): [cat(v) for v in changes.category_b],
    })


def history_rows(history: pd.DataFrame, lang: str = "ru") -> pd.DataFrame:
    """A town's rows per edition for its card: edition, in force from, listed, category, change, source."""
    from atlas import fmt
    from atlas.i18n import column_label, edition_label, vocab_label

    return pd.DataFrame({
        column_label("label", lang): [edition_label(x, lang) for x in history.label],
        column_label("in_force_from", lang): [fmt.date(d, lang) if d else "—" for d in history.in_force_from],
        column_label("listed", lang): [t("yes" if x else "no", lang) for x in history.listed],
        column_label("category", lang): [vocab_label("category", c, lang) if not pd.isna(c) else "—"
                                         for c in history.category],
        column_label("change", lang): [t(f"change.{c}", lang) if c else "—" for c in history.change],
        column_label("source", lang): [s or "—" for s in history.source],
    })


def centres_near_rows(pairs: pd.DataFrame, centres, lang: str = "ru") -> pd.DataFrame:
    """Science centres near one town (from ``centres_near``), nearest first, with kinds."""
    from atlas import fmt
    from atlas.i18n import column_label, vocab_label
    from atlas.names import layer_name

    return pd.DataFrame({
        column_label("name", lang): [layer_name("science_centres", c, lang) for c in pairs.centre_id],
        column_label("kind", lang): [vocab_label("science_kind", k, lang) for k in pairs.kind],
        column_label("distance_km", lang): [fmt.distance(d, lang) for d in pairs.distance_km],
    })


def readable(df: pd.DataFrame, lang: str = "ru", numbers_as_text: bool = False):
    """``df`` as a Styler for ``st.dataframe``/``st.table``: numbers written for the language
    (grouped thousands; distances — columns whose header says km/км — with 0 decimals from
    10 km and 1 below), missing text as "—".

    Numbers stay numbers underneath, so columns sort by value; but Streamlit draws a missing
    *number* as a faded "None" whatever the Styler says. Where a numeric column has gaps and
    sorting matters less than the dash, pass ``numbers_as_text=True``.
    """
    from atlas import fmt

    def number(col):
        is_km = "km" in str(col).lower() or "км" in str(col).lower()
        values = pd.to_numeric(df[col], errors="coerce").dropna()
        whole = bool(len(values)) and bool((values == values.round()).all())

        def show(v):
            if fmt.is_empty(v):
                return fmt.EMPTY
            if is_km:
                return fmt.distance(v, lang)
            return fmt.integer(v, lang) if whole else fmt.number(v, lang, 1)
        return show

    numeric = [c for c in df.columns
               if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])]
    out = df.copy()
    for c in out.columns:
        if c in numeric and numbers_as_text:
            out[c] = [number(c)(v) for v in out[c]]
        elif c not in numeric and not pd.api.types.is_bool_dtype(out[c]):
            out[c] = [fmt.EMPTY if fmt.is_empty(v) else v for v in out[c]]
    if numbers_as_text:
        return out.style
    return out.style.format({c: number(c) for c in numeric})


def toser_economy_rows(towns, lang: str = "ru") -> pd.DataFrame:
    """TOSER towns against the others on the municipal figures, for the Science page (issue #19)."""
    from atlas import fmt
    from atlas.analysis.economy import toser_economy_table
    from atlas.i18n import column_label

    tab = toser_economy_table(towns)

    def num(v, d=1):
        return fmt.number(v, lang, d) if not pd.isna(v) else fmt.EMPTY

    return pd.DataFrame({
        t("science.col_metric", lang): [column_label(m, lang) for m in tab.metric],
        t("science.col_n", lang): [f"{a} / {b}" for a, b in zip(tab.n_group, tab.n_other, strict=True)],
        t("science.col_median_toser", lang): [num(v) for v in tab.median_group],
        t("science.col_median_others", lang): [num(v) for v in tab.median_other],
        t("science.col_diff", lang): [f"{num(d)} ({num(lo)} … {num(hi)})" for d, lo, hi in
                                      zip(tab["diff"], tab.ci_low, tab.ci_high, strict=True)],
        t("science.col_p", lang): [fmt.significant(p, lang) for p in tab.p_value],
        t("science.col_missing", lang): tab.missing.astype(int).to_numpy(),
    })
