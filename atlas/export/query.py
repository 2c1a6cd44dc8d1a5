"""The export's URL and command-line parameters: one encoding for the Export page, Explore's
"export this view" link and ``atlas map --where`` (the same names as Explore's permalinks)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from atlas.analysis.filters import TownFilter

EXTENTS = ("russia", "district", "region", "corridor")
FORMATS = ("html", "png", "svg", "pdf")
ASPECTS = ("16:9", "4:3")
EXPORT_PARAMS = ("extent", "focus", "format", "aspect")
FILTER_PARAMS = tuple(TownFilter().__dataclass_fields__)


@dataclass(frozen=True)
class ExportStart:
    """Where the Export page starts: extent, its region/district/corridor, format, aspect."""

    kind: str = "russia"
    focus: str | None = None
    fmt: str = "html"
    aspect: str = "16:9"


def _get(params, key: str) -> str:
    value = params.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value is not None else ""


def extent_from_query(params, where: TownFilter | None = None) -> ExportStart:
    """The Export page's first state from its URL; without ``extent``, a filter naming one
    region (or one federal district) frames that region (district) — so a link from Explore
    filtered on Kuzbass opens on Kuzbass. Unknown values fall back to the defaults."""
    kind = _get(params, "extent")
    focus = _get(params, "focus")[:100] or None
    if kind not in EXTENTS:
        kind, focus = "russia", None
        if where is not None and len(where.regions) == 1:
            kind, focus = "region", where.regions[0]
        elif where is not None and len(where.federal_districts) == 1 and not where.regions:
            kind, focus = "district", where.federal_districts[0]
    fmt = _get(params, "format")
    aspect = _get(params, "aspect")
    return ExportStart(
        kind=kind,
        focus=focus,
        fmt=fmt if fmt in FORMATS else "html",
        aspect=aspect if aspect in ASPECTS else "16:9",
    )


def export_link_query(
    where: TownFilter, edition: str = "latest", lang: str | None = None
) -> dict[str, str]:
    """Query parameters of Explore's "export this view" link: its filters and edition, and a
    static format (a view is exported for a slide)."""
    query = dict(where.to_query())
    if edition and edition != "latest":
        query["edition"] = str(edition)
    query["format"] = "png"
    if lang:
        query["lang"] = lang
    return query


def parse_where(text: str) -> tuple[TownFilter, str | None]:
    """``atlas map --where``: Explore's URL parameters as ``key=value`` pairs joined by ``&`` or
    ``;`` (``"categories=1,2;toser=yes"``), or a whole link copied from the app. Returns the
    filter and the edition if the text names one. Unknown keys raise ``ValueError``."""
    text = (text or "").strip()
    if "?" in text:
        text = urlsplit(text).query
    pairs = parse_qsl(text.replace(";", "&"), keep_blank_values=False)
    allowed = set(FILTER_PARAMS) | {"edition", "lang", *EXPORT_PARAMS, "town", "cmp_from", "cmp_to"}
    unknown = sorted({k for k, _ in pairs} - allowed)
    if unknown:
        raise ValueError(
            f"unknown filter {', '.join(unknown)}; use {', '.join(FILTER_PARAMS)} or edition"
        )
    params = dict(pairs)
    return TownFilter.from_query(params), params.get("edition")


def where_text(where: TownFilter) -> str:
    """The filter as ``--where`` text (the inverse of :func:`parse_where`)."""
    return urlencode(where.to_query(), safe=",")
