"""Downloads a planner can open (#20): the towns along a corridor or route, the line, the band.

* ``planner_table`` — what the reader sees: the name in the reader's language first, region
  names, sectors, categories and yes/no as words, "on the line" for offsets under 0.5 km, the
  nearest seaport by rail by name; headers in the reader's language.
* ``excel_csv_bytes`` — that table for the reader's spreadsheet: Russian Excel expects ``;``
  between fields and a decimal comma, English ``,`` and a dot; UTF-8 with a BOM either way.
  The machine-readable variant (stable column ids, ``,`` and ``.``) stays
  :func:`atlas.export.tables.to_csv_bytes` of :func:`atlas.export.tables.corridor_table`.
* ``planner_layers`` — the towns (or the reader's points), the corridor or route line and the
  band as separate named layers, for ``gpkg_bytes`` (one layer each) and ``geojson_bytes``
  (one collection, each feature tagged with its ``layer``; QGIS splits it by geometry).
* ``download_stem`` — file names from the corridor or route name and the band width.
"""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from atlas.crs import WGS84
from atlas.export.tables import _names, _is_user_points, neutralise_formulas
from atlas.i18n import column_label, lang_index, normalize_lang, t, transliterate, vocab_label
from atlas.names import layer_name, region_name

ON_THE_LINE_KM = 0.5
CSV_STYLE = {"ru": {"sep": ";", "decimal": ","}, "en": {"sep": ",", "decimal": "."}}


def side_words(side, offset_km, lang: str) -> list[str]:
    """left / right of the direction of travel, or "on the line" under ``ON_THE_LINE_KM``."""
    out = []
    for s, off in zip(side, offset_km, strict=True):
        if pd.notna(off) and float(off) < ON_THE_LINE_KM:
            out.append(t("on_the_line", lang))
        else:
            out.append(vocab_label("side", s, lang) if isinstance(s, str) else "")
    return out


def _yes_no(v, lang: str) -> str:
    return t("yes", lang) if bool(v) and not (isinstance(v, float) and np.isnan(v)) else t("no", lang)


TOWN_COLUMNS = ["chainage_km", "offset_km", "side", "region", "specialization", "category", "toser",
                "population", "rail_access_km", "rail_km_to_port", "rail_nearest_port_id",
                "rail_km_to_moscow", "road_km_to_moscow", "dist_science_km", "town_id"]


def planner_table(along: gpd.GeoDataFrame, lang: str = "ru") -> pd.DataFrame:
    """The towns (or the reader's points) in route order, written for the reader."""
    names = _names(along)
    if _is_user_points(along):
        ours = [names[k] for k in ("part", "chainage_km", "offset_km", "side") if names[k] in along]
        geom = along.geometry.name if isinstance(along, gpd.GeoDataFrame) else None
        theirs = [c for c in along.columns if c not in ours and c not in (geom, names["corridor_id"])]
        out = pd.DataFrame(along[theirs + ours]).reset_index(drop=True)
        if names["side"] in out:
            out[names["side"]] = side_words(along[names["side"]], along[names["offset_km"]], lang)
        labels = {names[k]: column_label(k, lang) for k in ("part", "chainage_km", "offset_km", "side")
                  if names[k] in out and names[k] == k}
        return out.rename(columns=labels)
    li = lang_index(lang)
    first, second = [("name_ru", "name_en"), ("name_en", "name_ru")][li]
    out = pd.DataFrame(index=range(len(along)))
    from atlas.i18n import names as display_names

    out[first] = display_names(along, lang).to_numpy()
    out[second] = display_names(along, ["en", "ru"][li]).to_numpy()
    for c in TOWN_COLUMNS:
        if c == "region" and "region_iso" in along:
            out["region"] = [region_name(r, lang) for r in along.region_iso]
        elif c == "side" and "side" in along:
            out["side"] = side_words(along.side, along.offset_km, lang)
        elif c == "specialization" and c in along:
            out[c] = [vocab_label("specialization", s, lang) if isinstance(s, str) else ""
                      for s in along[c]]
        elif c == "category" and c in along:
            out[c] = [vocab_label("category", v, lang) if pd.notna(v) else "" for v in along[c]]
        elif c == "toser" and c in along:
            out[c] = [_yes_no(v, lang) for v in along[c]]
        elif c == "rail_nearest_port_id" and c in along:
            out[c] = [layer_name("logistics_nodes", v, lang) if isinstance(v, str) else ""
                      for v in along[c]]
        elif c in along:
            out[c] = along[c].to_numpy()
    if "part" in along:
        out.insert(2, "part", along["part"].to_numpy())
    heads = {first: column_label("town", lang), second: column_label(["town_latin", "town_ru"][li], lang)}
    heads.update({c: column_label(c, lang) for c in out.columns if c not in heads})
    return out.rename(columns=heads)


def excel_csv_bytes(table: pd.DataFrame, lang: str = "ru") -> bytes:
    """CSV as the reader's spreadsheet opens it: ``;`` + decimal comma in Russian, ``,`` + dot
    in English; UTF-8 with a BOM; formulas neutralised."""
    style = CSV_STYLE[normalize_lang(lang)]
    df = neutralise_formulas(pd.DataFrame(table))
    return df.to_csv(index=False, sep=style["sep"], decimal=style["decimal"]).encode("utf-8-sig")


def _slug(text: str) -> str:
    latin = transliterate(str(text)) if re.search(r"[А-Яа-яЁё]", str(text)) else str(text)
    s = re.sub(r"[^A-Za-z0-9]+", "_", latin).strip("_").lower()
    return s[:60] or "route"


def download_stem(name: str, width_km: float) -> str:
    """``trans_siberian_railway_50km`` from the corridor or route name and the band width."""
    return f"{_slug(name)}_{width_km:g}km"


def planner_layers(along: gpd.GeoDataFrame, line: gpd.GeoDataFrame, width_km: float | None,
                   lang: str = "ru", line_layer: str = "corridor") -> dict[str, gpd.GeoDataFrame]:
    """Named layers: ``monotowns`` (or ``points``), ``corridor``/``route`` and ``band_<w>km``."""
    layers = {}
    pts_name = "points" if _is_user_points(along) else "monotowns"
    table = planner_table(along, lang)
    layers[pts_name] = gpd.GeoDataFrame(table, geometry=along.geometry.to_numpy(), crs=WGS84)
    layers[line_layer] = gpd.GeoDataFrame(line.drop(columns=[c for c in line.columns
                                                             if c != line.geometry.name
                                                             and c not in ("name", "mode", "km")]),
                                          geometry=line.geometry.name, crs=WGS84)
    if width_km:
        from atlas.analysis.bands import corridor_band

        band = corridor_band(line[[line.geometry.name]], width_km)
        band.insert(0, "width_km", float(width_km))
        layers[f"band_{width_km:g}km"] = band
    return layers


def gpkg_bytes(layers: dict[str, gpd.GeoDataFrame]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "atlas.gpkg"
        for name, gdf in layers.items():
            gdf.to_file(path, driver="GPKG", layer=name, engine="pyogrio")
        return path.read_bytes()


def geojson_bytes(layers: dict[str, gpd.GeoDataFrame]) -> bytes:
    import json

    feats = []
    for name, gdf in layers.items():
        fc = json.loads(gdf.to_json(drop_id=True, na="null"))
        for f in fc["features"]:
            f["properties"] = {"layer": name, **f["properties"]}
            feats.append(f)
    buf = io.StringIO()
    json.dump({"type": "FeatureCollection", "features": feats}, buf, ensure_ascii=False)
    return buf.getvalue().encode("utf-8")
