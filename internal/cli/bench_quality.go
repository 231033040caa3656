package cli

import (
	"fmt"
	"sort"
	"text/tabwriter"

	"symbiose/internal/dataset"
	"symbiose/internal/matching"
	"symbiose/internal/model"
)

// benchQuality measures the matcher against known exchanges: the
// realised substitutions of a dataset's synergies.csv.
func benchQuality(e *env, args []string) error {
	fs := e.flags("bench quality", "", "Matches a dataset whose synergies.csv lists known substitution exchanges and prints\n"+
		"recall@10 (share of known exchanges whose output is among its input's top 10 candidates) and\n"+
		"precision@5 (share of the top 5 candidates of those inputs that are known exchanges), by zone.")
	data := fs.String("data", "testdata/matching_eval", "dataset with known exchanges")
	verbose := fs.Bool("misses", false, "list the known exchanges not found")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	ds, problems, err := dataset.Read(*data, datasetOptions())
	if err != nil {
		return err
	}
	if errs := problems.Errors(); len(errs) > 0 {
		return fmt.Errorf("%s: %v", *data, errs[0])
	}
	eng := matching.New(matching.Options{Top: 10}, nil)
	eng.Load(ds.Companies, ds.Flows)
	q := matching.Evaluate(eng, ds)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "zone\tknown\tfound@10\trecall@10\tprecision@5")
	zones := make([]string, 0, len(q.ByZone))
	for z := range q.ByZone {
		zones = append(zones, z)
	}
	sort.Strings(zones)
	for _, z := range append(zones, "ALL") {
		s := q.All
		if z != "ALL" {
			s = q.ByZone[z]
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\n", z, s.Known, s.Found, s.Recall(), s.Precision())
	}
	tw.Flush()
	if *verbose {
		flows := map[string]model.Flow{}
		for _, f := range ds.Flows {
			flows[f.ExtID] = f
		}
		for _, m := range q.Misses {
			o, i := flows[m.OutputFlowID], flows[m.InputFlowID]
			fmt.Fprintf(e.stdout, "miss %s: %q [%s] -> %q [%s] (rank %d)\n", m.SynergyID, o.Label, o.Resource, i.Label, i.Resource, m.Rank)
		}
	}
	return nil
}
