package impact

// computeMaterial counts a material or waste exchanged by mass. The output's
// current treatment decides what the synergy changes:
//   - landfill, incineration: the tonnes are diverted, their disposal
//     emissions avoided;
//   - unknown: the tonnes are counted as diverted (most untracked industrial
//     outputs go to disposal) but no disposal emissions are claimed;
//   - energy_recovery: not diverted (already recovered), combustion avoided;
//   - recycling, reuse: the material already replaced virgin material
//     somewhere, so counting avoided production again would count it twice;
//   - other: not diverted, avoided production only.
func computeMaterial(r *Result, in Input, t float64, f *Factors, note func(string, ...any)) {
	var disposalKind string
	production := true
	switch in.OutputTreatment {
	case "landfill":
		r.TonnesDiverted, disposalKind = t, KindLandfill
	case "incineration":
		r.TonnesDiverted, disposalKind = t, KindIncineration
		note("incineration: DESNZ gives only a combustion (with energy recovery) factor, used for both")
	case "energy_recovery":
		disposalKind = KindIncineration
		note("energy recovery: tonnes not counted as diverted; the energy no longer recovered is not counted")
	case "recycling", "reuse":
		production = false
		note("output already %s: no tonnes diverted and no avoided production (it would be counted twice)", in.OutputTreatment)
	case "other":
		note("treatment other: no tonnes diverted, no disposal emissions avoided")
	default:
		r.TonnesDiverted = t
		note("treatment unknown (%q): %.4g t counted as diverted, assuming disposal; disposal emissions not counted", in.OutputTreatment, t)
	}

	var kg float64
	if production {
		if fa, ok := f.Lookup(in.Resource, KindAvoidedProduction); ok {
			kg += t * fa.Value
			note("avoided production: %.4g t × %.5g %s (%s)", t, fa.Value, fa.Unit, fa.Source)
		} else {
			note("no avoided-production factor for %q", in.Resource)
		}
	}
	if disposalKind != "" {
		if fa, ok := f.Lookup(in.Resource, disposalKind); ok {
			kg += t * fa.Value
			note("avoided disposal: %.4g t × %.5g %s (%s)", t, fa.Value, fa.Unit, fa.Source)
		} else {
			note("no %s factor for %q", disposalKind, in.Resource)
		}
	}
	if in.DistanceKm > 0 {
		if fa, ok := f.Lookup(in.Resource, KindTransport); ok {
			kg -= t * in.DistanceKm * fa.Value
			note("transport: − %.4g t × %.4g km × %.5g %s (%s)", t, in.DistanceKm, fa.Value, fa.Unit, fa.Source)
		}
	}
	r.Co2eAvoidedT = kg / 1000
}
