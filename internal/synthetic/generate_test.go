package synthetic

import (
	"reflect"
	"testing"

	"symbiose/internal/dataset"
	"symbiose/internal/demo"
)

func TestGenerateIsDeterministicAndSpread(t *testing.T) {
	models, err := demo.Dataset(dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := Generate(models, 500, 10, 42)
	b := Generate(models, 500, 10, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different datasets")
	}
	if len(a.Companies) != 500 || len(a.Flows) != 5000 {
		t.Fatalf("%d companies, %d flows", len(a.Companies), len(a.Flows))
	}
	cities := map[string]bool{}
	for _, c := range a.Companies {
		cities[c.City] = true
		if *c.Lat < 41 || *c.Lat > 51.5 || *c.Lon < -5.5 || *c.Lon > 9.7 {
			t.Errorf("%s at %v,%v is outside France", c.ExtID, *c.Lat, *c.Lon)
		}
	}
	if len(cities) < 30 {
		t.Fatalf("companies in only %d towns", len(cities))
	}
}
