package impact

import (
	"slices"
	"strconv"
)

// Dated is one synergy's result with the year it counts for.
type Dated struct {
	Year int // year the synergy started; 0 when unknown
	Result
}

// Total sums the results of one year, or of all years when Year is 0 in
// the overall total. Notes are left empty: they belong to each synergy.
type Total struct {
	Year      int
	Synergies int
	Result
}

// Totals sums results per year (ascending; undated ones under year 0) and
// overall. A programme's totals are Totals of that programme's synergies:
// the caller chooses which results to pass, this package stays unaware of
// programmes and territories.
func Totals(results []Dated) (byYear []Total, overall Total) {
	idx := map[int]int{}
	for _, d := range results {
		i, ok := idx[d.Year]
		if !ok {
			i = len(byYear)
			idx[d.Year] = i
			byYear = append(byYear, Total{Year: d.Year})
		}
		byYear[i].add(d.Result)
		overall.add(d.Result)
	}
	slices.SortFunc(byYear, func(a, b Total) int { return a.Year - b.Year })
	return byYear, overall
}

func (t *Total) add(r Result) {
	t.Synergies++
	t.TonnesDiverted += r.TonnesDiverted
	t.Co2eAvoidedT += r.Co2eAvoidedT
	t.EurosSaved += r.EurosSaved
	t.WaterSavedM3 += r.WaterSavedM3
	t.EnergySavedMWh += r.EnergySavedMWh
}

// YearOf returns the year of an ISO date such as a synergy's StartedOn, or
// 0 when the date is empty or malformed.
func YearOf(isoDate string) int {
	if len(isoDate) < 4 {
		return 0
	}
	y, err := strconv.Atoi(isoDate[:4])
	if err != nil || y < 1000 {
		return 0
	}
	return y
}
