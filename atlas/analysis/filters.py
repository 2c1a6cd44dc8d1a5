"""Town filters shared by the app, the CLI and exports (and their URL encoding)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import geopandas as gpd
import numpy as np

from atlas.analysis.science import nearest_geodesic
from atlas.build.gazetteer import normalize_name


@dataclass
class TownFilter:
    federal_districts: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    categories: list[int] = field(default_factory=list)
    specializations: list[str] = field(default_factory=list)
    toser: str = "any"  # any | yes | no
    toser_kinds: list[str] = field(default_factory=list)
    toser_year_min: int | None = None
    toser_year_max: int | None = None
    population_min: int | None = None
    population_max: int | None = None
    name: str = ""

    def apply(self, towns: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        keep = np.ones(len(towns), dtype=bool)
        if self.federal_districts:
            keep &= towns.federal_district.isin(self.federal_districts).to_numpy()
        if self.regions:
            keep &= towns.region_iso.isin(self.regions).to_numpy()
        if self.categories:
            keep &= towns.category.isin([int(c) for c in self.categories]).to_numpy()
        if self.specializations:
            spec = towns.specialization.fillna("unknown")
            keep &= spec.isin(self.specializations).to_numpy()
        if self.toser in ("yes", "no"):
            keep &= (towns.toser.astype(bool) == (self.toser == "yes")).to_numpy()
        if self.toser_kinds:
            keep &= towns.toser_kind.isin(self.toser_kinds).to_numpy()
        if self.toser_year_min is not None or self.toser_year_max is not None:
            year = towns.toser_year.astype("Float64").fillna(-1).to_numpy(dtype=float)
            keep &= year > 0
            if self.toser_year_min is not None:
                keep &= year >= self.toser_year_min
            if self.toser_year_max is not None:
                keep &= year <= self.toser_year_max
        pop = towns.population.astype("Float64").fillna(-1).to_numpy(dtype=float)
        if self.population_min is not None:
            keep &= pop >= self.population_min
        if self.population_max is not None:
            keep &= (pop <= self.population_max) & (pop >= 0)
        if self.name.strip():
            q = normalize_name(self.name)
            names = (towns.name_ru.map(normalize_name) + " " + towns.name_en.fillna("").str.casefold())
            keep &= names.str.contains(q, regex=False).to_numpy()
        return towns[keep]

    # -- URL query parameters ----------------------------------------------------------
    def to_query(self) -> dict[str, str]:
        out = {}
        for k, v in asdict(self).items():
            if isinstance(v, list) and v:
                out[k] = ",".join(str(x) for x in v)
            elif isinstance(v, str) and v and v != "any":
                out[k] = v
            elif isinstance(v, int) and not isinstance(v, bool):
                out[k] = str(v)
        return out

    @classmethod
    def from_query(cls, params) -> TownFilter:
        def lst(key, conv=str):
            raw = params.get(key) or ""
            vals = []
            for x in str(raw).split(","):
                x = x.strip()
                if x:
                    try:
                        vals.append(conv(x))
                    except ValueError:
                        continue
            return vals

        def num(key):
            try:
                return int(params.get(key)) if params.get(key) not in (None, "") else None
            except (TypeError, ValueError):
                return None

        toser = params.get("toser") or "any"
        return cls(
            federal_districts=lst("federal_districts"), regions=lst("regions"),
            categories=[c for c in lst("categories", int) if c in (1, 2, 3)],
            specializations=lst("specializations"),
            toser=toser if toser in ("any", "yes", "no") else "any",
            toser_kinds=lst("toser_kinds"), toser_year_min=num("toser_year_min"),
            toser_year_max=num("toser_year_max"), population_min=num("population_min"),
            population_max=num("population_max"), name=str(params.get("name") or "")[:100],
        )


def nearest_other_towns(towns: gpd.GeoDataFrame, town_id: str, n: int = 5) -> gpd.GeoDataFrame:
    """The ``n`` monotowns nearest to ``town_id`` (geodesic km), itself excluded."""
    me = towns[towns.town_id == town_id]
    if me.empty:
        raise KeyError(town_id)
    others = towns[towns.town_id != town_id]
    lon, lat = me.geometry.x.values, me.geometry.y.values
    from atlas.analysis.geodesic import geodesic_km

    d = geodesic_km(lon[0], lat[0], others.geometry.x.values, others.geometry.y.values)
    order = np.argsort(d, kind="stable")[:n]
    out = others.iloc[order].copy()
    out["distance_km"] = np.round(d[order], 1)
    return out


def town_at(towns: gpd.GeoDataFrame, lon: float, lat: float) -> str | None:
    """The town at a clicked position (nearest within 1 km), else None."""
    if towns.empty:
        return None
    lon = ((lon + 180) % 360) - 180
    res = nearest_geodesic([lon], [lat], towns.geometry.x.values, towns.geometry.y.values, k=1)
    return towns.town_id.iloc[int(res.index[0])] if res.distance_km[0] <= 1.0 else None
