package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"symbiose/internal/config"
	"symbiose/internal/dataset"
	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

func runMatch(ctx context.Context, e *env, args []string) error {
	fs := e.flags("match", "", "Finds substitution candidates (an output of one company feeding an input of another) and\n"+
		"mutualisation groups (companies near each other sharing an input, an output or a need), ranked and explained.\n"+
		"Reads a dataset with --data, or a territory of the database.")
	cfg := dataFlags(fs)
	data := fs.String("data", "", "dataset to match (folder, .xlsx or .json), without a database")
	territory := fs.String("territory", "", "territory of the database (default: the only one)")
	top := fs.Int("top", 10, "candidates listed per input flow")
	radius := fs.Float64("radius-km", 0, "largest distance for every resource (default: per resource, from 2 km for compressed air to 300 km for logistics)")
	minGroup := fs.Int("min-group", 3, "companies in a mutualisation group")
	groupRadius := fs.Float64("group-radius-km", 10, "companies closer than this are pooled together")
	format := fs.String("format", "json", "json, csv or table")
	allocate := fs.Bool("allocate", false, "also assign supplies to needs, delivering the most for the least quantity × km (proven optimal)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *top < 1 || *minGroup < 2 || (*format != "json" && *format != "csv" && *format != "table") {
		fs.Usage()
		return errUsage
	}
	ds, err := matchInput(ctx, cfg, *data, *territory)
	if err != nil {
		return err
	}
	eng := matching.New(matching.Options{Top: *top, RadiusKm: *radius, MinGroup: *minGroup, GroupRadiusKm: *groupRadius}, nil)
	eng.Load(ds.Companies, ds.Flows)
	res := matchResult{Substitutions: eng.Substitutions(), Mutualisations: eng.Mutualisations()}
	if *allocate {
		if res.Allocations, err = eng.Allocate(); err != nil {
			return err
		}
		if res.Allocations == nil {
			res.Allocations = []matching.Allocation{}
		}
	}
	if res.Substitutions == nil {
		res.Substitutions = []matching.Substitution{}
	}
	if res.Mutualisations == nil {
		res.Mutualisations = []matching.Group{}
	}
	switch *format {
	case "csv":
		return writeMatchCSV(e.stdout, res)
	case "table":
		return writeMatchTable(e.stdout, res)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

type matchResult struct {
	Substitutions  []matching.Substitution `json:"substitutions"`
	Mutualisations []matching.Group        `json:"mutualisations"`
	Allocations    []matching.Allocation   `json:"allocations,omitempty"`
}

// matchInput reads the flows to match from a dataset or the database.
func matchInput(ctx context.Context, cfg *config.Config, data, territory string) (model.Dataset, error) {
	if data != "" {
		ds, problems, err := dataset.Read(data, datasetOptions())
		if err != nil {
			return ds, err
		}
		if errs := problems.Errors(); len(errs) > 0 {
			return ds, fmt.Errorf("%s has %d error(s), the first: %v (symbiose import --dry-run lists them all)", data, len(errs), errs[0])
		}
		return ds, nil
	}
	db, st, err := open(ctx, cfg)
	if err != nil {
		return model.Dataset{}, err
	}
	defer db.Close()
	id, _, err := territoryNamed(ctx, st, territory)
	if errors.Is(err, storage.ErrNotFound) {
		return model.Dataset{}, nil // an empty database has nothing to match
	}
	if err != nil {
		return model.Dataset{}, err
	}
	return territoryDataset(ctx, st, id)
}

func km(d *float64) string {
	if d == nil {
		return ""
	}
	return strconv.FormatFloat(*d, 'f', 1, 64)
}

func writeMatchCSV(w io.Writer, res matchResult) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"type", "output_flow_id", "output_company_id", "input_flow_id", "input_company_id", "company_ids",
		"resource", "score", "distance_km", "total_quantity", "unit", "reasons"})
	for _, s := range res.Substitutions {
		cw.Write([]string{"substitution", s.OutputFlowID, s.OutputCompanyID, s.InputFlowID, s.InputCompanyID, "", s.Resource,
			strconv.FormatFloat(s.Score, 'f', 4, 64), km(s.DistanceKm), "", "", strings.Join(s.Reasons, "; ")})
	}
	for _, g := range res.Mutualisations {
		cw.Write([]string{g.Kind, "", "", "", "", strings.Join(g.CompanyIDs, ";"), g.Resource, "", km(&g.RadiusKm),
			km(g.TotalQuantity), g.Unit, strings.Join(g.Reasons, "; ")})
	}
	cw.Flush()
	return cw.Error()
}

func writeMatchTable(w io.Writer, res matchResult) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "SUBSTITUTIONS (%d)\nscore\toutput\t\tinput\t\tresource\tkm\n", len(res.Substitutions))
	for _, s := range res.Substitutions {
		fmt.Fprintf(tw, "%.3f\t%s\t%s\t%s\t%s\t%s\t%s\n", s.Score, s.OutputCompanyID, s.OutputFlowID, s.InputCompanyID,
			s.InputFlowID, s.Resource, km(s.DistanceKm))
	}
	fmt.Fprintf(tw, "\nMUTUALISATIONS (%d)\nkind\tresource\tcompanies\tradius km\ttotal\n", len(res.Mutualisations))
	for _, g := range res.Mutualisations {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.1f\t%s %s\n", g.Kind, g.Resource, strings.Join(g.CompanyIDs, ","), g.RadiusKm, km(g.TotalQuantity), g.Unit)
	}
	for _, a := range res.Allocations {
		fmt.Fprintf(tw, "\nALLOCATION (%s, proven optimal: %v)\nmatched	%.1f %s/year	nearest-candidate baseline %.1f\n", a.Unit, a.Optimal, a.Matched, a.Unit, a.Baseline.Matched)
		fmt.Fprintf(tw, "%s-km\t%.1f\tbaseline %.1f\n", a.Unit, a.UnitKm, a.Baseline.UnitKm)
		for _, x := range a.Assignments {
			fmt.Fprintf(tw, "%s %s -> %s %s\t%.1f %s\t%.1f km\n", x.OutputCompanyID, x.OutputFlowID, x.InputCompanyID, x.InputFlowID, x.Quantity, x.Unit, x.DistanceKm)
		}
	}
	return tw.Flush()
}
