package matching

import (
	"symbiose/internal/model"
)

// QualityStats counts how known exchanges rank among the candidates.
type QualityStats struct {
	Known      int // known exchanges
	Found      int // whose output is in its input's top 10
	TopFive    int // candidates listed in the top 5 of inputs with a known exchange
	TopFiveHit int // of which known exchanges
}

// Recall is recall@10.
func (s QualityStats) Recall() float64 { return ratio(s.Found, s.Known) }

// Precision is precision@5.
func (s QualityStats) Precision() float64 { return ratio(s.TopFiveHit, s.TopFive) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Miss is a known exchange the matcher did not rank in the top 10.
type Miss struct {
	SynergyID, OutputFlowID, InputFlowID string
	Rank                                 int // 0 when not listed at all
}

// Quality is the evaluation of a matcher on known exchanges.
type Quality struct {
	All    QualityStats
	ByZone map[string]QualityStats
	Misses []Miss
}

// Evaluate scores the engine's candidates against the realised
// substitutions (with both flow ids) of a dataset, by the zone of the
// receiving company.
func Evaluate(e *Engine, ds model.Dataset) Quality {
	zone := map[string]string{}
	for _, c := range ds.Companies {
		zone[c.ExtID] = c.Zone
	}
	flowCompany := map[string]string{}
	for _, f := range ds.Flows {
		flowCompany[f.ExtID] = f.CompanyExtID
	}
	known := map[[2]string]bool{}
	var exchanges []model.Synergy
	for _, s := range ds.Synergies {
		if s.Type == model.Substitution && s.OutputFlowExtID != "" && s.InputFlowExtID != "" {
			known[[2]string{s.OutputFlowExtID, s.InputFlowExtID}] = true
			exchanges = append(exchanges, s)
		}
	}
	q := Quality{ByZone: map[string]QualityStats{}}
	counted := map[string]bool{}
	for _, s := range exchanges {
		z := zone[flowCompany[s.InputFlowExtID]]
		st := q.ByZone[z]
		st.Known++
		cands := e.CandidatesFor(s.InputFlowExtID)
		rank := 0
		for i, c := range cands {
			if c.OutputFlowID == s.OutputFlowExtID {
				rank = i + 1
			}
		}
		if rank > 0 && rank <= 10 {
			st.Found++
		} else {
			q.Misses = append(q.Misses, Miss{s.ExtID, s.OutputFlowExtID, s.InputFlowExtID, rank})
		}
		if !counted[s.InputFlowExtID] {
			counted[s.InputFlowExtID] = true
			for i, c := range cands {
				if i == 5 {
					break
				}
				st.TopFive++
				if known[[2]string{c.OutputFlowID, c.InputFlowID}] {
					st.TopFiveHit++
				}
			}
		}
		q.ByZone[z] = st
	}
	for _, st := range q.ByZone {
		q.All.Known += st.Known
		q.All.Found += st.Found
		q.All.TopFive += st.TopFive
		q.All.TopFiveHit += st.TopFiveHit
	}
	return q
}
