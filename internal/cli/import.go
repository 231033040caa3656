package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"symbiose/internal/dataset"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// maxWarningsShown keeps a large import's output readable; errors are
// always listed in full.
const maxWarningsShown = 50

func runImport(ctx context.Context, e *env, args []string) error {
	fs := e.flags("import", "PATH", "Imports a dataset — a folder of CSV files (companies.csv, flows.csv, synergies.csv,\n"+
		"contacts.csv), an .xlsx workbook or a .json document — into a territory. Records are matched by id:\n"+
		"existing ones are updated, new ones created. Every problem is listed with its file, line and field;\n"+
		"with any error nothing is written.")
	cfg := dataFlags(fs)
	territory := fs.String("territory", "", "territory to import into (default: the only one; created on first import)")
	dryRun := fs.Bool("dry-run", false, "check the dataset and count what would change, without writing")
	allWarnings := fs.Bool("all-warnings", false, fmt.Sprintf("list every warning (default: the first %d)", maxWarningsShown))
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	path := pos[0]
	db, st, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()

	territoryID, territoryName, err := territoryNamed(ctx, st, *territory)
	switch {
	case errors.Is(err, storage.ErrNotFound) && *territory == "":
		territoryName = strings.TrimSuffix(filepath.Base(filepath.Clean(path)), filepath.Ext(path))
	case err != nil && *territory != "" && strings.HasPrefix(err.Error(), "no territory"):
		territoryName = *territory // created by this import
	case err != nil:
		return err
	}
	opt, err := knownRecords(ctx, st, territoryID)
	if err != nil {
		return err
	}
	opt.Resources = resourceKnowledge()
	ds, problems, err := dataset.Read(path, opt)
	if err != nil {
		return err
	}
	printProblems(e, problems, *allWarnings)
	if n := len(problems.Errors()); n > 0 {
		return fmt.Errorf("%d error(s) in %s: nothing was imported", n, path)
	}

	var bar *progressBar
	if total := len(ds.Companies) + len(ds.Flows) + len(ds.Synergies); total > 2000 && isTerminal(e.stderr) {
		bar = newProgressBar(e.stderr, "import", total)
	}
	importOpt := storage.ImportOptions{DryRun: *dryRun, NewTerritory: territoryName}
	if bar != nil {
		importOpt.Progress = bar.set
	}
	stats, err := st.ImportDataset(ctx, territoryID, ds, importOpt)
	if bar != nil {
		bar.done()
	}
	if err != nil {
		return err
	}
	verb := "Imported into"
	if *dryRun {
		verb = "Dry run, nothing written. Would import into"
	}
	fmt.Fprintf(e.stdout, "%s territory %q:\n  companies: %d created, %d updated\n  flows:     %d created, %d updated\n"+
		"  synergies: %d created, %d updated\n  contacts:  %d\n  warnings:  %d\n",
		verb, territoryName, stats.CompaniesCreated, stats.CompaniesUpdated, stats.FlowsCreated, stats.FlowsUpdated,
		stats.SynergiesCreated, stats.SynergiesUpdated, stats.Contacts, len(problems.Warnings()))
	return nil
}

// knownRecords lists the ids already in the territory, so that a dataset
// may refer to them.
func knownRecords(ctx context.Context, st *storage.Storage, territoryID int64) (dataset.Options, error) {
	opt := dataset.Options{KnownCompanies: map[string]bool{}, KnownFlows: map[string]model.Direction{}}
	if territoryID == 0 {
		return opt, nil
	}
	companies, err := st.Companies(ctx, territoryID)
	if err != nil {
		return opt, err
	}
	for _, c := range companies {
		opt.KnownCompanies[c.ExtID] = true
	}
	flows, err := st.Flows(ctx, territoryID)
	if err != nil {
		return opt, err
	}
	for _, f := range flows {
		opt.KnownFlows[f.ExtID] = f.Direction
	}
	return opt, nil
}

func printProblems(e *env, problems dataset.Problems, allWarnings bool) {
	for _, p := range problems.Errors() {
		fmt.Fprintln(e.stderr, p)
	}
	warnings := problems.Warnings()
	for i, p := range warnings {
		if i == maxWarningsShown && !allWarnings {
			fmt.Fprintf(e.stderr, "… and %d more warnings (--all-warnings lists them)\n", len(warnings)-i)
			break
		}
		fmt.Fprintln(e.stderr, p)
	}
}
