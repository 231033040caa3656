package dataset

import (
	"symbiose/internal/model"
)

func (p *parser) parseSynergies(t table) {
	seen := map[string]int{}
	for _, r := range t.records {
		l := line{t.source, r.line, &p.problems}
		s := model.Synergy{ExtID: r.get("id"), Resource: r.get("resource"), Label: r.get("label"),
			OutputFlowExtID: r.get("output_flow_id"), InputFlowExtID: r.get("input_flow_id"),
			OutputCompExtID: r.get("output_company_id"), InputCompExtID: r.get("input_company_id"),
			CompanyExtIDs: splitList(r.get("company_ids")), Attrs: r.extras(FileSynergies)}
		if r.get("type") == "" {
			l.errorf("type", "required: substitution or mutualisation")
		} else {
			s.Type = l.word(r, "type", synergyTypes, "", "substitution or mutualisation")
		}
		s.Status = l.word(r, "status", statuses, model.StatusDetected,
			"detected, qualified, contacted, studying, implementing, realised, abandoned")
		switch s.Type {
		case model.Substitution:
			p.checkSubstitution(l, s)
		case model.Mutualisation:
			if len(s.CompanyExtIDs) < 2 {
				l.errorf("company_ids", "a mutualisation needs at least two companies, separated by ;")
			}
		}
		for _, c := range s.CompanyExtIDs {
			if !p.companyExists(c) {
				l.errorf("company_ids", "no company with id %q", c)
			}
		}
		if p.opt.Resources != nil && s.Resource != "" && !p.opt.Resources.Exists(s.Resource) {
			l.errorf("resource", "%q is not a code of the resource taxonomy", s.Resource)
		}
		s.Quantity = l.number(r, "quantity", 0)
		s.Unit = r.get("unit")
		if u, ok := units.lookup(s.Unit); ok {
			s.Unit = u
		}
		if r.get("period") != "" {
			s.Period = l.word(r, "period", periods, "", "year, month, week, day, once")
		}
		s.StartedOn = l.date(r, "started_on")
		if s.ExtID == "" {
			s.ExtID = generatedID("s-", seen, s.Type, s.OutputFlowExtID, s.InputFlowExtID, s.OutputCompExtID,
				s.InputCompExtID, r.get("company_ids"), s.Resource, s.Label)
		} else if prev, dup := seen[s.ExtID]; dup {
			l.errorf("id", "%q is already used on line %d", s.ExtID, prev)
		}
		seen[s.ExtID] = r.line
		p.ds.Synergies = append(p.ds.Synergies, s)
	}
}

// checkSubstitution checks that a substitution names its two flows, or its
// two companies and what is exchanged.
func (p *parser) checkSubstitution(l line, s model.Synergy) {
	byFlows := s.OutputFlowExtID != "" || s.InputFlowExtID != ""
	if !byFlows && (s.OutputCompExtID == "" || s.InputCompExtID == "" || (s.Resource == "" && s.Label == "")) {
		l.errorf("output_flow_id", "a substitution needs output_flow_id and input_flow_id, or output_company_id, input_company_id and a resource or label")
		return
	}
	for _, ref := range []struct {
		field, id string
		want      model.Direction
	}{{"output_flow_id", s.OutputFlowExtID, model.Output}, {"input_flow_id", s.InputFlowExtID, model.Input}} {
		if !byFlows {
			break
		}
		if ref.id == "" {
			l.errorf(ref.field, "required with the other flow id")
			continue
		}
		dir, ok := p.flows[ref.id]
		if !ok {
			dir, ok = p.opt.KnownFlows[ref.id]
		}
		switch {
		case !ok:
			l.errorf(ref.field, "no flow with id %q", ref.id)
		case dir != "" && dir != ref.want:
			l.errorf(ref.field, "flow %q is an %s, not an %s", ref.id, dir, ref.want)
		}
	}
	for _, ref := range []struct{ field, id string }{{"output_company_id", s.OutputCompExtID}, {"input_company_id", s.InputCompExtID}} {
		if ref.id != "" && !p.companyExists(ref.id) {
			l.errorf(ref.field, "no company with id %q", ref.id)
		}
	}
}
