package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"symbiose/internal/nomenclature"
)

func runNomenclature(ctx context.Context, e *env, args []string) error {
	fs := e.flags("nomenclature", "ewc|naf|resources|templates", "Prints a reference list:\n"+
		"  ewc        the European List of Waste: code, hazardous, label_fr, label_en, resource\n"+
		"  naf        NAF rév.2 sous-classes: code, label_fr, nace\n"+
		"  resources  the resource taxonomy: code, parent, family, label_fr, label_en, synonyms\n"+
		"  templates  the typical flows of an activity (--naf 10.71C): the start of a diagnostic")
	naf := fs.String("naf", "", "with templates: the NAF or NACE code of the activity")
	format := fs.String("format", "csv", "csv or json")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (*format != "csv" && *format != "json") {
		fs.Usage()
		return errUsage
	}
	var header []string
	var rows [][]string
	switch pos[0] {
	case "ewc":
		header = []string{"code", "hazardous", "label_fr", "label_en", "resource"}
		for _, w := range nomenclature.WasteCodes() {
			rows = append(rows, []string{w.Code, strconv.FormatBool(w.Hazardous), w.LabelFR, w.LabelEN, wasteResource(w.Code)})
		}
	case "naf":
		header = []string{"code", "label_fr", "nace"}
		for _, a := range nomenclature.Activities() {
			rows = append(rows, []string{a.Code, a.LabelFR, a.Parent})
		}
	case "resources":
		header = []string{"code", "parent", "family", "label_fr", "label_en", "synonyms"}
		for _, r := range nomenclature.Resources() {
			synonyms := strings.Join(append(append([]string{}, r.SynonymsFR...), r.SynonymsEN...), ";")
			rows = append(rows, []string{r.Code, r.Parent, r.Family, r.LabelFR, r.LabelEN, synonyms})
		}
	case "templates":
		if *naf == "" {
			fs.Usage()
			return errUsage
		}
		flows := nomenclature.Template(*naf)
		if flows == nil {
			return fmt.Errorf("no template for %q: not a NAF or NACE code", *naf)
		}
		header = []string{"naf", "direction", "family", "resource", "label_fr", "label_en", "per_employee", "unit", "period", "note"}
		for _, f := range flows {
			per := ""
			if f.PerEmployee != nil {
				per = strconv.FormatFloat(*f.PerEmployee, 'f', -1, 64)
			}
			rows = append(rows, []string{f.NAF, f.Direction, f.Family, f.Resource, f.LabelFR, f.LabelEN, per, f.Unit, f.Period, f.Note})
		}
	default:
		fs.Usage()
		return errUsage
	}
	if *format == "json" {
		return writeJSONRows(e.stdout, header, rows)
	}
	w := csv.NewWriter(e.stdout)
	w.Write(header)
	w.WriteAll(rows)
	return w.Error()
}

// writeJSONRows prints rows as an array of objects keyed by header;
// "true"/"false" columns named hazardous become booleans.
func writeJSONRows(out io.Writer, header []string, rows [][]string) error {
	list := make([]map[string]any, len(rows))
	for i, row := range rows {
		obj := make(map[string]any, len(header))
		for j, h := range header {
			obj[h] = row[j]
			if h == "hazardous" {
				obj[h] = row[j] == "true"
			}
		}
		list[i] = obj
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	if err := enc.Encode(list); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
