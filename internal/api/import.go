package api

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// maxDatasetBody bounds an imported dataset.
const maxDatasetBody = 64 << 20

// importDataset imports a dataset JSON document into the territory, as
// `symbiose import` does: records whose id exists are updated, others
// created; with any error, every problem is answered with its line and
// field, and nothing is written. ?dry_run=true counts without writing.
// Managers only.
func (a *API) importDataset(w http.ResponseWriter, r *http.Request) {
	t, user, err := a.managedTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	dryRun := false
	if s := r.URL.Query().Get("dry_run"); s != "" {
		if dryRun, err = strconv.ParseBool(s); err != nil {
			a.fail(w, r, response.BadRequest("dry_run must be true or false", "dry_run"))
			return
		}
	}
	opt, err := a.knownRecords(r, t.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	ds, problems, err := readDataset(w, r, opt)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if errs := problems.Errors(); len(errs) > 0 {
		status, _ := response.Status(response.BadRequest(errs[0].Message, errs[0].Field))
		response.JSON(w, status, map[string]any{
			"error":    fieldProblem{Field: errs[0].Field, Message: fmt.Sprintf("%d error(s) in the dataset: nothing was imported", len(errs))},
			"errors":   nonNil(errs),
			"warnings": nonNil(problems.Warnings()),
		})
		return
	}
	st, err := a.store.ImportDataset(r.Context(), t.ID, ds, storage.ImportOptions{DryRun: dryRun, Actor: user.Email})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if !dryRun {
		a.audit(r, user, t.ID, "import", "dataset", "", fmt.Sprintf("companies %d created, %d updated; flows %d created, %d updated; synergies %d created, %d updated; contacts %d",
			st.CompaniesCreated, st.CompaniesUpdated, st.FlowsCreated, st.FlowsUpdated, st.SynergiesCreated, st.SynergiesUpdated, st.Contacts))
		a.rematch(r)
	}
	response.JSON(w, http.StatusOK, map[string]any{
		"dry_run":   dryRun,
		"companies": counts{st.CompaniesCreated, st.CompaniesUpdated},
		"flows":     counts{st.FlowsCreated, st.FlowsUpdated},
		"synergies": counts{st.SynergiesCreated, st.SynergiesUpdated},
		"contacts":  st.Contacts,
		"warnings":  nonNil(problems.Warnings()),
	})
}

type counts struct {
	Created int `json:"created"`
	Updated int `json:"updated"`
}

func nonNil(ps dataset.Problems) dataset.Problems {
	if ps == nil {
		return dataset.Problems{}
	}
	return ps
}

// readDataset reads the body as a dataset JSON document. The dataset
// package reads from paths only, so it goes through a temporary file;
// problems name it "dataset.json".
func readDataset(w http.ResponseWriter, r *http.Request, opt dataset.Options) (ds model.Dataset, problems dataset.Problems, err error) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxDatasetBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return ds, nil, errTooLarge(fmt.Sprintf("the dataset is larger than %d MiB", maxDatasetBody>>20))
	}
	if err != nil {
		return ds, nil, response.BadRequest("the body cannot be read: "+err.Error(), "")
	}
	dir, err := os.MkdirTemp("", "symbiose-import-")
	if err != nil {
		return ds, nil, fmt.Errorf("import: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "dataset.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return ds, nil, fmt.Errorf("import: %w", err)
	}
	return dataset.Read(path, opt)
}
