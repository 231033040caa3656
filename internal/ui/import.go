package ui

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
	"symbiose/internal/storage"
)

// Uploads wait for confirmation in a folder of their own for an hour.
const (
	maxUpload      = 64 << 20
	uploadLifetime = time.Hour
)

type importData struct {
	Errors, Warnings dataset.Problems
	Token            string
	Stats            storage.ImportStats
	Done             bool
}

var tokenShape = regexp.MustCompile(`^[A-Za-z0-9_-]{20,}$`)

func uploadRoot() string { return filepath.Join(os.TempDir(), "symbiose-imports") }

// importForm shows the upload form.
func (u *UI) importForm(w http.ResponseWriter, r *http.Request) {
	t, _, err := u.managedTerritory(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "import", u.page(r, "Import", importData{}).withTerritory(t))
}

// importCheck stores the uploaded files, checks them like symbiose import
// does and, when they are valid, shows what the import would change.
func (u *UI) importCheck(w http.ResponseWriter, r *http.Request) {
	t, _, err := u.managedTerritory(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		u.fail(w, r, &response.Error{Status: http.StatusBadRequest, Message: "error.400"})
		return
	}
	defer r.MultipartForm.RemoveAll()
	if !checkCSRF(r) {
		u.fail(w, r, errForbiddenCSRF)
		return
	}
	cleanOldUploads()
	token := auth.NewToken()
	dir := filepath.Join(uploadRoot(), fmt.Sprintf("%d-%s", t.ID, token))
	path, err := saveUpload(r, dir)
	if err != nil {
		os.RemoveAll(dir)
		u.fail(w, r, err)
		return
	}
	ds, problems, err := u.readUpload(r, t.ID, path)
	if err != nil {
		os.RemoveAll(dir)
		u.fail(w, r, &response.Error{Status: http.StatusBadRequest, Message: "error.400"})
		return
	}
	d := importData{Errors: problems.Errors(), Warnings: problems.Warnings()}
	if len(d.Errors) > 0 {
		os.RemoveAll(dir)
		u.render(w, r, http.StatusBadRequest, "import", u.page(r, "Import", d).withTerritory(t))
		return
	}
	if d.Stats, err = u.store.ImportDataset(r.Context(), t.ID, ds, storage.ImportOptions{DryRun: true}); err != nil {
		os.RemoveAll(dir)
		u.fail(w, r, err)
		return
	}
	d.Token = token
	u.render(w, r, http.StatusOK, "import", u.page(r, "Import", d).withTerritory(t))
}

// importConfirm imports the files checked before.
func (u *UI) importConfirm(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.managedTerritory(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	token := r.PathValue("token")
	if err == nil && !tokenShape.MatchString(token) {
		err = response.NotFound()
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	dir := filepath.Join(uploadRoot(), fmt.Sprintf("%d-%s", t.ID, token))
	path, err := datasetPath(dir)
	if err != nil {
		u.fail(w, r, &response.Error{Status: http.StatusGone, Message: "import.expired"})
		return
	}
	defer os.RemoveAll(dir)
	ds, problems, err := u.readUpload(r, t.ID, path)
	if err == nil && len(problems.Errors()) > 0 {
		err = badForm(problems.Errors()) // the territory changed since the check
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	stats, err := u.store.ImportDataset(r.Context(), t.ID, ds, storage.ImportOptions{Actor: user.Email})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "import", "dataset", "", fmt.Sprintf("%d companies, %d flows, %d synergies",
		stats.CompaniesCreated+stats.CompaniesUpdated, stats.FlowsCreated+stats.FlowsUpdated, stats.SynergiesCreated+stats.SynergiesUpdated))
	u.rematch(r)
	u.render(w, r, http.StatusOK, "import", u.page(r, "Import", importData{Done: true, Stats: stats}).withTerritory(t))
}

// readUpload reads an uploaded dataset with the territory's existing ids.
func (u *UI) readUpload(r *http.Request, territoryID int64, path string) (model.Dataset, dataset.Problems, error) {
	opt := dataset.Options{KnownCompanies: map[string]bool{}, KnownFlows: map[string]model.Direction{}, Resources: nomenclature.Taxonomy{}}
	companies, err := u.store.Companies(r.Context(), territoryID)
	if err != nil {
		return model.Dataset{}, nil, err
	}
	for _, c := range companies {
		opt.KnownCompanies[c.ExtID] = true
	}
	flows, err := u.store.Flows(r.Context(), territoryID)
	if err != nil {
		return model.Dataset{}, nil, err
	}
	for _, f := range flows {
		opt.KnownFlows[f.ExtID] = f.Direction
	}
	return dataset.Read(path, opt)
}

// saveUpload writes the posted files into dir under their own base names
// and returns the dataset's path: the workbook or JSON file, or dir.
func saveUpload(r *http.Request, dir string) (string, error) {
	files := r.MultipartForm.File["files"]
	if len(files) == 0 {
		return "", &response.Error{Status: http.StatusBadRequest, Message: "error.400", Field: "files"}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	for _, fh := range files {
		name := filepath.Base(strings.ReplaceAll(fh.Filename, "\\", "/"))
		ext := strings.ToLower(filepath.Ext(name))
		if name == "." || name == "/" || (ext != ".csv" && ext != ".xlsx" && ext != ".json") {
			return "", &response.Error{Status: http.StatusBadRequest, Message: "error.400", Field: "files"}
		}
		src, err := fh.Open()
		if err != nil {
			return "", err
		}
		dst, err := os.Create(filepath.Join(dir, strings.ToLower(name)))
		if err == nil {
			_, err = io.Copy(dst, src)
			if cerr := dst.Close(); err == nil {
				err = cerr
			}
		}
		src.Close()
		if err != nil {
			return "", err
		}
	}
	return datasetPath(dir)
}

// datasetPath finds what dataset.Read should read in an upload folder.
func datasetPath(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext == ".xlsx" || ext == ".json" {
			return filepath.Join(dir, e.Name()), nil
		}
	}
	return dir, nil
}

// cleanOldUploads removes uploads never confirmed.
func cleanOldUploads() {
	entries, err := os.ReadDir(uploadRoot())
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > uploadLifetime {
			os.RemoveAll(filepath.Join(uploadRoot(), e.Name()))
		}
	}
}
