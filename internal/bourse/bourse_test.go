package bourse

import (
	"strings"
	"testing"

	"symbiose/internal/model"
)

func fixture() ([]model.Participant, []model.Flow, []model.Interest) {
	parts := []model.Participant{
		{CompanyID: 1, Status: model.ParticipantRegistered, SurveyScore: 5, SurveyComment: "très utile"},
		{CompanyID: 2, Status: model.ParticipantRegistered, SurveyScore: 3},
		{CompanyID: 3, Status: model.ParticipantRegistered},
		{CompanyID: 4, Status: model.ParticipantWaiting},
		{CompanyID: 5, Status: model.ParticipantCancelled, SurveyScore: 1}, // any invited company may answer the survey
	}
	cards := []model.Flow{
		{ID: 10, CompanyID: 1, CompanyExtID: "c1", ExtID: "f10", Direction: model.Output, Family: model.FamilyWaste, Label: "Palettes", Resource: "packaging.pallet.wood"},
		{ID: 11, CompanyID: 1, CompanyExtID: "c1", ExtID: "f11", Direction: model.Input, Family: model.FamilyEnergy, Label: "Chaleur"},
		{ID: 20, CompanyID: 2, CompanyExtID: "c2", ExtID: "f20", Direction: model.Output, Family: model.FamilyEquipment, Label: "Chariot"},
		{ID: 40, CompanyID: 4, CompanyExtID: "c4", ExtID: "f40", Direction: model.Output, Family: model.FamilyWaste, Label: "Sciure"},
	}
	interests := []model.Interest{
		{ID: 1, CompanyID: 2, CompanyName: "B", FlowID: 10, CardLabel: "Palettes", CardDir: model.Output, CardFamily: model.FamilyWaste, OwnerID: 1, OwnerName: "A", Round: 1, Table: 1},
		{ID: 2, CompanyID: 2, CompanyName: "B", FlowID: 10, CardLabel: "Palettes", CardDir: model.Output, CardFamily: model.FamilyWaste, OwnerID: 1, OwnerName: "A", Round: 2, Table: 3, Note: "40/semaine"},
		{ID: 3, CompanyID: 3, CompanyName: "C", FlowID: 10, CardLabel: "Palettes", CardDir: model.Output, CardFamily: model.FamilyWaste, OwnerID: 1, OwnerName: "A", Round: 1, Table: 1},
		{ID: 4, CompanyID: 2, CompanyName: "B", FlowID: 11, CardLabel: "Chaleur", CardDir: model.Input, CardFamily: model.FamilyEnergy, OwnerID: 1, OwnerName: "A", Round: 1, Table: 1},
		{ID: 5, CompanyID: 3, CompanyName: "C", FlowID: 20, CardLabel: "Chariot", CardDir: model.Output, CardFamily: model.FamilyEquipment, OwnerID: 2, OwnerName: "B", Round: 1, Table: 1, SynergyID: 99},
	}
	return parts, cards, interests
}

func TestCompute(t *testing.T) {
	s := Compute(fixture())
	checks := []struct {
		name      string
		got, want int
	}{
		{"registered", s.Registered, 3},
		{"with cards", s.WithCards, 2}, // company 4 has a card but waits
		{"resources", s.Resources, 3},
		{"needs", s.Needs, 1},
		{"interests", s.Interests, 5},
		{"potential (card, company) pairs", s.Potential, 4},
		{"company pairs", s.Pairs, 3}, // 1-2, 1-3, 2-3
		{"survey answers", s.Answers, 3},
		{"comments", len(s.Comments), 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
	if s.MeanScore != 3 {
		t.Errorf("mean score %v, want 3", s.MeanScore)
	}
	wantFamilies := []FamilyStats{{model.FamilyWaste, 2, 0, 2}, {model.FamilyEnergy, 0, 1, 1}, {model.FamilyEquipment, 1, 0, 1}}
	if len(s.ByFamily) != len(wantFamilies) {
		t.Fatalf("families %+v", s.ByFamily)
	}
	for i, w := range wantFamilies {
		if s.ByFamily[i] != w {
			t.Errorf("family %d: %+v, want %+v", i, s.ByFamily[i], w)
		}
	}
	if s.TopCards[0].Label != "Palettes" || s.TopCards[0].Companies != 2 {
		t.Errorf("top card %+v", s.TopCards[0])
	}
}

func TestComputeEmpty(t *testing.T) {
	s := Compute(nil, nil, nil)
	if s.Registered != 0 || s.MeanScore != 0 || s.ByFamily != nil || s.TopCards != nil {
		t.Fatalf("empty bourse: %+v", s)
	}
}

func TestSynergies(t *testing.T) {
	_, cards, interests := fixture()
	byID := map[int64]model.Flow{}
	for _, f := range cards {
		byID[f.ID] = f
	}
	ws := model.Workshop{TerritoryID: 7, ExtID: "w1", Title: "Bourse", Date: "2026-12-10"}
	got := Synergies(ws, interests, byID, map[int64]string{1: "c1", 2: "c2", 3: "c3"})
	if len(got) != 3 {
		t.Fatalf("%d synergies, want 3 (two interests of B in the pallets make one; the followed one is skipped)", len(got))
	}
	pallets := got[0]
	if len(pallets.Interests) != 2 || pallets.Synergy.OutputFlowExtID != "f10" || pallets.Synergy.OutputCompExtID != "c1" ||
		pallets.Synergy.InputCompExtID != "c2" || pallets.Synergy.Status != model.StatusDetected ||
		pallets.Synergy.Resource != "packaging.pallet.wood" || pallets.Synergy.Attrs["workshop"] != "w1" {
		t.Errorf("pallets to B: %+v", pallets)
	}
	if !strings.Contains(pallets.Synergy.Notes, "40/semaine") || !strings.Contains(pallets.Synergy.Notes, "tour 2, table 3") {
		t.Errorf("notes %q", pallets.Synergy.Notes)
	}
	// Interest in a need card: the interested company supplies it.
	heat := got[2]
	if heat.Synergy.InputFlowExtID != "f11" || heat.Synergy.InputCompExtID != "c1" || heat.Synergy.OutputCompExtID != "c2" {
		t.Errorf("heat for A from B: %+v", heat.Synergy)
	}
	// A card no longer among the cards is left out.
	delete(byID, 10)
	if got := Synergies(ws, interests, byID, nil); len(got) != 1 {
		t.Errorf("without the pallets card: %d synergies, want 1", len(got))
	}
}
