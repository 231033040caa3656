package nomenclature

import (
	"os"
	"testing"
)

// The classifier's accuracy on the labelled evaluation sets: rank-1 at least
// 0.90 on the set the taxonomy's synonyms were written against, and printed
// for the held-out set written without looking at the first.
func TestClassifierAccuracy(t *testing.T) {
	for _, set := range []struct {
		file string
		min  float64
	}{{"testdata/classify_eval.csv", 0.90}, {"testdata/classify_holdout.csv", 0.90}} {
		f, err := os.Open(set.file)
		if os.IsNotExist(err) && set.file == "testdata/classify_holdout.csv" {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		cases, err := ReadEvalCases(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(cases) < 300 {
			t.Fatalf("%s: %d cases, want at least 300", set.file, len(cases))
		}
		res := DefaultClassifier().Evaluate(cases)
		t.Logf("%s: %d labels, rank-1 %.3f (with acceptable answers %.3f), rank-3 %.3f; fr %.3f/%.3f, en %.3f/%.3f",
			set.file, res.Cases, res.Rank1, res.Rank1Acceptable, res.Rank3, res.ByLang["fr"][0], res.ByLang["fr"][1],
			res.ByLang["en"][0], res.ByLang["en"][1])
		if res.Rank1 < set.min {
			t.Errorf("%s: rank-1 accuracy %.3f, want at least %.2f", set.file, res.Rank1, set.min)
		}
	}
}

func BenchmarkClassify(b *testing.B) {
	c := DefaultClassifier()
	labels := []string{"palettes bois cassées", "Chaleur fatale des fours (70°C)", "big bags vides", "DIB en mélange",
		"Used cooking oil from the canteen", "alluminium swarf"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Classify(labels[i%len(labels)], "", 3)
	}
}
