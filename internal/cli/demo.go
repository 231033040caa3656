package cli

import (
	"context"
	"fmt"

	"symbiose/internal/demo"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := e.flags("demo", "", "Loads \""+demo.TerritoryName+"\", a fictional agglomeration around Angoulême: 68 companies\n"+
		"and their flows, a 2019 diagnostic campaign, two bourses and the synergies of a programme (10 realised).")
	cfg := dataFlags(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	db, st, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	tr, err := demo.Load(ctx, st, datasetOptions())
	if err != nil {
		return err
	}
	companies, _ := st.Companies(ctx, tr.ID)
	flows, _ := st.Flows(ctx, tr.ID)
	synergies, _ := st.Synergies(ctx, tr.ID)
	fmt.Fprintf(e.stdout, "Loaded the demo territory %q into %s: %d companies, %d flows, %d synergies.\n",
		tr.Name, db.Location, len(companies), len(flows), len(synergies))
	return nil
}
