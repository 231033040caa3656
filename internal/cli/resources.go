package cli

import (
	"symbiose/internal/dataset"
	"symbiose/internal/nomenclature"
)

// datasetOptions are the reading options shared by import and demo: codes
// checked against the taxonomy, missing resources guessed from labels.
func datasetOptions() dataset.Options {
	return dataset.Options{Resources: resourceKnowledge()}
}

func resourceKnowledge() dataset.ResourceKnowledge { return nomenclature.Taxonomy{} }

func wasteResource(ewc string) string { return nomenclature.WasteResource(ewc) }
