// Package impact turns a synergy's quantities into tonnes diverted, CO2e
// avoided, euros, water and energy saved, with a sourced factor table.
// It is pure: structs in, values out, no SQL, no HTTP.
package impact

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// Kinds of factor in the table, each with its unit.
const (
	KindAvoidedProduction = "avoided_production_kgco2e_per_t"    // kgCO2e/t
	KindLandfill          = "disposal_landfill_kgco2e_per_t"     // kgCO2e/t
	KindIncineration      = "disposal_incineration_kgco2e_per_t" // kgCO2e/t
	KindEnergy            = "energy_kgco2e_per_mwh"              // kgCO2e/MWh
	KindWater             = "water_kgco2e_per_m3"                // kgCO2e/m3
	KindTransport         = "transport_kgco2e_per_tkm"           // kgCO2e/t.km
)

const (
	anyResource   = "*"
	factorsHeader = "resource,kind,value,unit,source,row_id"
)

var kinds = map[string]bool{KindAvoidedProduction: true, KindLandfill: true, KindIncineration: true,
	KindEnergy: true, KindWater: true, KindTransport: true}

//go:embed data/factors.csv
var factorsCSV string

// Factor is one row of the factor table.
type Factor struct {
	Resource string // taxonomy code or root; "*" matches any resource
	Kind     string
	Value    float64
	Unit     string
	Source   string // human-readable public source, with the arithmetic if derived
	RowID    string // DESNZ row ID(s)
}

// Factors is a loaded factor table, indexed by resource and kind.
type Factors struct {
	rows  []Factor
	index map[[2]string]Factor
}

// Load reads the embedded factor table.
func Load() (*Factors, error) {
	return Parse(strings.NewReader(factorsCSV))
}

// Default returns the embedded table, parsed once; the error can only come
// from a broken embedded file, which the tests rule out.
var Default = sync.OnceValues(Load)

// Parse reads a factor table in the factors.csv format. Every row needs a
// known kind, a positive value, a source and a row ID: a number nobody can
// trace back has no place in a report.
func Parse(r io.Reader) (*Factors, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(strings.Split(factorsHeader, ","))
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("impact factors: header: %w", err)
	}
	if got := strings.Join(header, ","); got != factorsHeader {
		return nil, fmt.Errorf("impact factors: header %q, want %q", got, factorsHeader)
	}
	f := &Factors{index: map[[2]string]Factor{}}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("impact factors: line %d: %w", line, err)
		}
		row, err := parseFactor(rec)
		if err != nil {
			return nil, fmt.Errorf("impact factors: line %d: %w", line, err)
		}
		key := [2]string{row.Resource, row.Kind}
		if _, dup := f.index[key]; dup {
			return nil, fmt.Errorf("impact factors: line %d: duplicate %s %s", line, row.Resource, row.Kind)
		}
		f.index[key] = row
		f.rows = append(f.rows, row)
	}
	return f, nil
}

func parseFactor(rec []string) (Factor, error) {
	row := Factor{Resource: strings.TrimSpace(rec[0]), Kind: strings.TrimSpace(rec[1]),
		Unit: strings.TrimSpace(rec[3]), Source: strings.TrimSpace(rec[4]), RowID: strings.TrimSpace(rec[5])}
	v, err := strconv.ParseFloat(strings.TrimSpace(rec[2]), 64)
	if err != nil {
		return row, fmt.Errorf("value: %w", err)
	}
	row.Value = v
	switch {
	case row.Resource == "":
		return row, fmt.Errorf("empty resource")
	case !kinds[row.Kind]:
		return row, fmt.Errorf("unknown kind %q", row.Kind)
	case row.Value <= 0:
		return row, fmt.Errorf("%s %s: value %v must be positive", row.Resource, row.Kind, row.Value)
	case row.Source == "" || row.RowID == "":
		return row, fmt.Errorf("%s %s: source and row_id are required", row.Resource, row.Kind)
	}
	return row, nil
}

// Rows returns a copy of every row, in file order.
func (f *Factors) Rows() []Factor {
	return append([]Factor(nil), f.rows...)
}

// Lookup finds the factor of a kind for a resource code, trying the code,
// then each shorter prefix (wood.pallet, wood), then "*". The most specific
// prefix wins so a polymer row overrides the plastics average, while codes
// the table does not list still get their root's factor.
func (f *Factors) Lookup(resource, kind string) (Factor, bool) {
	if f == nil {
		return Factor{}, false
	}
	code := strings.ToLower(strings.TrimSpace(resource))
	for code != "" {
		if row, ok := f.index[[2]string{code, kind}]; ok {
			return row, true
		}
		i := strings.LastIndexByte(code, '.')
		if i < 0 {
			break
		}
		code = code[:i]
	}
	row, ok := f.index[[2]string{anyResource, kind}]
	return row, ok
}
