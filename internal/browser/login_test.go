package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// A facilitator signs in with the form, lands on the demo's dashboard in
// French, and switches the pages to English.
func TestLogin(t *testing.T) {
	a := startApp(t)
	b := newBrowser(t, a, "facilitator")

	if status := b.open("/login"); status != 200 {
		t.Fatalf("GET /login: %d", status)
	}
	if h := b.text("#main h1"); h != "Connexion" {
		t.Fatalf("login page title %q, want Connexion", h)
	}

	// A wrong password is refused on the page.
	b.fill([2]string{"#email", "facilitator@example.org"}, [2]string{"#password", "wrong-password"})
	if status := b.click(`#main form button[type="submit"]`); status != 401 {
		t.Errorf("wrong password: status %d, want 401", status)
	}
	b.waitText(`#main p.error[role="alert"]`, "Adresse ou mot de passe incorrect")
	if got := eval[string](b, `document.getElementById("email").value`); got != "facilitator@example.org" {
		t.Errorf("the email is not kept after a failed sign-in: %q", got)
	}

	b.do("clear the email", chromedp.Clear(chromedp.CSS("#email")))
	b.fill([2]string{"#email", "facilitator@example.org"}, [2]string{"#password", "password-facilitator"})
	if status := b.click(`#main form button[type="submit"]`); status != 200 {
		t.Fatalf("sign-in: status %d", status)
	}
	if got, want := b.path(), a.demo()+"/"; got != want {
		t.Fatalf("after sign-in the browser is on %s, want the dashboard %s", got, want)
	}
	if got := b.text("#main .tiles .tile:first-child strong"); got != "68" {
		t.Errorf("dashboard companies count %q, want 68", got)
	}
	if tile := b.text("#main .tiles .tile:first-child"); !strings.Contains(tile, "Entreprises") {
		t.Errorf("first tile %q does not say Entreprises", tile)
	}
	nav := b.text("header.top nav")
	for _, want := range []string{"Tableau de bord", "Entreprises", "Opportunités", "Carte", "Import", "Se déconnecter"} {
		if !strings.Contains(nav, want) {
			t.Errorf("French menu %q lacks %q", nav, want)
		}
	}
	if lang := eval[string](b, `document.documentElement.lang`); lang != "fr" {
		t.Errorf("html lang %q, want fr", lang)
	}
	session, err := chromedp.Call(b.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{a.url}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range session.Cookies {
		if c.Name == "symbiose_session" && (!c.HTTPOnly || c.SameSite != network.CookieSameSiteLax) {
			t.Errorf("session cookie: HttpOnly %v, SameSite %q; want HttpOnly, Lax", c.HTTPOnly, c.SameSite)
		}
	}

	// The language link switches to English and comes back to the page.
	if got := b.text("header.top a.lang"); got != "English" {
		t.Errorf("language link %q, want English", got)
	}
	if status := b.click("header.top a.lang"); status != 200 {
		t.Fatalf("switch to English: status %d", status)
	}
	if got, want := b.path(), a.demo()+"/"; got != want {
		t.Errorf("after switching language the browser is on %s, want %s", got, want)
	}
	if h := b.text("#main h1"); h != "Dashboard" {
		t.Errorf("English dashboard title %q, want Dashboard", h)
	}
	nav = b.text("header.top nav")
	for _, want := range []string{"Dashboard", "Companies", "Opportunities", "Sign out"} {
		if !strings.Contains(nav, want) {
			t.Errorf("English menu %q lacks %q", nav, want)
		}
	}
	if lang := eval[string](b, `document.documentElement.lang`); lang != "en" {
		t.Errorf("html lang %q, want en", lang)
	}

	// Signing out leads back to the sign-in form, still in English, and
	// the dashboard is closed again.
	if status := b.click(`header.top nav form[action="/logout"] button`); status != 200 {
		t.Fatalf("sign out: status %d", status)
	}
	if got := b.path(); got != "/login" {
		t.Errorf("after signing out the browser is on %s, want /login", got)
	}
	if h := b.text("#main h1"); h != "Sign in" {
		t.Errorf("sign-in page title %q, want Sign in", h)
	}
	b.open(a.demo() + "/")
	if got := b.path(); got != "/login" {
		t.Errorf("the dashboard after signing out leads to %s, want /login", got)
	}
}
