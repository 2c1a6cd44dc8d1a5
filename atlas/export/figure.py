"""``export_map``: the whole atlas (or a region/corridor) as offline HTML, PNG, SVG or PDF."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from atlas import io
from atlas.crs import RUSSIA_AEA, shift_antimeridian
from atlas.i18n import t
from atlas.maps import MapData, MapOptions, build_map
from atlas.policy import ATTRIBUTION, SHORT_ATTRIBUTION

ALL_LAYERS = ["regions", "corridors", "science", "towns", "toser"]
EXPORT_TOLERANCE_DEG = 0.05  # whole-Russia HTML: coarser borders keep the file ≤ 1.5 MB
PRESETS = {"16:9": (13.33, 7.5), "4:3": (10.0, 7.5)}


def export_data(region: str | None = None, corridor: str | None = None,
                tolerance_deg: float = EXPORT_TOLERANCE_DEG, edition="latest"
                ) -> tuple[MapData, list | None]:
    """Layers for an export, clipped to a region or federal district if asked; and bounds."""
    regions = io.load_regions(display=True)
    regions = regions.assign(geometry=shapely.coverage_simplify(regions.geometry.values, tolerance_deg))
    towns = io.load_monotowns(edition)
    data = MapData(towns=towns, regions=regions, science=io.load_science_centres(),
                   corridors=io.load_corridors(), nodes=io.load_logistics_nodes(),
                   region_arcs=io.load_region_arcs())
    bounds = None
    if region:
        sel = regions[(regions.iso == region) | (regions.federal_district == region)]
        if sel.empty:
            raise KeyError(f"no region or federal district {region!r}")
        data.towns = towns[towns.region_iso.isin(sel.iso)]
        minx, miny, maxx, maxy = sel.total_bounds
        bounds = [[miny, minx], [maxy, maxx]]
    if corridor:
        cid = io.resolve_corridor_id(corridor)
        data.corridors = data.corridors[data.corridors.corridor_id == cid]
        minx, miny, maxx, maxy = shift_antimeridian(data.corridors.geometry.values)[0].bounds
        bounds = [[miny - 1, minx - 1], [maxy + 1, maxx + 1]]
    return data, bounds


def export_map(path: Path, layers: list[str] | None = None, region: str | None = None,
               corridor: str | None = None, title: str | None = None, lang: str = "ru",
               preset: str = "16:9", labels: list[str] | None = None, edition="latest") -> dict:
    path = Path(path)
    layers = layers or ALL_LAYERS
    title = plain_title(title) or t("export.default_title", lang)
    data, bounds = export_data(region, corridor, edition=edition)
    ext = path.suffix.lower()
    if ext == ".html":
        from atlas.export.html import save_html

        m = build_map(data, layers, MapOptions(lang=lang, selected_corridor=corridor), bounds=bounds,
                      title=title)
        size = save_html(m, path, title, ATTRIBUTION[lang])  # written atomically
    elif ext in (".png", ".svg", ".pdf"):
        import matplotlib.pyplot as plt

        from atlas.export.static import draw_figure
        from atlas.export.tables import atomic_target

        fig = draw_figure(data, layers, title, lang, preset, labels, bounds)
        try:  # a temporary name, renamed when complete: a failure leaves no truncated file
            with atomic_target(path) as tmp:
                fig.savefig(tmp, format=ext[1:], dpi=200 if ext == ".png" else None,
                            metadata=_metadata(ext, title))
        finally:
            plt.close(fig)
        size = path.stat().st_size
    else:
        raise ValueError(f"unsupported format {ext}: use .html, .png, .svg or .pdf")
    return {"path": str(path), "bytes": size}


def plain_title(title: str | None, limit: int = 300) -> str:
    """A title as plain text: control characters dropped, whitespace collapsed, at most ``limit``."""
    if not title:
        return ""
    text = "".join(ch if ch.isprintable() else " " for ch in str(title))
    return " ".join(text.split())[:limit]


def _metadata(ext: str, title: str) -> dict:
    if ext == ".png":
        return {"Title": title, "Source": SHORT_ATTRIBUTION}
    if ext == ".pdf":
        return {"Title": title, "Subject": SHORT_ATTRIBUTION}
    return {"Title": title}


def project(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """To the Russia equal-area CRS, with Chukotka kept in one piece."""
    g = gdf.copy()
    g["geometry"] = shift_antimeridian(g.geometry.values)
    return g.set_crs(4326, allow_override=True).to_crs(RUSSIA_AEA)


def scale_bar_km(width_m: float) -> float:
    """A round scale-bar length about a fifth of the map width."""
    target = width_m / 5000.0
    steps = np.array([100, 200, 250, 500, 1000, 1500, 2000])
    return float(steps[np.argmin(np.abs(steps - target))])
