package cli

import (
	"context"
	"fmt"

	"symbiose/internal/dataset"
	"symbiose/internal/demo"
	"symbiose/internal/synthetic"
)

func runBench(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprintln(e.stderr, "Usage: symbiose bench generate|quality|classify|match|load [flags]\n\n"+
			"Benchmark tools:\n  generate  write a deterministic synthetic territory as a dataset\n"+
			"  quality   recall@10 and precision@5 of the matcher on known exchanges\n"+
			"  classify  rank-1 and rank-3 accuracy of the label classifier on labelled sets\n"+
			"  match     speed and memory of full and incremental matching on synthetic territories\n"+
			"  load      page latency under concurrent users on loopback")
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	switch args[0] {
	case "generate":
		return benchGenerate(e, args[1:])
	case "quality":
		return benchQuality(e, args[1:])
	case "classify":
		return benchClassify(e, args[1:])
	case "match":
		return benchMatch(e, args[1:])
	case "load":
		return benchLoad(ctx, e, args[1:])
	}
	fmt.Fprintf(e.stderr, "symbiose bench: unknown benchmark %q\n", args[0])
	return errUsage
}

func benchGenerate(e *env, args []string) error {
	fs := e.flags("bench generate", "", "Writes a synthetic territory: companies spread over France in town clusters, each with\n"+
		"the flows of a demo company of its sector, worded with variations. Same flags, same bytes.")
	companies := fs.Int("companies", 1000, "number of companies")
	perCompany := fs.Int("flows-per-company", 10, "flows of each company")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "dataset to write: a folder, FILE.xlsx or FILE.json (required)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || *companies < 1 || *perCompany < 1 {
		fs.Usage()
		return errUsage
	}
	models, err := demo.Dataset(dataset.Options{})
	if err != nil {
		return err
	}
	ds := synthetic.Generate(models, *companies, *perCompany, *seed)
	if err := dataset.Write(*out, ds); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %d companies and %d flows to %s\n", len(ds.Companies), len(ds.Flows), *out)
	return nil
}
