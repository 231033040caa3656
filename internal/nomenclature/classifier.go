package nomenclature

import (
	"math"
	"sort"
	"strings"
	"sync"
)

// Match is one answer of the classifier: a taxonomy node and how sure the
// classifier is that the label means it.
type Match struct {
	Resource   string  `json:"resource"`
	Label      string  `json:"label"`
	Confidence float64 `json:"confidence"`
}

// Classifier maps free-text flow labels, French or English, onto the
// resource taxonomy. It indexes every node's labels and synonyms as
// "phrases"; a label scores against a phrase by how much of each the other
// covers, words weighted by rarity. Typos, plurals, accents, elisions and
// split or joined compounds ("big bag", "bigbag") are tolerated. It is
// deterministic and safe for concurrent use.
type Classifier struct {
	nodes    []string           // node codes, index = node id
	phrases  []phrase           // every label and synonym
	postings map[string][]int32 // token -> phrases containing it
	nodeBag  []map[string]bool  // node id -> every token of its phrases
	idf      map[string]float64
	typos    map[string][]string // one-deletion variant -> vocabulary tokens
	joined   map[string][2]string
	nodeID   map[string]int
	family   []string // node id -> family
}

type phrase struct {
	node   int
	tokens []string
	weight float64 // sum of the tokens' idf
}

// DefaultClassifier returns the classifier over the embedded taxonomy,
// built on first use.
var DefaultClassifier = sync.OnceValue(func() *Classifier { return NewClassifier(Resources()) })

// NewClassifier indexes a taxonomy.
func NewClassifier(resources []Resource) *Classifier {
	c := &Classifier{postings: map[string][]int32{}, idf: map[string]float64{}, typos: map[string][]string{},
		joined: map[string][2]string{}, nodeID: map[string]int{}}
	df := map[string]int{}
	for i, r := range resources {
		c.nodes = append(c.nodes, r.Code)
		c.family = append(c.family, r.Family)
		c.nodeID[r.Code] = i
		bag := map[string]bool{}
		texts := append([]string{r.LabelFR, r.LabelEN}, r.SynonymsFR...)
		texts = append(texts, r.SynonymsEN...)
		seen := map[string]bool{}
		for _, text := range texts {
			toks := unique(words(text))
			key := strings.Join(toks, " ")
			if len(toks) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			for j, tok := range toks {
				bag[tok] = true
				if j > 0 {
					c.joined[toks[j-1]+tok] = [2]string{toks[j-1], tok}
				}
			}
			c.phrases = append(c.phrases, phrase{node: i, tokens: toks})
		}
		c.nodeBag = append(c.nodeBag, bag)
		for tok := range bag {
			df[tok]++
		}
	}
	n := float64(len(resources))
	for tok, d := range df {
		c.idf[tok] = math.Log(1 + n/float64(d))
		for _, del := range deletions(tok) {
			c.typos[del] = append(c.typos[del], tok)
		}
	}
	for tok := range c.typos {
		sort.Strings(c.typos[tok])
	}
	for i := range c.phrases {
		p := &c.phrases[i]
		for _, tok := range p.tokens {
			p.weight += c.idf[tok]
			c.postings[tok] = append(c.postings[tok], int32(i))
		}
	}
	return c
}

func unique(toks []string) []string {
	seen := map[string]bool{}
	out := toks[:0]
	for _, t := range toks {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// queryToken is one word of a label as recognised in the vocabulary:
// itself, a corrected spelling, or the two halves of a joined compound.
type queryToken struct {
	vocab  []string // vocabulary tokens it stands for
	weight float64  // its idf, or a default when unknown, times its place's weight
	place  float64  // the weight of its place in the label (head or detail)
	trust  float64  // 1 for an exact word, less for a corrected one
}

// recognise maps a label's words onto the vocabulary.
func (c *Classifier) recognise(label string) []queryToken {
	var ws []word
	seen := map[string]bool{}
	for _, w := range weightedWords(label) {
		if !seen[w.tok] {
			seen[w.tok] = true
			ws = append(ws, w)
		}
	}
	var out []queryToken
	for i, w := range ws {
		tok, place := w.tok, w.weight
		if i > 0 {
			if idf, ok := c.idf[ws[i-1].tok+tok]; ok { // "big bag" written for "bigbag"
				out = append(out, queryToken{vocab: []string{ws[i-1].tok + tok}, weight: idf * place, place: place, trust: 1})
			}
		}
		if idf, ok := c.idf[tok]; ok {
			out = append(out, queryToken{vocab: []string{tok}, weight: idf * place, place: place, trust: 1})
			continue
		}
		if pair, ok := c.joined[tok]; ok { // "bigbag" written for "big bag"
			out = append(out, queryToken{vocab: pair[:], weight: (c.idf[pair[0]] + c.idf[pair[1]]) * place, place: place, trust: 1})
			continue
		}
		if fixed := c.correct(tok); len(fixed) > 0 {
			idf := 0.0
			for _, f := range fixed {
				idf = max(idf, c.idf[f])
			}
			out = append(out, queryToken{vocab: fixed, weight: idf * place, place: place, trust: 0.85})
			continue
		}
		out = append(out, queryToken{weight: 1.5 * place, place: place}) // unknown word: it dilutes every match alike
	}
	return out
}

// correct returns the vocabulary tokens within the allowed typing distance
// of an unknown token, closest first.
func (c *Classifier) correct(tok string) []string {
	limit := maxTypos(len(tok))
	if limit == 0 {
		return nil
	}
	candidates := map[string]bool{}
	probe := append([]string{tok}, deletions(tok)...)
	if limit >= 2 {
		for _, d := range deletions(tok) {
			probe = append(probe, deletions(d)...)
		}
	}
	for _, p := range probe {
		if _, ok := c.idf[p]; ok {
			candidates[p] = true
		}
		for _, v := range c.typos[p] {
			candidates[v] = true
		}
	}
	best, bestDist := []string(nil), limit+1
	for v := range candidates {
		d := editDistance(tok, v)
		switch {
		case d < bestDist:
			best, bestDist = []string{v}, d
		case d == bestDist:
			best = append(best, v)
		}
	}
	sort.Strings(best)
	return best
}
