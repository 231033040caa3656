package bourse

import (
	"fmt"

	"symbiose/internal/model"
)

// Detected is a synergy to create from the interests of a bourse, with the
// interests it comes from.
type Detected struct {
	Synergy   model.Synergy
	Interests []int64 // ids of the interests it gathers
}

// Synergies turns the recorded interests not yet followed up into detected
// substitution synergies, one per card and interested company: interest in
// a resource card makes the card's company the supplier; interest in a need
// card makes the interested company the supplier. Notes keep where and
// when the interest was heard.
func Synergies(ws model.Workshop, interests []model.Interest, cards map[int64]model.Flow, companyExt map[int64]string) []Detected {
	type key struct{ flow, company int64 }
	index := map[key]int{}
	var out []Detected
	for _, in := range interests {
		if in.SynergyID != 0 {
			continue
		}
		card, ok := cards[in.FlowID]
		if !ok {
			continue
		}
		k := key{in.FlowID, in.CompanyID}
		note := fmt.Sprintf("%s (%s), tour %d, table %d : %s intéressée par « %s » de %s.", ws.Title, ws.Date, in.Round,
			in.Table, in.CompanyName, in.CardLabel, in.OwnerName)
		if in.Note != "" {
			note += " " + in.Note
		}
		if i, seen := index[k]; seen {
			out[i].Interests = append(out[i].Interests, in.ID)
			out[i].Synergy.Notes += "\n" + note
			continue
		}
		s := model.Synergy{TerritoryID: ws.TerritoryID, Type: model.Substitution, Status: model.StatusDetected,
			Resource: card.Resource, Label: card.Label, Quantity: card.Quantity, Unit: card.Unit, Period: card.Period,
			Notes: note, Attrs: map[string]string{"workshop": ws.ExtID}}
		if card.Direction == model.Output {
			s.OutputFlowExtID, s.OutputCompExtID, s.InputCompExtID = card.ExtID, card.CompanyExtID, companyExt[in.CompanyID]
		} else {
			s.InputFlowExtID, s.InputCompExtID, s.OutputCompExtID = card.ExtID, card.CompanyExtID, companyExt[in.CompanyID]
		}
		index[k] = len(out)
		out = append(out, Detected{Synergy: s, Interests: []int64{in.ID}})
	}
	return out
}
