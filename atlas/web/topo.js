/* Decoder for the atlas's shared-arc region borders ("atlas-arcs-1", see atlas/maps/topology.py).
   Each arc is a Google polyline string of lat/lon deltas on a grid of 1/scale degrees; a ring
   lists arc indices, -1 - i meaning arc i reversed. Returns, per region, a list of rings of
   [lat, lon] pairs ready for L.polygon. */
(function (root) {
  "use strict";
  function decodeArc(text, scale) {
    var out = [], lat = 0, lon = 0, i = 0, n = text.length;
    while (i < n) {
      var vals = [0, 0];
      for (var k = 0; k < 2; k++) {
        var shift = 0, acc = 0, b;
        do { b = text.charCodeAt(i++) - 63; acc |= (b & 0x1f) << shift; shift += 5; } while (b >= 0x20);
        vals[k] = (acc & 1) ? ~(acc >> 1) : (acc >> 1);
      }
      lat += vals[0]; lon += vals[1];
      out.push([lat / scale, lon / scale]);
    }
    return out;
  }
  function decodeRegions(topo) {
    var arcs = topo.arcs.map(function (a) { return decodeArc(a, topo.scale); });
    return topo.regions.map(function (reg) {
      var rings = reg.rings.map(function (ring) {
        var pts = [];
        ring.forEach(function (ref, j) {
          var arc = ref >= 0 ? arcs[ref] : arcs[-1 - ref].slice().reverse();
          pts = pts.concat(j === 0 ? arc : arc.slice(1));
        });
        return pts;
      });
      return { props: reg, rings: rings };
    });
  }
  root.AtlasTopo = { decodeArc: decodeArc, decodeRegions: decodeRegions };
})(typeof window !== "undefined" ? window : this);
