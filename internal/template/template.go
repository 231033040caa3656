// Package template holds the HTML pages and their words in French and
// English, embedded in the binary.
package template

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

//go:embed pages/*.html
var pagesFS embed.FS

// Set is every page, parsed once.
type Set struct {
	pages map[string]*template.Template
}

// Load parses the layout with each page.
func Load() (*Set, error) {
	entries, err := pagesFS.ReadDir("pages")
	if err != nil {
		return nil, err
	}
	funcs := template.FuncMap{
		"t":       T,
		"num":     Number,
		"date":    Date,
		"lower":   strings.ToLower,
		"family":  func(lang, f string) string { return T(lang, "family."+f) },
		"status":  func(lang, s string) string { return T(lang, "status."+s) },
		"percent": func(a, b int) int { return percent(a, b) },
		"unit":    Unit,
		"scores":  func() []int { return []int{1, 2, 3, 4, 5} },
		// cardRowData hands a line of a bourse's cards form to its sub-template.
		"cardRowData": func(lang string, families []string, row any) map[string]any {
			return map[string]any{"Lang": lang, "Families": families, "Row": row}
		},
	}
	s := &Set{pages: map[string]*template.Template{}}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(pagesFS, "pages/layout.html", "pages/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		s.pages[name] = t
	}
	return s, nil
}

// Render writes a page.
func (s *Set) Render(w io.Writer, page string, data any) error {
	t, ok := s.pages[page]
	if !ok {
		return fmt.Errorf("no page %q", page)
	}
	return t.Execute(w, data)
}

func percent(a, b int) int {
	if b == 0 {
		return 0
	}
	return 100 * a / b
}

// Number formats a number the way the language writes it: 1 234,5 in
// French, 1,234.5 in English.
func Number(lang string, v any) string {
	tag := language.French
	if lang == "en" {
		tag = language.English
	}
	switch x := v.(type) {
	case *float64:
		if x == nil {
			return ""
		}
		v = *x
		if *x == float64(int64(*x)) {
			v = int64(*x)
		}
	case *int:
		if x == nil {
			return ""
		}
		v = *x
	case float64:
		if x == float64(int64(x)) {
			v = int64(x)
		}
	}
	return message.NewPrinter(tag).Sprint(v)
}

// Date formats a date (time or ISO text) the way the language writes it.
func Date(lang string, v any) string {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case string:
		p, err := time.Parse("2006-01-02", x)
		if err != nil {
			return x
		}
		t = p
	}
	if t.IsZero() {
		return ""
	}
	if lang == "en" {
		return t.Format("2 Jan 2006")
	}
	return strconv.Itoa(t.Day()) + " " + frMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

var frMonths = []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// Unit writes a unit code the way the language says it.
func Unit(lang, code string) string {
	if s := T(lang, "unit."+code); s != "unit."+code {
		return s
	}
	return code
}
