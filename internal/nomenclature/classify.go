package nomenclature

import (
	"math"
	"sort"
)

// Weights of the scoring, documented in docs/classifier.md.
const (
	bagWeight      = 0.10 // share of the label found anywhere in a node's vocabulary
	ewcBoost       = 0.35 // the node the List of Waste code maps to
	ewcRelatedEdge = 0.10 // its ancestors and descendants
)

// heatBands are the heat nodes by temperature range (°C): a temperature in
// a label picks the band among them.
var heatBands = []struct {
	code     string
	min, max float64
}{
	{"energy.heat.low_grade", -50, 60},
	{"energy.heat.hot_water", 60, 120},
	{"energy.heat.steam", 120, 250},
	{"energy.heat.high_temp", 250, 5000},
}

// Classify returns up to top taxonomy nodes for a label, best first, with a
// confidence in 0..1. ewc, optional, is a List of Waste code in any usual
// writing; it steers the answer toward the node the code maps to.
func (c *Classifier) Classify(label, ewc string, top int) []Match {
	return c.ClassifyFlow(label, ewc, "", top)
}

// familyMismatch discounts nodes of another family than the flow's: a flow
// declared as energy is rarely a parking space.
const familyMismatch = 0.6

// ClassifyFlow is Classify for a flow whose family (material, waste,
// energy, water, equipment, service, skill, space, logistics) is known.
func (c *Classifier) ClassifyFlow(label, ewc, family string, top int) []Match {
	scores := c.score(label)
	if family == "waste" {
		family = "material"
	}
	if family != "" {
		for n := range scores {
			if c.family[n] != family {
				scores[n] *= familyMismatch
			}
		}
	}
	if code, _, err := ParseWasteCode(ewc); err == nil {
		if node, ok := c.nodeID[WasteResource(code)]; ok {
			scores[node] += ewcBoost
			for i, other := range c.nodes {
				if IsAncestor(other, c.nodes[node]) || IsAncestor(c.nodes[node], other) {
					scores[i] += ewcRelatedEdge
				}
			}
		}
	}
	if t, ok := findTemperature(label); ok {
		c.pickHeatBand(scores, t)
	} else if hasPressure(label) {
		c.pickHeatBand(scores, 150) // heat under pressure is steam
	}
	return c.rank(scores, top)
}

// score rates every node against the label's words.
func (c *Classifier) score(label string) map[int]float64 {
	q := c.recognise(label)
	total := 0.0
	for _, t := range q {
		total += t.weight
	}
	scores := map[int]float64{}
	if total == 0 {
		return scores
	}
	// Per phrase: how much of the phrase the label holds, and how much of
	// the label (weighted by place) the phrase explains.
	type hit struct{ ofPhrase, ofLabel float64 }
	matched := map[int32]hit{}
	bag := map[int]float64{}
	for _, t := range q {
		counted := map[int32]bool{}
		nodes := map[int]bool{}
		for _, v := range t.vocab {
			for _, p := range c.postings[v] {
				if !counted[p] {
					counted[p] = true
					h := matched[p]
					h.ofPhrase += c.idf[v] * t.trust
					h.ofLabel += c.idf[v] * t.trust * t.place
					matched[p] = h
				}
				nodes[c.phrases[p].node] = true
			}
		}
		for n := range nodes {
			bag[n] += t.weight * t.trust
		}
	}
	for p, m := range matched {
		ph := c.phrases[p]
		phraseCover := math.Min(1, m.ofPhrase/ph.weight)
		labelCover := math.Min(1, m.ofLabel/total)
		f := 2 * phraseCover * labelCover / (phraseCover + labelCover)
		if f > scores[ph.node] {
			scores[ph.node] = f
		}
	}
	for n, b := range bag {
		scores[n] += bagWeight * math.Min(1, b/total)
	}
	return scores
}

// pickHeatBand moves a label that speaks of heat to the band of its
// temperature: "chaleur fatale 70°C" is hot water, not steam.
func (c *Classifier) pickHeatBand(scores map[int]float64, t float64) {
	best := 0.0
	for n, s := range scores {
		if code := c.nodes[n]; code == "energy.heat" || IsAncestor("energy.heat", code) {
			best = max(best, s)
		}
	}
	if best == 0 {
		return
	}
	for _, b := range heatBands {
		if t > b.min && t <= b.max {
			if n, ok := c.nodeID[b.code]; ok {
				scores[n] = best + 0.05
			}
		}
	}
}

// rank sorts nodes by score and turns scores into confidences: the best
// score, discounted when the runner-up is close (an ambiguous label).
func (c *Classifier) rank(scores map[int]float64, top int) []Match {
	type scored struct {
		node  int
		score float64
	}
	var list []scored
	for n, s := range scores {
		if s > 0.05 {
			list = append(list, scored{n, s})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return c.nodes[list[i].node] < c.nodes[list[j].node]
	})
	if len(list) == 0 || top <= 0 {
		return nil
	}
	first := math.Min(1, list[0].score)
	margin := 1.0
	if len(list) > 1 {
		margin = math.Min(1, (list[0].score-list[1].score)/(0.25*list[0].score))
	}
	conf := first * (0.6 + 0.4*margin)
	var out []Match
	for i, s := range list {
		if i == top {
			break
		}
		r, _ := LookupResource(c.nodes[s.node])
		ci := conf * math.Min(1, s.score) / first
		out = append(out, Match{Resource: r.Code, Label: r.LabelFR, Confidence: math.Round(ci*100) / 100})
	}
	return out
}
