package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath finds the browser: $SYMBIOSE_CHROMIUM when set, else
// /usr/bin/chromium, else chromium on the PATH. Without one the tests skip,
// except in CI where a missing browser must not pass unnoticed.
func chromiumPath(t *testing.T) string {
	t.Helper()
	candidates := []string{"/usr/bin/chromium", "chromium", "chromium-browser"}
	if env := os.Getenv("SYMBIOSE_CHROMIUM"); env != "" {
		candidates = []string{env}
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	msg := "chromium not found (tried " + strings.Join(candidates, ", ") + ")"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + ": the browser tests must run in CI")
	}
	t.Skip(msg + ": install it (apt-get install chromium) or set SYMBIOSE_CHROMIUM to run the browser tests")
	return ""
}

// browser is one headless Chromium process with one tab, its own profile
// and so its own cookies.
type browser struct {
	t    *testing.T
	app  *app
	name string
	tab  context.Context // the tab, without deadline (artifacts are saved through it)
	ctx  context.Context // the tab with the test's deadline, for every action

	mu         sync.Mutex
	done       bool     // the test is over: log nothing more
	exceptions []string // uncaught JavaScript exceptions
}

// newBrowser starts a fresh browser for the app; it is closed, and on failure
// its page is saved, when the test ends.
func newBrowser(t *testing.T, a *app, name string) *browser {
	t.Helper()
	path := chromiumPath(t)
	b := &browser{t: t, app: a, name: name}
	profile := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		// The pages follow Accept-Language; a French browser sees the
		// default language whatever the machine's locale.
		chromedp.Flag("lang", "fr-FR"),
		chromedp.Flag("accept-lang", "fr-FR,fr"),
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(profile),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(acancel)
	tab, tcancel := chromedp.NewContext(actx,
		chromedp.WithListener(b.listen),
		chromedp.WithLogf(b.logf), chromedp.WithErrorf(b.logf))
	t.Cleanup(tcancel)
	// The first Do starts the browser and binds it to tab, which has no
	// deadline, so that a timed-out test can still save its page.
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	b.tab = tab
	var cancel context.CancelFunc
	b.ctx, cancel = context.WithDeadline(tab, a.deadline)
	t.Cleanup(cancel)
	t.Cleanup(func() {
		if t.Failed() {
			b.saveArtifacts()
		}
		b.mu.Lock()
		b.done = true
		b.mu.Unlock()
	})
	t.Cleanup(b.checkExceptions) // runs first, so that its failure is saved
	return b
}

// listen runs in the tab's event loop: it only records.
func (b *browser) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		b.mu.Lock()
		b.exceptions = append(b.exceptions, fmt.Sprintf("%s:%d: %s", d.URL, d.LineNumber+1, msg))
		b.mu.Unlock()
	case *cdplog.EventEntryAdded:
		// Failed loads, CSP violations: worth seeing, not always a bug (a
		// 403 page is loaded on purpose), so logged only.
		if e := ev.Entry; e.Level == cdplog.EntryLevelError && !strings.HasSuffix(e.URL, "/favicon.ico") {
			b.logf("console %s: %s %s", e.Source, e.Text, e.URL)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value))
			}
			b.logf("console.error: %s", strings.Join(parts, " "))
		}
	}
}

func (b *browser) logf(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.done {
		b.t.Logf("[%s] "+format, append([]any{b.name}, args...)...)
	}
}

// checkExceptions fails the test on any uncaught JavaScript exception.
func (b *browser) checkExceptions() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.exceptions {
		b.t.Errorf("[%s] uncaught JavaScript exception: %s", b.name, e)
	}
	b.exceptions = nil
}

// artifactDir is where a failed test leaves its pages.
func artifactDir(t *testing.T) string {
	base := os.Getenv("SYMBIOSE_SCREENSHOT_DIR")
	if base == "" {
		base = filepath.Join(os.TempDir(), "symbiose-browser-failures")
	}
	return filepath.Join(base, regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(t.Name(), "_"))
}

