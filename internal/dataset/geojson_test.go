package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// checkGeoJSON is a strict reader of what writeGeoJSON may produce: RFC 7946
// feature collections of points, lines and multipoints in [lon, lat].
func checkGeoJSON(data []byte) (map[string]int, error) {
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	dec := json.NewDecoder(bytesReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fc); err != nil {
		return nil, err
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("type %q", fc.Type)
	}
	counts := map[string]int{}
	position := func(p []float64) error {
		if len(p) != 2 || p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 {
			return fmt.Errorf("bad position %v", p)
		}
		return nil
	}
	for i, f := range fc.Features {
		if f.Type != "Feature" || f.Properties == nil {
			return nil, fmt.Errorf("feature %d: type %q", i, f.Type)
		}
		switch f.Geometry.Type {
		case "Point":
			var p []float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil || position(p) != nil {
				return nil, fmt.Errorf("feature %d: point %s", i, f.Geometry.Coordinates)
			}
		case "LineString", "MultiPoint":
			var ps [][]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &ps); err != nil || len(ps) < 1 || (f.Geometry.Type == "LineString" && len(ps) < 2) {
				return nil, fmt.Errorf("feature %d: %s %s", i, f.Geometry.Type, f.Geometry.Coordinates)
			}
			for _, p := range ps {
				if err := position(p); err != nil {
					return nil, fmt.Errorf("feature %d: %v", i, err)
				}
			}
		default:
			return nil, fmt.Errorf("feature %d: geometry %q", i, f.Geometry.Type)
		}
		counts[f.Geometry.Type]++
	}
	return counts, nil
}

func TestGeoJSON(t *testing.T) {
	ds := mustRead(t, "testdata/handwritten")
	path := filepath.Join(t.TempDir(), "carte.geojson")
	if err := Write(path, ds); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	counts, err := checkGeoJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	// Three located companies; s1 (c1 → c2) is a line; s3 (c3 → c2) a line;
	// s2 pools c1, c3, c4 of which two are located.
	if counts["Point"] != 3 || counts["LineString"] != 2 || counts["MultiPoint"] != 1 {
		t.Fatalf("features: %v", counts)
	}
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
