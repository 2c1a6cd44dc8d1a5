"""What an exported map shows, before any drawing: the :class:`Scene` (data narrowed to a region,
district, corridor or filter; focus regions; title and subtitle in the chosen language)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

import geopandas as gpd
import shapely

from atlas import fmt, io
from atlas.analysis.filters import TownFilter
from atlas.crs import shift_antimeridian
from atlas.editions import list_editions
from atlas.i18n import EMPTY, edition_label, name, names, t, vocab_label
from atlas.maps import MapData

ALL_LAYERS = ["regions", "corridors", "science", "towns", "toser"]
EXPORT_TOLERANCE_DEG = 0.05  # whole-Russia HTML: coarser borders keep the file ≤ 1.5 MB
PRESETS = {"16:9": (13.33, 7.5), "4:3": (10.0, 7.5)}  # inches; PNG at 200 dpi = 2× a slide
_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


@dataclass
class Scene:
    """Everything one exported map shows, before any drawing."""

    data: MapData
    layers: list[str]
    title: str
    subtitle: str
    lang: str = "ru"
    preset: str = "16:9"
    focus: list[str] = field(default_factory=list)  # ISO codes highlighted
    bounds: list | None = None  # [[s, w], [n, e]] or None (all Russia)
    cities: gpd.GeoDataFrame | None = None
    labels: list[str] = field(default_factory=list)  # town ids / Russian names asked for
    label_all: bool = False  # a region or a filtered view: name every town


# --- data ------------------------------------------------------------------------------------


def export_data(
    region: str | None = None,
    corridor: str | None = None,
    tolerance_deg: float = EXPORT_TOLERANCE_DEG,
    edition="latest",
    where: TownFilter | None = None,
) -> tuple[MapData, list | None]:
    """Layers for an export — towns of ``edition`` narrowed by ``where`` and to a region or
    federal district if asked — and the lon/lat bounds to frame ([[s, w], [n, e]] or None)."""
    regions = io.load_regions(display=True)
    regions = regions.assign(
        geometry=shapely.coverage_simplify(regions.geometry.values, tolerance_deg)
    )
    towns = io.load_monotowns(edition)
    if where is not None:
        towns = where.apply(towns)
    data = MapData(
        towns=towns,
        regions=regions,
        science=io.load_science_centres(),
        corridors=io.load_corridors(),
        nodes=io.load_logistics_nodes(),
        region_arcs=io.load_region_arcs(),
    )
    bounds = None
    focus = focus_regions(regions, region, where)
    if focus:
        sel = regions[regions.iso.isin(focus)]
        data.towns = towns[towns.region_iso.isin(focus)]
        minx, miny, maxx, maxy = sel.total_bounds
        bounds = [[miny, minx], [maxy, maxx]]
    if corridor:
        cid = io.resolve_corridor_id(corridor)
        data.corridors = data.corridors[data.corridors.corridor_id == cid]
        minx, miny, maxx, maxy = shift_antimeridian(data.corridors.geometry.values)[0].bounds
        bounds = [[miny - 1, minx - 1], [maxy + 1, maxx + 1]]
    return data, bounds


def focus_regions(regions, region: str | None, where: TownFilter | None = None) -> list[str]:
    """ISO codes a map is about: ``region`` (a region or federal district key), else the
    regions or districts the filter names; empty for all Russia. Unknown ``region`` raises."""
    if region:
        sel = regions[(regions.iso == region) | (regions.federal_district == region)]
        if sel.empty:
            raise KeyError(f"no region or federal district {region!r}")
        return sorted(sel.iso)
    if where is not None and where.regions:
        return sorted(set(regions.iso) & set(where.regions))
    if where is not None and where.federal_districts:
        return sorted(regions[regions.federal_district.isin(where.federal_districts)].iso)
    return []


def make_scene(
    layers: list[str] | None = None,
    region: str | None = None,
    corridor: str | None = None,
    title: str | None = None,
    lang: str = "ru",
    preset: str = "16:9",
    labels: list[str] | None = None,
    edition="latest",
    where: TownFilter | None = None,
    today: _dt.date | None = None,
) -> Scene:
    """The scene of one export; ``where`` narrows the towns (Explore's filters), ``title``
    falls back to the region, district or corridor; ``today`` dates the subtitle."""
    if preset not in PRESETS:
        raise ValueError(f"unknown aspect {preset!r}: use {' or '.join(PRESETS)}")
    data, bounds = export_data(region, corridor, edition=edition, where=where)
    focus = focus_regions(data.regions, region, where)
    filtered = where is not None and where != TownFilter()
    title = plain_title(title) or default_title(data.regions, focus, corridor, lang)
    words = subtitle(edition, where, len(data.towns), lang, today or _dt.date.today())
    return Scene(
        data=data,
        layers=list(layers or ALL_LAYERS),
        title=title,
        subtitle=words,
        lang=lang,
        preset=preset,
        focus=focus,
        bounds=bounds,
        cities=io.load_major_cities(),
        labels=list(labels or []),
        label_all=bool(focus) or filtered,
    )


def plain_title(title: str | None, limit: int = 300) -> str:
    """A title as plain text: control characters dropped, whitespace collapsed, ``limit`` long."""
    if not title:
        return ""
    text = "".join(ch if ch.isprintable() else " " for ch in str(title))
    return " ".join(text.split())[:limit]


# --- words ------------------------------------------------------------------------------------


def default_title(regions, focus: list[str], corridor: str | None, lang: str) -> str:
    """ "Моногорода: Кемеровская область" for one region, the district for a whole district,
    the corridor's name for a corridor, else the atlas's title."""
    if corridor:
        lines = io.load_corridors()
        row = lines[lines.corridor_id == io.resolve_corridor_id(corridor)].iloc[0]
        return t("export.corridor_title", lang, corridor=name(row, lang))
    if len(focus) == 1:
        sel = regions[regions.iso == focus[0]]
        return t("export.region_title", lang, region=names(sel, lang).iloc[0])
    if focus:
        districts = set(regions[regions.iso.isin(focus)].federal_district)
        if len(districts) == 1 and set(
            regions[regions.federal_district.isin(districts)].iso
        ) == set(focus):
            return t(
                "export.region_title",
                lang,
                region=vocab_label("federal_district", districts.pop(), lang),
            )
    return t("export.default_title", lang)


def edition_text(edition, lang: str) -> str:
    ed = str(edition or "latest")
    if ed == "latest":
        return t("export.edition_latest", lang)
    if ed == "all":
        return t("export.edition_all", lang)
    if _DATE.match(ed):
        return t(
            "export.edition_on", lang, date=fmt.date(ed if len(ed) > 4 else "2014-07-29", lang)
        )
    eds = list_editions()
    row = eds[eds.act_id == ed]
    return edition_label(row.label.iloc[0], lang) if len(row) else ed


def filter_parts(where: TownFilter | None, lang: str) -> list[str]:
    """The filters of a view in words (regions and districts are in the title, not here)."""
    if where is None:
        return []
    parts = []
    if where.categories:
        parts.append(
            t(
                "export.f_categories",
                lang,
                categories=", ".join(str(c) for c in sorted(where.categories)),
            )
        )
    if where.toser in ("yes", "no"):
        parts.append(t(f"export.f_toser_{where.toser}", lang))
    if where.toser_kinds:
        parts.append(", ".join(vocab_label("toser_kind", k, lang) for k in where.toser_kinds))
    if where.specializations:
        parts.append(
            ", ".join(
                t("unknown", lang) if s == "unknown" else vocab_label("specialization", s, lang)
                for s in where.specializations
            )
        )
    if where.toser_year_min is not None or where.toser_year_max is not None:
        parts.append(
            t(
                "export.f_toser_years",
                lang,
                lo=where.toser_year_min or EMPTY,
                hi=where.toser_year_max or EMPTY,
            )
        )
    if where.population_min is not None or where.population_max is not None:
        parts.append(
            t(
                "export.f_population",
                lang,
                lo=fmt.integer(where.population_min or 0, lang),
                hi=fmt.integer(where.population_max, lang) if where.population_max else "…",
            )
        )
    if where.name.strip():
        parts.append(t("export.f_name", lang, name=where.name.strip()))
    return parts


def subtitle(edition, where: TownFilter | None, n_towns: int, lang: str, today: _dt.date) -> str:
    """ "Действующий перечень · с ТОСЭР · моногородов на карте: 3 · карта на 06.12.2026"."""
    parts = [
        edition_text(edition, lang),
        *filter_parts(where, lang),
        t("export.towns_shown", lang, n=fmt.integer(n_towns, lang)),
        t("export.made_on", lang, date=fmt.date(today, lang)),
    ]
    return " · ".join(parts)
