package programme

import (
	"os"
	"strings"
	"testing"

	"symbiose/internal/model"
)

func TestParseDemoProgramme(t *testing.T) {
	f, err := os.Open("testdata/grand-angoumois.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Objectives) != 3 || len(p.Phases) != 4 || len(p.Partners) != 4 || len(p.Means) != 3 {
		t.Fatalf("parsed %+v", p)
	}
	if got := p.Cost(); got != 55000+30000+27500+56000+8000 {
		t.Errorf("cost %v", got)
	}
}

func TestParseListsEveryProblem(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"not JSON", `{`, []string{"programme: unexpected EOF"}},
		{"unknown field", `{"name": "P", "budget": 3}`, []string{`unknown field "budget"`}},
		{"two documents", `{"name": "P"} {"name": "Q"}`, []string{"more than one JSON document"}},
		{"no name", `{}`, []string{"name: required"}},
		{"bad objectives", `{"name": "P", "objectives": [{"label": "", "target": 0, "type": "barter", "nature": "gold", "by": 21}]}`,
			[]string{"objectives[0].label: required", "objectives[0].target: 0", `objectives[0].type: "barter"`,
				`objectives[0].nature: "gold"`, "objectives[0].by: 21 is not a year"}},
		{"bad phases", `{"name": "P", "phases": [{"name": "A", "from": "01/02/2019"}, {"name": "B", "from": "2019-05-01", "to": "2019-04-01"}]}`,
			[]string{`phases[0].from: "01/02/2019"`, "phases[1].to: 2019-04-01 is before 2019-05-01"}},
		{"bad means", `{"name": "P", "means": [{"year": 2019, "staff_eur": -1}, {"year": 2019}, {"year": 19}]}`,
			[]string{"means[0]: negative amount", "means[1].year: 2019 appears twice", "means[2].year: 19 is not a year"}},
		{"partner without a name", `{"name": "P", "partners": [{"role": "financeur"}]}`, []string{"partners[0].name: required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestObjectiveAchieved(t *testing.T) {
	synergies := []model.Synergy{
		{Type: model.Substitution, Status: model.StatusRealised, StartedOn: "2019-07-01", Resource: "wood.pallet"},
		{Type: model.Substitution, Status: model.StatusRealised, StartedOn: "2022-01-10"},
		{Type: model.Mutualisation, Status: model.StatusRealised, StartedOn: "2021-12-31"},
		{Type: model.Mutualisation, Status: model.StatusRealised},                         // undated
		{Type: model.Substitution, Status: model.StatusStudying, StartedOn: "2020-01-01"}, // not realised
	}
	natureOf := func(s model.Synergy) string {
		if s.Resource != "" {
			return "material"
		}
		return ""
	}
	tests := []struct {
		o    Objective
		want int
	}{
		{Objective{Target: 10}, 4},
		{Objective{Target: 10, By: 2021}, 2},
		{Objective{Target: 5, Type: model.Substitution}, 2},
		{Objective{Target: 5, Type: model.Mutualisation, By: 2021}, 1},
		{Objective{Target: 5, Nature: "material"}, 1},
		{Objective{Target: 5, By: 2018}, 0},
	}
	for _, tt := range tests {
		if got := tt.o.Achieved(synergies, natureOf); got != tt.want {
			t.Errorf("%+v: achieved %d, want %d", tt.o, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	doc, _ := os.ReadFile("testdata/grand-angoumois.json")
	f.Add(string(doc))
	f.Add(`{"name": "P", "objectives": [{"label": "x", "target": 1}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(strings.NewReader(s))
		if err == nil && p.Check() != nil {
			t.Fatalf("Parse accepted a programme Check refuses: %q", s)
		}
	})
}
