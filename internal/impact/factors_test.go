package impact

import (
	"regexp"
	"strings"
	"testing"

	"symbiose/internal/nomenclature"
)

var desnzID = regexp.MustCompile(`^\d+_\d+_\d+_\d+_\d+$`)

func TestFactorsTable(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rows := f.Rows()
	if len(rows) < 50 {
		t.Fatalf("only %d factor rows", len(rows))
	}
	for _, row := range rows {
		name := row.Resource + " " + row.Kind
		if row.Value <= 0 {
			t.Errorf("%s: value %v, want positive", name, row.Value)
		}
		if !strings.HasPrefix(row.Source, "DESNZ 2025, ") {
			t.Errorf("%s: source %q does not name DESNZ 2025", name, row.Source)
		}
		for _, id := range strings.Split(row.RowID, " − ") {
			if !desnzID.MatchString(id) {
				t.Errorf("%s: row_id part %q is not a DESNZ ID", name, id)
			}
		}
		if row.Resource != anyResource {
			if _, ok := nomenclature.LookupResource(row.Resource); !ok {
				t.Errorf("%s: %q is not in the resource taxonomy", name, row.Resource)
			}
		}
		if strings.Contains(row.RowID, " − ") != strings.Contains(row.Source, " − ") {
			t.Errorf("%s: a difference of rows must say so in its source", name)
		}
	}
	el, ok := f.Lookup("energy.electricity", KindEnergy)
	if !ok || !strings.Contains(el.Source, "proxy") {
		t.Errorf("electricity row must say the UK grid is a proxy: %+v", el)
	}
}

// TestMainRootsCovered guards the roots the issue names against a table edit
// that would silently drop them.
func TestMainRootsCovered(t *testing.T) {
	f, _ := Default()
	tests := []struct{ resource, kind string }{
		{"wood", KindAvoidedProduction}, {"wood", KindLandfill}, {"wood", KindIncineration},
		{"paper.cardboard", KindAvoidedProduction}, {"paper", KindLandfill},
		{"plastic.pet", KindAvoidedProduction}, {"plastic", KindIncineration},
		{"metal.ferrous.steel", KindAvoidedProduction}, {"metal.non_ferrous.aluminium", KindAvoidedProduction},
		{"glass.cullet", KindAvoidedProduction}, {"mineral.concrete", KindLandfill},
		{"organic.food", KindLandfill}, {"organic.green", KindLandfill},
		{"textile.clothing", KindAvoidedProduction}, {"textile.offcuts", KindLandfill},
		{"rubber.tyre", KindAvoidedProduction}, {"weee.small", KindLandfill},
		{"energy.gas.natural", KindEnergy}, {"energy.electricity", KindEnergy},
		{"energy.heat.steam", KindEnergy}, {"water.process", KindWater}, {"wood", KindTransport},
	}
	for _, tt := range tests {
		if _, ok := f.Lookup(tt.resource, tt.kind); !ok {
			t.Errorf("no %s factor for %s", tt.kind, tt.resource)
		}
	}
}

func TestLookupMostSpecificPrefix(t *testing.T) {
	f, _ := Default()
	tests := []struct {
		name, resource, kind string
		wantResource         string
		wantOK               bool
	}{
		{"child falls back to root", "wood.pallet", KindAvoidedProduction, "wood", true},
		{"exact polymer", "plastic.pe.film", KindAvoidedProduction, "plastic.pe.film", true},
		{"polymer child", "plastic.pe.bottle", KindAvoidedProduction, "plastic.pe", true},
		{"polymer disposal from root", "plastic.pe.bottle", KindLandfill, "plastic", true},
		{"ferrous over metal", "metal.ferrous.scrap", KindAvoidedProduction, "metal.ferrous", true},
		{"copper gets metal average", "metal.non_ferrous.copper", KindAvoidedProduction, "metal", true},
		{"heat child", "energy.heat.hot_water", KindEnergy, "energy.heat", true},
		{"case and spaces", " Wood.Pallet ", KindLandfill, "wood", true},
		{"any resource for transport", "organic.food", KindTransport, "*", true},
		{"empty code still gets transport", "", KindTransport, "*", true},
		{"no factor", "equipment.it", KindAvoidedProduction, "", false},
		{"prefix is by segment", "woodland", KindLandfill, "", false},
		{"bricks have no secondary row", "mineral.brick", KindAvoidedProduction, "mineral", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := f.Lookup(tt.resource, tt.kind)
			if ok != tt.wantOK || got.Resource != tt.wantResource {
				t.Errorf("Lookup(%q, %q) = %q, %v; want %q, %v", tt.resource, tt.kind, got.Resource, ok, tt.wantResource, tt.wantOK)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	const header = "resource,kind,value,unit,source,row_id\n"
	tests := []struct{ name, csv, want string }{
		{"bad header", "resource,kind,value\nwood,x,1\n", "header"},
		{"no source", header + "wood,disposal_landfill_kgco2e_per_t,1,kgCO2e/t,,20_1_1_1_1\n", "source"},
		{"no row id", header + "wood,disposal_landfill_kgco2e_per_t,1,kgCO2e/t,DESNZ,\n", "row_id"},
		{"zero value", header + "wood,disposal_landfill_kgco2e_per_t,0,kgCO2e/t,DESNZ,1\n", "positive"},
		{"bad value", header + "wood,disposal_landfill_kgco2e_per_t,x,kgCO2e/t,DESNZ,1\n", "value"},
		{"unknown kind", header + "wood,landfill,1,kgCO2e/t,DESNZ,1\n", "unknown kind"},
		{"duplicate", header + "wood,water_kgco2e_per_m3,1,u,DESNZ,1\nwood,water_kgco2e_per_m3,2,u,DESNZ,1\n", "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.csv))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