// saveArtifacts writes a full-page screenshot and the HTML of the page.
func (b *browser) saveArtifacts() {
	dir := artifactDir(b.t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Logf("artifacts: %v", err)
		return
	}
	ctx, cancel := context.WithTimeout(b.tab, 10*time.Second)
	defer cancel()
	location, _ := chromedp.Run(ctx, chromedp.Location())
	if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err != nil {
		b.t.Logf("[%s] screenshot of %s failed: %v", b.name, location, err)
	} else if err := os.WriteFile(filepath.Join(dir, b.name+".png"), png, 0o644); err != nil {
		b.t.Logf("artifacts: %v", err)
	}
	if html, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.outerHTML`)); err != nil {
		b.t.Logf("[%s] HTML of %s not saved: %v", b.name, location, err)
	} else if err := os.WriteFile(filepath.Join(dir, b.name+".html"), []byte(html), 0o644); err != nil {
		b.t.Logf("artifacts: %v", err)
	}
	b.t.Logf("[%s] page %s saved in %s (%s.png, %s.html)", b.name, location, dir, b.name, b.name)
}

// do runs actions, failing the test on error.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("[%s] %s: %v", b.name, what, err)
	}
}

// signIn gives the browser the fixture's session of role, as if it had
// signed in.
func (b *browser) signIn(role string) {
	b.t.Helper()
	_, err := chromedp.Call(b.ctx, network.SetCookie, network.SetCookieParams{
		Name: "symbiose_session", Value: b.app.fx.Sessions[role], URL: b.app.url, Path: "/", HTTPOnly: ptr(true),
	})
	if err != nil {
		b.t.Fatalf("[%s] set the session cookie: %v", b.name, err)
	}
}

// cookies returns the names of the cookies the browser holds for the app.
func (b *browser) cookies() []string {
	b.t.Helper()
	res, err := chromedp.Call(b.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{b.app.url}})
	if err != nil {
		b.t.Fatalf("[%s] cookies: %v", b.name, err)
	}
	var names []string
	for _, c := range res.Cookies {
		names = append(names, c.Name)
	}
	return names
}

// open loads a path of the app and returns the HTTP status of the page.
func (b *browser) open(path string) int64 {
	b.t.Helper()
	resp, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(b.app.url+path))
	if err != nil {
		b.t.Fatalf("[%s] open %s: %v", b.name, path, err)
	}
	return resp.Status
}

// follow runs actions that load a new page (a click on a link or a submit
// button) and returns the status of the page at the end of the redirects.
func (b *browser) follow(what string, actions ...chromedp.Action[chromedp.Void]) int64 {
	b.t.Helper()
	resp, err := chromedp.RunResponse(b.ctx, actions...)
	if err != nil {
		b.t.Fatalf("[%s] %s: %v", b.name, what, err)
	}
	return resp.Status
}

// click follows a link or submits a form with the element of a CSS selector.
func (b *browser) click(sel string) int64 {
	b.t.Helper()
	return b.follow("click "+sel, chromedp.Click(chromedp.CSS(sel)))
}

// path is the current path and query.
func (b *browser) path() string {
	b.t.Helper()
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatalf("[%s] location: %v", b.name, err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		b.t.Fatal(err)
	}
	return u.RequestURI()
}

// text is the visible text of the first element of a CSS selector, waiting
// for it to exist.
func (b *browser) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("[%s] text of %s: %v", b.name, sel, err)
	}
	return s
}

// waitText waits until the first element of a CSS selector exists and its
// visible text contains want (pages that change by script).
func (b *browser) waitText(sel, want string) string {
	b.t.Helper()
	expr := fmt.Sprintf(`(() => { const e = document.querySelector(%s); return e ? e.innerText : ""; })()`, jsString(sel))
	var got string
	ok := b.poll(10*time.Second, func() bool {
		s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
		got = s
		return err == nil && strings.Contains(s, want)
	})
	if !ok {
		b.t.Fatalf("[%s] %s does not contain %q; its text is %q", b.name, sel, want, got)
	}
	return got
}

// poll calls cond every 50 ms until it is true or the time is up.
func (b *browser) poll(limit time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(limit)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) || b.ctx.Err() != nil {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](b *browser, expr string, opts ...chromedp.EvaluateOption) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		b.t.Fatalf("[%s] evaluate %s: %v", b.name, expr, err)
	}
	return v
}

// rows returns the cells' text of the table rows of a CSS selector.
func (b *browser) rows(sel string) [][]string {
	b.t.Helper()
	return eval[[][]string](b, fmt.Sprintf(
		`Array.from(document.querySelectorAll(%s)).map(tr => Array.from(tr.cells).map(td => td.innerText.trim()))`, jsString(sel)))
}

// count is the number of elements of a CSS selector.
func (b *browser) count(sel string) int {
	b.t.Helper()
	return eval[int](b, fmt.Sprintf(`document.querySelectorAll(%s).length`, jsString(sel)))
}

// fill types values into form fields, by CSS selector.
func (b *browser) fill(fields ...[2]string) {
	b.t.Helper()
	for _, f := range fields {
		b.do("type into "+f[0], chromedp.SendKeys(chromedp.CSS(f[0]), f[1]))
	}
}

// choose selects an option of a select element.
func (b *browser) choose(sel, value string) {
	b.t.Helper()
	b.do("choose "+value+" in "+sel, chromedp.SetValue(chromedp.CSS(sel), value))
	if got := eval[string](b, fmt.Sprintf(`document.querySelector(%s).value`, jsString(sel))); got != value {
		b.t.Fatalf("[%s] %s has no option %q", b.name, sel, value)
	}
}

// overflow describes how the page is wider than the window, or is "".
// With a mobile viewport Chrome zooms a too-wide page out, which widens
// innerWidth too: clientWidth keeps the width of the screen.
func (b *browser) overflow() string {
	b.t.Helper()
	w := eval[map[string]int](b, `({scroll: document.documentElement.scrollWidth, inner: window.innerWidth, client: document.documentElement.clientWidth})`)
	if w["scroll"] <= w["inner"] && w["scroll"] <= w["client"] {
		return ""
	}
	wide := eval[[]string](b, `Array.from(document.querySelectorAll("#main *")).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 6).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : ""))`)
	return fmt.Sprintf("scrollWidth %d, innerWidth %d, clientWidth %d; wider than the screen: %v", w["scroll"], w["inner"], w["client"], wide)
}

// noHorizontalOverflow fails when the page is wider than the window.
func (b *browser) noHorizontalOverflow(page string) {
	b.t.Helper()
	if o := b.overflow(); o != "" {
		b.t.Errorf("[%s] %s overflows horizontally: %s", b.name, page, o)
	}
}

func jsString(s string) string {
	j, _ := json.Marshal(s)
	return string(j)
}

func ptr[T any](v T) *T { return &v }
