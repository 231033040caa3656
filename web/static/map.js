// Map of companies and their flows, filtered by family. Tiles come from
// the configured server; without one (offline) the markers are drawn on a
// plain background.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var map = L.map(el, { preferCanvas: true });
  var tiles = el.getAttribute("data-tiles");
  var note = document.getElementById("map-note");
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: "© contributors" }).addTo(map);
  } else {
    el.classList.add("no-tiles");
    note.textContent = el.getAttribute("data-notiles");
  }
  var colours = { material: "#1f6f4a", waste: "#8a5a00", energy: "#c0392b", water: "#1f5fa8", equipment: "#6b4fa0",
    service: "#2a7f8f", skill: "#7f8c2a", space: "#555", logistics: "#a05070" };
  var layer = L.layerGroup().addTo(map);
  var points = [];

  function shown() {
    var on = {};
    document.querySelectorAll("#map-filters input[name=family]").forEach(function (c) { on[c.value] = c.checked; });
    return on;
  }

  function draw() {
    var on = shown();
    layer.clearLayers();
    points.forEach(function (p) {
      var fams = p.families.filter(function (f) { return on[f]; });
      if (fams.length === 0) { return; }
      var m = L.circleMarker([p.lat, p.lon], { radius: p.anonymous ? 9 : 7, color: colours[fams[0]] || "#333",
        fillOpacity: p.anonymous ? 0.25 : 0.7, dashArray: p.anonymous ? "3" : null });
      var title = document.createElement("div");
      var name = document.createElement(p.url ? "a" : "strong");
      name.textContent = p.name || el.getAttribute("data-anonymous");
      if (p.url) { name.href = p.url; }
      title.appendChild(name);
      var list = document.createElement("div");
      list.textContent = p.labels.join(" · ");
      title.appendChild(list);
      m.bindPopup(title);
      m.addTo(layer);
    });
  }

  fetch(el.getAttribute("data-points"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      points = data.points || [];
      if (points.length > 0) {
        map.fitBounds(points.map(function (p) { return [p.lat, p.lon]; }), { padding: [20, 20] });
      } else {
        map.setView([46.6, 2.4], 6);
      }
      draw();
    });
  document.querySelectorAll("#map-filters input").forEach(function (c) { c.addEventListener("change", draw); });
})();
