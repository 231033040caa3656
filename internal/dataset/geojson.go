package dataset

import (
	"bytes"
	"encoding/json"

	"symbiose/internal/model"
)

// GeoJSON (RFC 7946) of a territory: companies as points, substitutions as
// lines from the supplier to the receiver, mutualisations as multipoints.
// Coordinates are [longitude, latitude]; records without coordinates are
// left out. QGIS and other GIS open it as is.

type geoFeature struct {
	Type       string         `json:"type"`
	Geometry   geoGeometry    `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type geoGeometry struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

// writeGeoJSON writes the companies and synergies of a dataset.
func writeGeoJSON(buf *bytes.Buffer, ds model.Dataset) error {
	where := map[string][2]float64{}
	features := []geoFeature{}
	for _, c := range ds.Companies {
		if !c.HasLocation() {
			continue
		}
		pt := [2]float64{*c.Lon, *c.Lat}
		where[c.ExtID] = pt
		props := map[string]any{"kind": "company", "id": c.ExtID, "name": c.Name, "naf": c.NAF, "zone": c.Zone, "city": c.City}
		if c.Employees != nil {
			props["employees"] = *c.Employees
		}
		features = append(features, geoFeature{"Feature", geoGeometry{"Point", pt}, props})
	}
	flowCompany := map[string]string{}
	for _, f := range ds.Flows {
		flowCompany[f.ExtID] = f.CompanyExtID
	}
	for _, s := range ds.Synergies {
		props := map[string]any{"kind": "synergy", "id": s.ExtID, "type": s.Type, "status": s.Status, "label": s.Label,
			"resource": s.Resource, "started_on": s.StartedOn}
		if s.Quantity != nil {
			props["quantity"], props["unit"], props["period"] = *s.Quantity, s.Unit, s.Period
		}
		if s.Type == model.Substitution {
			from, to := s.OutputCompExtID, s.InputCompExtID
			if from == "" {
				from = flowCompany[s.OutputFlowExtID]
			}
			if to == "" {
				to = flowCompany[s.InputFlowExtID]
			}
			a, okA := where[from]
			b, okB := where[to]
			if okA && okB {
				props["from"], props["to"] = from, to
				features = append(features, geoFeature{"Feature", geoGeometry{"LineString", [][2]float64{a, b}}, props})
			}
			continue
		}
		var pts [][2]float64
		for _, id := range s.CompanyExtIDs {
			if p, ok := where[id]; ok {
				pts = append(pts, p)
			}
		}
		if len(pts) > 0 {
			props["companies"] = s.CompanyExtIDs
			features = append(features, geoFeature{"Feature", geoGeometry{"MultiPoint", pts}, props})
		}
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"type": "FeatureCollection", "features": features})
}
