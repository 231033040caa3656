package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/database"
	"symbiose/internal/dataset"
	"symbiose/internal/demo"
	"symbiose/internal/http/server"
	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
	"symbiose/internal/storage"
	"symbiose/internal/synthetic"
	"symbiose/internal/ui"
	"symbiose/internal/worker"
)

// benchLoad runs the web application on loopback with the demo territory
// scaled up, and drives it with concurrent users browsing and editing.
func benchLoad(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench load", "", "Starts Symbiose on 127.0.0.1 with an SQLite database holding the demo territory scaled to\n"+
		"--companies companies, then --users concurrent users (a fifth facilitators, the rest company members)\n"+
		"browse and edit for --duration, each pausing about --think between pages. Prints latency percentiles\n"+
		"per page, leaving out the first 2 seconds of warm-up. Traffic stays on loopback.")
	companies := fs.Int("companies", 2000, "companies in the territory")
	users := fs.Int("users", 50, "concurrent users")
	duration := fs.Duration("duration", 20*time.Second, "how long the load runs (at most 10 minutes)")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	blockProfile := fs.String("blockprofile", "", "write a profile of the time spent waiting on locks to this file")
	think := fs.Duration("think", time.Second, "mean pause of a user between two pages, as a person reads (0: none)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *companies < 68 || *users < 1 || *duration <= 0 || *duration > 10*time.Minute {
		fs.Usage()
		return errUsage
	}
	dir, err := os.MkdirTemp("", "symbiose-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db, err := database.Open(ctx, "", dir)
	if err != nil {
		return err
	}
	defer db.Close()
	st := storage.New(db)
	fmt.Fprintf(e.stdout, "Preparing %d companies…\n", *companies)
	tr, err := demo.Load(ctx, st, dataset.Options{Resources: nomenclature.Taxonomy{}})
	if err != nil {
		return err
	}
	models, err := demo.Dataset(dataset.Options{})
	if err != nil {
		return err
	}
	extra := synthetic.Around(models, *companies-len(models.Companies), 10, 45.6484, 0.1562, 15, "load-", 7)
	classify(extra.Flows)
	if _, err := st.ImportDataset(ctx, tr.ID, extra, storage.ImportOptions{}); err != nil {
		return err
	}
	all, err := st.Companies(ctx, tr.ID)
	if err != nil {
		return err
	}
	flows, err := st.Flows(ctx, tr.ID)
	if err != nil {
		return err
	}
	byCompany := map[int64][]model.Flow{}
	for _, f := range flows {
		byCompany[f.CompanyID] = append(byCompany[f.CompanyID], f)
	}

	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	matchers := worker.NewMatchers(st, quiet, matching.Options{})
	if err := matchers.Refresh(ctx); err != nil {
		return err
	}
	srv, err := server.New(db, st, quiet, matchers, ui.Options{})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	go srv.Serve(runCtx, l)
	go matchers.Run(runCtx, 5*time.Second)
	base := "http://" + l.Addr().String()

	// Accounts and sessions: the first fifth facilitators, the others members
	// of distinct companies.
	var sessions []loadUser
	for i := 0; i < *users; i++ {
		u := model.User{Email: fmt.Sprintf("load%d@example.org", i), Role: model.RoleFacilitator, Territories: []int64{tr.ID}}
		if i >= *users/5 {
			c := all[(i*37)%len(all)]
			u.Role, u.CompanyID, u.Territories = model.RoleMember, c.ID, nil
		}
		created, err := st.CreateUser(ctx, u)
		if err != nil {
			return err
		}
		token, csrf := auth.NewToken(), auth.NewToken()
		if err := st.CreateSession(ctx, auth.HashToken(token), created.ID, csrf, time.Now().Add(time.Hour)); err != nil {
			return err
		}
		sessions = append(sessions, loadUser{user: created, cookie: token, csrf: csrf})
	}

	fmt.Fprintf(e.stdout, "%d companies, %d flows; %d users pausing %v on average between pages, for %v on %s\n",
		len(all), len(flows), *users, *think, *duration, base)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *users * 2}, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	rec := newRecorder()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *blockProfile != "" {
		runtime.SetBlockProfileRate(int(time.Millisecond))
		defer func() {
			if f, err := os.Create(*blockProfile); err == nil {
				pprof.Lookup("block").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	// Users arrive over the first pause, as people do, and the first two
	// seconds (connections opening, caches filling) are left out of the
	// figures.
	warmUp := time.Now().Add(2 * time.Second)
	deadline := time.Now().Add(*duration)
	var wg sync.WaitGroup
	for i, s := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 99))
			time.Sleep(time.Duration(rng.Float64() * float64(*think)))
			for time.Now().Before(deadline) && runCtx.Err() == nil {
				name, req := s.next(rng, base, tr.ID, all, byCompany)
				start := time.Now()
				resp, err := client.Do(req)
				ok := err == nil
				if ok {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					ok = resp.StatusCode < 400
				}
				if start.After(warmUp) {
					rec.add(name, time.Since(start), ok)
				}
				if *think > 0 {
					time.Sleep(time.Duration((0.5 + rng.Float64()) * float64(*think)))
				}
			}
		}()
	}
	wg.Wait()
	rec.print(e.stdout)
	return nil
}

