package dataset

import (
	"symbiose/internal/model"
)

// ParseFlow checks one flow given as interchange fields — from a form or
// the API — with exactly the rules of an import. The company named by
// company_id must be in opt.KnownCompanies.
func ParseFlow(fields map[string]string, opt Options) (model.Flow, Problems) {
	ds, problems := parseOne(FileFlows, fields, opt)
	if len(ds.Flows) == 0 {
		return model.Flow{}, problems
	}
	return ds.Flows[0], problems
}

// ParseCompany checks one company given as interchange fields.
func ParseCompany(fields map[string]string, opt Options) (model.Company, Problems) {
	ds, problems := parseOne(FileCompanies, fields, opt)
	if len(ds.Companies) == 0 {
		return model.Company{}, problems
	}
	return ds.Companies[0], problems
}

// ParseSynergy checks one synergy given as interchange fields.
func ParseSynergy(fields map[string]string, opt Options) (model.Synergy, Problems) {
	ds, problems := parseOne(FileSynergies, fields, opt)
	if len(ds.Synergies) == 0 {
		return model.Synergy{}, problems
	}
	return ds.Synergies[0], problems
}

func parseOne(file string, fields map[string]string, opt Options) (model.Dataset, Problems) {
	clean := map[string]string{}
	for k, v := range fields {
		clean[normaliseHeader(k)] = v
	}
	t := table{name: file, source: "form", records: []record{{line: 0, fields: clean}}}
	ds, problems, _ := parseTables([]table{t}, nil, opt)
	return ds, problems
}
