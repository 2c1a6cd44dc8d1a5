/* Albers equal-area conic on an ellipsoid (Snyder, "Map Projections — A Working Manual", 1987,
   pp. 101-102), written for the atlas's offline HTML maps: proj4.js does the same for the live
   map but weighs 128 kB, more than the rest of an export's budget allows. Returns an object
   with forward([lon, lat]) -> [x, y] metres and inverse([x, y]) -> [lon, lat], which is what
   Proj4Leaflet takes in place of a proj4 projection. Checked against pyproj in the tests. */
(function (root) {
  "use strict";
  root.AtlasAEA = function (p) {
    var rad = Math.PI / 180, a = p.a, f = p.f, es = 2 * f - f * f, e = Math.sqrt(es);
    var q = function (s) { return (1 - es) * (s / (1 - es * s * s) - Math.log((1 - e * s) / (1 + e * s)) / (2 * e)); };
    var m = function (phi) { var s = Math.sin(phi); return Math.cos(phi) / Math.sqrt(1 - es * s * s); };
    var p1 = p.lat1 * rad, p2 = p.lat2 * rad, p0 = p.lat0 * rad, lon0 = p.lon0 * rad;
    var m1 = m(p1), m2 = m(p2), q1 = q(Math.sin(p1)), q2 = q(Math.sin(p2)), q0 = q(Math.sin(p0));
    var n = (m1 * m1 - m2 * m2) / (q2 - q1), C = m1 * m1 + n * q1, rho0 = a * Math.sqrt(C - n * q0) / n;
    var wrap = function (x) { return x - 2 * Math.PI * Math.round(x / (2 * Math.PI)); };
    return {
      srsCode: p.code,
      forward: function (ll) {
        var rho = a * Math.sqrt(C - n * q(Math.sin(ll[1] * rad))) / n, theta = n * wrap(ll[0] * rad - lon0);
        return [rho * Math.sin(theta), rho0 - rho * Math.cos(theta)];
      },
      inverse: function (xy) {
        var x = xy[0], y = rho0 - xy[1], rho = Math.sqrt(x * x + y * y), theta = Math.atan2(x, y);
        var qq = (C - rho * rho * n * n / (a * a)) / n, phi = Math.asin(Math.max(-1, Math.min(1, qq / 2)));
        for (var i = 0; i < 15; i++) {
          var s = Math.sin(phi), d = (1 - es * s * s) * (1 - es * s * s) / (2 * Math.cos(phi)) *
            (qq / (1 - es) - s / (1 - es * s * s) + Math.log((1 - e * s) / (1 + e * s)) / (2 * e));
          phi += d;
          if (Math.abs(d) < 1e-12) break;
        }
        return [(lon0 + theta / n) / rad, phi / rad];
      },
    };
  };
  // Proj4Leaflet refuses to load without a global proj4, which it only calls for projections
  // given as strings; the atlas hands it this object, so a stand-in that says so is enough
  if (!root.proj4) {
    root.proj4 = function () { throw new Error("proj4.js is not loaded: pass an AtlasAEA projection"); };
  }
})(typeof window !== "undefined" ? window : this);
