package dataset

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseWorkshop(t *testing.T) {
	known := map[string]bool{"a": true, "b": true, "c": true}
	cases := []struct {
		name     string
		csv      string
		want     []WorkshopConstraint
		problems []string // "line field" of each error
	}{
		{"counted from 1", "kind;company_id;other_company_id;table;round\ncompetitors;a;b;;\nfixed;c;;2;\nfixed;a;;1;3\n",
			[]WorkshopConstraint{{Line: 2, Kind: "competitors", CompanyID: "a", OtherCompanyID: "b"},
				{Line: 3, Kind: "fixed", CompanyID: "c", Table: 1, Round: -1}, {Line: 4, Kind: "fixed", CompanyID: "a", Table: 0, Round: 2}}, nil},
		{"counted from 0", "kind,company_id,table,round\nfixed,c,0,\nfixed,a,2,1\n",
			[]WorkshopConstraint{{Line: 2, Kind: "fixed", CompanyID: "c", Table: 0, Round: -1}, {Line: 3, Kind: "fixed", CompanyID: "a", Table: 2, Round: 1}}, nil},
		{"must meet", "kind,company_id,other_company_id\nmust_meet,b,c\n",
			[]WorkshopConstraint{{Line: 2, Kind: "must_meet", CompanyID: "b", OtherCompanyID: "c"}}, nil},
		{"mistakes", "kind,company_id,other_company_id,table,round\nrivals,a,b,,\ncompetitors,a,a,,\nfixed,z,,x,\nmust_meet,a,,,\n", nil,
			[]string{"2 kind", "3 other_company_id", "4 company_id", "4 table", "5 other_company_id"}},
		{"no kind column", "company_id\na\n", nil, []string{"1 kind", "2 kind"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, problems := ParseWorkshop([]byte(c.csv), known)
			var where []string
			for _, p := range problems.Errors() {
				where = append(where, strings.TrimSpace(strings.Join([]string{itoa(p.Line), p.Field}, " ")))
			}
			if !reflect.DeepEqual(where, c.problems) {
				t.Fatalf("problems %v, want %v (%v)", where, c.problems, problems)
			}
			if c.want != nil && !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

// FuzzParseWorkshop: any bytes give constraints and located problems, never
// a panic; every constraint without an error names known companies.
func FuzzParseWorkshop(f *testing.F) {
	f.Add([]byte("kind;company_id;other_company_id;table;round\ncompetitors;a;b;;\nfixed;c;;2;\n"))
	f.Add([]byte("kind,company_id,table,round\nfixed,c,0,-1\n"))
	f.Add([]byte("\xef\xbb\xbfkind,company_id\n\"unterminated\n"))
	f.Add([]byte(""))
	known := map[string]bool{"a": true, "b": true, "c": true}
	f.Fuzz(func(t *testing.T, data []byte) {
		rules, problems := ParseWorkshop(data, known)
		if len(problems.Errors()) > 0 {
			return
		}
		for _, r := range rules {
			if !known[r.CompanyID] || (r.Kind != ConstraintFixed && !known[r.OtherCompanyID]) || r.Table < 0 || r.Round < -1 {
				t.Fatalf("accepted %+v from %q", r, data)
			}
		}
	})
}
