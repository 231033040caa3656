package api

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"symbiose/internal/dataset"
	"symbiose/internal/model"
)

// export answers the territory's whole dataset as the JSON document
// `symbiose export FILE.json` writes; managers only.
func (a *API) export(w http.ResponseWriter, r *http.Request) {
	t, user, err := a.managedTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	ds, err := a.territoryDataset(r, t.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	data, err := datasetJSON(ds)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, user, t.ID, "export", "dataset", "", fmt.Sprintf("%d companies, %d flows, %d synergies, %d contacts",
		len(ds.Companies), len(ds.Flows), len(ds.Synergies), len(ds.Contacts)))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="territory-%d.json"`, t.ID))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}

// territoryDataset reads the whole of a territory as a dataset.
func (a *API) territoryDataset(r *http.Request, territoryID int64) (model.Dataset, error) {
	var ds model.Dataset
	var err error
	ctx := r.Context()
	if ds.Companies, err = a.store.Companies(ctx, territoryID); err != nil {
		return ds, err
	}
	if ds.Contacts, err = a.store.Contacts(ctx, territoryID); err != nil {
		return ds, err
	}
	if ds.Flows, err = a.store.Flows(ctx, territoryID); err != nil {
		return ds, err
	}
	ds.Synergies, err = a.store.Synergies(ctx, territoryID)
	return ds, err
}

// datasetJSON writes a dataset as a JSON document. The dataset package
// writes to paths only, so it goes through a temporary file.
func datasetJSON(ds model.Dataset) ([]byte, error) {
	dir, err := os.MkdirTemp("", "symbiose-export-")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "dataset.json")
	if err := dataset.Write(path, ds); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}
