package dataset

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"symbiose/internal/model"
)

func mustRead(t *testing.T, path string) model.Dataset {
	t.Helper()
	ds, problems, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatalf("%s: unexpected errors: %v", path, errs)
	}
	return ds
}

// The same data written by hand as a CSV folder (comma and semicolon files,
// French words, decimal comma, BOM, extra columns) and as JSON reads the same.
func TestHandwrittenCSVAndJSONAgree(t *testing.T) {
	fromCSV := mustRead(t, "testdata/handwritten")
	fromJSON := mustRead(t, "testdata/handwritten.json")
	if !reflect.DeepEqual(fromCSV, fromJSON) {
		t.Fatalf("CSV and JSON differ:\ncsv:  %+v\njson: %+v", fromCSV, fromJSON)
	}
	f1 := fromCSV.Flows[0]
	if f1.Direction != model.Output || f1.Family != "waste" || *f1.Quantity != 1200.5 || f1.Unit != "t" ||
		f1.Treatment != "energy_recovery" || f1.EWC != "030105" || f1.Attrs["site"] != "scierie nord" {
		t.Fatalf("flow f1 read wrong: %+v", f1)
	}
	if f4 := fromCSV.Flows[3]; f4.Family != "waste" || !f4.Hazardous || f4.Visibility != "anonymous" {
		t.Fatalf("flow f4: family and hazard not inferred: %+v", f4)
	}
	if c := fromCSV.Companies[0]; c.SIRET != "73282932000074" || c.Address != "12, route de Bordeaux" {
		t.Fatalf("company c1 read wrong: %+v", c)
	}
}

// Writing then reading back gives the same data, in every format.
func TestRoundTrip(t *testing.T) {
	want := mustRead(t, "testdata/handwritten")
	for _, name := range []string{"folder", "data.xlsx", "data.json"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			if err := Write(path, want); err != nil {
				t.Fatal(err)
			}
			got := mustRead(t, path)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round trip through %s changed the data:\ngot:  %+v\nwant: %+v", name, got, want)
			}
		})
	}
}

func TestTenErrorsAreAllReported(t *testing.T) {
	_, problems, err := Read("testdata/ten_errors", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems.Errors() {
		got = append(got, p.File+":"+itoa(p.Line)+":"+p.Field)
	}
	want := []string{
		"companies.csv:2:siret", "companies.csv:3:name", "companies.csv:3:employees", "companies.csv:4:id",
		"companies.csv:5:lat", "flows.csv:3:company_id", "flows.csv:4:direction", "flows.csv:5:label",
		"flows.csv:5:period", "synergies.csv:3:type",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestProblemsByCase(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                []string // "severity line field" of each problem
	}{
		{"bad SIRET key is a warning", "companies.csv", "id,name,siret,lat,lon\nc1,A,73282932000075,1,1\n",
			[]string{"warning 2 siret"}},
		{"unknown NAF is a warning", "companies.csv", "id,name,naf,lat,lon\nc1,A,99.99Z,1,1\n",
			[]string{"warning 2 naf"}},
		{"missing coordinates is a warning", "companies.csv", "id,name\nc1,A\n",
			[]string{"warning 2 lat"}},
		{"lat without lon", "companies.csv", "id,name,lat,lon\nc1,A,45,\n", []string{"error 2 lat"}},
		{"missing required column", "flows.csv", "id,company_id,label\nf1,c1,x\n", []string{"error 1 direction"}},
		{"unknown EWC", "flows.csv", "company_id,direction,label,ewc\nc1,output,x,99 99 99\n",
			[]string{"error 2 company_id", "error 2 ewc"}},
		{"dates in order", "flows.csv", "company_id,direction,label,available_from,available_until\nc1,in,x,2024-05-01,01/04/2024\n",
			[]string{"error 2 company_id", "error 2 available_until"}},
		{"too many values", "companies.csv", "id,name\nc1,A,extra\n", []string{"error 2 "}},
		{"bad quote", "companies.csv", "id,name\nc1,\"A\"x\n", []string{"error 2 "}},
		{"empty file", "companies.csv", "", []string{"error 1 "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, problems, err := Read(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range problems {
				got = append(got, string(p.Severity)+" "+itoa(p.Line)+" "+p.Field)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, want %q (%v)", got, tt.want, problems)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"12", 12, true}, {"1,5", 1.5, true}, {"1 200,5", 1200.5, true}, {"1.200,5", 1200.5, true},
		{"1,200.5", 1200.5, true}, {"1\u00a0200", 1200, true}, {"-3", -3, true}, {"abc", 0, false},
		{"1,2,3", 0, false}, {"NaN", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseNumber(tt.in)
			if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
				t.Fatalf("parseNumber(%q) = %v, %v", tt.in, got, err)
			}
		})
	}
}

func TestSIRETKey(t *testing.T) {
	for _, tt := range []struct {
		siret string
		ok    bool
	}{{"73282932000074", true}, {"73282932000075", false}, {"35600000000010", true}, {"35600000000011", false}} {
		if got := siretKeyOK(tt.siret); got != tt.ok {
			t.Errorf("siretKeyOK(%s) = %v", tt.siret, got)
		}
	}
}
