// Package nomenclature holds the reference lists Symbiose codes flows and
// companies against: the European List of Waste, NAF rév.2 / NACE Rev.2 and
// the resource taxonomy. The lists are embedded in the binary and parsed once.
package nomenclature

import (
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
)

//go:embed data
var dataFS embed.FS

// readCSV reads an embedded CSV file into rows keyed by header name.
// The files are ours and tested, so a broken one is a programming error
// reported by the caller's load function.
func readCSV(name string) ([]map[string]string, error) {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("open embedded %s: %w", name, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("read header of %s: %w", name, err)
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			if i < len(rec) {
				row[h] = rec[i]
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// mustLoad turns a load error of embedded data into a panic: the data ships
// with the binary and is checked by tests, so failure means a broken build.
func mustLoad[T any](v T, err error) T {
	if err != nil {
		panic("nomenclature: " + err.Error())
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
