"""Users' own files: lines and points, read safely and as the user gave them.

* :mod:`~atlas.uploads.reading` — the two readers and what they return;
* :mod:`~atlas.uploads.guards` — what a file must not contain before it is parsed;
* :mod:`~atlas.uploads.sandbox` — vector files read in a bounded child process, no network;
* :mod:`~atlas.uploads.coords` — the coordinate rule (when latitude and longitude are exchanged);
* :mod:`~atlas.uploads.text` — text encodings and CSV separators;
* :mod:`~atlas.uploads.limits` — the limits, stated once.
"""

from atlas.uploads._errors import Message, Note, UploadError, fmt_int
from atlas.uploads.coords import LINE_ORDERS, decide_points, in_neighbour_country, in_russia_extent
from atlas.uploads.limits import (
    LAT_NAMES,
    LIMITS,
    LINE_SUFFIXES,
    LON_NAMES,
    MAX_UPLOAD_BYTES,
    POINT_SUFFIXES,
)
from atlas.uploads.reading import (
    LineUpload,
    PointsUpload,
    limits_text,
    read_line_upload,
    read_points_upload,
    rule_text,
)
from atlas.uploads.text import detect_encoding

__all__ = [
    "LAT_NAMES", "LIMITS", "LINE_ORDERS", "LINE_SUFFIXES", "LON_NAMES", "MAX_UPLOAD_BYTES",
    "POINT_SUFFIXES", "LineUpload", "Message", "Note", "PointsUpload", "UploadError",
    "decide_points", "detect_encoding", "fmt_int", "in_neighbour_country", "in_russia_extent",
    "limits_text", "read_line_upload", "read_points_upload", "rule_text",
]
