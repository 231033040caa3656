// Package bourse holds what a bourse inter-entreprises produces, apart from
// its table plan (package workshop): the event's figures and the detected
// synergies its recorded interests become. It knows nothing of HTTP or SQL.
package bourse

import (
	"sort"

	"symbiose/internal/model"
)

// FamilyStats counts a flow family's cards and interests.
type FamilyStats struct {
	Family    string
	Resources int
	Needs     int
	Interests int
}

// Stats are the figures of a bourse.
type Stats struct {
	Registered int // companies with a seat
	WithCards  int // of which have filled at least one card
	Resources  int // resource cards (what companies offer)
	Needs      int // need cards
	Interests  int // interests recorded at the tables
	Potential  int // potential synergies: distinct (card, interested company)
	Pairs      int // distinct pairs of companies linked by an interest
	ByFamily   []FamilyStats
	Answers    int     // survey answers
	MeanScore  float64 // of the survey, 1 to 5
	Comments   []string
	TopCards   []CardInterest // cards that drew the most interest
}

// CardInterest is a card and how many companies showed interest in it.
type CardInterest struct {
	Label, Owner string
	Companies    int
}

// Compute gathers a bourse's figures from its participants, cards and
// interests.
func Compute(parts []model.Participant, cards []model.Flow, interests []model.Interest) Stats {
	var s Stats
	registered := map[int64]bool{}
	for _, p := range parts {
		if p.Status == model.ParticipantRegistered {
			s.Registered++
			registered[p.CompanyID] = true
		}
		if p.SurveyScore > 0 {
			s.Answers++
			s.MeanScore += float64(p.SurveyScore)
			if p.SurveyComment != "" {
				s.Comments = append(s.Comments, p.SurveyComment)
			}
		}
	}
	if s.Answers > 0 {
		s.MeanScore /= float64(s.Answers)
	}
	families := map[string]*FamilyStats{}
	family := func(f string) *FamilyStats {
		if families[f] == nil {
			families[f] = &FamilyStats{Family: f}
		}
		return families[f]
	}
	withCards := map[int64]bool{}
	for _, f := range cards {
		withCards[f.CompanyID] = true
		if f.Direction == model.Output {
			s.Resources++
			family(f.Family).Resources++
		} else {
			s.Needs++
			family(f.Family).Needs++
		}
	}
	for id := range withCards {
		if registered[id] {
			s.WithCards++
		}
	}
	type key struct{ flow, company int64 }
	potential := map[key]bool{}
	pairs := map[[2]int64]bool{}
	perCard := map[int64]*CardInterest{}
	for _, in := range interests {
		s.Interests++
		k := key{in.FlowID, in.CompanyID}
		if potential[k] {
			continue
		}
		potential[k] = true
		family(in.CardFamily).Interests++
		a, b := in.CompanyID, in.OwnerID
		if a > b {
			a, b = b, a
		}
		pairs[[2]int64{a, b}] = true
		if perCard[in.FlowID] == nil {
			perCard[in.FlowID] = &CardInterest{Label: in.CardLabel, Owner: in.OwnerName}
		}
		perCard[in.FlowID].Companies++
	}
	s.Potential, s.Pairs = len(potential), len(pairs)
	for _, f := range model.Families {
		if fs, ok := families[f]; ok {
			s.ByFamily = append(s.ByFamily, *fs)
			delete(families, f)
		}
	}
	for _, fs := range families { // families outside the interchange list, if any
		s.ByFamily = append(s.ByFamily, *fs)
	}
	for _, c := range perCard {
		s.TopCards = append(s.TopCards, *c)
	}
	sort.Slice(s.TopCards, func(i, j int) bool {
		a, b := s.TopCards[i], s.TopCards[j]
		if a.Companies != b.Companies {
			return a.Companies > b.Companies
		}
		return a.Label < b.Label
	})
	if len(s.TopCards) > 10 {
		s.TopCards = s.TopCards[:10]
	}
	return s
}
