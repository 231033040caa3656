package dataset

import "strings"

// The files of a dataset, in the order they are read and written.
const (
	FileCompanies = "companies"
	FileContacts  = "contacts"
	FileFlows     = "flows"
	FileSynergies = "synergies"
)

// fileNames lists the dataset's files; contacts is a Symbiose extension of
// the interchange format (a facilitator's directory usually has them).
var fileNames = []string{FileCompanies, FileContacts, FileFlows, FileSynergies}

// Columns of each file, in the specification's order. Other columns are kept
// as free attributes.
var columns = map[string][]string{
	FileCompanies: {"id", "name", "siret", "naf", "employees", "address", "postcode", "city", "lat", "lon", "zone", "tags"},
	FileContacts:  {"company_id", "name", "role", "email", "phone"},
	FileFlows: {"id", "company_id", "direction", "family", "label", "resource", "ewc", "quantity", "unit", "period",
		"quality", "available_from", "available_until", "cost_eur", "treatment", "visibility", "resource_confidence"},
	FileSynergies: {"id", "type", "output_flow_id", "input_flow_id", "output_company_id", "input_company_id",
		"company_ids", "resource", "label", "status", "quantity", "unit", "period", "started_on"},
}

// ImpactColumns are the yearly impact figures an export adds to each
// synergy (see internal/impact), written as numbers. Like every column the
// specification does not define, they come back as free attributes on
// import.
var ImpactColumns = []string{"tonnes_diverted", "co2e_avoided_t", "euros_saved", "water_saved_m3", "energy_saved_mwh"}

// record is one row of a file as text, whatever the container format.
type record struct {
	line   int
	fields map[string]string // known and extra columns, keys lower-cased
}

// table is one file of a dataset as text.
type table struct {
	name    string // companies, flows…
	source  string // how problems name it: "flows.csv", "data.xlsx[flows]"
	header  []string
	records []record
}

func (r record) get(col string) string { return strings.TrimSpace(r.fields[col]) }

// extras returns the columns the specification does not define, as free
// attributes; empty values are dropped.
func (r record) extras(file string) map[string]string {
	known := map[string]bool{}
	for _, c := range columns[file] {
		known[c] = true
	}
	var out map[string]string
	for k, v := range r.fields {
		if known[k] || k == "" || strings.TrimSpace(v) == "" {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[k] = v
	}
	return out
}

// normaliseHeader turns a header cell into a column key.
func normaliseHeader(h string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
}
