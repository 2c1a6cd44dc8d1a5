/* The atlas's live map: a Streamlit component (protocol v1, no build step).

   Static layers (region borders, every town's and centre's properties) are fetched once from
   this component's own folder (data/*.json, cached by the browser); a filter change only sends
   the visible ids, their colour classes and the legend. Markers are created once and shown or
   hidden, so zoom and centre stay where the user left them. Cards are built with DOM text
   nodes, never from HTML strings, so no name can inject markup. */
(function () {
  "use strict";
  var send = function (type, extra) {
    var msg = { isStreamlitMessage: true, type: type };
    for (var k in extra) msg[k] = extra[k];
    window.parent.postMessage(msg, "*");
  };
  var map = null, data = null, loading = null, latest = null, clicks = 0;
  var townMarkers = [], ringMarkers = [], centreMarkers = [], regionLayers = [];
  var townLayer, ringLayer, centreLayer, lineLayer, regionLayer, renderer;
  var shown = [], lastSel = -1, touched = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function load(v) {
    var get = function (name) {
      return fetch("data/" + name + ".json?v=" + encodeURIComponent(v)).then(function (r) {
        if (!r.ok) throw new Error(name + ": HTTP " + r.status);
        return r.json();
      });
    };
    return Promise.all([get("regions"), get("towns"), get("science")]).then(function (res) {
      return { regions: res[0], towns: res[1], science: res[2] };
    });
  }

  function radius(zoom) { return zoom < 3.5 ? 3 : zoom < 4.5 ? 4 : zoom < 6 ? 5.5 : 7; }

  function initMap(args) {
    renderer = L.canvas({ padding: 0.3 });
    map = L.map("map", {
      zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 2, maxZoom: 12, worldCopyJump: false,
      attributionControl: false, preferCanvas: true, renderer: renderer,
    });
    L.control.attribution({ prefix: "Leaflet" }).addTo(map);
    L.control.scale({ imperial: false, maxWidth: 140, position: "bottomleft" }).addTo(map);
    var Fit = L.Control.extend({
      onAdd: function () {
        var b = el("button", "atlas-fit", "⤢");
        b.type = "button";
        b.title = args.text.fit;
        L.DomEvent.on(b, "click", function (e) { L.DomEvent.stop(e); fitShown(); });
        return b;
      },
    });
    new Fit({ position: "topleft" }).addTo(map);
    map.fitBounds(args.bounds);
    ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (ev) {
      map.getContainer().addEventListener(ev, function () { touched = true; }, { passive: true });
    });
    window.atlasMap = map;  // for browser tests and the benchmark
    map.on("zoomend", restyle);
    regionLayer = L.layerGroup().addTo(map);
    lineLayer = L.layerGroup().addTo(map);
    centreLayer = L.layerGroup().addTo(map);
    townLayer = L.layerGroup().addTo(map);
    ringLayer = L.layerGroup().addTo(map);
  }

  function buildStatic(args) {
    AtlasTopo.decodeRegions(data.regions).forEach(function (reg) {
      var poly = L.polygon(reg.rings, { renderer: renderer, color: "#9a9a9a", weight: 0.6,
        fillColor: "#f2efe9", fillOpacity: 0.9, smoothFactor: 0.5 });
      poly.iso = reg.props.iso;
      poly.bindTooltip(function () { return regionName(poly.iso); }, { sticky: true });
      regionLayers.push(poly);
      regionLayer.addLayer(poly);
    });
    var T = data.towns;
    for (var i = 0; i < T.id.length; i++) {
      var m = L.circleMarker([T.lat[i], T.lon[i]], { renderer: renderer, radius: 4, weight: 0.8,
        color: "#333333", fillOpacity: 0.95, fillColor: "#ffffff" });
      m.idx = i;
      m.bindTooltip(tooltipFor(i), { direction: "top", offset: [0, -4] });
      m.on("click", onTownClick);
      townMarkers.push(m);
      ringMarkers.push(null);
    }
    var S = data.science;
    for (var j = 0; j < S.id.length; j++) {
      var c = L.marker([S.lat[j], S.lon[j]], { icon: L.divIcon({ className: "atlas-centre",
        iconSize: [9, 9], html: "" }), keyboard: false });
      c.idx = j;
      c.bindTooltip(centreTip(j), { direction: "top" });
      centreMarkers.push(c);
    }
  }

  function lang() { return latest ? latest.lang : "ru"; }
  function regionName(iso) {
    var r = data.towns.regions[iso];
    return r ? r[lang() === "ru" ? 0 : 1] : iso;
  }
  function townName(i) {
    var T = data.towns;
    return lang() === "ru" ? T.name_ru[i] : (T.name_en[i] || T.name_ru[i]);
  }
  function tooltipFor(i) {
    return function () {
      var box = el("div");
      box.appendChild(el("b", null, townName(i)));
      box.appendChild(el("div", null, regionName(data.towns.region[i])));
      return box;
    };
  }
  function centreTip(j) {
    return function () {
      var S = data.science, ru = lang() === "ru", box = el("div");
      box.appendChild(el("b", null, ru ? S.name_ru[j] : (S.name_en[j] || S.name_ru[j])));
      var kind = data.science.kinds[S.kind[j]];
      box.appendChild(el("div", null, kind ? kind[ru ? 0 : 1] : S.kind[j]));
      box.appendChild(el("div", null, ru ? S.city_ru[j] : (S.city_en[j] || S.city_ru[j])));
      return box;
    };
  }

  function vocab(name, key) {
    var v = data.towns.vocab[name][key];
    return v ? v[lang() === "ru" ? 0 : 1] : null;
  }

  function card(i, pos) {
    var T = data.towns, a = latest, L_ = a.text, box = el("div", "atlas-card");
    box.appendChild(el("h4", null, townName(i)));
    var dl = el("dl");
    var row = function (label, value) {
      if (value === null || value === undefined || value === "") value = "—";
      dl.appendChild(el("dt", null, label));
      dl.appendChild(el("dd", null, value));
    };
    row(L_.region, regionName(T.region[i]));
    row(L_.category, a.cat && a.cat[pos] !== null ? vocab("category", String(a.cat[pos])) : null);
    row(L_.specialization, T.spec[i] ? vocab("specialization", T.spec[i]) : null);
    row(L_.anchor, T.anchor[i]);
    row(L_.population, T.pop[i] === null ? null : new Intl.NumberFormat(lang() === "ru" ? "ru-RU" : "en-GB").format(T.pop[i]));
    var econ = T.econ ? T.econ[lang() === "ru" ? "ru" : "en"][i] : [];
    (econ || []).forEach(function (r) { row(r[0], r[1]); });
    row(L_.toser, T.toser[i] ? [T.toser_name[i], vocab("toser_kind", T.toser_kind[i]),
      T.toser_year[i]].filter(function (x) { return x; }).join(" · ") : L_.no);
    var d = a.dist ? a.dist[pos] : T.dist[i];
    row(L_.dist_science, d === null || d === undefined ? null : Math.round(d) + "\u00a0" + L_.km);
    box.appendChild(dl);
    if (econ && econ.length) box.appendChild(el("div", "atlas-hint", L_.econ_source));
    box.appendChild(el("div", "atlas-hint", L_.card_hint));
    return box;
  }

  function onTownClick(e) {
    var i = e.target.idx, pos = shown.indexOf(i);
    if (pos < 0) return;
    L.popup({ maxWidth: 340 }).setLatLng(e.target.getLatLng()).setContent(card(i, pos)).openOn(map);
    clicks += 1;
    send("streamlit:setComponentValue", { value: { town: data.towns.id[i], n: clicks }, dataType: "json" });
  }

  function restyle() {
    var r = radius(map.getZoom()), a = latest, hl = {};
    (a.hl || []).forEach(function (i) { hl[i] = true; });
    shown.forEach(function (i, pos) {
      var sel = i === a.sel || hl[i] === true;
      townMarkers[i].setStyle({ radius: sel ? r + 3 : r, weight: sel ? 3 : 0.8,
        color: sel ? "#000000" : "#333333", fillColor: a.palette[a.cls[pos]] || "#ffffff" });
      if (ringMarkers[i]) ringMarkers[i].setRadius(r + 3.5);
    });
  }

  function fitShown() {
    if (!shown.length) { map.fitBounds(latest.bounds); return; }
    var b = L.latLngBounds(shown.map(function (i) { return [data.towns.lat[i], data.towns.lon[i]]; }));
    map.fitBounds(b.pad(0.15), { maxZoom: 7 });
  }

  function legendBlock(title, items, kind) {
    var block = el("div", "atlas-legend-block");
    block.appendChild(el("div", "atlas-legend-title", title));
    items.forEach(function (it) {
      var line = el("span", "atlas-legend-item");
      var k = it[2] || kind || "dot";
      var sw = el("i", "atlas-swatch atlas-" + k);
      if (k === "ring" || k === "ring-dash") sw.style.borderColor = it[0];
      else sw.style.background = it[0];
      line.appendChild(sw);
      line.appendChild(document.createTextNode(it[1]));
      block.appendChild(line);
    });
    return block;
  }

  function apply(a) {
    var T = data.towns;
    // regions: plain or choropleth fill
    regionLayers.forEach(function (p) {
      var f = a.fill && a.fill[p.iso];
      p.setStyle({ fillColor: f || (a.fill ? "#ffffff" : "#f2efe9"), fillOpacity: a.fill ? 0.85 : 0.9,
        color: a.fill ? "#777777" : "#9a9a9a" });
    });
    // towns: show the visible ones, hide the rest (markers are reused)
    var want = {};
    a.ids.forEach(function (i) { want[i] = true; });
    shown.forEach(function (i) {
      if (!want[i]) { townLayer.removeLayer(townMarkers[i]); if (ringMarkers[i]) ringLayer.removeLayer(ringMarkers[i]); }
    });
    shown = a.ids.slice();
    var r = radius(map.getZoom());
    shown.forEach(function (i) {
      if (!townLayer.hasLayer(townMarkers[i])) townLayer.addLayer(townMarkers[i]);
      if (a.rings && T.toser[i]) {
        if (!ringMarkers[i]) {
          ringMarkers[i] = L.circleMarker([T.lat[i], T.lon[i]], { renderer: renderer, radius: r + 3.5,
            fill: false, color: "#000000", weight: 1.4, interactive: false,
            dashArray: T.toser_kind[i] === "monotown" ? null : "3 3" });
        }
        if (!ringLayer.hasLayer(ringMarkers[i])) ringLayer.addLayer(ringMarkers[i]);
      } else if (ringMarkers[i]) {
        ringLayer.removeLayer(ringMarkers[i]);
      }
    });
    restyle();
    // science centres and lines to each town's nearest
    centreLayer.clearLayers();
    (a.centres || []).forEach(function (j) {
      var c = centreMarkers[j];
      var colour = a.centre_palette[data.science.kind[j]] || "#999999";
      c.setIcon(L.divIcon({ className: "atlas-centre", iconSize: [9, 9],
        html: '<span style="background:' + colour.replace(/[^#0-9a-fA-F]/g, "") + '"></span>' }));
      centreLayer.addLayer(c);
    });
    lineLayer.clearLayers();
    (a.lines || []).forEach(function (pair) {
      var S = data.science;
      L.polyline([[T.lat[pair[0]], T.lon[pair[0]]], [S.lat[pair[1]], S.lon[pair[1]]]],
        { renderer: renderer, color: "#555555", weight: 0.8, opacity: 0.6, interactive: false }).addTo(lineLayer);
    });
    if (a.sel >= 0 && a.sel !== lastSel && shown.indexOf(a.sel) >= 0 && a.pan_to_selected) {
      map.panTo([T.lat[a.sel], T.lon[a.sel]]);
    }
    lastSel = a.sel;
    // legend under the map: never over the data, never clipped
    var legend = document.getElementById("legend");
    legend.textContent = "";
    a.legends.forEach(function (lg) { legend.appendChild(legendBlock(lg.title, lg.items, lg.kind)); });
    map.attributionControl.setPrefix("Leaflet");
    if (map._atlasAttr !== a.attribution) {
      if (map._atlasAttr) map.attributionControl.removeAttribution(map._atlasAttr);
      map.attributionControl.addAttribution(a.attribution);
      map._atlasAttr = a.attribution;
    }
    document.body.setAttribute("data-shown", String(shown.length));
    document.body.setAttribute("data-state", a.state || "");
    frameHeight();
  }

  function frameHeight() {
    send("streamlit:setFrameHeight", { height: document.body.scrollHeight });
  }

  function render(args) {
    latest = args;
    var m = document.getElementById("map");
    if (m.style.height !== args.height + "px") { m.style.height = args.height + "px"; if (map) map.invalidateSize(); }
    if (!map) initMap(args);
    if (!loading) {
      loading = load(args.v).then(function (d) {
        data = d;
        map.invalidateSize();
        if (!touched) map.fitBounds(latest.bounds);
        buildStatic(latest);
        apply(latest);
      }).catch(function (err) {
        document.getElementById("legend").textContent = String(err);
        frameHeight();
      });
    } else if (data) {
      apply(args);
    }
    frameHeight();
  }

  window.addEventListener("message", function (ev) {
    if (ev.data && ev.data.type === "streamlit:render") render(ev.data.args);
  });
  // until the reader moves the map, a new frame size refits the start view (the frame is often
  // laid out after the map was created); afterwards their view is theirs
  window.addEventListener("resize", function () {
    if (!map) return;
    map.invalidateSize();
    if (!touched && latest) map.fitBounds(latest.bounds);
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
