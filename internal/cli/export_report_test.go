package cli

import (
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The XLSX export of the demo has a synergies sheet with every synergy, its
// follow-up and its impact as numbers a spreadsheet can sum.
func TestExportSynergiesWithImpact(t *testing.T) {
	dataDir := t.TempDir()
	mustRun(t, "demo", "--data-dir", dataDir)
	path := filepath.Join(t.TempDir(), "demo.xlsx")
	mustRun(t, "export", path, "--data-dir", dataDir)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("synergies")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 25 {
		t.Fatalf("synergies sheet has %d rows, want a header and the demo's 24 synergies", len(rows))
	}
	col := func(name string) int {
		i := slices.Index(rows[0], name)
		if i < 0 {
			t.Fatalf("no column %q in %v", name, rows[0])
		}
		return i
	}
	status, tonnes, co2, euros, mwh := col("status"), col("tonnes_diverted"), col("co2e_avoided_t"), col("euros_saved"), col("energy_saved_mwh")
	col("started_on")
	col("updated_on")
	var totalTonnes, totalEuros, totalMWh float64
	for i, r := range rows[1:] {
		if r[status] == "" {
			t.Errorf("row %d has no status", i+2)
		}
		for _, c := range []int{tonnes, co2, euros, mwh} {
			cell, _ := excelize.CoordinatesToCellName(c+1, i+2)
			typ, _ := f.GetCellType("synergies", cell)
			if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				t.Errorf("%s (%s) is not a number: type %v", cell, rows[0][c], typ)
			}
		}
		v := func(c int) float64 { x, _ := strconv.ParseFloat(r[c], 64); return x }
		totalTonnes += v(tonnes)
		totalEuros += v(euros)
		totalMWh += v(mwh)
	}
	// The demo has landfilled flows taken up, heat recovered and costs
	// avoided: none of the totals may be zero.
	if totalTonnes == 0 || totalEuros == 0 || totalMWh == 0 {
		t.Errorf("impact totals: %.0f t, %.0f €, %.0f MWh", totalTonnes, totalEuros, totalMWh)
	}
}
