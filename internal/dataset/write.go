package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// sheetData is one file of a dataset ready to write.
type sheetData struct {
	name    string
	header  []string
	rows    [][]string
	numeric map[string]bool // columns written as numbers in XLSX and JSON
	lists   map[string]bool // ";"-separated columns written as arrays in JSON
}

// Write writes a dataset to a folder of CSV files (a path without extension
// or an existing folder), an .xlsx workbook or a .json document; a
// .geojson file gets the companies and synergies as a map layer (export
// only).
func Write(path string, ds model.Dataset) error {
	sheets := toSheets(ds)
	var buf bytes.Buffer
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		if err := writeXLSX(&buf, sheets); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return writeFile(path, buf.Bytes())
	case ".json":
		if err := writeJSON(&buf, sheets); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return writeFile(path, buf.Bytes())
	case ".geojson":
		if err := writeGeoJSON(&buf, ds); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return writeFile(path, buf.Bytes())
	case "":
		if err := os.MkdirAll(path, 0o755); err != nil {
			return fmt.Errorf("write dataset: %w", err)
		}
		for _, s := range sheets {
			buf.Reset()
			if err := writeCSV(&buf, s.header, s.rows); err != nil {
				return fmt.Errorf("write %s.csv: %w", s.name, err)
			}
			if err := writeFile(filepath.Join(path, s.name+".csv"), buf.Bytes()); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("write dataset %s: want a folder name, FILE.xlsx, FILE.json or FILE.geojson", path)
}

func writeFile(path string, data []byte) error {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write dataset: %w", err)
	}
	return nil
}

func num(p *float64) string {
	if p == nil {
		return ""
	}
	return formatNumber(*p)
}

func integer(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func ewcDisplay(code string) string {
	if w, ok := nomenclature.LookupWaste(code); ok {
		return w.Display()
	}
	return code
}

// toSheets lays a dataset out in the specification's columns, followed by
// the free attributes in name order. Empty optional files are left out.
func toSheets(ds model.Dataset) []sheetData {
	var sheets []sheetData
	add := func(name string, n int, row func(i int) ([]string, map[string]string), numeric, lists []string) {
		if n == 0 && name != FileCompanies && name != FileFlows {
			return
		}
		s := sheetData{name: name, numeric: set(numeric), lists: set(lists)}
		fixed := columns[name]
		if name == FileFlows && !anyConfidence(ds.Flows) {
			fixed = fixed[:len(fixed)-1] // resource_confidence only when the classifier set one
		}
		extra := map[string]bool{}
		rows := make([][]string, n)
		attrs := make([]map[string]string, n)
		for i := range n {
			rows[i], attrs[i] = row(i)
			for k := range attrs[i] {
				extra[k] = true
			}
		}
		extraNames := make([]string, 0, len(extra))
		for k := range extra {
			extraNames = append(extraNames, k)
		}
		sort.Strings(extraNames)
		s.header = append(append([]string{}, fixed...), extraNames...)
		for i := range rows {
			rows[i] = rows[i][:len(fixed)]
			for _, k := range extraNames {
				rows[i] = append(rows[i], attrs[i][k])
			}
		}
		s.rows = rows
		sheets = append(sheets, s)
	}
	add(FileCompanies, len(ds.Companies), func(i int) ([]string, map[string]string) {
		c := ds.Companies[i]
		return []string{c.ExtID, c.Name, c.SIRET, c.NAF, integer(c.Employees), c.Address, c.Postcode, c.City,
			num(c.Lat), num(c.Lon), c.Zone, strings.Join(c.Tags, ";")}, c.Attrs
	}, []string{"employees", "lat", "lon"}, []string{"tags"})
	add(FileContacts, len(ds.Contacts), func(i int) ([]string, map[string]string) {
		ct := ds.Contacts[i]
		return []string{ct.CompanyExtID, ct.Name, ct.Role, ct.Email, ct.Phone}, nil
	}, nil, nil)
	add(FileFlows, len(ds.Flows), func(i int) ([]string, map[string]string) {
		f := ds.Flows[i]
		ewc := ""
		if f.EWC != "" {
			ewc = ewcDisplay(f.EWC)
		}
		return []string{f.ExtID, f.CompanyExtID, string(f.Direction), f.Family, f.Label, f.Resource, ewc,
			num(f.Quantity), f.Unit, f.Period, f.Quality, f.AvailableFrom, f.AvailableUntil, num(f.CostEUR),
			f.Treatment, f.Visibility, num(f.ResourceConfidence)}, f.Attrs
	}, []string{"quantity", "cost_eur", "resource_confidence"}, nil)
	add(FileSynergies, len(ds.Synergies), func(i int) ([]string, map[string]string) {
		s := ds.Synergies[i]
		return []string{s.ExtID, s.Type, s.OutputFlowExtID, s.InputFlowExtID, s.OutputCompExtID, s.InputCompExtID,
			strings.Join(s.CompanyExtIDs, ";"), s.Resource, s.Label, s.Status, num(s.Quantity), s.Unit, s.Period,
			s.StartedOn}, s.Attrs
	}, append([]string{"quantity"}, ImpactColumns...), []string{"company_ids"})
	return sheets
}

// isNumber says whether a value can be written as a JSON number as is (a
// free attribute in a numeric column may hold anything).
func isNumber(v string) bool {
	_, err := strconv.ParseFloat(v, 64)
	return err == nil && !strings.ContainsAny(v, "xXpPnN_")
}

func anyConfidence(flows []model.Flow) bool {
	for _, f := range flows {
		if f.ResourceConfidence != nil {
			return true
		}
	}
	return false
}

func set(l []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range l {
		m[s] = true
	}
	return m
}

// writeJSON writes {"companies": [...], ...}: numbers as numbers, lists as
// arrays, empty fields left out, keys in column order.
func writeJSON(buf *bytes.Buffer, sheets []sheetData) error {
	buf.WriteString("{")
	for i, s := range sheets {
		if i > 0 {
			buf.WriteString(",")
		}
		fmt.Fprintf(buf, "\n  %q: [", s.name)
		for r, row := range s.rows {
			if r > 0 {
				buf.WriteString(",")
			}
			buf.WriteString("\n    {")
			first := true
			for j, v := range row {
				if v == "" {
					continue
				}
				if !first {
					buf.WriteString(", ")
				}
				first = false
				key, _ := json.Marshal(s.header[j])
				buf.Write(key)
				buf.WriteString(": ")
				var val []byte
				var err error
				switch {
				case s.numeric[s.header[j]] && isNumber(v):
					val = []byte(v)
				case s.lists[s.header[j]]:
					val, err = json.Marshal(strings.Split(v, ";"))
				default:
					val, err = json.Marshal(v)
				}
				if err != nil {
					return err
				}
				buf.Write(val)
			}
			buf.WriteString("}")
		}
		if len(s.rows) > 0 {
			buf.WriteString("\n  ")
		}
		buf.WriteString("]")
	}
	buf.WriteString("\n}\n")
	return nil
}