type loadUser struct {
	user         model.User
	cookie, csrf string
}

// next picks what the user does now: mostly reading pages, sometimes
// saving a flow of a company it may edit.
func (s loadUser) next(rng *rand.Rand, base string, tid int64, all []model.Company, flows map[int64][]model.Flow) (string, *http.Request) {
	t := fmt.Sprintf("%s/t/%d", base, tid)
	company := all[rng.IntN(len(all))]
	if s.user.Role == model.RoleMember {
		company = model.Company{ID: s.user.CompanyID}
	}
	var name, method, target string
	var form url.Values
	switch r := rng.IntN(100); {
	case s.user.Role == model.RoleFacilitator && r < 15:
		name, method, target = "dashboard", "GET", t+"/"
	case s.user.Role == model.RoleFacilitator && r < 30:
		name, method, target = "companies list", "GET", t+"/companies?q="+url.QueryEscape([]string{"bois", "ZA 3", "fonderie", ""}[rng.IntN(4)])
	case r < 55:
		name, method, target = "company page", "GET", fmt.Sprintf("%s/companies/%d", t, company.ID)
	case r < 75:
		name, method, target = "opportunities", "GET", t+"/opportunities"
	case r < 85:
		name, method, target = "map data", "GET", t+"/map.json"
	default:
		list := flows[company.ID]
		if len(list) == 0 {
			name, method, target = "company page", "GET", fmt.Sprintf("%s/companies/%d", t, company.ID)
			break
		}
		f := list[rng.IntN(len(list))]
		q := fmt.Sprint(1 + rng.IntN(500))
		name, method, target = "save a flow", "POST", fmt.Sprintf("%s/flows/%d", t, f.ID)
		form = url.Values{"csrf": {s.csrf}, "direction": {string(f.Direction)}, "family": {f.Family}, "label": {f.Label},
			"resource": {f.Resource}, "quantity": {q}, "unit": {f.Unit}, "period": {f.Period}, "visibility": {f.Visibility}}
	}
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: s.cookie})
	return name, req
}

// recorder keeps every latency by page.
type recorder struct {
	mu     sync.Mutex
	times  map[string][]time.Duration
	errors map[string]int
}

func newRecorder() *recorder {
	return &recorder{times: map[string][]time.Duration{}, errors: map[string]int{}}
}

func (r *recorder) add(name string, d time.Duration, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.times[name] = append(r.times[name], d)
	r.times["ALL"] = append(r.times["ALL"], d)
	if !ok {
		r.errors[name]++
		r.errors["ALL"]++
	}
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p * float64(len(sorted)-1))
	return sorted[i]
}

func (r *recorder) print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "page\trequests\terrors\tp50\tp95\tp99\tmax")
	names := make([]string, 0, len(r.times))
	for n := range r.times {
		if n != "ALL" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range append(names, "ALL") {
		t := r.times[n]
		sort.Slice(t, func(i, j int) bool { return t[i] < t[j] })
		fmt.Fprintf(tw, "%s\t%d\t%d\t%v\t%v\t%v\t%v\n", n, len(t), r.errors[n], percentile(t, .5).Round(100*time.Microsecond),
			percentile(t, .95).Round(100*time.Microsecond), percentile(t, .99).Round(100*time.Microsecond), t[len(t)-1].Round(100*time.Microsecond))
	}
	tw.Flush()
}
