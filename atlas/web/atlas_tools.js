/* Tools of the atlas's live map that do not depend on the Streamlit protocol: the conic CRS,
   fitting points in projected metres, the graticule, place labels, a scale bar in the reader's
   locale, town search, a geodesic ruler. atlas_map.js wires them to the map.
   Every text that reaches the page is set as DOM text, never as HTML. */
(function (root) {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // --- the CRS: Albers conic for Russia (atlas.crs.RUSSIA_AEA), from the Python side -------
  function makeCRS(spec) {
    var crs = new L.Proj.CRS(spec.code, spec.proj4, { origin: spec.origin, resolutions: spec.resolutions });
    cacheProjection(crs.projection);
    return crs;
  }

  // The conic's metres of a point do not depend on the zoom, but Leaflet projects every vertex of
  // every region again on each zoom change (75 000 proj4 calls when a filter refits the map). The
  // first result is kept on the LatLng object itself, with the coordinates it was computed from,
  // so a moved point is projected afresh.
  function cacheProjection(projection) {
    var project = projection.project.bind(projection);
    projection.project = function (ll) {
      var c = ll._atlasXY;
      if (c && c[0] === ll.lat && c[1] === ll.lng) return new L.Point(c[2], c[3]);
      var p = project(ll);
      if (typeof ll === "object" && ll !== null) ll._atlasXY = [ll.lat, ll.lng, p.x, p.y];
      return p;
    };
  }

  // Fit a set of [lat, lon] points in projected metres (Leaflet's fitBounds would fit only the
  // two corners of a lat/lon box, which on a conic cuts off the corners of Russia).
  function fitPoints(map, pts, opts) {
    opts = opts || {};
    if (!pts.length) return;
    var crs = map.options.crs, size = map.getSize(), pad = opts.padding === undefined ? 16 : opts.padding;
    var b = L.bounds(pts.map(function (p) { return crs.projection.project(L.latLng(p[0], p[1])); }));
    var w = Math.max(b.max.x - b.min.x, 1), h = Math.max(b.max.y - b.min.y, 1);
    var scale = Math.min(Math.max(size.x - 2 * pad, 50) / w, Math.max(size.y - 2 * pad, 50) / h);
    var z = crs.zoom(scale);
    var snap = map.options.zoomSnap || 1;
    z = Math.floor(z / snap) * snap;
    z = Math.max(map.getMinZoom(), Math.min(opts.maxZoom || map.getMaxZoom(), isFinite(z) ? z : map.getMinZoom()));
    map.setView(crs.projection.unproject(b.getCenter()), z, { animate: false });
  }

  // --- graticule: parallels every 10° from 40° to 80°N, meridians every 10° from 20° to 190°E
  function graticule(renderer) {
    var group = L.layerGroup(), style = { renderer: renderer, color: "#6f8ea3", weight: 0.5,
      opacity: 0.45, interactive: false, dashArray: null };
    for (var lat = 40; lat <= 80; lat += 10) {
      var line = [];
      for (var lon = 20; lon <= 190; lon += 2) line.push([lat, lon]);
      group.addLayer(L.polyline(line, style));
    }
    for (var m = 20; m <= 190; m += 10) {
      group.addLayer(L.polyline([[40, m], [60, m], [84, m]], style));
    }
    return group;
  }

  // --- place labels: biggest first, a label that would overlap one already placed is skipped
  function Labels(map, cities, nameOf) {
    this.map = map; this.cities = cities; this.nameOf = nameOf;
    this.layer = L.layerGroup().addTo(map);
    map.createPane("atlasLabels").style.zIndex = 450;
    map.getPane("atlasLabels").style.pointerEvents = "none";
  }
  Labels.prototype.minPop = function (zoom) {
    return zoom < 2.75 ? 1000000 : zoom < 3.5 ? 400000 : zoom < 4.5 ? 150000 : 0;
  };
  Labels.prototype.draw = function () {
    var C = this.cities, map = this.map, placed = [], size = map.getSize(), minPop = this.minPop(map.getZoom());
    this.layer.clearLayers();
    for (var i = 0; i < C.lat.length; i++) {
      if (C.pop[i] < minPop) continue;
      var name = this.nameOf(i), p = map.latLngToContainerPoint([C.lat[i], C.lon[i]]);
      if (p.x < -50 || p.y < -20 || p.x > size.x + 50 || p.y > size.y + 20) continue;
      var w = 6.2 * name.length + 6, box = [p.x + 3, p.y - 8, p.x + 3 + w, p.y + 6];
      var clash = placed.some(function (q) { return !(box[2] < q[0] || box[0] > q[2] || box[3] < q[1] || box[1] > q[3]); });
      if (clash) continue;
      placed.push(box);
      var icon = L.divIcon({ className: "atlas-place", iconSize: null, iconAnchor: [-4, 8], html: "" });
      var mk = L.marker([C.lat[i], C.lon[i]], { icon: icon, interactive: false, keyboard: false, pane: "atlasLabels" });
      mk.addTo(this.layer);
      mk.getElement().textContent = name;
    }
  };

  // --- a scale bar in the reader's locale ("1 000 км" / "1,000 km") --------------------------
  var Scale = L.Control.Scale.extend({
    _updateMetric: function (maxMeters) {
      var meters = this._getRoundNum(maxMeters), t = this.options.text, fmt = new Intl.NumberFormat(this.options.locale);
      var label = meters < 1000 ? fmt.format(meters) + "\u00a0" + t.m : fmt.format(meters / 1000) + "\u00a0" + t.km;
      this._updateScale(this._mScale, label, meters / maxMeters);
    },
  });

  // --- search: Russian and English names, ё = е, prefix first, then substring, then fuzzy ---
  function norm(s) {
    return String(s || "").toLowerCase().replace(/ё/g, "е").replace(/[‐-―−\-]/g, " ")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }
  // edit distance with a cut-off (small strings only: town names)
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        best = Math.min(best, cur[j]);
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  }
  // rank of a name for a query: 0 prefix of the name, 1 prefix of a word, 2 substring,
  // 3 fuzzy (one edit per four letters of the query, against the name's start), else -1
  function rank(name, q) {
    var n = norm(name);
    if (!n || !q) return -1;
    if (n.indexOf(q) === 0) return 0;
    if ((" " + n).indexOf(" " + q) >= 0) return 1;
    if (n.indexOf(q) > 0) return 2;
    if (q.length >= 3) {
      var max = Math.max(1, Math.floor(q.length / 4));
      var words = [n].concat(n.split(" "));
      for (var k = 0; k < words.length; k++) {
        for (var len = q.length - max; len <= q.length + max; len++) {
          if (len > 0 && len <= words[k].length && editDistance(q, words[k].slice(0, len), max) <= max) return 3;
        }
      }
    }
    return -1;
  }
  function search(towns, query, limit) {
    var q = norm(query), out = [];
    if (!q) return out;
    for (var i = 0; i < towns.id.length; i++) {
      var r1 = rank(towns.name_ru[i], q), r2 = rank(towns.name_en[i], q);
      var r = r1 < 0 ? r2 : r2 < 0 ? r1 : Math.min(r1, r2);
      if (r >= 0) out.push([r, towns.pop[i] === null ? 0 : -towns.pop[i], i]);
    }
    out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return out.slice(0, limit || 8).map(function (x) { return x[2]; });
  }

  // --- geodesic distance on the WGS84 ellipsoid (Vincenty's inverse formula), metres ---------
  function geodesic(lat1, lon1, lat2, lon2) {
    var a = 6378137, f = 1 / 298.257223563, b = a * (1 - f), rad = Math.PI / 180;
    var Lr = (lon2 - lon1) * rad, U1 = Math.atan((1 - f) * Math.tan(lat1 * rad)),
      U2 = Math.atan((1 - f) * Math.tan(lat2 * rad));
    var sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
    var lambda = Lr, iter = 0, sinS, cosS, sigma, cos2a, cos2sm, prev;
    do {
      var sinL = Math.sin(lambda), cosL = Math.cos(lambda);
      sinS = Math.sqrt(Math.pow(cosU2 * sinL, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosL, 2));
      if (sinS === 0) return 0;
      cosS = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
      sigma = Math.atan2(sinS, cosS);
      var sinA = cosU1 * cosU2 * sinL / sinS;
      cos2a = 1 - sinA * sinA;
      cos2sm = cos2a ? cosS - 2 * sinU1 * sinU2 / cos2a : 0;
      var C = f / 16 * cos2a * (4 + f * (4 - 3 * cos2a));
      prev = lambda;
      lambda = Lr + (1 - C) * f * sinA * (sigma + C * sinS * (cos2sm + C * cosS * (-1 + 2 * cos2sm * cos2sm)));
    } while (Math.abs(lambda - prev) > 1e-12 && ++iter < 200);
    var u2 = cos2a * (a * a - b * b) / (b * b);
    var A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
    var B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
    var dS = B * sinS * (cos2sm + B / 4 * (cosS * (-1 + 2 * cos2sm * cos2sm) -
      B / 6 * cos2sm * (-3 + 4 * sinS * sinS) * (-3 + 4 * cos2sm * cos2sm)));
    return b * A * (sigma - dS);
  }
  // points along the great circle (drawn curved on the conic as the shortest way is)
  function greatCircle(p, q, n) {
    var rad = Math.PI / 180, v = function (ll) {
      return [Math.cos(ll[0] * rad) * Math.cos(ll[1] * rad), Math.cos(ll[0] * rad) * Math.sin(ll[1] * rad), Math.sin(ll[0] * rad)];
    };
    var a = v(p), b = v(q), d = Math.acos(Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]))), out = [];
    if (d < 1e-9) return [p, q];
    for (var k = 0; k <= n; k++) {
      var t = k / n, s1 = Math.sin((1 - t) * d) / Math.sin(d), s2 = Math.sin(t * d) / Math.sin(d);
      var x = s1 * a[0] + s2 * b[0], y = s1 * a[1] + s2 * b[1], z = s1 * a[2] + s2 * b[2];
      var lon = Math.atan2(y, x) / rad;
      out.push([Math.atan2(z, Math.sqrt(x * x + y * y)) / rad, lon < 0 ? lon + 360 : lon]);
    }
    return out;
  }

  // The ruler: a button titled «Измерить»/"Measure"; while on, each map click adds a point and
  // the running geodesic length shows beside the button.
  function Ruler(map, renderer, text, locale) {
    this.map = map; this.text = text; this.fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    this.pts = []; this.on = false; this.km = 0;
    this.layer = L.layerGroup().addTo(map);
    this.renderer = renderer;
    var self = this;
    var Ctl = L.Control.extend({
      onAdd: function () {
        var box = el("div", "atlas-ruler leaflet-bar");
        var b = el("button", "atlas-tool");
        // a ruler drawn as SVG (an emoji needs a font the reader may not have)
        var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg"), path = document.createElementNS(ns, "path");
        svg.setAttribute("viewBox", "0 0 20 20"); svg.setAttribute("width", "18"); svg.setAttribute("height", "18");
        path.setAttribute("d", "M2 13 L13 2 L18 7 L7 18 Z M5 10 l2 2 M7.5 7.5 l1.5 1.5 M10 5 l2 2");
        path.setAttribute("fill", "none"); path.setAttribute("stroke", "#333"); path.setAttribute("stroke-width", "1.4");
        svg.appendChild(path); b.appendChild(svg);
        b.type = "button"; b.title = text.measure; b.setAttribute("aria-label", text.measure);
        b.setAttribute("aria-pressed", "false");
        var out = el("span", "atlas-ruler-out");
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.on(b, "click", function (e) { L.DomEvent.stop(e); self.toggle(); });
        box.appendChild(b); box.appendChild(out);
        self.button = b; self.out = out;
        return box;
      },
    });
    new Ctl({ position: "topleft" }).addTo(map);
    map.on("click", function (e) { if (self.on) self.add(e.latlng); });
  }
  Ruler.prototype.toggle = function () {
    this.on = !this.on;
    this.map.fire("atlastool");  // the reader is working on this view: keep it still
    this.button.setAttribute("aria-pressed", String(this.on));
    this.button.classList.toggle("atlas-on", this.on);
    this.map.getContainer().style.cursor = this.on ? "crosshair" : "";
    if (this.on) { this.pts = []; this.km = 0; this.layer.clearLayers(); this.out.textContent = this.text.measure_hint; }
    else if (!this.pts.length) this.out.textContent = "";
    document.body.setAttribute("data-measuring", String(this.on));
  };
  Ruler.prototype.add = function (ll) {
    var lon = ll.lng < 0 ? ll.lng + 360 : ll.lng, p = [ll.lat, lon], last = this.pts[this.pts.length - 1];
    L.circleMarker(p, { renderer: this.renderer, radius: 3, color: "#111", weight: 1, fillColor: "#fff", fillOpacity: 1,
      interactive: false }).addTo(this.layer);
    if (last) {
      this.km += geodesic(last[0], last[1], p[0], p[1]) / 1000;
      L.polyline(greatCircle(last, p, 32), { renderer: this.renderer, color: "#111", weight: 2, dashArray: "6 4",
        interactive: false }).addTo(this.layer);
    }
    this.pts.push(p);
    this.out.textContent = this.fmt.format(this.km) + "\u00a0" + this.text.km;
    document.body.setAttribute("data-measure-km", String(this.km));
    document.body.setAttribute("data-measure-pts", JSON.stringify(this.pts));
  };

  root.AtlasTools = { el: el, makeCRS: makeCRS, fitPoints: fitPoints, graticule: graticule, Labels: Labels,
    Scale: Scale, norm: norm, rank: rank, search: search, geodesic: geodesic, greatCircle: greatCircle, Ruler: Ruler };
})(typeof window !== "undefined" ? window : this);
