package nomenclature

import (
	"strconv"
	"strings"
	"sync"
)

// TemplateFlow is one flow that companies of an activity typically have:
// the start of a diagnostic, to be confirmed rather than typed.
type TemplateFlow struct {
	NAF         string // the code the row was written for: division, class or sous-classe
	Direction   string // input or output
	Family      string
	Resource    string
	LabelFR     string
	LabelEN     string
	PerEmployee *float64 // order of magnitude of the yearly quantity per employee, when known
	Unit        string
	Period      string
	Note        string // source or assumption
}

// Label returns the flow's label in a language ("fr" or "en").
func (t TemplateFlow) Label(lang string) string {
	if lang == "en" {
		return t.LabelEN
	}
	return t.LabelFR
}

var loadTemplates = sync.OnceValue(func() map[string][]TemplateFlow {
	out := map[string][]TemplateFlow{}
	for _, r := range mustLoad(readCSV("templates.csv")) {
		t := TemplateFlow{NAF: r["naf"], Direction: r["direction"], Family: r["family"], Resource: r["resource"],
			LabelFR: r["label_fr"], LabelEN: r["label_en"], Unit: r["unit"], Period: r["period"], Note: r["note"]}
		if s := r["per_employee"]; s != "" {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				panic("nomenclature: templates.csv: per_employee " + s)
			}
			t.PerEmployee = &v
		}
		out[t.NAF] = append(out[t.NAF], t)
	}
	return out
})

// TemplateCodes returns the NAF codes that have a template of their own.
func TemplateCodes() []string { return sortedKeys(loadTemplates()) }

// Template returns the typical flows of an activity: those written for its
// most specific code that has a template (sous-classe "10.71C", then class
// "10.71", then division "10"). It returns nil when none applies.
func Template(naf string) []TemplateFlow {
	code, err := ParseActivityCode(naf)
	if err != nil {
		return nil
	}
	all := loadTemplates()
	for _, c := range []string{code, strings.TrimRight(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), Division(code)} {
		if flows, ok := all[c]; ok && c != "" {
			return append([]TemplateFlow(nil), flows...)
		}
	}
	return nil
}
