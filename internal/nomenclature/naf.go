package nomenclature

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Activity is one node of NAF rév.2 (French activity nomenclature), from the
// section ("C") down to the sous-classe ("10.71C"). Down to the class NAF is
// NACE Rev.2, so LabelEN is the NACE label.
type Activity struct {
	Level   string // section, division, groupe, classe, sous-classe
	Code    string
	Parent  string
	LabelFR string
	LabelEN string
}

type nafTable struct {
	byCode     map[string]Activity
	subclasses []string
}

var loadNAF = sync.OnceValue(func() *nafTable {
	rows := mustLoad(readCSV("naf.csv"))
	t := &nafTable{byCode: make(map[string]Activity, len(rows))}
	for _, r := range rows {
		a := Activity{Level: r["level"], Code: r["code"], Parent: r["parent"], LabelFR: r["label_fr"], LabelEN: r["label_en"]}
		t.byCode[a.Code] = a
		if a.Level == "sous-classe" {
			t.subclasses = append(t.subclasses, a.Code)
		}
	}
	sort.Strings(t.subclasses)
	return t
})

// Activities returns the 732 NAF sous-classes in code order.
func Activities() []Activity {
	t := loadNAF()
	out := make([]Activity, len(t.subclasses))
	for i, c := range t.subclasses {
		out[i] = t.byCode[c]
	}
	return out
}

// LookupActivity returns a NAF node of any level by its normalised code.
func LookupActivity(code string) (Activity, bool) {
	a, ok := loadNAF().byCode[code]
	return a, ok
}

// Section returns the section letter of a NAF or NACE code ("10.71C" -> "C").
func Section(code string) string {
	t := loadNAF()
	for code != "" {
		a, ok := t.byCode[code]
		if !ok {
			return ""
		}
		if a.Level == "section" {
			return a.Code
		}
		code = a.Parent
	}
	return ""
}

// Division returns the two-digit division of a NAF or NACE code.
func Division(code string) string {
	if len(code) >= 2 {
		return code[:2]
	}
	return ""
}

var nafShape = regexp.MustCompile(`^(\d{2})\.?(\d{1,2})?([A-Z])?$`)

// ParseActivityCode normalises a NAF sous-classe ("10.71C", "1071C", "10.71 c")
// or a NACE code ("10.71", "10.7", "10") to the dotted form used by INSEE.
// It checks the shape only; LookupActivity says whether the code exists.
func ParseActivityCode(s string) (string, error) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	m := nafShape.FindStringSubmatch(s)
	if m == nil || (m[3] != "" && len(m[2]) != 2) {
		return "", fmt.Errorf("%q is not a NAF or NACE code (like 10.71C or 10.71)", s)
	}
	code := m[1]
	if m[2] != "" {
		code += "." + m[2]
	}
	return code + m[3], nil
}
