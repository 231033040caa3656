package printable

import (
	"math"
	"strconv"
	"strings"

	"symbiose/internal/model"
)

// FromFlows gives each company, in the order given (the plan's order), its
// offers (output flows) and needs (input flows) as the sheets print them.
func FromFlows(companies []model.Company, flows []model.Flow) []Company {
	index := make(map[string]int, len(companies))
	out := make([]Company, len(companies))
	for i, c := range companies {
		index[c.ExtID] = i
		out[i] = Company{ID: c.ExtID, Name: c.Name}
	}
	for _, f := range flows {
		i, ok := index[f.CompanyExtID]
		if !ok {
			continue
		}
		switch f.Direction {
		case model.Output:
			out[i].Offers = append(out[i].Offers, flowLabel(f))
		case model.Input:
			out[i].Needs = append(out[i].Needs, flowLabel(f))
		}
	}
	return out
}

// flowPeriods are the French time bases of a quantity.
var flowPeriods = map[string]string{"year": "/an", "month": "/mois", "week": "/semaine", "day": "/jour", "once": " (ponctuel)"}

// flowLabel is "Sciure de bois · 120 t/an": the label (or the family),
// with the quantity, unit and period when known.
func flowLabel(f model.Flow) string {
	label := strings.TrimSpace(f.Label)
	if label == "" {
		label = strings.TrimSpace(f.Family)
	}
	if f.Quantity == nil {
		return label
	}
	q := frenchNumber(*f.Quantity)
	if u := strings.TrimSpace(f.Unit); u != "" {
		q += " " + u
	}
	q += flowPeriods[f.Period]
	if label == "" {
		return q
	}
	return label + " · " + q
}

// frenchNumber writes 4500.5 as "4 500,5" (no-break spaces), at most two
// decimals.
func frenchNumber(v float64) string {
	s := strconv.FormatFloat(math.Round(math.Abs(v)*100)/100, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && s != "0" {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}
