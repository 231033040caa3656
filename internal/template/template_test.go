package template

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// Every page parses, and every words key the pages use exists in French
// and in English.
func TestPagesAndWords(t *testing.T) {
	if _, err := Load(); err != nil {
		t.Fatal(err)
	}
	entries, _ := pagesFS.ReadDir("pages")
	key := regexp.MustCompile(`\bt (?:\$[a-z]+|\$?[a-z.]*Lang) "([a-z_]+\.[a-z_.]+)"`)
	for _, e := range entries {
		data, _ := pagesFS.ReadFile("pages/" + e.Name())
		for _, m := range key.FindAllStringSubmatch(string(data), -1) {
			for _, lang := range []string{"fr", "en"} {
				if _, ok := Keys(lang)[m[1]]; !ok {
					t.Errorf("%s: key %q has no %s words", e.Name(), m[1], lang)
				}
			}
		}
	}
	for k := range Keys("fr") {
		if _, ok := Keys("en")[k]; !ok {
			t.Errorf("key %q has French words but no English ones", k)
		}
	}
}

func TestNumbersAndDates(t *testing.T) {
	n, f := 1234, 1234.5
	tests := []struct{ got, want string }{
		{Number("fr", &n), "1 234"}, {Number("en", &n), "1,234"}, {Number("fr", &f), "1 234,5"},
		{Number("fr", (*int)(nil)), ""}, {Date("fr", "2021-03-15"), "15 mars 2021"},
		{Date("en", time.Date(2021, 3, 15, 0, 0, 0, 0, time.UTC)), "15 Mar 2021"}, {Unit("fr", "pallet"), "palettes"},
	}
	for _, tt := range tests {
		if strings.ReplaceAll(tt.got, "\u00a0", " ") != tt.want && strings.ReplaceAll(tt.got, "\u202f", " ") != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
