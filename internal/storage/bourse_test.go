package storage_test

import (
	"context"
	"errors"
	"testing"

	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/storage/storagetest"
)

// bourseFixture creates a territory with n companies, each with one output
// and one input, and an empty bourse of the given capacity.
func bourseFixture(t *testing.T, b storagetest.Backend, n, capacity int) (model.Workshop, []model.Company, []model.Flow) {
	t.Helper()
	ctx := context.Background()
	tr := territory(t, b)
	var companies []model.Company
	var flows []model.Flow
	for i := range n {
		c, err := b.CreateCompany(ctx, model.Company{TerritoryID: tr.ID, Name: string(rune('A'+i)) + " SARL"})
		if err != nil {
			t.Fatal(err)
		}
		companies = append(companies, c)
		for _, dir := range []model.Direction{model.Output, model.Input} {
			f, err := b.CreateFlow(ctx, model.Flow{CompanyID: c.ID, Direction: dir, Family: model.FamilyMaterial,
				Label: "palettes " + string(dir), Visibility: model.VisibilityPublic})
			if err != nil {
				t.Fatal(err)
			}
			flows = append(flows, f)
		}
	}
	w, err := b.CreateWorkshop(ctx, model.Workshop{TerritoryID: tr.ID, Title: "Bourse", Date: "2026-12-10", Capacity: capacity})
	if err != nil {
		t.Fatal(err)
	}
	return w, companies, flows
}

func TestBourseRegistrationAndWaitingList(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		w, cs, _ := bourseFixture(t, b, 4, 2)
		if w.TableSize != 5 || w.Rounds != 3 {
			t.Fatalf("defaults: table size %d, rounds %d", w.TableSize, w.Rounds)
		}
		for i, c := range cs {
			if err := b.InviteParticipant(ctx, w.ID, c.ID, "x@example.org", "hash"+string(rune('0'+i))); err != nil {
				t.Fatal(err)
			}
		}
		p, err := b.ParticipantByToken(ctx, "hash2")
		if err != nil || p.CompanyID != cs[2].ID || p.Status != model.ParticipantInvited {
			t.Fatalf("by token: %+v, %v", p, err)
		}
		if _, err := b.ParticipantByToken(ctx, "nope"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("unknown token: %v", err)
		}
		want := []string{model.ParticipantRegistered, model.ParticipantRegistered, model.ParticipantWaiting, model.ParticipantWaiting}
		for i, c := range cs {
			got, err := b.Register(ctx, w.ID, c.ID)
			if err != nil || got != want[i] {
				t.Fatalf("register %d: %q, %v; want %q", i, got, err, want[i])
			}
		}
		// Registering twice keeps the place.
		if got, _ := b.Register(ctx, w.ID, cs[0].ID); got != model.ParticipantRegistered {
			t.Fatalf("second registration: %q", got)
		}
		// A seat freed goes to the first of the waiting list.
		promoted, err := b.Cancel(ctx, w.ID, cs[1].ID)
		if err != nil || promoted != cs[2].ID {
			t.Fatalf("cancel: promoted %d, %v; want %d", promoted, err, cs[2].ID)
		}
		// Leaving the waiting list frees nothing.
		if promoted, err := b.Cancel(ctx, w.ID, cs[3].ID); err != nil || promoted != 0 {
			t.Fatalf("cancel from the waiting list: promoted %d, %v", promoted, err)
		}
		got, err := b.Workshop(ctx, w.TerritoryID, w.ID)
		if err != nil || len(got.CompanyExtIDs) != 2 {
			t.Fatalf("registered: %+v, %v", got.CompanyExtIDs, err)
		}
		ps, err := b.Participants(ctx, w.ID)
		if err != nil || len(ps) != 4 || ps[0].Status != model.ParticipantRegistered || ps[3].Status != model.ParticipantCancelled {
			t.Fatalf("participants: %+v, %v", ps, err)
		}
		// Invited again after cancelling.
		if err := b.InviteParticipant(ctx, w.ID, cs[1].ID, "y@example.org", "hash9"); err != nil {
			t.Fatal(err)
		}
		if p, _ := b.Participant(ctx, w.ID, cs[1].ID); p.Status != model.ParticipantInvited || p.Email != "y@example.org" {
			t.Fatalf("re-invited: %+v", p)
		}
		if err := b.SetFixedTable(ctx, w.ID, cs[0].ID, 2); err != nil {
			t.Fatal(err)
		}
		if p, _ := b.Participant(ctx, w.ID, cs[0].ID); p.FixedTable != 2 {
			t.Fatalf("fixed table: %+v", p)
		}
		if err := b.SetSurvey(ctx, w.ID, cs[0].ID, 6, ""); err == nil {
			t.Fatal("survey score 6 accepted")
		}
		if err := b.SetSurvey(ctx, w.ID, cs[0].ID, 4, "très utile"); err != nil {
			t.Fatal(err)
		}
		if p, _ := b.Participant(ctx, w.ID, cs[0].ID); p.SurveyScore != 4 || p.SurveyComment != "très utile" {
			t.Fatalf("survey: %+v", p)
		}
	})
}

