package matching

import (
	"testing"

	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
	"symbiose/internal/synthetic"
)

func syntheticTerritory(b testing.TB, companies int) model.Dataset {
	ds := synthetic.Generate(demoTerritory(b), companies, 10, 1)
	memo := map[string]string{}
	confs := map[string]float64{}
	for i := range ds.Flows {
		f := &ds.Flows[i]
		key := f.Label + "\x00" + f.EWC + "\x00" + f.Family
		if _, ok := memo[key]; !ok {
			memo[key], confs[key], _ = nomenclature.Taxonomy{}.Classify(f.Label, f.EWC, f.Family)
		}
		c := confs[key]
		f.Resource, f.ResourceConfidence = memo[key], &c
	}
	return ds
}

func benchmarkFullMatch(b *testing.B, companies int) {
	ds := syntheticTerritory(b, companies)
	b.ResetTimer()
	for range b.N {
		e := New(Options{}, nil)
		e.Load(ds.Companies, ds.Flows)
	}
}

func BenchmarkFullMatch1k(b *testing.B)  { benchmarkFullMatch(b, 1000) }
func BenchmarkFullMatch10k(b *testing.B) { benchmarkFullMatch(b, 10000) }

func BenchmarkGroups20k(b *testing.B) {
	ds := syntheticTerritory(b, 20000)
	e := New(Options{}, nil)
	e.Load(ds.Companies, ds.Flows)
	b.ResetTimer()
	for range b.N {
		for _, p := range e.pools.pools {
			for id := range p.byComp {
				p.dirty[id] = true
			}
			e.pools.dirty[p.key] = true
		}
		e.Mutualisations()
	}
}
