"""Pure functions on GeoDataFrames: distances, nearest centres, corridor chainage, aggregates."""
