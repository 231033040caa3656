package server

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"symbiose/internal/testfixture"
	"symbiose/internal/ui"
	"symbiose/internal/worker"
)

// The link at the foot of a reminder asks for confirmation, then stops
// reminders to that address, and only that one.
func TestUnsubscribeLink(t *testing.T) {
	fx := testfixture.New(t)
	srv, err := New(fx.DB, fx.Storage, fx.Log, fx.Matchers, ui.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	ctx := context.Background()
	link, err := worker.UnsubscribeLink(ctx, fx.Storage, ts.URL, "Anne@Example.org")
	if err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	page := get(t, c, link, 200)
	if off, _ := fx.Unsubscribed(ctx, "anne@example.org"); off {
		t.Fatal("opening the link unsubscribed without confirmation")
	}
	token := csrfField.FindStringSubmatch(page)
	if token == nil {
		t.Fatalf("no confirmation form:\n%s", page)
	}
	u, _ := url.Parse(link)
	form := u.Query()
	form.Set("csrf", token[1])
	resp, err := c.PostForm(ts.URL+"/unsubscribe", form)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("confirm: %v %v", resp.StatusCode, err)
	}
	resp.Body.Close()
	if off, _ := fx.Unsubscribed(ctx, "anne@example.org"); !off {
		t.Fatal("not unsubscribed after confirming")
	}
	if off, _ := fx.Unsubscribed(ctx, "bob@example.org"); off {
		t.Fatal("another address was unsubscribed")
	}
	if again := get(t, c, link, 200); !strings.Contains(again, "C&#39;est fait") && !strings.Contains(again, "C'est fait") {
		t.Fatalf("reopening the link does not say it is done:\n%s", again)
	}
}
