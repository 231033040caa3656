// Flow form: as the label is typed, ask the classifier for the resource
// and offer its answers as buttons that fill the resource field.
(function () {
  "use strict";
  var form = document.getElementById("flow-form");
  if (!form) { return; }
  var label = document.getElementById("label");
  var family = document.getElementById("family");
  var resource = document.getElementById("resource");
  var box = document.getElementById("suggestions");
  var timer = null;
  var asked = "";

  function show(list) {
    box.textContent = "";
    list.forEach(function (m) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "suggestion";
      b.textContent = m.label + " (" + Math.round(m.confidence * 100) + " %)";
      b.setAttribute("data-resource", m.resource);
      b.addEventListener("click", function () {
        resource.value = m.resource;
        resource.focus();
      });
      box.appendChild(b);
    });
  }

  function suggest() {
    var q = label.value.trim();
    if (q.length < 3 || q === asked) { return; }
    asked = q;
    var url = "/api/v1/classify?top=3&label=" + encodeURIComponent(q) + "&family=" + encodeURIComponent(family.value);
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(show)
      .catch(function () { /* offline: the server classifies on save */ });
  }

  label.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 250);
  });
  family.addEventListener("change", function () { asked = ""; suggest(); });
})();
