package dataset

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"symbiose/internal/model"
)

// Read reads a dataset from a folder of CSV files, an .xlsx workbook or a
// .json document. It returns the records and every problem found; the
// dataset is importable when Problems.Errors() is empty. The error is for
// a path that cannot be read at all.
func Read(path string, opt Options) (model.Dataset, Problems, error) {
	tables, problems, err := readTables(path)
	if err != nil {
		return model.Dataset{}, nil, err
	}
	return parseTables(tables, problems, opt)
}

func readTables(path string) ([]table, Problems, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read dataset: %w", err)
	}
	if info.IsDir() {
		return readDir(os.DirFS(path), path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read dataset: %w", err)
	}
	base := filepath.Base(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		t, p := readXLSX(base, data)
		return t, p, nil
	case ".json":
		t, p := readJSON(base, data)
		return t, p, nil
	case ".csv":
		name := normaliseHeader(strings.TrimSuffix(base, filepath.Ext(base)))
		if _, ok := columns[name]; !ok {
			return nil, nil, fmt.Errorf("read dataset: %s: a single CSV file must be named companies.csv, flows.csv, synergies.csv or contacts.csv", base)
		}
		t, p := readCSV(name, base, data)
		return []table{t}, p, nil
	}
	return nil, nil, fmt.Errorf("read dataset %s: want a folder of CSV files, an .xlsx workbook or a .json file", path)
}

// ReadFS reads a dataset from the CSV files at the root of fsys (an
// embedded demo, say); dir names it in messages.
func ReadFS(fsys fs.FS, dir string, opt Options) (model.Dataset, Problems, error) {
	tables, problems, err := readDir(fsys, dir)
	if err != nil {
		return model.Dataset{}, nil, err
	}
	return parseTables(tables, problems, opt)
}

func readDir(fsys fs.FS, dir string) ([]table, Problems, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, fmt.Errorf("read dataset: %w", err)
	}
	var tables []table
	var problems Problems
	for _, e := range entries {
		name := strings.ToLower(e.Name())
		if e.IsDir() || !strings.HasSuffix(name, ".csv") {
			continue
		}
		key := strings.TrimSuffix(name, ".csv")
		if _, ok := columns[key]; !ok {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, nil, fmt.Errorf("read dataset: %w", err)
		}
		t, p := readCSV(key, e.Name(), data)
		tables = append(tables, t)
		problems = append(problems, p...)
	}
	if len(tables) == 0 {
		return nil, nil, fmt.Errorf("read dataset: %s has none of companies.csv, flows.csv, synergies.csv", dir)
	}
	return tables, problems, nil
}

// parseTables checks and converts the tables in dependency order: companies
// before the flows that name them, flows before synergies.
func parseTables(tables []table, problems Problems, opt Options) (model.Dataset, Problems, error) {
	p := &parser{opt: opt, problems: problems, companies: map[string]bool{}, flows: map[string]model.Direction{},
		classified: map[string]classification{}}
	byName := map[string]table{}
	fileOrder := map[string]int{}
	for _, t := range tables {
		if _, dup := byName[t.name]; dup {
			p.problems = append(p.problems, Problem{Severity: Error, File: t.source, Message: "the dataset has this file twice"})
			continue
		}
		byName[t.name] = t
	}
	for i, name := range fileNames {
		t, ok := byName[name]
		if !ok {
			continue
		}
		fileOrder[t.source] = i
		if missing := missingColumns(t); len(missing) > 0 {
			for _, col := range missing {
				p.problems = append(p.problems, Problem{Severity: Error, File: t.source, Line: 1, Field: col,
					Message: "required column is missing from the header"})
			}
			continue
		}
		switch name {
		case FileCompanies:
			p.parseCompanies(t)
		case FileContacts:
			p.parseContacts(t)
		case FileFlows:
			p.parseFlows(t)
		case FileSynergies:
			p.parseSynergies(t)
		}
	}
	p.problems.sortByPlace(fileOrder)
	return p.ds, p.problems, nil
}

// requiredColumns must be in the header of a CSV file or XLSX sheet.
var requiredColumns = map[string][]string{
	FileCompanies: {"id", "name"},
	FileContacts:  {"company_id"},
	FileFlows:     {"company_id", "direction", "label"},
	FileSynergies: {"type"},
}

// missingColumns lists the required columns a table's header lacks. JSON
// records have no header: each record is checked on its own.
func missingColumns(t table) []string {
	if t.header == nil {
		return nil
	}
	have := map[string]bool{}
	for _, h := range t.header {
		have[h] = true
	}
	var missing []string
	for _, c := range requiredColumns[t.name] {
		if !have[c] {
			missing = append(missing, c)
		}
	}
	return missing
}
