package matching

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"symbiose/internal/dataset"
	"symbiose/internal/demo"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
	"symbiose/internal/synthetic"
)

func fp(v float64) *float64 { return &v }

func located(id string, lat, lon float64) model.Company {
	return model.Company{ExtID: id, Lat: fp(lat), Lon: fp(lon)}
}

func flowOf(id, company string, dir model.Direction, family, resource string, qty float64, unit string) model.Flow {
	f := model.Flow{ExtID: id, CompanyExtID: company, Direction: dir, Family: family, Resource: resource, Label: resource,
		Unit: unit, Period: "year"}
	if qty > 0 {
		f.Quantity = fp(qty)
	}
	return f
}

func TestSubstitutionRules(t *testing.T) {
	companies := []model.Company{
		located("sawmill", 45.65, 0.15), located("boiler", 45.66, 0.16), located("far", 48.85, 2.35),
		located("greenhouse", 45.655, 0.155), located("garage", 45.64, 0.15), located("dairy", 45.65, 0.17),
		{ExtID: "nowhere"},
	}
	hot := flowOf("heat70", "dairy", model.Output, "energy", "energy.heat.hot_water", 0, "")
	hot.Quality = "eau à 70 °C"
	need90 := flowOf("need90", "greenhouse", model.Input, "energy", "energy.heat.hot_water", 0, "")
	need90.Quality = "90 °C minimum"
	need40 := flowOf("need40", "boiler", model.Input, "energy", "energy.heat.low_grade", 0, "")
	need40.Quality = "40 °C"
	waste := flowOf("oil", "garage", model.Output, "waste", "oil.waste.engine", 2, "t")
	waste.Hazardous = true
	late := flowOf("chips-late", "far", model.Output, "waste", "wood.sawdust", 50, "t")
	late.AvailableFrom = "2030-01-01"
	flows := []model.Flow{
		flowOf("sawdust", "sawmill", model.Output, "waste", "wood.sawdust", 300, "t"),
		flowOf("fuel", "boiler", model.Input, "energy", "energy.solid_fuel.biomass", 1000, "t"),
		flowOf("far-sawdust", "far", model.Output, "waste", "wood.sawdust", 300, "t"),
		flowOf("own", "boiler", model.Output, "waste", "wood.sawdust", 10, "t"),
		flowOf("lost", "nowhere", model.Output, "waste", "wood.sawdust", 10, "t"),
		hot, need90, need40, waste, late,
		flowOf("oil-need", "boiler", model.Input, "energy", "energy.liquid_fuel.recovered", 5, "t"),
	}
	flows[1].AvailableUntil = "2025-12-31"
	e := New(Options{}, nil)
	e.Load(companies, flows)

	fuel := e.CandidatesFor("fuel")
	var got []string
	for _, s := range fuel {
		got = append(got, s.OutputFlowID)
	}
	// sawdust nearby first; the far one is within the 150 km of solid fuel? no: Paris is 400 km away.
	// "lost" has no coordinates: listed with unknown distance; "own" is the boiler's own output.
	if !reflect.DeepEqual(got, []string{"sawdust", "lost"}) {
		t.Fatalf("candidates for fuel = %v", got)
	}
	if fuel[0].DistanceKm == nil || fuel[1].DistanceKm != nil || fuel[0].Coverage == nil || *fuel[0].Coverage != 0.3 {
		t.Fatalf("distance/coverage wrong: %+v", fuel)
	}
	if len(fuel[0].Reasons) < 3 || len(fuel[0].ReasonsFR) != len(fuel[0].Reasons) {
		t.Fatalf("reasons: %v / %v", fuel[0].Reasons, fuel[0].ReasonsFR)
	}
	if c := e.CandidatesFor("need90"); len(c) != 0 {
		t.Fatalf("70 °C water offered for a 90 °C need: %+v", c)
	}
	if c := e.CandidatesFor("need40"); len(c) != 1 || c[0].OutputFlowID != "heat70" {
		t.Fatalf("70 °C water not offered for a 40 °C need: %+v", c)
	}
	if c := e.CandidatesFor("oil-need"); len(c) != 0 {
		t.Fatalf("hazardous waste offered to a receiver that does not accept it: %+v", c)
	}
}

func TestEmptyAndSingleCompany(t *testing.T) {
	e := New(Options{}, nil)
	e.Load(nil, nil)
	if len(e.Substitutions()) != 0 || len(e.Mutualisations()) != 0 {
		t.Fatal("empty territory has results")
	}
	e.Load([]model.Company{located("a", 45, 0)}, []model.Flow{
		flowOf("o", "a", model.Output, "waste", "wood.sawdust", 1, "t"),
		flowOf("i", "a", model.Input, "energy", "energy.solid_fuel.biomass", 1, "t"),
	})
	if len(e.Substitutions()) != 0 || len(e.Mutualisations()) != 0 {
		t.Fatal("a company is matched with itself")
	}
}

