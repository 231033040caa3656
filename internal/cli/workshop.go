package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"symbiose/internal/dataset"
	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/workshop"
	"symbiose/internal/workshop/printable"
)

func runWorkshop(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "plan" {
		fmt.Fprintln(e.stderr, "Usage: symbiose workshop plan [--data DATASET] [--territory T] --table-size K --rounds R [--format json|table] [--output FILE.pdf]\n\n"+
			"  plan  seat the companies of a bourse at tables, round by round (symbiose workshop plan --help)")
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			return nil
		}
		return errUsage
	}
	fs := e.flags("workshop plan", "", "Seats the companies of a bourse at tables for every round, so that the companies that have\n"+
		"most to exchange (substitution candidates, shared needs) meet, without two companies sharing a table twice.\n"+
		"Reads a dataset with --data, or a territory of the database; every company of it takes part.\n"+
		"A workshop.csv in the dataset folder constrains the plan: columns kind (competitors, must_meet, fixed),\n"+
		"company_id, other_company_id (pairs), table and round (fixed; counted from 1, or from 0 when a 0 appears;\n"+
		"an empty round: every round).")
	cfg := dataFlags(fs)
	data := fs.String("data", "", "dataset (folder, .xlsx or .json), without a database")
	territory := fs.String("territory", "", "territory of the database (default: the only one)")
	tableSize := fs.Int("table-size", 5, "companies at a table")
	rounds := fs.Int("rounds", 3, "rounds of the event")
	format := fs.String("format", "json", "json or table")
	seed := fs.Uint64("seed", 1, "seed of the search: the same seed gives the same plan")
	output := fs.String("output", "", "also write the printables (table plan, badges, table sheets) to this PDF file")
	title := fs.String("title", printable.DefaultTitle, "title of the event, on the printables")
	date := fs.String("date", time.Now().Format("2006-01-02"), "date of the event (YYYY-MM-DD), on the printables")
	if _, err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *format != "json" && *format != "table" {
		fs.Usage()
		return errUsage
	}
	ds, err := matchInput(ctx, cfg, *data, *territory)
	if err != nil {
		return err
	}
	if len(ds.Companies) == 0 {
		return errors.New("workshop plan: no company to seat")
	}
	eng := matching.New(matching.Options{}, nil)
	eng.Load(ds.Companies, ds.Flows)
	ids := make([]string, len(ds.Companies))
	for i, c := range ds.Companies {
		ids[i] = c.ExtID
	}
	potential := matching.PairPotential(ids, eng.Substitutions(), eng.Mutualisations())
	p := workshop.Problem{Companies: ids, Potential: workshop.MatrixPotential(potential), TableSize: *tableSize, Rounds: *rounds}
	if *data != "" {
		if err := constrainPlan(e, &p, *data); err != nil {
			return err
		}
	}
	if err := workshop.Check(p); err != nil {
		return err
	}
	plan, err := workshop.Solve(p, *seed, 30*time.Second)
	if err != nil {
		return err
	}
	var wrote string
	if *output != "" {
		pages, err := writePrintables(*output, printable.Event{Title: *title, Date: *date}, ds, plan.Rounds)
		if err != nil {
			return err
		}
		wrote = fmt.Sprintf("Wrote the printables to %s (%d pages)", *output, pages)
	}
	out := planOutput{Score: round3(plan.Score), UpperBound: round3(plan.UpperBound), Random: round3(plan.Random), Greedy: round3(plan.Greedy)}
	for _, round := range plan.Rounds {
		var tables [][]string
		for _, table := range round {
			names := make([]string, len(table))
			for i, c := range table {
				names[i] = ids[c]
			}
			tables = append(tables, names)
		}
		out.Rounds = append(out.Rounds, tables)
	}
	if *format == "table" {
		for r, round := range out.Rounds {
			fmt.Fprintf(e.stdout, "Round %d\n", r+1)
			for t, table := range round {
				fmt.Fprintf(e.stdout, "  table %2d: %s\n", t+1, strings.Join(table, ", "))
			}
		}
		fmt.Fprintf(e.stdout, "score %.3f (upper bound %.3f, greedy %.3f, random %.3f)\n", out.Score, out.UpperBound, out.Greedy, out.Random)
		if wrote != "" {
			fmt.Fprintln(e.stdout, wrote)
		}
		return nil
	}
	if wrote != "" {
		fmt.Fprintln(e.stderr, wrote) // the JSON on stdout stays clean
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

type planOutput struct {
	Rounds     [][][]string `json:"rounds"`
	Score      float64      `json:"score"`
	UpperBound float64      `json:"upper_bound"`
	Greedy     float64      `json:"greedy"`
	Random     float64      `json:"random"`
}

// writePrintables writes the PDF of the bourse: the companies in plan
// order, what they offer (outputs) and need (inputs).
func writePrintables(path string, ev printable.Event, ds model.Dataset, rounds [][][]int) (int, error) {
	file, err := os.Create(path)
	if err != nil {
		return 0, fmt.Errorf("workshop plan: %w", err)
	}
	pages, err := printable.Write(file, ev, printable.FromFlows(ds.Companies, ds.Flows), rounds)
	if cerr := file.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("workshop plan: writing %s: %w", path, err)
	}
	return pages, nil
}

func round3(v float64) float64 { return float64(int64(v*1000+0.5)) / 1000 }

// constrainPlan adds the rules of the dataset folder's workshop.csv, if
// any, to the problem: competitors, must-meet pairs, fixed seats. Every
// problem of the file is printed and nothing is planned while there is one.
func constrainPlan(e *env, p *workshop.Problem, dir string) error {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil // workshop.csv lives in a dataset folder only
	}
	index := make(map[string]int, len(p.Companies))
	known := make(map[string]bool, len(p.Companies))
	for i, id := range p.Companies {
		index[id], known[id] = i, true
	}
	rules, problems, err := dataset.ReadWorkshop(dir, known)
	if err != nil {
		return err
	}
	for _, r := range rules {
		if r.Kind == dataset.ConstraintFixed && r.Round >= p.Rounds {
			problems = append(problems, dataset.Problem{Severity: dataset.Error, File: dataset.WorkshopFile, Line: r.Line,
				Field: "round", Message: fmt.Sprintf("round %d is beyond the %d rounds of the plan", r.Round+1, p.Rounds)})
		}
	}
	if errs := problems.Errors(); len(errs) > 0 {
		for _, pr := range errs {
			fmt.Fprintln(e.stderr, pr)
		}
		return fmt.Errorf("workshop plan: %s has %d error(s)", dataset.WorkshopFile, len(errs))
	}
	for _, r := range rules {
		a := index[r.CompanyID]
		switch r.Kind {
		case dataset.ConstraintCompetitors:
			p.Competitors = append(p.Competitors, [2]int{a, index[r.OtherCompanyID]})
		case dataset.ConstraintMustMeet:
			p.MustMeet = append(p.MustMeet, [2]int{a, index[r.OtherCompanyID]})
		case dataset.ConstraintFixed:
			for round := range p.Rounds {
				if r.Round < 0 || r.Round == round {
					p.Fixed = append(p.Fixed, workshop.Seat{Company: a, Round: round, Table: r.Table})
				}
			}
		}
	}
	return nil
}
