package synergy

import (
	"testing"
	"time"

	"symbiose/internal/model"
)

func TestMove(t *testing.T) {
	tests := []struct {
		from, to, reason string
		ok               bool
	}{
		{"detected", "qualified", "", true},
		{"detected", "realised", "", true},
		{"studying", "contacted", "", true},
		{"studying", "detected", "", false},
		{"studying", "abandoned", "", false},
		{"studying", "abandoned", "economic", true},
		{"realised", "studying", "", false},
		{"abandoned", "detected", "", true},
		{"detected", "detected", "", false},
		{"detected", "done", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.from+"->"+tt.to, func(t *testing.T) {
			if err := Move(tt.from, tt.to, tt.reason); (err == nil) != tt.ok {
				t.Fatalf("Move = %v", err)
			}
		})
	}
}

func TestStaleAndOverdue(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	open := model.Synergy{Status: model.StatusStudying}
	if !Stale(open, now.AddDate(0, -2, 0), now, 30*24*time.Hour) || Stale(open, now.AddDate(0, 0, -3), now, 30*24*time.Hour) {
		t.Fatal("Stale wrong for an open synergy")
	}
	if Stale(model.Synergy{Status: model.StatusRealised}, now.AddDate(-1, 0, 0), now, time.Hour) {
		t.Fatal("a realised synergy is never stale")
	}
	if !Overdue("2026-11-20", now) || Overdue("2026-11-27", now) || Overdue("", now) {
		t.Fatal("Overdue wrong")
	}
	if NatureOf("energy.heat.steam", "") != "energy" || NatureOf("", "waste") != "material" || NatureOf("service.training", "") != "service" {
		t.Fatal("NatureOf wrong")
	}
}

func TestNature(t *testing.T) {
	flows := map[string]model.Flow{"heat": {Family: "energy", Resource: "energy.heat"}, "dust": {Family: "waste"}}
	tests := []struct {
		s    model.Synergy
		want string
	}{
		{model.Synergy{Type: model.Substitution, Nature: "skill", OutputFlowExtID: "heat"}, "skill"},
		{model.Synergy{Type: model.Substitution, OutputFlowExtID: "heat"}, "energy"},
		{model.Synergy{Type: model.Substitution, InputFlowExtID: "dust"}, "material"},
		{model.Synergy{Type: model.Mutualisation}, ""},
	}
	for _, tt := range tests {
		if got := Nature(tt.s, flows); got != tt.want {
			t.Errorf("Nature(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
