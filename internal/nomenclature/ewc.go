package nomenclature

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// WasteCode is one entry of the European List of Waste.
type WasteCode struct {
	Code       string // six digits, no spaces: "150101"
	Hazardous  bool
	Chapter    string // two digits
	Subchapter string // four digits
	LabelFR    string
	LabelEN    string
}

// Display returns the official written form, "15 01 01" or "16 06 01*".
func (w WasteCode) Display() string {
	s := w.Code[0:2] + " " + w.Code[2:4] + " " + w.Code[4:6]
	if w.Hazardous {
		s += "*"
	}
	return s
}

type ewcTable struct {
	byCode map[string]WasteCode
	codes  []string
}

var loadEWC = sync.OnceValue(func() *ewcTable {
	rows := mustLoad(readCSV("ewc.csv"))
	t := &ewcTable{byCode: make(map[string]WasteCode, len(rows))}
	for _, r := range rows {
		w := WasteCode{
			Code: r["code"], Hazardous: r["hazardous"] == "true",
			Chapter: r["chapter"], Subchapter: r["subchapter"],
			LabelFR: r["label_fr"], LabelEN: r["label_en"],
		}
		t.byCode[w.Code] = w
		t.codes = append(t.codes, w.Code)
	}
	sort.Strings(t.codes)
	return t
})

// WasteCodes returns every List of Waste entry in code order.
func WasteCodes() []WasteCode {
	t := loadEWC()
	out := make([]WasteCode, len(t.codes))
	for i, c := range t.codes {
		out[i] = t.byCode[c]
	}
	return out
}

// LookupWaste returns the entry for a normalised six-digit code.
func LookupWaste(code string) (WasteCode, bool) {
	w, ok := loadEWC().byCode[code]
	return w, ok
}

// ParseWasteCode reads a List of Waste code as people write it — "15 01 01",
// "150101", "15.01.01", "15-01-01", with an optional trailing "*" — and returns
// the six-digit code and whether a star was written. It checks the shape
// only; use LookupWaste to know whether the code exists.
func ParseWasteCode(s string) (code string, starred bool, err error) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "*") {
		starred = true
		s = strings.TrimSpace(strings.TrimSuffix(s, "*"))
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '.' || r == '-' || r == '\u00a0':
		default:
			return "", false, fmt.Errorf("%q is not a List of Waste code (six digits like 15 01 01)", s)
		}
	}
	if b.Len() != 6 {
		return "", false, fmt.Errorf("%q is not a List of Waste code (six digits like 15 01 01)", s)
	}
	return b.String(), starred, nil
}
