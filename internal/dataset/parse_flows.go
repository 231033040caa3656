package dataset

import (
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

func (p *parser) parseFlows(t table) {
	seen := map[string]int{}
	for _, r := range t.records {
		l := line{t.source, r.line, &p.problems}
		f := model.Flow{ExtID: r.get("id"), CompanyExtID: l.required(r, "company_id"), Label: l.required(r, "label"),
			Attrs: r.extras(FileFlows)}
		if f.CompanyExtID != "" && !p.companyExists(f.CompanyExtID) {
			l.errorf("company_id", "no company with id %q", f.CompanyExtID)
		}
		if r.get("direction") == "" {
			l.errorf("direction", "required: input (besoin) or output (ressource)")
		} else {
			f.Direction = model.Direction(l.word(r, "direction", directions, "", "input (besoin, entrant) or output (ressource, offre, sortant)"))
		}
		f.Family = l.word(r, "family", families, "", "material, waste, energy, water, equipment, service, skill, space, logistics")
		if s := r.get("ewc"); s != "" {
			code, starred, err := nomenclature.ParseWasteCode(s)
			w, known := nomenclature.LookupWaste(code)
			switch {
			case err != nil:
				l.errorf("ewc", "%v", err)
			case !known:
				l.errorf("ewc", "%s is not in the European List of Waste", s)
			default:
				if starred && !w.Hazardous {
					l.warnf("ewc", "%s is marked * but the List of Waste entry is not hazardous", s)
				}
				if !starred && w.Hazardous {
					l.warnf("ewc", "%s is a hazardous entry (%s)", s, w.Display())
				}
				f.EWC, f.Hazardous = code, w.Hazardous
			}
		}
		f.Resource = r.get("resource")
		f.ResourceConfidence = l.number(r, "resource_confidence", 0)
		if f.ResourceConfidence != nil && *f.ResourceConfidence > 1 {
			l.errorf("resource_confidence", "must be between 0 and 1")
		}
		p.resolveResource(l, &f)
		f.Quantity = l.number(r, "quantity", 0)
		f.Unit = r.get("unit")
		if u, ok := units.lookup(f.Unit); ok {
			f.Unit = u
		}
		f.Period = l.word(r, "period", periods, "year", "year (an), month (mois), week (semaine), day (jour), once (ponctuel)")
		f.Quality = r.get("quality")
		f.AvailableFrom, f.AvailableUntil = l.date(r, "available_from"), l.date(r, "available_until")
		if f.AvailableFrom != "" && f.AvailableUntil != "" && f.AvailableUntil < f.AvailableFrom {
			l.errorf("available_until", "%s is before available_from %s", f.AvailableUntil, f.AvailableFrom)
		}
		f.CostEUR = l.number(r, "cost_eur", 0)
		f.Treatment = l.word(r, "treatment", treatments, "", "landfill, incineration, energy_recovery, recycling, reuse, other")
		f.Visibility = l.word(r, "visibility", visibilities, model.VisibilityAnonymous, "private, anonymous, public")
		if f.Family == "" {
			f.Family = p.inferFamily(f)
		}
		if f.ExtID == "" {
			f.ExtID = generatedID("f-", seen, f.CompanyExtID, string(f.Direction), f.Label, f.EWC)
		} else if prev, dup := seen[f.ExtID]; dup {
			l.errorf("id", "%q is already used on line %d", f.ExtID, prev)
		}
		seen[f.ExtID] = r.line
		p.flows[f.ExtID] = f.Direction
		p.ds.Flows = append(p.ds.Flows, f)
	}
}

// resolveResource checks a given taxonomy code, or asks the classifier for
// one when the flow has none.
func (p *parser) resolveResource(l line, f *model.Flow) {
	rk := p.opt.Resources
	if rk == nil {
		return
	}
	if f.Resource != "" {
		if !rk.Exists(f.Resource) {
			l.errorf("resource", "%q is not a code of the resource taxonomy (see symbiose nomenclature resources)", f.Resource)
		}
		return
	}
	if f.Label == "" {
		return
	}
	// Large datasets repeat their labels: classify each distinct one once.
	key := f.Label + "\x00" + f.EWC + "\x00" + f.Family
	guess, seen := p.classified[key]
	if !seen {
		guess.code, guess.confidence, guess.ok = rk.Classify(f.Label, f.EWC, f.Family)
		p.classified[key] = guess
	}
	if guess.ok {
		conf := guess.confidence
		f.Resource, f.ResourceConfidence = guess.code, &conf
	}
}

// inferFamily guesses the family of a flow given without one: an output with
// a List of Waste code is a waste; otherwise the family of its resource.
func (p *parser) inferFamily(f model.Flow) string {
	if f.EWC != "" && f.Direction == model.Output {
		return model.FamilyWaste
	}
	if p.opt.Resources != nil && f.Resource != "" {
		if fam := p.opt.Resources.Family(f.Resource); fam != "" {
			return fam
		}
	}
	return model.FamilyMaterial
}
