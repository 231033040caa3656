package browser

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// paintedPixels counts the pixels Leaflet drew on the map's canvas (the
// markers: without tiles nothing else is painted there).
const paintedPixels = `(() => {
	const c = document.querySelector("#map .leaflet-overlay-pane canvas");
	if (!c || !c.width || !c.height) { return -1; }
	const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
	let n = 0;
	for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } }
	return n;
})()`

// The map draws the demo's companies without a tile server, and its family
// filters redraw it without a JavaScript error.
func TestMap(t *testing.T) {
	a := startApp(t)
	b := newBrowser(t, a, "facilitator")
	b.signIn("facilitator")
	if status := b.open(a.demo() + "/map"); status != 200 {
		t.Fatalf("map page: %d", status)
	}
	if !eval[bool](b, `typeof window.L === "object" && typeof L.map === "function"`) {
		t.Fatal("Leaflet is not loaded")
	}
	b.waitText("#map-note", "Carte sans fond de plan")
	b.do("wait for the map", chromedp.WaitVisible(chromedp.CSS("#map.leaflet-container .leaflet-overlay-pane canvas")))
	if h := eval[int](b, `Math.round(document.getElementById("map").getBoundingClientRect().height)`); h < 200 {
		t.Errorf("the map is %d px high", h)
	}

	painted := func() int { return eval[int](b, paintedPixels) }
	waitPainted := func(what string, ok func(n int) bool) int {
		t.Helper()
		n := -1
		if !b.poll(10*time.Second, func() bool { n = painted(); return ok(n) }) {
			t.Fatalf("%s: %d painted pixels", what, n)
		}
		return n
	}
	waitPainted("markers drawn", func(n int) bool { return n > 0 })
	want := eval[map[string]int](b, `fetch(document.getElementById("map").dataset.points).then(r => r.json()).then(d => ({
		all: d.points.length,
		withoutWaste: d.points.filter(p => p.families.some(f => f !== "waste")).length,
		withWaste: d.points.filter(p => p.families.includes("waste")).length}))`, chromedp.EvalAwaitPromise)
	if want["all"] < 60 || want["withWaste"] == 0 || want["withoutWaste"] == 0 {
		t.Fatalf("map.json points: %v, want one per located demo company, with and without waste", want)
	}

	// Count the markers each redraw adds, through Leaflet's own classes.
	eval[bool](b, countMarkers)
	draws := 0
	redrawn := func(what string, markers int) {
		t.Helper()
		draws++
		var got map[string]int
		if !b.poll(10*time.Second, func() bool {
			got = eval[map[string]int](b, `({draws: window.__draws, added: window.__added})`)
			return got["draws"] >= draws
		}) {
			t.Fatalf("%s: the map was not redrawn", what)
		}
		if got["draws"] != draws || (markers >= 0 && got["added"] != markers) {
			t.Errorf("%s: %d redraws adding %d markers, want redraw %d with %d markers", what, got["draws"], got["added"], draws, markers)
		}
	}

	// Hide the waste flows: companies with other flows stay.
	b.do("uncheck waste", chromedp.Click(chromedp.CSS(`#map-filters input[value="waste"]`)))
	if eval[bool](b, `document.querySelector('#map-filters input[value="waste"]').checked`) {
		t.Fatal("the waste box is still checked")
	}
	redrawn("waste hidden", want["withoutWaste"])
	waitPainted("waste hidden", func(n int) bool { return n > 0 })

	// Hide every family: nothing is drawn; show waste alone: its companies are.
	shown := eval[[]string](b, `Array.from(document.querySelectorAll("#map-filters input:checked")).map(c => c.value)`)
	for i, f := range shown {
		b.do("uncheck "+f, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#map-filters input[value=%q]`, f))))
		markers := -1 // some families still shown
		if i == len(shown)-1 {
			markers = 0
		}
		redrawn(f+" hidden", markers)
	}
	waitPainted("every family hidden", func(n int) bool { return n == 0 })
	b.do("check waste", chromedp.Click(chromedp.CSS(`#map-filters input[value="waste"]`)))
	redrawn("waste alone", want["withWaste"])
	waitPainted("waste alone", func(n int) bool { return n > 0 })

	// A marker opens its popup, naming the company with a link to its page.
	at := eval[[]float64](b, markerCentre)
	if len(at) != 2 {
		t.Fatal("no marker found on the canvas")
	}
	b.do("click a marker", chromedp.MouseClickXY(at[0], at[1]))
	b.do("wait for the popup", chromedp.WaitVisible(chromedp.CSS("#map .leaflet-popup-content")))
	if href := eval[string](b, `(document.querySelector("#map .leaflet-popup-content a") || {}).pathname || ""`); !companyPage.MatchString(href) {
		t.Errorf("the popup links to %q, not a company page; it says %q", href, b.text("#map .leaflet-popup-content"))
	}

	// No uncaught exception all along.
	b.checkExceptions()
}

// countMarkers makes Leaflet count, in window.__draws and window.__added,
// the redraws of the map (map.js clears its layer group first) and the
// circle markers each adds.
const countMarkers = `(() => {
	window.__draws = 0; window.__added = 0;
	const clear = L.LayerGroup.prototype.clearLayers;
	L.LayerGroup.prototype.clearLayers = function () { window.__draws++; window.__added = 0; return clear.apply(this, arguments); };
	const onAdd = L.CircleMarker.prototype.onAdd;
	L.CircleMarker.prototype.onAdd = function () { window.__added++; return onAdd.apply(this, arguments); };
	return true;
})()`

// markerCentre finds, in page coordinates, a point inside a drawn marker:
// below the topmost painted pixel of the canvas, by a marker's radius.
const markerCentre = `(() => {
	const c = document.querySelector("#map .leaflet-overlay-pane canvas");
	const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
	const painted = (x, y) => d[(y * c.width + x) * 4 + 3] !== 0;
	const r = c.getBoundingClientRect(), map = document.getElementById("map").getBoundingClientRect();
	for (let y = 0; y + 7 < c.height; y++) {
		for (let x = 0; x < c.width; x++) {
			const px = r.left + x * r.width / c.width, py = r.top + (y + 7) * r.height / c.height;
			if (painted(x, y) && painted(x, y + 7) && px > map.left + 5 && px < map.right - 5 && py > map.top + 5 && py < map.bottom - 5) {
				return [px, py];
			}
		}
	}
	return [];
})()`
