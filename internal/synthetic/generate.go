// Package synthetic generates deterministic synthetic territories for
// benchmarks: companies spread over France in town clusters, each with the
// flows of a real-looking company of its sector.
package synthetic

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"symbiose/internal/model"
)

// Generate returns a dataset of n companies. Each copies the flows of a
// model company (from the demo territory, written the way companies speak)
// with varied quantities and, sometimes, wording; the same n and seed give
// the same dataset. flowsPerCompany trims or pads each company's flows.
func Generate(models model.Dataset, n, flowsPerCompany int, seed uint64) model.Dataset {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	byCompany := map[string][]model.Flow{}
	for _, f := range models.Flows {
		byCompany[f.CompanyExtID] = append(byCompany[f.CompanyExtID], f)
	}
	totalWeight := 0
	for _, t := range towns {
		totalWeight += t.weight
	}
	var ds model.Dataset
	for i := range n {
		tw := pickTown(rng, totalWeight)
		proto := models.Companies[rng.IntN(len(models.Companies))]
		id := fmt.Sprintf("c%06d", i+1)
		// Companies sit in activity zones a few km from the centre.
		dist := math.Abs(rng.NormFloat64()) * 6
		bearing := rng.Float64() * 2 * math.Pi
		lat := tw.lat + dist*math.Cos(bearing)/111.2
		lon := tw.lon + dist*math.Sin(bearing)/(111.2*math.Cos(tw.lat*math.Pi/180))
		employees := max(1, int(float64(deref(proto.Employees, 20))*(0.3+rng.Float64()*1.4)))
		ds.Companies = append(ds.Companies, model.Company{ExtID: id,
			Name: fmt.Sprintf("%s %s %d", firstWord(proto.Name), tw.name, i+1), NAF: proto.NAF, Employees: &employees,
			Postcode: tw.postcode, City: tw.name, Lat: round6(lat), Lon: round6(lon), Zone: "ZA " + tw.name})
		flows := byCompany[proto.ExtID]
		for j := range flowsPerCompany {
			if len(flows) == 0 {
				break
			}
			src := flows[(j+rng.IntN(len(flows)))%len(flows)]
			f := src
			f.ExtID = fmt.Sprintf("%s-f%02d", id, j+1)
			f.CompanyExtID = id
			f.Resource, f.ResourceConfidence = "", nil
			f.Label = vary(rng, src.Label)
			if src.Quantity != nil {
				q := math.Round(*src.Quantity*(0.2+rng.Float64()*1.6)*10) / 10
				f.Quantity = &q
			}
			ds.Flows = append(ds.Flows, f)
		}
	}
	return ds
}

func pickTown(rng *rand.Rand, total int) town {
	r := rng.IntN(total)
	for _, t := range towns {
		if r < t.weight {
			return t
		}
		r -= t.weight
	}
	return towns[0]
}

// vary rewrites a label the way another company would: case, accents,
// abbreviations, a trailing precision.
func vary(rng *rand.Rand, label string) string {
	switch rng.IntN(6) {
	case 0:
		return strings.ToLower(label)
	case 1:
		return strings.ToUpper(label[:1]) + label[1:]
	case 2:
		return label + []string{" (env.)", " - site principal", " en continu", " selon saison"}[rng.IntN(4)]
	}
	return label
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

func deref(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

func round6(v float64) *float64 {
	r := math.Round(v*1e6) / 1e6
	return &r
}

// Around returns n companies spread within radiusKm of a point (a town's
// activity zones), each with the flows of a model company, for scaling a
// territory up.
func Around(models model.Dataset, n, flowsPerCompany int, lat, lon, radiusKm float64, prefix string, seed uint64) model.Dataset {
	ds := Generate(models, n, flowsPerCompany, seed)
	rng := rand.New(rand.NewPCG(seed, 0xa40))
	for i := range ds.Companies {
		c := &ds.Companies[i]
		d := math.Sqrt(rng.Float64()) * radiusKm
		b := rng.Float64() * 2 * math.Pi
		c.Lat, c.Lon = round6(lat+d*math.Cos(b)/111.2), round6(lon+d*math.Sin(b)/(111.2*math.Cos(lat*math.Pi/180)))
		c.City, c.Postcode, c.Zone = "", "", "ZA "+strconv.Itoa(i%12+1)
		old := c.ExtID
		c.ExtID = prefix + old
		c.Name = c.Name[:strings.LastIndex(c.Name, " ")] + " " + strconv.Itoa(i+1)
	}
	for i := range ds.Flows {
		f := &ds.Flows[i]
		f.CompanyExtID = prefix + f.CompanyExtID
		f.ExtID = prefix + f.ExtID
	}
	return ds
}
