package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// On a phone (375 × 812), a member signs in with the form and works on its
// company's pages without scrolling sideways.
func TestPhoneViewport(t *testing.T) {
	a := startApp(t)
	own := a.company("c001")
	b := newBrowser(t, a, "phone")
	b.do("emulate a phone", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile, chromedp.EmulateTouch))

	if status := b.open("/login"); status != 200 {
		t.Fatalf("GET /login: %d", status)
	}
	if w := eval[int](b, `window.innerWidth`); w != 375 {
		t.Fatalf("window is %d px wide, want 375", w)
	}
	b.noHorizontalOverflow("the login page")
	// Every field and the button are whole on the screen.
	for _, sel := range []string{"#email", "#password", `#main form button[type="submit"]`} {
		box := eval[map[string]float64](b, `(() => { const r = document.querySelector(`+jsString(sel)+`).getBoundingClientRect();
			return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; })()`)
		if box["left"] < 0 || box["right"] > 375 || box["top"] < 0 || box["bottom"] > 812 || box["width"] < 100 {
			t.Errorf("%s is not usable on a phone: %v", sel, box)
		}
	}
	b.do("tap the email field", chromedp.Tap(chromedp.CSS("#email")))
	if focused := eval[string](b, `document.activeElement.id`); focused != "email" {
		t.Errorf("tapping the email field focused %q", focused)
	}
	b.fill([2]string{"#email", "member@example.org"}, [2]string{"#password", "password-member"})
	if status := b.follow("tap sign in", chromedp.Tap(chromedp.CSS(`#main form button[type="submit"]`))); status != 200 {
		t.Fatalf("sign-in: %d\n%s", status, b.text("#main"))
	}
	if got, want := b.path(), a.companyPath(own); got != want {
		t.Fatalf("after sign-in the member is on %s, want its company %s", got, want)
	}
	b.waitText("#main h1", own.Name)
	b.noHorizontalOverflow("the member's company page")

	b.click(`#main a.button[href$="/flows/new"]`)
	b.waitText("#main h1", own.Name)
	b.noHorizontalOverflow("the flow form")

	b.open(a.demo() + "/opportunities")
	b.waitText("#main h1", "Opportunités")
	b.noHorizontalOverflow("the member's opportunities")

	// The facilitator's company page has more on it: contacts, the
	// invitation form, every candidate.
	f := newBrowser(t, a, "facilitator-phone")
	f.do("emulate a phone", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile, chromedp.EmulateTouch))
	f.signIn("facilitator")
	for _, path := range []string{a.companyPath(own), a.demo() + "/", a.demo() + "/opportunities", a.demo() + "/companies", a.demo() + "/import",
		a.demo() + "/synergies", a.demo() + "/programme", a.demo() + "/reminders", a.demo() + "/workshops"} {
		if status := f.open(path); status != 200 {
			t.Fatalf("GET %s: %d", path, status)
		}
		page := strings.TrimPrefix(path, a.demo())
		switch o, known := f.overflow(), knownOverflow[page]; {
		case o != "" && known != "":
			t.Logf("KNOWN ISSUE: %s overflows on a phone (%s): %s", path, known, o)
		case o != "":
			t.Errorf("%s overflows horizontally on a phone: %s", path, o)
		case known != "":
			t.Errorf("%s no longer overflows on a phone: remove it from knownOverflow", path)
		}
	}
}

// knownOverflow lists the pages found too wide for a phone, with the cause,
// until app.css is fixed: they are logged, and the test fails once they fit
// so that the entry is removed and the check becomes strict again.
var knownOverflow = map[string]string{}
