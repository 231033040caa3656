package demo

import (
	"context"
	"fmt"
	"time"

	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// Sizes of the coming demo bourse: invited companies, seats, cards a side.
const (
	upcomingInvited  = 14
	upcomingCapacity = 12
	upcomingCards    = 5
)

// loadUpcomingBourse prepares a bourse a month ahead of the day the demo is
// loaded, so that the bourse pages have something to show: companies
// invited, twelve registered with their cards (their first public flows),
// two on the waiting list, a facilitator and two table secretaries. The
// plan is left to compute: it needs the matching engine.
func loadUpcomingBourse(ctx context.Context, st *storage.Storage, territoryID int64, today time.Time) error {
	date := today.AddDate(0, 1, 0)
	w, err := st.CreateWorkshop(ctx, model.Workshop{TerritoryID: territoryID, ExtID: "w3",
		Title: "Bourse aux ressources n°3 - toutes zones", Date: date.Format("2006-01-02"),
		Place: "Technopole Eurekatech, L'Isle-d'Espagnac", Capacity: upcomingCapacity, TableSize: 4, Rounds: 3,
		CardsDue: date.AddDate(0, 0, -7).Format("2006-01-02")})
	if err != nil {
		return fmt.Errorf("demo bourse: %w", err)
	}
	companies, err := st.Companies(ctx, territoryID)
	if err != nil {
		return err
	}
	flows, err := st.Flows(ctx, territoryID)
	if err != nil {
		return err
	}
	invited := 0
	for _, c := range companies {
		if invited == upcomingInvited {
			break
		}
		contacts, err := st.ContactsOfCompany(ctx, c.ID)
		if err != nil {
			return err
		}
		email := model.FirstEmail(contacts)
		if email == "" {
			continue
		}
		_, hash, err := st.ParticipantToken(ctx, w.ID, c.ID)
		if err == nil {
			err = st.InviteParticipant(ctx, w.ID, c.ID, email, hash)
		}
		if err != nil {
			return fmt.Errorf("demo bourse: %w", err)
		}
		invited++
		status, err := st.Register(ctx, w.ID, c.ID)
		if err != nil {
			return fmt.Errorf("demo bourse: %w", err)
		}
		if status != model.ParticipantRegistered {
			continue
		}
		var cards []int64
		taken := map[model.Direction]int{}
		for _, f := range flows {
			if f.CompanyID == c.ID && f.Visibility != model.VisibilityPrivate && taken[f.Direction] < upcomingCards {
				taken[f.Direction]++
				cards = append(cards, f.ID)
			}
		}
		if err := st.SetCards(ctx, w.ID, c.ID, cards); err != nil {
			return fmt.Errorf("demo bourse: %w", err)
		}
	}
	for _, s := range []model.Staff{
		{WorkshopID: w.ID, Role: model.StaffFacilitator, Name: "Claire Animatrice"},
		{WorkshopID: w.ID, Role: model.StaffSecretary, Name: "Paul Secrétaire", Table: 1},
		{WorkshopID: w.ID, Role: model.StaffSecretary, Name: "Inès Secrétaire", Table: 2},
	} {
		_, hash, err := st.StaffToken(ctx, s)
		if err == nil {
			_, err = st.AddStaff(ctx, s, hash)
		}
		if err != nil {
			return fmt.Errorf("demo bourse: %w", err)
		}
	}
	return nil
}
