package nomenclature

import "testing"

func TestWasteListIsComplete(t *testing.T) {
	codes := WasteCodes()
	hazardous := 0
	for _, w := range codes {
		if len(w.Code) != 6 || w.LabelFR == "" || w.LabelEN == "" {
			t.Errorf("incomplete entry %+v", w)
		}
		if w.Hazardous {
			hazardous++
		}
	}
	if len(codes) != 842 || hazardous != 408 {
		t.Fatalf("got %d entries, %d hazardous; want 842 and 408", len(codes), hazardous)
	}
}

func TestParseWasteCode(t *testing.T) {
	tests := []struct {
		name, in, code string
		starred, ok    bool
	}{
		{"spaces", "15 01 01", "150101", false, true},
		{"compact", "150101", "150101", false, true},
		{"dots and star", "13.02.05*", "130205", true, true},
		{"star after space", "16 06 01 *", "160601", true, true},
		{"too short", "15 01", "", false, false},
		{"letters", "15 01 0A", "", false, false},
		{"empty", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, starred, err := ParseWasteCode(tt.in)
			if (err == nil) != tt.ok || code != tt.code || starred != tt.starred {
				t.Fatalf("ParseWasteCode(%q) = %q, %v, %v", tt.in, code, starred, err)
			}
		})
	}
	if w, ok := LookupWaste("130205"); !ok || !w.Hazardous || w.Display() != "13 02 05*" {
		t.Fatalf("LookupWaste(130205) = %+v, %v", w, ok)
	}
}

func TestNAF(t *testing.T) {
	if n := len(Activities()); n != 732 {
		t.Fatalf("got %d NAF sous-classes, want 732", n)
	}
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"sous-classe", "10.71C", "10.71C", true},
		{"no dot lower case", "1071c", "10.71C", true},
		{"nace class", "10.71", "10.71", true},
		{"division", "10", "10", true},
		{"garbage", "abc", "", false},
		{"letter without class", "10.7C", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseActivityCode(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Fatalf("ParseActivityCode(%q) = %q, %v", tt.in, got, err)
			}
		})
	}
	a, ok := LookupActivity("10.71C")
	if !ok || a.Parent != "10.71" || a.LabelEN == "" {
		t.Fatalf("LookupActivity(10.71C) = %+v", a)
	}
	if s := Section("10.71C"); s != "C" {
		t.Fatalf("Section = %q", s)
	}
}
