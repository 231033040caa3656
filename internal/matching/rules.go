package matching

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"symbiose/internal/nomenclature"
)

// compat says how well an output of one resource can feed an input of
// another, and why.
type compat struct {
	score    float64
	reasonEN string
	reasonFR string
}

// Compatibility scores, documented in docs/matching.md.
const (
	compatSame       = 1.0  // same taxonomy node
	compatNarrower   = 0.9  // the output is a kind of what the input needs
	compatBroader    = 0.6  // the output is the general kind of the specific need
	compatRuleSpread = 0.85 // a rule applied through a parent or child node
	compatHeat       = 0.85 // heat of one level for a heat need of another
)

// Rules decides resource compatibility from the taxonomy and the
// conversion rules. It is safe for concurrent use.
type Rules struct {
	// rules from an output node to input nodes.
	rules   map[string][]nomenclature.Conversion
	mu      sync.RWMutex
	cache   map[string]map[string]compat // input node -> output node -> compat
	reverse map[string][]string          // output node -> input nodes it feeds
	order   map[string][]string          // input node -> feeding output nodes, sorted
	best    map[string]float64           // input node -> its best compatibility
}

// NewRules builds the rules from conversion rules.
func NewRules(conversions []nomenclature.Conversion) *Rules {
	r := &Rules{rules: map[string][]nomenclature.Conversion{}, cache: map[string]map[string]compat{},
		reverse: map[string][]string{}, order: map[string][]string{}, best: map[string]float64{}}
	for _, c := range conversions {
		r.rules[c.From] = append(r.rules[c.From], c)
	}
	return r
}

// DefaultRules uses the embedded conversion rules.
var DefaultRules = sync.OnceValue(func() *Rules { return NewRules(nomenclature.Conversions()) })

// ancestry returns a code and its ancestors, nearest first.
func ancestry(code string) []string {
	out := []string{code}
	for {
		i := strings.LastIndex(code, ".")
		if i < 0 {
			return out
		}
		code = code[:i]
		out = append(out, code)
	}
}

// label is a node's label for reasons.
func label(code, lang string) string {
	if r, ok := nomenclature.LookupResource(code); ok {
		return r.Label(lang)
	}
	return code
}

// between returns how an output of node out can feed an input of node in.
func (r *Rules) between(out, in string) (compat, bool) {
	switch {
	case out == "" || in == "":
		return compat{}, false
	case out == in:
		return compat{compatSame, "same resource " + out, "même ressource : " + label(out, "fr")}, true
	case nomenclature.IsAncestor(in, out):
		return compat{compatNarrower, fmt.Sprintf("%s is a kind of %s", out, in),
			fmt.Sprintf("%s est une sorte de %s", label(out, "fr"), label(in, "fr"))}, true
	case isHeat(out) && isHeat(in):
		// Heat feeds heat at or below its temperature: pair() checks the
		// temperatures when both flows give one.
		return compat{compatHeat, "heat to heat: " + out + " for " + in,
			"chaleur vers chaleur : " + label(out, "fr") + " pour " + label(in, "fr")}, true
	case nomenclature.IsAncestor(out, in) && strings.Contains(out, "."):
		// A root ("wood", "energy") is too vague to promise a specific need.
		return compat{compatBroader, fmt.Sprintf("%s may include %s", out, in),
			fmt.Sprintf("%s peut comprendre %s", label(out, "fr"), label(in, "fr"))}, true
	}
	best := compat{}
	for i, from := range ancestry(out) {
		for _, c := range r.rules[from] {
			score := c.Score
			switch {
			case c.To == in:
			case nomenclature.IsAncestor(c.To, in) || nomenclature.IsAncestor(in, c.To):
				score *= compatRuleSpread
			default:
				continue
			}
			if i > 0 {
				score *= compatRuleSpread
			}
			if score > best.score {
				best = compat{score, c.ReasonEN, c.ReasonFR}
			}
		}
	}
	return best, best.score > 0
}

// feeding returns, for an input node, every output node that can feed it.
// The answer is computed over the whole taxonomy once per input node.
func (r *Rules) feeding(in string) map[string]compat {
	r.mu.RLock()
	m, ok := r.cache[in]
	r.mu.RUnlock()
	if ok {
		return m
	}
	m = map[string]compat{}
	for _, res := range nomenclature.Resources() {
		if c, ok := r.between(res.Code, in); ok {
			m[res.Code] = c
		}
	}
	if _, known := nomenclature.LookupResource(in); !known {
		m[in] = compat{compatSame, "same resource " + in, "même ressource : " + in}
	}
	r.mu.Lock()
	r.cache[in] = m
	order := sortedKeys(m)
	sort.SliceStable(order, func(i, j int) bool { return m[order[i]].score > m[order[j]].score })
	r.order[in] = order
	if len(order) > 0 {
		r.best[in] = m[order[0]].score
	}
	r.mu.Unlock()
	return m
}

// bestFeeding returns the highest compatibility any output offers an input
// node.
func (r *Rules) bestFeeding(in string) float64 {
	r.feeding(in)
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.best[in]
}

// feedingOrder returns the output nodes that can feed an input node, the
// most compatible first, then in code order.
func (r *Rules) feedingOrder(in string) []string {
	r.feeding(in)
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.order[in]
}

// fedBy returns the input nodes an output node can feed.
func (r *Rules) fedBy(out string) []string {
	r.mu.RLock()
	l, ok := r.reverse[out]
	r.mu.RUnlock()
	if ok {
		return l
	}
	for _, res := range nomenclature.Resources() {
		if _, ok := r.between(out, res.Code); ok {
			l = append(l, res.Code)
		}
	}
	if _, known := nomenclature.LookupResource(out); !known {
		l = append(l, out)
	}
	r.mu.Lock()
	r.reverse[out] = l
	r.mu.Unlock()
	return l
}
