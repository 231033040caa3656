package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// WorkshopFile is the optional file of a dataset folder that constrains a
// bourse's table plan (see the interchange specification).
const WorkshopFile = "workshop.csv"

// Kinds of workshop.csv rows.
const (
	ConstraintCompetitors = "competitors" // never at the same table
	ConstraintMustMeet    = "must_meet"   // at the same table at least once
	ConstraintFixed       = "fixed"       // at a given table, in one round or all
)

// WorkshopConstraint is one row of workshop.csv. Table and Round count
// from 0 here; Round is -1 for every round.
type WorkshopConstraint struct {
	Line           int
	Kind           string
	CompanyID      string
	OtherCompanyID string // pair kinds
	Table, Round   int    // fixed
}

// ReadWorkshop reads the workshop.csv of a dataset folder, if it has one
// (none: nil and no problem). companies are the dataset's company ids.
// Tables and rounds are numbered from 1, as people count them; a file
// that uses 0 anywhere in those columns is read as numbered from 0, as
// programs count. An empty round fixes the company in every round. Every
// problem is located by line and field.
func ReadWorkshop(dir string, companies map[string]bool) ([]WorkshopConstraint, Problems, error) {
	data, err := os.ReadFile(filepath.Join(dir, WorkshopFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", WorkshopFile, err)
	}
	out, problems := ParseWorkshop(data, companies)
	return out, problems, nil
}

// ParseWorkshop reads the content of a workshop.csv file.
func ParseWorkshop(data []byte, companies map[string]bool) ([]WorkshopConstraint, Problems) {
	t, problems := readCSV("workshop", WorkshopFile, data)
	for _, col := range []string{"kind", "company_id"} {
		if !slices.Contains(t.header, col) && len(t.header) > 0 {
			problems = append(problems, Problem{Severity: Error, File: WorkshopFile, Line: 1, Field: col, Message: "required column missing"})
		}
	}
	zeroBased := false
	for _, r := range t.records {
		if r.get("table") == "0" || r.get("round") == "0" {
			zeroBased = true
		}
	}
	first := 1
	if zeroBased {
		first = 0
	}
	bad := func(r record, field, msg string) {
		problems = append(problems, Problem{Severity: Error, File: WorkshopFile, Line: r.line, Field: field, Message: msg})
	}
	company := func(r record, field string) string {
		id := r.get(field)
		switch {
		case id == "":
			bad(r, field, "a company id is required")
		case !companies[id]:
			bad(r, field, fmt.Sprintf("no company %q in the dataset", id))
		}
		return id
	}
	number := func(r record, field string, empty int) int {
		s := r.get(field)
		if s == "" {
			return empty
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < first {
			bad(r, field, fmt.Sprintf("%q is not a number from %d", s, first))
			return empty
		}
		return n - first
	}
	var out []WorkshopConstraint
	for _, r := range t.records {
		c := WorkshopConstraint{Line: r.line, Kind: r.get("kind"), CompanyID: company(r, "company_id")}
		switch c.Kind {
		case ConstraintCompetitors, ConstraintMustMeet:
			c.OtherCompanyID = company(r, "other_company_id")
			if c.OtherCompanyID == c.CompanyID && c.CompanyID != "" {
				bad(r, "other_company_id", "a company cannot be paired with itself")
			}
		case ConstraintFixed:
			if r.get("table") == "" {
				bad(r, "table", "a fixed seat needs a table")
			}
			c.Table, c.Round = number(r, "table", 0), number(r, "round", -1)
		default:
			bad(r, "kind", fmt.Sprintf("%q: want competitors, must_meet or fixed", c.Kind))
		}
		out = append(out, c)
	}
	return out, problems
}
