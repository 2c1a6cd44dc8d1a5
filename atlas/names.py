"""Names of things by their code, looked up in the built layers: regions by ISO code, science
centres, corridors, logistics nodes and towns by id, in Russian or English.

These lookups need the data, so they live with the data (:mod:`atlas.store`), not in the
catalogue of interface text (:mod:`atlas.i18n`), which holds text only.
"""

from __future__ import annotations

from functools import lru_cache

from atlas.fmt import is_empty
from atlas.i18n import DEFAULT_LANG, EMPTY, lang_index, names
from atlas.store import layer_mtime, read_layer


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, str]]:
    r = read_layer("regions")
    return {iso: (ru, en) for iso, ru, en in zip(r.iso, r.name_ru, r.name_en)}


def region_names(lang: str | None = DEFAULT_LANG) -> dict[str, str]:
    """{ISO code: region name} for every federal subject."""
    i = lang_index(lang)
    return {iso: pair[i] or pair[0] for iso, pair in _regions().items()}


def region_name(iso, lang: str | None = DEFAULT_LANG) -> str:
    if is_empty(iso):
        return EMPTY
    pair = _regions().get(str(iso))
    if pair is None:
        return str(iso)
    return pair[lang_index(lang)] or pair[0]


_ID_COLUMNS = {"science_centres": "centre_id", "corridors": "corridor_id", "logistics_nodes": "node_id",
               "monotowns": "town_id"}


@lru_cache(maxsize=8)
def _layer_names(layer: str, mtime: float) -> dict[str, tuple[str, str]]:
    df = read_layer(layer)
    latin = names(df, "en")
    return {i: (ru, en) for i, ru, en in zip(df[_ID_COLUMNS[layer]], df["name_ru"], latin)}


def layer_name(layer: str, item_id, lang: str | None = DEFAULT_LANG) -> str:
    """Display name of a centre, corridor, node or town by its id ("fu-ural" → "Уральский
    федеральный университет" / "Ural Federal University"); "—" if missing, the id if unknown."""
    if is_empty(item_id):
        return EMPTY
    try:
        table = _layer_names(layer, layer_mtime(layer))
    except (OSError, KeyError):
        return str(item_id)
    pair = table.get(str(item_id))
    return str(item_id) if pair is None else pair[lang_index(lang)]
