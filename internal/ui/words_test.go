package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"symbiose/internal/template"
)

// Every words key the handlers name (messages, errors, emails) exists in
// French and in English: a missing key would show as the key itself.
func TestHandlersWordsExist(t *testing.T) {
	literal := regexp.MustCompile(`"([a-z]+\.[a-z_]+)"`)
	prefixes := map[string]bool{}
	for k := range template.Keys("fr") {
		prefixes[k[:strings.Index(k, ".")]] = true
	}
	files, _ := filepath.Glob("*.go")
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			key := m[1]
			if !prefixes[key[:strings.Index(key, ".")]] || strings.HasSuffix(key, "_") {
				continue
			}
			checked++
			for _, lang := range []string{"fr", "en"} {
				if _, ok := template.Keys(lang)[key]; !ok {
					t.Errorf("%s: key %q has no %s words", name, key, lang)
				}
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d keys found in the handlers", checked)
	}
	// Keys made from a status.
	for _, status := range []string{"registered", "waiting", "cancelled"} {
		if _, ok := template.Keys("en")["bourse.saved_"+status]; !ok {
			t.Errorf("no words for bourse.saved_%s", status)
		}
	}
}