func TestBourseCardsInterestsPlan(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		w, cs, fs := bourseFixture(t, b, 3, 0)
		if err := b.SetCards(ctx, w.ID, cs[0].ID, []int64{fs[0].ID, fs[1].ID}); err != nil {
			t.Fatal(err)
		}
		if err := b.SetCards(ctx, w.ID, cs[1].ID, []int64{fs[0].ID}); err == nil {
			t.Fatal("a company brought another company's flow as its card")
		}
		// A form with one bad card writes nothing, not even its new flows.
		before, _ := b.Flows(ctx, w.TerritoryID)
		if _, err := b.SaveCards(ctx, w.ID, cs[1].ID, []int64{fs[0].ID}, nil, []model.Flow{{CompanyID: cs[1].ID,
			Direction: model.Output, Family: model.FamilyWaste, Label: "Copeaux", Visibility: model.VisibilityPublic}}); err == nil {
			t.Fatal("a card of another company was saved")
		}
		if after, _ := b.Flows(ctx, w.TerritoryID); len(after) != len(before) {
			t.Fatalf("a failed cards form left %d new flows", len(after)-len(before))
		}
		made, err := b.SaveCards(ctx, w.ID, cs[1].ID, []int64{fs[2].ID}, nil, []model.Flow{{CompanyID: cs[1].ID,
			Direction: model.Output, Family: model.FamilyWaste, Label: "Copeaux", Visibility: model.VisibilityPublic}})
		if err != nil || len(made) != 1 || made[0].ID == 0 || made[0].CompanyExtID != cs[1].ExtID {
			t.Fatalf("save cards: %+v, %v", made, err)
		}
		if err := b.SetCards(ctx, w.ID, cs[1].ID, []int64{fs[2].ID}); err != nil {
			t.Fatal(err)
		}
		cards, err := b.Cards(ctx, w.ID)
		if err != nil || len(cards) != 3 {
			t.Fatalf("cards: %d, %v", len(cards), err)
		}
		if c, err := b.Card(ctx, w.ID, fs[2].ID); err != nil || c.CompanyID != cs[1].ID {
			t.Fatalf("card: %+v, %v", c, err)
		}
		if _, err := b.Card(ctx, w.ID, fs[3].ID); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("a flow that is not a card: %v", err)
		}
		in := model.Interest{WorkshopID: w.ID, ClientID: "k1", Round: 1, Table: 2, CompanyID: cs[1].ID, FlowID: fs[0].ID, Note: "40/sem"}
		for i, want := range []bool{true, false} {
			added, err := b.AddInterest(ctx, in)
			if err != nil || added != want {
				t.Fatalf("add interest #%d: %v, %v", i, added, err)
			}
		}
		list, err := b.Interests(ctx, w.ID)
		if err != nil || len(list) != 1 || list[0].OwnerID != cs[0].ID || list[0].CompanyName != cs[1].Name ||
			list[0].CardDir != model.Output || list[0].Note != "40/sem" {
			t.Fatalf("interests: %+v, %v", list, err)
		}
		if err := b.RemoveInterest(ctx, w.ID, "k1"); err != nil {
			t.Fatal(err)
		}
		if list, _ := b.Interests(ctx, w.ID); len(list) != 0 {
			t.Fatalf("after removal: %+v", list)
		}
		plan := [][][]string{{{cs[0].ExtID, cs[1].ExtID}, {cs[2].ExtID}}}
		if err := b.SetWorkshopPlan(ctx, w.ID, plan); err != nil {
			t.Fatal(err)
		}
		if err := b.SetPair(ctx, w.ID, model.WorkshopPair{A: cs[1].ID, B: cs[0].ID, Kind: model.PairCompetitors}); err != nil {
			t.Fatal(err)
		}
		if err := b.SetPair(ctx, w.ID, model.WorkshopPair{A: cs[0].ID, B: cs[1].ID, Kind: model.PairMustMeet}); err != nil {
			t.Fatal(err)
		}
		pairs, err := b.Pairs(ctx, w.ID)
		if err != nil || len(pairs) != 1 || pairs[0].Kind != model.PairMustMeet || pairs[0].A > pairs[0].B {
			t.Fatalf("pairs: %+v, %v", pairs, err)
		}
		st, err := b.AddStaff(ctx, model.Staff{WorkshopID: w.ID, Role: model.StaffSecretary, Name: "Léa", Table: 2}, "sec-hash")
		if err != nil {
			t.Fatal(err)
		}
		if got, err := b.StaffByToken(ctx, "sec-hash"); err != nil || got.ID != st.ID || got.Table != 2 {
			t.Fatalf("staff by token: %+v, %v", got, err)
		}
		w.Title, w.Capacity, w.Rounds = "Bourse d'hiver", 30, 4
		if err := b.UpdateWorkshop(ctx, w); err != nil {
			t.Fatal(err)
		}
		if err := b.CloseWorkshop(ctx, w.ID); err != nil {
			t.Fatal(err)
		}
		got, err := b.Workshop(ctx, w.TerritoryID, w.ID)
		if err != nil || got.Title != "Bourse d'hiver" || got.Capacity != 30 || got.Rounds != 4 || got.ClosedAt == "" ||
			len(got.Plan) != 1 || got.Plan[0][0][1] != cs[1].ExtID {
			t.Fatalf("read back %+v, %v", got, err)
		}
	})
}
