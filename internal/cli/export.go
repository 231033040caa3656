package cli

import (
	"context"
	"fmt"

	"symbiose/internal/dataset"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := e.flags("export", "DIR|FILE.xlsx|FILE.json|FILE.geojson", "Exports a territory as a dataset: a folder of CSV files, an XLSX workbook (one sheet per file)\n"+
		"or a JSON document; importing the result gives back the same data. FILE.geojson writes the companies (points)\n"+
		"and synergies (lines from supplier to receiver, multipoints for pools) as a map layer for QGIS.")
	cfg := dataFlags(fs)
	territory := fs.String("territory", "", "territory to export (default: the only one)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	db, st, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	id, name, err := existingTerritory(ctx, st, *territory)
	if err != nil {
		return err
	}
	ds, err := territoryDataset(ctx, st, id)
	if err != nil {
		return err
	}
	if err := withFollowUpAndImpact(&ds); err != nil {
		return err
	}
	if err := dataset.Write(pos[0], ds); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Exported territory %q to %s: %d companies, %d flows, %d synergies, %d contacts\n",
		name, pos[0], len(ds.Companies), len(ds.Flows), len(ds.Synergies), len(ds.Contacts))
	return nil
}

// territoryDataset reads the whole of a territory as a dataset.
func territoryDataset(ctx context.Context, st *storage.Storage, territoryID int64) (model.Dataset, error) {
	var ds model.Dataset
	var err error
	if ds.Companies, err = st.Companies(ctx, territoryID); err != nil {
		return ds, err
	}
	if ds.Contacts, err = st.Contacts(ctx, territoryID); err != nil {
		return ds, err
	}
	if ds.Flows, err = st.Flows(ctx, territoryID); err != nil {
		return ds, err
	}
	ds.Synergies, err = st.Synergies(ctx, territoryID)
	return ds, err
}