func demoTerritory(t testing.TB) model.Dataset {
	t.Helper()
	ds, err := demo.Dataset(dataset.Options{Resources: nomenclature.Taxonomy{}})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func snapshot(t testing.TB, e *Engine) string {
	t.Helper()
	b, err := json.Marshal(struct {
		S []Substitution
		M []Group
	}{e.Substitutions(), e.Mutualisations()})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Same input, same output bytes.
func TestDeterministic(t *testing.T) {
	ds := demoTerritory(t)
	a, b := New(Options{}, nil), New(Options{}, nil)
	a.Load(ds.Companies, ds.Flows)
	reversed := append([]model.Flow(nil), ds.Flows...)
	for i, j := 0, len(reversed)-1; i < j; i, j = i+1, j-1 {
		reversed[i], reversed[j] = reversed[j], reversed[i]
	}
	b.Load(ds.Companies, reversed)
	if sa, sb := snapshot(t, a), snapshot(t, b); sa != sb {
		t.Fatal("results depend on the order of the flows")
	}
	if len(a.Substitutions()) < 100 || len(a.Mutualisations()) < 10 {
		t.Fatalf("demo: %d substitutions, %d groups", len(a.Substitutions()), len(a.Mutualisations()))
	}
}

// Any sequence of updates leaves the engine where a full recomputation of
// the final data would.
func TestIncrementalEqualsFull(t *testing.T) {
	ds := demoTerritory(t)
	rng := rand.New(rand.NewPCG(3, 4))
	e := New(Options{}, nil)
	half := len(ds.Flows) / 2
	e.Load(ds.Companies, ds.Flows[:half])
	current := map[string]model.Flow{}
	for _, f := range ds.Flows[:half] {
		current[f.ExtID] = f
	}
	companies := map[string]model.Company{}
	for _, c := range ds.Companies {
		companies[c.ExtID] = c
	}
	for step := range 300 {
		switch op := rng.IntN(10); {
		case op < 5: // add or change a flow
			f := ds.Flows[rng.IntN(len(ds.Flows))]
			if rng.IntN(3) == 0 {
				f.Quantity = fp(float64(rng.IntN(1000) + 1))
			}
			if err := e.UpsertFlow(f); err != nil {
				t.Fatal(err)
			}
			current[f.ExtID] = f
		case op < 8: // remove a flow
			f := ds.Flows[rng.IntN(len(ds.Flows))]
			e.RemoveFlow(f.ExtID)
			delete(current, f.ExtID)
		default: // move a company
			c := ds.Companies[rng.IntN(len(ds.Companies))]
			c.Lat, c.Lon = fp(*c.Lat+rng.NormFloat64()*0.05), fp(*c.Lon+rng.NormFloat64()*0.05)
			e.UpsertCompany(c)
			companies[c.ExtID] = c
		}
		if step%50 == 49 {
			full := New(Options{}, nil)
			var cs []model.Company
			for _, id := range sortedKeys(companies) {
				cs = append(cs, companies[id])
			}
			var fs []model.Flow
			for _, id := range sortedKeys(current) {
				fs = append(fs, current[id])
			}
			full.Load(cs, fs)
			if a, b := snapshot(t, e), snapshot(t, full); a != b {
				sa, sb := e.Substitutions(), full.Substitutions()
				for i := range min(len(sa), len(sb)) {
					if !reflect.DeepEqual(sa[i], sb[i]) {
						t.Logf("first difference at %d:\nincremental %+v\nfull        %+v", i, sa[i], sb[i])
						break
					}
				}
				t.Fatalf("after %d updates the incremental results differ from a full match (%d vs %d substitutions, %d vs %d groups)",
					step+1, len(sa), len(sb), len(e.Mutualisations()), len(full.Mutualisations()))
			}
		}
	}
}

// Mutualisation groups equal a brute-force single-linkage clustering.
func TestGroupsMatchBruteForce(t *testing.T) {
	ds := synthetic.Generate(demoTerritory(t), 20000, 3, 11)
	for i := range ds.Flows {
		f := &ds.Flows[i]
		f.Resource, _, _ = nomenclature.Taxonomy{}.Classify(f.Label, f.EWC, f.Family)
	}
	e := New(Options{GroupRadiusKm: 5}, nil)
	e.Load(ds.Companies, ds.Flows)
	groups := e.Mutualisations()
	got := map[string]bool{}
	for _, g := range groups {
		got[fmt.Sprint(g.Kind, g.Resource, g.CompanyIDs)] = true
	}
	// Brute force: every pair of companies of each pool.
	want := map[string]bool{}
	for k, p := range e.pools.pools {
		byCompany := map[string]*company{}
		for _, flows := range p.byComp {
			for _, f := range flows {
				if f.company.located {
					byCompany[f.company.id] = f.company
				}
			}
		}
		ids := sortedKeys(byCompany)
		uf := newUnionFind(len(ids))
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				if distanceKm(byCompany[ids[i]].p, byCompany[ids[j]].p) <= 5 {
					uf.union(i, j)
				}
			}
		}
		comps := map[int][]string{}
		for i, id := range ids {
			comps[uf.find(i)] = append(comps[uf.find(i)], id)
		}
		for _, c := range comps {
			if len(c) >= 3 {
				want[fmt.Sprint(k.kind, k.resource, c)] = true
			}
		}
	}
	if len(want) < 50 || !reflect.DeepEqual(got, want) {
		t.Fatalf("engine found %d groups, brute force %d", len(got), len(want))
	}
}

