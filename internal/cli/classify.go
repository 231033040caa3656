package cli

import (
	"context"
	"encoding/json"
	"strings"

	"symbiose/internal/nomenclature"
)

func runClassify(ctx context.Context, e *env, args []string) error {
	fs := e.flags("classify", "LABEL", "Prints the resource taxonomy nodes that best describe a flow label, best first, as JSON:\n"+
		`[{"resource": "wood.pallet", "label": "Palettes en bois", "confidence": 0.93}, ...]`)
	ewc := fs.String("ewc", "", "List of Waste code of the flow, if known (15 01 03, 150103 or 15.01.03)")
	top := fs.Int("top", 3, "how many nodes to print")
	lang := fs.String("lang", "fr", "language of the printed labels: fr or en")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 || *top < 1 || (*lang != "fr" && *lang != "en") {
		fs.Usage()
		return errUsage
	}
	matches := nomenclature.DefaultClassifier().Classify(strings.Join(pos, " "), *ewc, *top)
	if matches == nil {
		matches = []nomenclature.Match{}
	}
	for i := range matches {
		r, _ := nomenclature.LookupResource(matches[i].Resource)
		matches[i].Label = r.Label(*lang)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(matches)
}
