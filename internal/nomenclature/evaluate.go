package nomenclature

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// EvalCase is one labelled example: a flow label and the taxonomy node a
// careful facilitator would choose (and others they would accept).
type EvalCase struct {
	Label, Lang, EWC, Family string
	Expected                 string
	Acceptable               []string
}

// ReadEvalCases reads an evaluation file with columns label, lang, ewc,
// expected, acceptable and, optionally, family.
func ReadEvalCases(r io.Reader) ([]EvalCase, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read evaluation set: %w", err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("read evaluation set: empty")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, need := range []string{"label", "expected"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("read evaluation set: no %q column", need)
		}
	}
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}
	var out []EvalCase
	for _, row := range rows[1:] {
		c := EvalCase{Label: get(row, "label"), Lang: get(row, "lang"), EWC: get(row, "ewc"), Family: get(row, "family"),
			Expected: get(row, "expected")}
		if a := get(row, "acceptable"); a != "" {
			c.Acceptable = strings.Split(a, ";")
		}
		out = append(out, c)
	}
	return out, nil
}

// EvalResult is the classifier's accuracy on an evaluation set.
type EvalResult struct {
	Cases            int
	Rank1, Rank3     float64 // share of cases whose expected node is first / in the first three
	Rank1Acceptable  float64 // share whose first answer is the expected node or an acceptable one
	ByLang           map[string][2]float64
	Misses           []EvalMiss
	MicrosPerLabel   float64
	ConfidenceOfHits float64 // mean confidence of right first answers
	ConfidenceOfMiss float64 // mean confidence of wrong first answers
}

// EvalMiss is a case whose first answer is not the expected node.
type EvalMiss struct {
	Case EvalCase
	Got  []Match
}

// Evaluate classifies every case and measures rank-1 and rank-3 accuracy.
func (c *Classifier) Evaluate(cases []EvalCase) EvalResult {
	res := EvalResult{Cases: len(cases), ByLang: map[string][2]float64{}}
	langCount := map[string]int{}
	var r1, r3, r1a, hitConf, missConf float64
	var hits, misses int
	for _, ec := range cases {
		got := c.ClassifyFlow(ec.Label, ec.EWC, ec.Family, 3)
		first := ""
		if len(got) > 0 {
			first = got[0].Resource
		}
		ok1 := first == ec.Expected
		ok3 := false
		for _, m := range got {
			ok3 = ok3 || m.Resource == ec.Expected
		}
		okA := ok1
		for _, a := range ec.Acceptable {
			okA = okA || first == a
		}
		lang := res.ByLang[ec.Lang]
		langCount[ec.Lang]++
		if ok1 {
			r1++
			lang[0]++
			hits++
			hitConf += got[0].Confidence
		} else {
			res.Misses = append(res.Misses, EvalMiss{ec, got})
			if len(got) > 0 {
				misses++
				missConf += got[0].Confidence
			}
		}
		if ok3 {
			r3++
			lang[1]++
		}
		if okA {
			r1a++
		}
		res.ByLang[ec.Lang] = lang
	}
	n := float64(max(len(cases), 1))
	res.Rank1, res.Rank3, res.Rank1Acceptable = r1/n, r3/n, r1a/n
	for l, v := range res.ByLang {
		res.ByLang[l] = [2]float64{v[0] / float64(langCount[l]), v[1] / float64(langCount[l])}
	}
	if hits > 0 {
		res.ConfidenceOfHits = hitConf / float64(hits)
	}
	if misses > 0 {
		res.ConfidenceOfMiss = missConf / float64(misses)
	}
	return res
}
