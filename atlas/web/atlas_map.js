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
  var cur = null, isolated = null, isolatedTitle = null, labels = null, ruler = null, changeLayer, lastIds = null;
  var edMode = -1, edTimer = null, slider = null;
  var T_ = window.AtlasTools;

  var el = T_.el;

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
      crs: T_.makeCRS(args.crs), zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 1, maxZoom: 12,
      worldCopyJump: false, attributionControl: false, preferCanvas: true, renderer: renderer,
    });
    L.control.attribution({ prefix: "Leaflet" }).addTo(map);
    new T_.Scale({ imperial: false, maxWidth: 140, position: "bottomleft", locale: args.locale,
      text: args.text }).addTo(map);
    var Fit = L.Control.extend({
      onAdd: function () {
        var b = el("button", "atlas-fit", "⤢");
        b.type = "button";
        b.title = args.text.fit;
        L.DomEvent.on(b, "click", function (e) { L.DomEvent.stop(e); fitShown(); touched = true; writeView(); });
        return b;
      },
    });
    new Fit({ position: "topleft" }).addTo(map);
    startView(args);
    // the reader's own move (drag, wheel, pinch, keys, zoom buttons) ends the automatic views
    var mine = function () { touched = true; };
    ["wheel", "touchstart", "keydown"].forEach(function (ev) {
      map.getContainer().addEventListener(ev, mine, { passive: true });
    });
    map.on("dragstart atlastool", mine);
    map.zoomControl.getContainer().addEventListener("click", mine);
    window.atlasMap = map;  // for browser tests and the benchmark
    map.on("zoomend", restyle);
    map.on("moveend", writeView);
    map.on("zoomend moveend", function () { if (labels) labels.draw(); });
    regionLayer = L.layerGroup().addTo(map);
    lineLayer = L.layerGroup().addTo(map);
    centreLayer = L.layerGroup().addTo(map);
    townLayer = L.layerGroup().addTo(map);
    ringLayer = L.layerGroup().addTo(map);
    changeLayer = L.layerGroup().addTo(map);
    if (args.tools) { searchControl(args); ruler = new T_.Ruler(map, renderer, args.text, args.locale); }
  }

  function startView(args) {
    if (args.view) {
      map.setView([args.view[1], args.view[2]], args.view[0], { animate: false });
      touched = true;  // a view from the permalink is the reader's
    } else {
      T_.fitPoints(map, args.bounds);
    }
  }

  // the reader's view in the page URL (?view=zoom/lat/lon) without a rerun: the component is
  // served from the app's own origin, and Streamlit sends the URL's query with every rerun
  function writeView() {
    if (!latest || !latest.permalink || !touched) return;
    var c = map.getCenter(), lon = c.lng < 0 ? c.lng + 360 : c.lng;
    var view = (+map.getZoom().toFixed(2)) + "/" + c.lat.toFixed(4) + "/" + lon.toFixed(4);
    document.body.setAttribute("data-view", view);
    viewToUrl();
  }
  function viewToUrl() {
    var view = document.body.getAttribute("data-view");
    if (!view || !latest || !latest.permalink) return;
    try {
      var loc = window.parent.location, q = new URLSearchParams(loc.search);
      if (q.get("view") === view) return;
      q.set("view", view);
      window.parent.history.replaceState(window.parent.history.state, "", loc.pathname + "?" + q.toString() + loc.hash);
    } catch (e) { /* another origin: the view stays out of the URL */ }
  }
  // Streamlit rewrites the page URL from the server's query after a rerun that changes it (the
  // server does not see a view written here): put the view back when it went missing
  setInterval(viewToUrl, 700);

  function buildStatic(args) {
    AtlasTopo.decodeRegions(data.regions).forEach(function (reg) {
      var poly = L.polygon(reg.rings, { renderer: renderer, color: "#9a9a9a", weight: 0.6,
        fillColor: "#f2efe9", fillOpacity: 0.9, smoothFactor: 0.5 });
      poly.iso = reg.props.iso;
      poly.bindTooltip(function () { return regionName(poly.iso); }, { sticky: true });
      regionLayers.push(poly);
      regionLayer.addLayer(poly);
    });
    T_.graticule(renderer).addTo(regionLayer);
    labels = new T_.Labels(map, data.science.cities, function (k) {
      var C = data.science.cities;
      return lang() === "ru" ? C.name_ru[k] : (C.name_en[k] || C.name_ru[k]);
    });
    labels.draw();
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
    var cat = pos >= 0 && a.cat ? a.cat[pos] : (T.ed[i] ? +T.ed[i].slice(-1) || null : null);
    row(L_.category, cat ? vocab("category", String(cat)) : null);
    row(L_.specialization, T.spec[i] ? vocab("specialization", T.spec[i]) : null);
    row(L_.anchor, lang() === "ru" || !T.anchor_en ? T.anchor[i] : T.anchor_en[i]);
    row(L_.population, T.pop[i] === null ? null : new Intl.NumberFormat(lang() === "ru" ? "ru-RU" : "en-GB").format(T.pop[i]));
    var econ = T.econ ? T.econ[lang() === "ru" ? "ru" : "en"][i] : [];
    (econ || []).forEach(function (r) { row(r[0], r[1]); });
    var toserName = lang() === "ru" ? T.toser_name[i] : (T.toser_name_en[i] || T.toser_name[i]);
    row(L_.toser, T.toser[i] ? [toserName, vocab("toser_kind", T.toser_kind[i]),
      T.toser_year[i]].filter(function (x) { return x; }).join(" · ") : L_.no);
    var d = a.dist ? a.dist[pos] : T.dist[i];
    row(L_.dist_science, d === null || d === undefined ? null : Math.round(d) + "\u00a0" + L_.km);
    box.appendChild(dl);
    if (econ && econ.length) box.appendChild(el("div", "atlas-hint", L_.econ_source));
    box.appendChild(el("div", "atlas-hint", L_.card_hint));
    return box;
  }

  function onTownClick(e) {
    if (ruler && ruler.on) { ruler.add(e.target.getLatLng()); return; }
    var i = e.target.idx, pos = shown.indexOf(i);
    if (pos < 0) return;
    openTown(i, pos);
  }

  function openTown(i, pos) {
    var T = data.towns, ll = [T.lat[i], T.lon[i]];
    L.popup({ maxWidth: 340 }).setLatLng(ll).setContent(card(i, edMode >= 0 ? -1 : pos)).openOn(map);
    clicks += 1;
    send("streamlit:setComponentValue", { value: { town: T.id[i], n: clicks }, dataType: "json" });
  }

  // on-map search over every town ever listed (Russian and English names, ё = е, fuzzy)
  function searchControl(args) {
    var Ctl = L.Control.extend({
      onAdd: function () {
        var box = el("div", "atlas-search"), input = el("input"), list = el("ul", "atlas-hits");
        input.type = "search"; input.placeholder = args.text.search; input.setAttribute("aria-label", args.text.search);
        input.autocomplete = "off"; list.setAttribute("role", "listbox");
        L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
        var hits = [];
        var choose = function (i) {
          list.textContent = ""; input.value = townName(i);
          touched = true;
          map.setView([data.towns.lat[i], data.towns.lon[i]], Math.max(map.getZoom(), 7), { animate: false });
          openTown(i, shown.indexOf(i));
          writeView();
        };
        input.addEventListener("input", function () {
          list.textContent = "";
          if (!data) return;
          hits = T_.search(data.towns, input.value, 8);
          if (!hits.length && input.value.trim()) list.appendChild(el("li", "atlas-none", args.text.search_none));
          hits.forEach(function (i) {
            var li = el("li", null, townName(i));
            li.appendChild(el("small", null, " " + regionName(data.towns.region[i])));
            li.setAttribute("role", "option");
            li.addEventListener("click", function () { choose(i); });
            list.appendChild(li);
          });
        });
        input.addEventListener("keydown", function (e) {
          if (e.key === "Enter" && hits.length) { e.preventDefault(); choose(hits[0]); }
          if (e.key === "Escape") { list.textContent = ""; }
        });
        box.appendChild(input); box.appendChild(list);
        return box;
      },
    });
    new Ctl({ position: "topright" }).addTo(map);
  }

  function restyle() {
    if (!cur) return;
    var r = radius(map.getZoom()), a = cur, hl = {};
    (a.hl || []).forEach(function (i) { hl[i] = true; });
    shown.forEach(function (i, pos) {
      var sel = i === a.sel || hl[i] === true;
      townMarkers[i].setStyle({ radius: sel ? r + 3 : r, weight: sel ? 3 : 0.8,
        color: sel ? "#000000" : "#333333", fillColor: a.palette[a.cls[pos]] || "#ffffff" });
      if (ringMarkers[i]) ringMarkers[i].setRadius(r + 3.5);
    });
  }

  function fitShown() {
    if (!shown.length) { T_.fitPoints(map, latest.bounds); return; }
    T_.fitPoints(map, shown.map(function (i) { return [data.towns.lat[i], data.towns.lon[i]]; }),
      { maxZoom: 7, padding: 40 });
  }

  function legendBlock(title, items, kind, classes) {
    var block = el("div", "atlas-legend-block");
    block.appendChild(el("div", "atlas-legend-title", title));
    items.forEach(function (it, k) {
      var line = el(classes ? "button" : "span", "atlas-legend-item");
      if (classes) {
        var c = classes[k];
        line.type = "button"; line.title = latest.text.isolate_hint;
        line.setAttribute("aria-pressed", String(isolated === c));
        if (isolated !== null && isolated !== c) line.classList.add("atlas-dim");
        line.addEventListener("click", function () {
          isolated = isolated === c ? null : c;
          apply(cur);
        });
      }
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
    cur = a;
    var T = data.towns;
    // regions: plain or choropleth fill
    regionLayers.forEach(function (p) {
      var f = a.fill && a.fill[p.iso];
      p.setStyle({ fillColor: f || (a.fill ? "#ffffff" : "#f2efe9"), fillOpacity: a.fill ? 0.85 : 0.9,
        color: a.fill ? "#777777" : "#9a9a9a" });
    });
    // a class isolated from the legend stays isolated while that legend is shown
    var tl = a.legends[0];
    if (isolated !== null && (!tl || !tl.classes || tl.title !== isolatedTitle || tl.classes.indexOf(isolated) < 0)) isolated = null;
    isolatedTitle = tl ? tl.title : null;
    // towns: show the visible ones, hide the rest (markers are reused)
    var want = {};
    a.ids.forEach(function (i, pos) { if (isolated === null || a.cls[pos] === isolated) want[i] = true; });
    shown.forEach(function (i) {
      if (!want[i]) { townLayer.removeLayer(townMarkers[i]); if (ringMarkers[i]) ringLayer.removeLayer(ringMarkers[i]); }
    });
    shown = a.ids.slice();
    var r = radius(map.getZoom()), drawn = 0;
    shown.forEach(function (i) {
      if (!want[i]) return;
      drawn += 1;
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
    // the edition slider's marks: a coloured ring per added / removed / recategorised town
    changeLayer.clearLayers();
    Object.keys(a.changes || {}).forEach(function (i) {
      L.circleMarker([T.lat[i], T.lon[i]], { renderer: renderer, radius: r + 4, fill: false, weight: 2.2,
        color: a.editions.changes[a.changes[i]], interactive: false }).addTo(changeLayer);
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
      L.polyline(T_.greatCircle([T.lat[pair[0]], T.lon[pair[0]]], [S.lat[pair[1]], S.lon[pair[1]]], 12),
        { renderer: renderer, color: "#555555", weight: 0.8, opacity: 0.6, interactive: false }).addTo(lineLayer);
    });
    if (a.sel >= 0 && a.sel !== lastSel && shown.indexOf(a.sel) >= 0 && a.pan_to_selected) {
      map.panTo([T.lat[a.sel], T.lon[a.sel]]);
    }
    lastSel = a.sel;
    // legend under the map: never over the data, never clipped; town classes are buttons
    var legend = document.getElementById("legend");
    legend.textContent = "";
    a.legends.forEach(function (lg) { legend.appendChild(legendBlock(lg.title, lg.items, lg.kind, lg.classes)); });
    map.attributionControl.setPrefix("Leaflet");
    if (map._atlasAttr !== a.attribution) {
      if (map._atlasAttr) map.attributionControl.removeAttribution(map._atlasAttr);
      map.attributionControl.addAttribution(a.attribution);
      map._atlasAttr = a.attribution;
    }
    document.body.setAttribute("data-shown", String(shown.length));
    document.body.setAttribute("data-drawn", String(drawn));
    document.body.setAttribute("data-state", a.state || "");
    frameHeight();
  }

  // --- the edition slider: the list on each edition, marks for what changed since the last --
  function editionArgs(k) {
    var T = data.towns, E = latest.editions, ids = [], cls = [], cat = [], changes = {}, seen = {};
    for (var i = 0; i < T.id.length; i++) {
      var code = T.ed[i];
      if (!code) continue;
      var now = +code[k], before = k > 0 ? +code[k - 1] : now;
      if (now) {
        ids.push(i); cls.push(now - 1); cat.push(now);
        if (!before) changes[i] = "added"; else if (before !== now) changes[i] = "recategorised";
      } else if (before) {
        ids.push(i); cls.push(3); cat.push(null); changes[i] = "removed";
      }
      if (changes[i]) seen[changes[i]] = true;
    }
    var items = E.categories.map(function (c, n) { return [E.palette[n], c]; });
    var marks = ["added", "removed", "recategorised"].filter(function (c) { return seen[c]; })
      .map(function (c) { return [E.changes[c], E.change_labels[c], "ring"]; });
    var legends = [{ title: latest.text.legend_category, items: items, classes: [0, 1, 2] }];
    if (marks.length) legends.push({ title: latest.text.legend_edition, items: marks, kind: "ring" });
    return Object.assign({}, latest, { ids: ids, cls: cls, cat: cat, palette: E.palette.concat(["#bbbbbb"]),
      rings: false, fill: null, centres: [], lines: [], sel: -1, hl: [], dist: null, changes: changes,
      legends: legends, pan_to_selected: false });
  }

  function showEdition(k) {
    edMode = k;
    slider.range.value = String(k);
    slider.label.textContent = latest.editions.labels[k];
    slider.off.hidden = false;
    slider.note.hidden = false;
    document.body.setAttribute("data-edition", String(k));
    apply(editionArgs(k));
  }

  function stopPlay() {
    if (edTimer) clearInterval(edTimer);
    edTimer = null;
    if (slider) { slider.play.textContent = "▶"; slider.play.title = latest.text.play; }
  }

  function leaveEditions() {
    stopPlay();
    edMode = -1;
    slider.off.hidden = true; slider.note.hidden = true;
    slider.label.textContent = "";
    document.body.setAttribute("data-edition", "");
    apply(latest);
  }

  function sliderControl(args) {
    var n = args.editions.labels.length, text = args.text;
    var Ctl = L.Control.extend({
      onAdd: function () {
        var box = el("div", "atlas-slider"), row = el("div", "atlas-slider-row");
        var play = el("button", "atlas-tool", "▶"), range = el("input"), off = el("button", "atlas-tool", "×");
        var label = el("span", "atlas-slider-label"), note = el("div", "atlas-slider-note", text.slider_note);
        play.type = off.type = "button"; play.title = text.play; off.title = text.slider_off;
        play.setAttribute("aria-label", text.play); off.setAttribute("aria-label", text.slider_off);
        range.type = "range"; range.min = "0"; range.max = String(n - 1); range.step = "1"; range.value = String(n - 1);
        range.setAttribute("aria-label", text.slider);
        off.hidden = true; note.hidden = true;
        L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
        range.addEventListener("input", function () { stopPlay(); showEdition(+range.value); });
        play.addEventListener("click", function () {
          if (edTimer) { stopPlay(); return; }
          play.textContent = "⏸"; play.title = text.pause;
          showEdition(edMode < 0 || edMode >= n - 1 ? 0 : edMode + 1);
          edTimer = setInterval(function () {
            if (edMode >= n - 1) { stopPlay(); return; }
            showEdition(edMode + 1);
          }, 1500);
        });
        off.addEventListener("click", leaveEditions);
        row.appendChild(play); row.appendChild(range); row.appendChild(off);
        box.appendChild(row); box.appendChild(label); box.appendChild(note);
        slider = { play: play, range: range, off: off, label: label, note: note };
        return box;
      },
    });
    new Ctl({ position: "bottomright" }).addTo(map);
  }

  function frameHeight() {
    send("streamlit:setFrameHeight", { height: document.body.scrollHeight });
  }

  function idsKey(a) { return a.ids.join(","); }

  function onArgs(args, first) {
    if (args.editions && data.towns.ed && data.towns.ed[0] && !slider) sliderControl(args);
    if (edMode >= 0) return;  // the slider owns the map until the reader leaves it
    var t0 = performance.now();
    apply(args);
    document.body.setAttribute("data-apply-ms", (performance.now() - t0).toFixed(1));  // benchmark
    var key = idsKey(args);
    if (args.fit_filtered && !touched && (first ? !args.view : key !== lastIds)) fitShown();
    lastIds = key;
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
        if (!touched) startView(latest);
        buildStatic(latest);
        onArgs(latest, true);
      }).catch(function (err) {
        document.getElementById("legend").textContent = String(err);
        frameHeight();
      });
    } else if (data) {
      onArgs(args, false);
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
    if (touched || !latest) return;
    if (latest.fit_filtered && data && shown.length) fitShown(); else T_.fitPoints(map, latest.bounds);
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
