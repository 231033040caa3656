package api

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/matching"
	"symbiose/internal/model"
)

// territoryIndex finds companies and flows of a territory by dataset id.
type territoryIndex struct {
	companies map[string]model.Company
	flows     map[string]model.Flow
}

func (a *API) index(r *http.Request, territoryID int64) (territoryIndex, error) {
	ix := territoryIndex{companies: map[string]model.Company{}, flows: map[string]model.Flow{}}
	companies, err := a.store.Companies(r.Context(), territoryID)
	if err != nil {
		return ix, err
	}
	for _, c := range companies {
		ix.companies[c.ExtID] = c
	}
	flows, err := a.store.Flows(r.Context(), territoryID)
	if err != nil {
		return ix, err
	}
	for _, f := range flows {
		ix.flows[f.ExtID] = f
	}
	return ix, nil
}

// substitutionJSON is a candidate with the matching output's field names,
// plus what a reader needs of each side. A side anonymous to the user goes
// without its flow's dataset id, its company and its coordinates.
type substitutionJSON struct {
	OutputFlowID      string   `json:"output_flow_id,omitempty"`
	OutputFlowAPIID   int64    `json:"output_flow_api_id"`
	OutputLabel       string   `json:"output_label"`
	OutputCompanyID   string   `json:"output_company_id,omitempty"`
	OutputCompanyName string   `json:"output_company_name,omitempty"`
	OutputLat         *float64 `json:"output_lat,omitempty"`
	OutputLon         *float64 `json:"output_lon,omitempty"`
	InputFlowID       string   `json:"input_flow_id,omitempty"`
	InputFlowAPIID    int64    `json:"input_flow_api_id"`
	InputLabel        string   `json:"input_label"`
	InputCompanyID    string   `json:"input_company_id,omitempty"`
	InputCompanyName  string   `json:"input_company_name,omitempty"`
	InputLat          *float64 `json:"input_lat,omitempty"`
	InputLon          *float64 `json:"input_lon,omitempty"`
	Resource          string   `json:"resource"`
	InputResource     string   `json:"input_resource,omitempty"`
	Score             float64  `json:"score"`
	DistanceKm        *float64 `json:"distance_km"`
	Coverage          *float64 `json:"coverage,omitempty"`
	Reasons           []string `json:"reasons"`
	ReasonsFR         []string `json:"reasons_fr"`
}

// visibleSubstitutions keeps the candidates the user may see: managers see
// all; a member those where one side is its own company, the other side
// as its flow's visibility allows (hidden ones are left out).
func visibleSubstitutions(user model.User, subs []matching.Substitution, ix territoryIndex) []substitutionJSON {
	out := []substitutionJSON{}
	for _, s := range subs {
		of, in := ix.flows[s.OutputFlowID], ix.flows[s.InputFlowID]
		oc, ic := ix.companies[s.OutputCompanyID], ix.companies[s.InputCompanyID]
		if of.ID == 0 || in.ID == 0 {
			continue // removed since the engine last looked
		}
		oa, ia := auth.FlowAccess(user, of, oc), auth.FlowAccess(user, in, ic)
		if oa == auth.Hidden || ia == auth.Hidden {
			continue
		}
		if user.Role == model.RoleMember && oc.ID != user.CompanyID && ic.ID != user.CompanyID {
			continue // a member sees only what concerns its company
		}
		row := substitutionJSON{OutputFlowAPIID: of.ID, OutputLabel: of.Label, InputFlowAPIID: in.ID, InputLabel: in.Label,
			Resource: s.Resource, InputResource: s.InputResource, Score: s.Score, DistanceKm: s.DistanceKm,
			Coverage: s.Coverage, Reasons: s.Reasons, ReasonsFR: s.ReasonsFR}
		if oa == auth.Full {
			row.OutputFlowID, row.OutputCompanyID, row.OutputCompanyName = of.ExtID, oc.ExtID, oc.Name
			row.OutputLat, row.OutputLon = oc.Lat, oc.Lon
		}
		if ia == auth.Full {
			row.InputFlowID, row.InputCompanyID, row.InputCompanyName = in.ExtID, ic.ExtID, ic.Name
			row.InputLat, row.InputLon = ic.Lat, ic.Lon
		}
		out = append(out, row)
	}
	return out
}

// groupJSON is a mutualisation group as the user may see it: companies
// named where one of their pooled flows is visible whole, counted in
// anonymous_companies where they are only anonymous, left out where all
// their pooled flows are private.
type groupJSON struct {
	Kind               string        `json:"kind"`
	Resource           string        `json:"resource"`
	CompanyIDs         []string      `json:"company_ids"`
	Companies          []groupMember `json:"companies"`
	AnonymousCompanies int           `json:"anonymous_companies,omitempty"`
	FlowIDs            []string      `json:"flow_ids"`
	TotalQuantity      *float64      `json:"total_quantity"`
	Unit               string        `json:"unit"`
	Period             string        `json:"period"`
	RadiusKm           float64       `json:"radius_km"`
	Reasons            []string      `json:"reasons"`
	ReasonsFR          []string      `json:"reasons_fr"`
}

type groupMember struct {
	ID    string `json:"id"`
	APIID int64  `json:"api_id"`
	Name  string `json:"name"`
}

// visibleGroups keeps the groups the user may see: all for managers, those
// a member's company belongs to for members.
func visibleGroups(user model.User, groups []matching.Group, ix territoryIndex) []groupJSON {
	out := []groupJSON{}
	for _, g := range groups {
		concerned := user.Role != model.RoleMember
		best := map[string]auth.Access{}
		row := groupJSON{Kind: g.Kind, Resource: g.Resource, CompanyIDs: []string{}, Companies: []groupMember{},
			FlowIDs: []string{}, TotalQuantity: g.TotalQuantity, Unit: g.Unit, Period: g.Period, RadiusKm: g.RadiusKm,
			Reasons: g.Reasons, ReasonsFR: g.ReasonsFR}
		for _, fid := range g.FlowIDs {
			f := ix.flows[fid]
			c := ix.companies[f.CompanyExtID]
			if user.Role == model.RoleMember && c.ID != 0 && c.ID == user.CompanyID {
				concerned = true
			}
			access := auth.FlowAccess(user, f, c)
			if f.ID != 0 && access == auth.Full {
				row.FlowIDs = append(row.FlowIDs, fid)
			}
			best[c.ExtID] = max(best[c.ExtID], access)
		}
		if !concerned {
			continue
		}
		for _, cid := range g.CompanyIDs {
			switch best[cid] {
			case auth.Full:
				c := ix.companies[cid]
				row.CompanyIDs = append(row.CompanyIDs, cid)
				row.Companies = append(row.Companies, groupMember{ID: cid, APIID: c.ID, Name: c.Name})
			case auth.Anonymous:
				row.AnonymousCompanies++
			}
		}
		out = append(out, row)
	}
	return out
}
