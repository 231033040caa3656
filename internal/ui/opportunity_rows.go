package ui

import (
	"context"
	"strings"

	"symbiose/internal/auth"
	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
	"symbiose/internal/worker"
)

// substitutionRow is a candidate as a user may see it: the other
// company's name is empty when its flow is anonymous to this user.
type substitutionRow struct {
	OutputFlowID, InputFlowID  string // for managers' "create a synergy" form
	OutputCompany, OutputLabel string
	InputCompany, InputLabel   string
	ResourceLabel              string
	Score                      float64
	Reasons                    []string
}

type groupRow struct {
	CompanyIDs          string // ";"-joined dataset ids, for managers' "create a synergy" form
	Kind, ResourceLabel string
	Companies           []string
	Total               *float64
	Unit, Reason        string
}

// territoryIndex finds companies and flows of a territory by dataset id.
type territoryIndex struct {
	companies map[string]model.Company
	flows     map[string]model.Flow
}

// withIndex calls fn with the territory's companies and flows: the matching
// engine's snapshot when there is one (no database round trip, read under
// its lock for the duration of fn), the database otherwise.
func (u *UI) withIndex(ctx context.Context, territoryID int64, fn func(territoryIndex) error) error {
	var err error
	if u.matchers.View(territoryID, func(s worker.Snapshot) {
		err = fn(territoryIndex{companies: s.Companies, flows: s.Flows})
	}) {
		return err
	}
	ix, err := u.readIndex(ctx, territoryID)
	if err != nil {
		return err
	}
	return fn(ix)
}

func (u *UI) readIndex(ctx context.Context, territoryID int64) (territoryIndex, error) {
	ix := territoryIndex{companies: map[string]model.Company{}, flows: map[string]model.Flow{}}
	companies, err := u.store.Companies(ctx, territoryID)
	if err != nil {
		return ix, err
	}
	for _, c := range companies {
		ix.companies[c.ExtID] = c
	}
	flows, err := u.store.Flows(ctx, territoryID)
	if err != nil {
		return ix, err
	}
	for _, f := range flows {
		ix.flows[f.ExtID] = f
	}
	return ix, nil
}

func resourceLabel(code, lang string) string {
	if r, ok := nomenclature.LookupResource(code); ok {
		return r.Label(lang)
	}
	return code
}

// visibleSubstitutions turns candidates into rows this user may see:
// managers see all; a member sees those where one side is its own company,
// the other side as its flow's visibility allows (hidden ones are left out).
// Only candidates concerning company (when not 0) are kept.
func visibleSubstitutions(user model.User, subs []matching.Substitution, ix territoryIndex, company int64, lang string) []substitutionRow {
	var rows []substitutionRow
	for _, s := range subs {
		out, in := ix.flows[s.OutputFlowID], ix.flows[s.InputFlowID]
		oc, ic := ix.companies[s.OutputCompanyID], ix.companies[s.InputCompanyID]
		if company != 0 && oc.ID != company && ic.ID != company {
			continue
		}
		oa, ia := auth.FlowAccess(user, out, oc), auth.FlowAccess(user, in, ic)
		if oa == auth.Hidden || ia == auth.Hidden {
			continue
		}
		if user.Role == model.RoleMember && oc.ID != user.CompanyID && ic.ID != user.CompanyID {
			continue // a member sees only what concerns its company
		}
		row := substitutionRow{OutputLabel: out.Label, InputLabel: in.Label, OutputFlowID: s.OutputFlowID, InputFlowID: s.InputFlowID, ResourceLabel: resourceLabel(s.Resource, lang),
			Score: s.Score, Reasons: s.ReasonsFR}
		if lang == "en" {
			row.Reasons = s.Reasons
		}
		if oa == auth.Full {
			row.OutputCompany = oc.Name
		}
		if ia == auth.Full {
			row.InputCompany = ic.Name
		}
		rows = append(rows, row)
	}
	return rows
}

// visibleGroups turns groups into rows: a member sees the groups it belongs
// to, with the other companies named only where one of their pooled flows
// is public to it, and left out where all are private.
func visibleGroups(user model.User, groups []matching.Group, ix territoryIndex, lang string) []groupRow {
	var rows []groupRow
	for _, g := range groups {
		row := groupRow{CompanyIDs: strings.Join(g.CompanyIDs, ";"), Kind: g.Kind, ResourceLabel: resourceLabel(g.Resource, lang), Total: g.TotalQuantity, Unit: g.Unit,
			Reason: g.ReasonsFR[0]}
		if lang == "en" {
			row.Reason = g.Reasons[0]
		}
		member := user.Role != model.RoleMember
		best := map[string]auth.Access{}
		for _, fid := range g.FlowIDs {
			f := ix.flows[fid]
			c := ix.companies[f.CompanyExtID]
			if c.ID == user.CompanyID && user.Role == model.RoleMember {
				member = true
			}
			best[c.ExtID] = max(best[c.ExtID], auth.FlowAccess(user, f, c))
		}
		if !member {
			continue
		}
		anonymous := 0
		for _, cid := range g.CompanyIDs {
			switch best[cid] {
			case auth.Full:
				row.Companies = append(row.Companies, ix.companies[cid].Name)
			case auth.Anonymous:
				anonymous++
			}
		}
		if anonymous > 0 {
			word := " entreprise(s) anonyme(s)"
			if lang == "en" {
				word = " anonymous company(ies)"
			}
			row.Companies = append(row.Companies, itoa(anonymous)+word)
		}
		rows = append(rows, row)
	}
	return rows
}