func TestAllocateDemo(t *testing.T) {
	ds := demoTerritory(t)
	e := New(Options{}, nil)
	e.Load(ds.Companies, ds.Flows)
	allocs, err := e.Allocate()
	if err != nil {
		t.Fatal(err)
	}
	if len(allocs) == 0 {
		t.Fatal("no allocation on the demo territory")
	}
	for _, a := range allocs {
		if !a.Optimal || a.Matched < a.Baseline.Matched-1e-6 {
			t.Errorf("%s: matched %v, nearest baseline %v", a.Unit, a.Matched, a.Baseline.Matched)
		}
		if a.Matched == a.Baseline.Matched && a.UnitKm > a.Baseline.UnitKm+1e-6 {
			t.Errorf("%s: %v unit-km, more than the baseline's %v for the same quantity", a.Unit, a.UnitKm, a.Baseline.UnitKm)
		}
	}
}

// The indexed, pruned search finds exactly the candidates a brute-force
// scan of every output finds.
func TestCandidatesMatchBruteForce(t *testing.T) {
	for name, ds := range map[string]model.Dataset{"demo": demoTerritory(t), "synthetic": syntheticTerritory(t, 800)} {
		t.Run(name, func(t *testing.T) {
			e := New(Options{}, nil)
			e.Load(ds.Companies, ds.Flows)
			checked := 0
			for _, in := range e.flows {
				if in.m.Direction != model.Input || in.m.Resource == "" {
					continue
				}
				best := map[*flow]rating{}
				for _, out := range e.flows {
					if out.m.Direction != model.Output {
						continue
					}
					for _, inAlt := range in.alts {
						feeding := e.rules.feeding(inAlt.res)
						for _, outAlt := range out.alts {
							c, ok := feeding[outAlt.res]
							if !ok {
								continue
							}
							km, located := 0.0, in.company.located && out.company.located
							if located {
								km = distanceKm(in.company.p, out.company.p)
								if km > e.radiusOf(outAlt.res) {
									continue
								}
							}
							if r, ok := e.rate(in, out, inAlt.res, outAlt.res, c, km, located, -1); ok {
								if prev, seen := best[out]; !seen || ratedBefore(r, prev) {
									best[out] = r
								}
							}
						}
					}
				}
				var want []rating
				for _, r := range best {
					want = append(want, r)
				}
				sort.Slice(want, func(i, j int) bool { return ratedBefore(want[i], want[j]) })
				if len(want) > e.opt.Top {
					want = want[:e.opt.Top]
				}
				got := e.candidates[in.m.ExtID]
				if len(got) != len(want) {
					t.Fatalf("input %s: %d candidates, brute force %d", in.m.ExtID, len(got), len(want))
				}
				for i := range got {
					if got[i].out != want[i].out || got[i].score != want[i].score || got[i].outRes != want[i].outRes {
						t.Fatalf("input %s rank %d: %s %v, brute force %s %v", in.m.ExtID, i, got[i].out.m.ExtID, got[i].score, want[i].out.m.ExtID, want[i].score)
					}
				}
				checked++
			}
			if checked < 200 {
				t.Fatalf("only %d inputs checked", checked)
			}
		})
	}
}

func TestQueries(t *testing.T) {
	ds := demoTerritory(t)
	e := New(Options{}, nil)
	e.Load(ds.Companies, ds.Flows)
	all := e.Substitutions()
	subs, groups := e.Counts()
	if subs != len(all) || groups != len(e.Mutualisations()) {
		t.Fatalf("Counts = %d, %d", subs, groups)
	}
	top, total := e.TopSubstitutions(20, nil)
	if total != len(all) || len(top) != 20 || !reflect.DeepEqual(top, all[:20]) {
		t.Fatalf("TopSubstitutions differs from Substitutions: %d of %d", len(top), total)
	}
	var want []Substitution
	for _, s := range all {
		if s.OutputCompanyID == "c001" || s.InputCompanyID == "c001" {
			want = append(want, s)
		}
	}
	if got := e.SubstitutionsOfCompany("c001"); len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Fatalf("SubstitutionsOfCompany: %d, want %d", len(got), len(want))
	}
}
