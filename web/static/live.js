// Facilitators' screen during a bourse: refreshes the counts and the list
// of potential synergies every two seconds. The page is complete without
// it; a failed refresh keeps what is shown and tries again.
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root) return;
  var ds = root.dataset;
  function cell(tr, text) { var td = document.createElement("td"); td.textContent = text; tr.appendChild(td); }
  function show(s) {
    ["registered", "resources", "needs", "interests", "potential", "pairs"].forEach(function (k) {
      var e = root.querySelector('[data-live="' + k + '"]');
      if (e) e.textContent = s[k];
    });
    var fam = root.querySelector("[data-families]");
    fam.textContent = "";
    s.by_family.forEach(function (f) {
      var tr = document.createElement("tr");
      cell(tr, f.label); cell(tr, f.resources); cell(tr, f.needs); cell(tr, f.interests);
      fam.appendChild(tr);
    });
    var tables = root.querySelector("[data-tables]");
    tables.textContent = "";
    s.by_table.forEach(function (t) {
      var li = document.createElement("li");
      if (!t.interests) li.className = "silent";
      li.appendChild(document.createTextNode((t.table ? ds.tTable + " " + t.table : ds.tNoTable) + " : "));
      var n = document.createElement("strong");
      n.textContent = t.interests;
      li.appendChild(n);
      tables.appendChild(li);
    });
    var list = root.querySelector("[data-latest]");
    list.textContent = "";
    s.latest.forEach(function (i) {
      var li = document.createElement("li");
      var b = document.createElement("strong");
      b.textContent = i.from;
      li.appendChild(b);
      li.appendChild(document.createTextNode(" → « " + i.card + " » (" + (i.need ? ds.tNeed : ds.tResource) + ", " + i.owner + ") · " +
        ds.tRound + " " + i.round + (i.table ? " · " + ds.tTable + " " + i.table : "") + (i.note ? " — " + i.note : "")));
      list.appendChild(li);
    });
    root.querySelector("[data-updated]").textContent = new Date().toLocaleTimeString(document.documentElement.lang);
  }
  function poll() {
    fetch(ds.src, { cache: "no-store", credentials: "same-origin" })
      .then(function (res) { if (!res.ok) throw new Error(res.status); return res.json(); })
      .then(show)
      .catch(function () { /* keep the last figures; next poll retries */ });
  }
  setInterval(poll, 2000);
})();
