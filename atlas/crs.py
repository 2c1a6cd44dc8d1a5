"""The coordinate reference systems the atlas uses, named once.

* ``WGS84`` — storage and web maps (EPSG:4326, lon/lat degrees).
* ``RUSSIA_AEA`` — Albers equal-area conic fitted to Russia, for static maps and areas.
* ``RUSSIA_EQDC`` — equidistant conic, for drawing corridor bands of a given width (display
  only; membership, offsets and chainage are geodesic on the WGS84 ellipsoid).
"""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import CRS, Geod

WGS84 = "EPSG:4326"
# Created at import on purpose: PROJ caches database objects, and an EPSG:4326 first created
# *after* a CRS read from GeoParquet was identified (``to_epsg``) comes back without its datum
# ensemble, which changes the bytes the build writes. Building it first keeps output stable.
WGS84_CRS = CRS.from_epsg(4326)
RUSSIA_AEA = "+proj=aea +lat_1=52 +lat_2=64 +lat_0=56 +lon_0=100 +datum=WGS84 +units=m +no_defs"
RUSSIA_EQDC = "+proj=eqdc +lat_1=52 +lat_2=64 +lat_0=56 +lon_0=100 +datum=WGS84 +units=m +no_defs"
GEOD = Geod(ellps="WGS84")


def shift_antimeridian(geom):
    """Move western-hemisphere longitudes east by 360° so Chukotka draws in one piece.

    Works on any shapely geometry (or array of them). Coordinates with ``lon < 0`` become
    ``lon + 360``; everything else is untouched. Russia has no land west of 0° except
    the parts of Chukotka beyond 180°, so this is the only display shift the atlas needs.
    """

    def _shift(coords: np.ndarray) -> np.ndarray:
        out = coords.copy()
        west = out[:, 0] < 0
        out[west, 0] += 360.0
        return out

    return shapely.transform(geom, _shift)


def wrap_longitude(lon):
    """Bring longitudes back into [-180, 180)."""
    lon = np.asarray(lon, dtype=float)
    return (lon + 180.0) % 360.0 - 180.0
