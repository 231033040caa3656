package cli

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"symbiose/internal/dataset"
	"symbiose/internal/demo"
	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
	"symbiose/internal/synthetic"
)

// benchMatch times a full match, one flow's incremental update and the
// regrouping after it, on synthetic territories of growing size.
func benchMatch(e *env, args []string) error {
	fs := e.flags("bench match", "", "Generates synthetic territories (ten flows per company, spread over France) and prints, for each\n"+
		"size, the time and memory of a full match, of one flow's incremental update, and of the mutualisation\n"+
		"groups after one change. Run one size per process for a clean peak-memory figure.")
	sizes := fs.String("companies", "1000,10000,100000", "comma-separated numbers of companies")
	seed := fs.Uint64("seed", 1, "random seed")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	models, err := demo.Dataset(dataset.Options{})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "companies\tflows\tfull match\tgroups\tcandidates\tgroups found\tupdate one flow\tregroup after it\theap after\tpeak RSS")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("bad size %q", s)
		}
		ds := synthetic.Generate(models, n, 10, *seed)
		classify(ds.Flows)
		runtime.GC()
		eng := matching.New(matching.Options{}, nil)
		start := time.Now()
		eng.Load(ds.Companies, ds.Flows)
		full := time.Since(start)
		start = time.Now()
		groups := eng.Mutualisations()
		grouping := time.Since(start)
		candidates := len(eng.Substitutions())
		// One flow changed at a time, 200 times: mean time of the update,
		// then of the regrouping it causes.
		var update, regroup time.Duration
		const rounds = 200
		for i := range rounds {
			f := ds.Flows[(i*7919)%len(ds.Flows)]
			q := float64(i + 1)
			f.Quantity = &q
			t0 := time.Now()
			if err := eng.UpsertFlow(f); err != nil {
				return err
			}
			t1 := time.Now()
			eng.Mutualisations()
			update += t1.Sub(t0)
			regroup += time.Since(t1)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Fprintf(tw, "%d\t%d\t%v\t%v\t%d\t%d\t%v\t%v\t%d MiB\t%s\n", n, len(ds.Flows), full.Round(time.Millisecond),
			grouping.Round(time.Millisecond), candidates, len(groups), (update / rounds).Round(time.Microsecond),
			(regroup / rounds).Round(time.Microsecond), ms.HeapAlloc>>20, peakRSS())
		tw.Flush()
	}
	return nil
}

// classify fills the resource of synthetic flows, each distinct label once.
func classify(flows []model.Flow) {
	memo := map[string][2]any{}
	for i := range flows {
		f := &flows[i]
		key := f.Label + "\x00" + f.EWC + "\x00" + f.Family
		r, ok := memo[key]
		if !ok {
			code, conf, _ := nomenclature.Taxonomy{}.Classify(f.Label, f.EWC, f.Family)
			r = [2]any{code, conf}
			memo[key] = r
		}
		conf := r[1].(float64)
		f.Resource, f.ResourceConfidence = r[0].(string), &conf
	}
}

// peakRSS reads the process's peak resident memory (Linux).
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(line)[1])
			return fmt.Sprintf("%d MiB", kb>>10)
		}
	}
	return "?"
}
