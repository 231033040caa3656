// Capture page of a table secretary: two taps record that a company is
// interested in a card of another company. Records are kept in the
// browser (localStorage) until the server has acknowledged them, so a
// network drop or a reload loses nothing; they are resent every few
// seconds and when the connection comes back. The server keeps each
// record once, by its client id.
(function () {
  "use strict";
  var root = document.getElementById("capture");
  if (!root) return;
  var ds = root.dataset, key = ds.key;
  var state = read("state", null), queue = read("queue", []), round = read("round", 1);
  var flushing = false, online = true, current = null;

  function read(name, def) {
    try { var v = localStorage.getItem(key + ":" + name); return v === null ? def : JSON.parse(v); } catch (e) { return def; }
  }
  function write(name, v) {
    try { localStorage.setItem(key + ":" + name, JSON.stringify(v)); } catch (e) { /* storage full or off: keep in memory */ }
  }
  function newID() {
    if (window.crypto && crypto.getRandomValues) {
      var b = new Uint8Array(12); crypto.getRandomValues(b);
      return Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
    }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // recorded merges what the server has with what is still queued.
  function recorded() {
    var list = (state && state.interests ? state.interests : []).slice();
    queue.forEach(function (q) {
      if (q.remove) {
        list = list.filter(function (i) { return i.client_id !== q.client_id; });
      } else if (!list.some(function (i) { return i.client_id === q.client_id; })) {
        list.push(Object.assign({ pending: true }, q));
      }
    });
    return list;
  }
  function byID() {
    var companies = {}, cards = {};
    (state ? state.seating : []).forEach(function (r) {
      r.forEach(function (c) {
        companies[c.id] = c;
        c.cards.forEach(function (card) { cards[card.id] = { card: card, owner: c }; });
      });
    });
    return { companies: companies, cards: cards };
  }

  function render() {
    var sync = root.querySelector("[data-sync]");
    sync.textContent = queue.length ? ds.tPending + " : " + queue.length + (online ? "" : " · " + ds.tOffline) : ds.tSaved;
    sync.className = queue.length ? "pending" : "";
    if (!state) return;
    var nav = root.querySelector("[data-rounds]");
    nav.textContent = "";
    for (var r = 1; r <= state.rounds; r++) {
      var b = el("button", { type: "button", "data-round": r, "aria-pressed": r === round ? "true" : "false", class: r === round ? "" : "secondary" }, ds.tRound + " " + r);
      b.addEventListener("click", function (ev) { round = +ev.target.dataset.round; write("round", round); render(); });
      nav.appendChild(b);
    }
    var box = root.querySelector("[data-companies]");
    box.textContent = "";
    var seated = state.seating[round - 1] || [];
    if (!seated.length) box.appendChild(el("p", {}, ds.tEmpty));
    seated.forEach(function (c) {
      var sec = el("section", { class: "card", "data-owner": c.id });
      sec.appendChild(el("h2", {}, c.name));
      var ul = el("ul", { class: "capture-cards" });
      c.cards.forEach(function (card) {
        var li = el("li");
        var b = el("button", { type: "button", "data-card": card.id, class: card.direction === "input" ? "need" : "resource" },
          (card.direction === "input" ? ds.tNeed : ds.tResource) + " · " + card.label);
        b.addEventListener("click", function () { pick(card, c); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      sec.appendChild(ul);
      box.appendChild(sec);
    });
    var list = recorded(), ids = byID();
    root.querySelector("[data-count]").textContent = list.length;
    var out = root.querySelector("[data-recorded]");
    out.textContent = "";
    list.slice().reverse().forEach(function (i) {
      var who = ids.companies[i.company_id], what = ids.cards[i.flow_id];
      var li = el("li", { "data-interest": i.client_id, class: i.pending ? "pending" : "" },
        (who ? who.name : "?") + " → " + (what ? what.card.label + " (" + what.owner.name + ")" : "?") +
        " · " + ds.tRound + " " + i.round + (i.note ? " — " + i.note : "") + (i.pending ? " · " + ds.tPending : ""));
      var undo = el("button", { type: "button", class: "small secondary" }, ds.tUndo);
      undo.addEventListener("click", function () { enqueue({ client_id: i.client_id, remove: true }); });
      li.appendChild(document.createTextNode(" "));
      li.appendChild(undo);
      out.appendChild(li);
    });
  }

  // pick opens the second tap: who is interested in this card.
  function pick(card, owner) {
    current = card;
    var dlg = root.querySelector("[data-pick]");
    dlg.querySelector("[data-pick-card]").textContent = card.label + " — " + owner.name;
    dlg.querySelector("[data-pick-note]").value = "";
    var box = dlg.querySelector("[data-pick-companies]");
    box.textContent = "";
    (state.seating[round - 1] || []).forEach(function (c) {
      if (c.id === owner.id) return;
      var b = el("button", { type: "button", "data-company": c.id }, c.name);
      b.addEventListener("click", function () {
        enqueue({ client_id: newID(), round: round, company_id: c.id, flow_id: current.id, note: dlg.querySelector("[data-pick-note]").value.trim() });
        dlg.close();
        var last = root.querySelector("[data-last]");
        last.textContent = ds.tLast + " " + c.name + " → " + current.label;
        last.hidden = false;
      });
      box.appendChild(b);
    });
    if (dlg.showModal) dlg.showModal(); else dlg.setAttribute("open", "");
  }

  function enqueue(item) {
    queue.push(item);
    write("queue", queue);
    render();
    flush();
  }

  // flush sends the queue in order; it stops at the first network failure
  // and tries again later. A record the server refuses (4xx) is dropped.
  function flush() {
    if (flushing || !queue.length) return;
    flushing = true;
    var item = queue[0];
    fetch(ds.post, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(item), credentials: "same-origin" })
      .then(function (res) {
        if (res.status >= 500) throw new Error("server " + res.status);
        online = true;
        queue.shift();
        write("queue", queue);
        if (res.ok && state) {
          if (item.remove) {
            state.interests = state.interests.filter(function (i) { return i.client_id !== item.client_id; });
          } else if (!state.interests.some(function (i) { return i.client_id === item.client_id; })) {
            state.interests.push(item);
          }
          write("state", state);
        }
        flushing = false;
        render();
        flush();
      })
      .catch(function () { online = false; flushing = false; render(); });
  }

  function load() {
    if (queue.length) { flush(); return; } // the server's view would hide what is still queued
    fetch(ds.state, { cache: "no-store", credentials: "same-origin" })
      .then(function (res) { if (!res.ok) throw new Error("state " + res.status); return res.json(); })
      .then(function (s) { online = true; state = s; write("state", s); if (round > s.rounds) round = 1; render(); })
      .catch(function () { online = false; render(); });
  }

  window.addEventListener("online", flush);
  setInterval(flush, 3000);
  setInterval(load, 20000);
  render();
  load();
})();
