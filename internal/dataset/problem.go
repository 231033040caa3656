// Package dataset reads and writes the interchange format of a territory's
// data: a folder of CSV files, an XLSX workbook or a JSON document (see the
// project's interchange specification). Reading checks every record and
// reports every problem with its file, line and field.
package dataset

import (
	"fmt"
	"sort"
)

// Severity tells whether a problem blocks an import.
type Severity string

// Severities.
const (
	Error   Severity = "error"   // the dataset cannot be imported
	Warning Severity = "warning" // imported anyway; worth a look
)

// Problem is one thing wrong with a dataset, located to the field.
type Problem struct {
	Severity Severity `json:"severity"`
	File     string   `json:"file"`            // "flows.csv", "data.xlsx[flows]", "data.json"
	Line     int      `json:"line,omitempty"`  // 1-based line (CSV, JSON) or row (XLSX); 0 for the whole file
	Field    string   `json:"field,omitempty"` // column name, empty for the whole record
	Message  string   `json:"message"`
}

func (p Problem) String() string {
	loc := p.File
	if p.Line > 0 {
		loc += fmt.Sprintf(" line %d", p.Line)
	}
	if p.Field != "" {
		loc += ", " + p.Field
	}
	return fmt.Sprintf("%s: %s: %s", p.Severity, loc, p.Message)
}

// Problems is the list of problems found in a dataset.
type Problems []Problem

// Errors returns the blocking problems.
func (ps Problems) Errors() Problems { return ps.filter(Error) }

// Warnings returns the non-blocking problems.
func (ps Problems) Warnings() Problems { return ps.filter(Warning) }

func (ps Problems) filter(s Severity) Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// sortByPlace orders problems by file order, then line, keeping the order of
// checks within a line.
func (ps Problems) sortByPlace(fileOrder map[string]int) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if fileOrder[a.File] != fileOrder[b.File] {
			return fileOrder[a.File] < fileOrder[b.File]
		}
		return a.Line < b.Line
	})
}
