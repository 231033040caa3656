package api

import (
	"symbiose/internal/model"
)

// Small builders keep the schemas below readable.

func str(description string) map[string]any {
	return map[string]any{"type": "string", "description": description}
}

func enum(description string, values ...string) map[string]any {
	return map[string]any{"type": "string", "description": description, "enum": values}
}

func number(description string) map[string]any {
	return map[string]any{"type": "number", "description": description}
}

func integer(description string) map[string]any {
	return map[string]any{"type": "integer", "description": description}
}

func boolean(description string) map[string]any {
	return map[string]any{"type": "boolean", "description": description}
}

func array(items map[string]any) map[string]any {
	return map[string]any{"type": "array", "items": items}
}

func object(props map[string]any, required ...string) map[string]any {
	o := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func stamp(description string) map[string]any {
	return map[string]any{"type": "string", "format": "date-time", "description": description}
}

func listOrText(description string) map[string]any {
	return map[string]any{"description": description + " (an array, or text separated by ;)",
		"oneOf": []any{array(map[string]any{"type": "string"}), map[string]any{"type": "string"}}}
}

func pageOf(schema string) map[string]any {
	return object(map[string]any{
		"items":  array(ref("schemas", schema)),
		"total":  integer("number of items in the whole list"),
		"limit":  integer("page size"),
		"offset": integer("items skipped"),
	}, "items", "total", "limit", "offset")
}

func pathID(name, description string) map[string]any {
	return map[string]any{"name": name, "in": "path", "required": true, "description": description,
		"schema": map[string]any{"type": "integer", "minimum": 1}}
}

func query(name string, schema map[string]any) map[string]any {
	d := schema["description"]
	s := map[string]any{}
	for k, v := range schema {
		if k != "description" {
			s[k] = v
		}
	}
	return map[string]any{"name": name, "in": "query", "description": d, "schema": s}
}

var parameters = map[string]any{
	"tid":    pathID("tid", "territory id"),
	"cid":    pathID("cid", "company api_id"),
	"fid":    pathID("fid", "flow api_id"),
	"sid":    pathID("sid", "synergy api_id"),
	"wid":    pathID("wid", "bourse (workshop) api_id"),
	"limit":  query("limit", map[string]any{"type": "integer", "minimum": 1, "maximum": maxLimit, "default": defaultLimit, "description": "page size"}),
	"offset": query("offset", map[string]any{"type": "integer", "minimum": 0, "default": 0, "description": "items to skip"}),
	"q":      query("q", str("words to find in name, city, zone or NAF code, regardless of case and accents")),
	"zone":   query("zone", str("activity zone, exactly")),
	"status": query("status", enum("keep synergies with this status", model.Statuses...)),
	"type":   query("type", enum("keep synergies of this type", model.Substitution, model.Mutualisation)),
	"dry_run": query("dry_run", map[string]any{"type": "boolean", "default": false,
		"description": "check and count what would change, without writing"}),
	"label":  map[string]any{"name": "label", "in": "query", "required": true, "description": "the flow's label", "schema": map[string]any{"type": "string"}},
	"ewc":    query("ewc", str("List of Waste code, if known: 15 01 03, 150103 or 15.01.03")),
	"family": query("family", enum("the flow's family, if known", model.Families...)),
	"top":    query("top", map[string]any{"type": "integer", "minimum": 1, "maximum": maxClassifyTop, "default": 3, "description": "how many nodes"}),
	"lang":   query("lang", enum("language of the labels", "fr", "en")),
}

// errorStatus is the status of each documented error response.
var errorStatus = map[string]string{"BadRequest": "400", "ImportProblems": "400", "Unauthorized": "401", "Forbidden": "403",
	"NotFound": "404", "Conflict": "409", "TooLarge": "413"}

func errorResponse(description, schema string) map[string]any {
	return map[string]any{"description": description,
		"content": map[string]any{"application/json": map[string]any{"schema": ref("schemas", schema)}}}
}

var errorResponses = map[string]any{
	"BadRequest": errorResponse("Bad input: the first problem in error, with its field; every one in errors", "ValidationError"),
	"ImportProblems": errorResponse("The dataset has errors: each with its file, line and field; nothing was written",
		"ImportProblems"),
	"Unauthorized": errorResponse("Not signed in, or an unknown API token", "Error"),
	"Forbidden":    errorResponse("Not allowed for this user, or a cookie-signed write without X-CSRF-Token", "Error"),
	"NotFound":     errorResponse("No such record, or one the user may not know of", "Error"),
	"Conflict":     errorResponse("The id is already used in the territory", "Error"),
	"TooLarge":     errorResponse("The body is too large", "Error"),
}

var problem = object(map[string]any{
	"field":   str("the interchange field at fault, when there is one"),
	"message": str("what is wrong, in English"),
}, "message")

var datasetProblem = object(map[string]any{
	"severity": enum("error blocks the import; warning does not", "error", "warning"),
	"file":     str("dataset.json"),
	"line":     integer("line of the record in the document"),
	"field":    str("field at fault"),
	"message":  str("what is wrong"),
}, "severity", "file", "message")

var createdUpdated = object(map[string]any{"created": integer(""), "updated": integer("")}, "created", "updated")

var companyFields = map[string]any{
	"id":        str("dataset identifier, unique in the territory; generated when absent on creation"),
	"name":      str("trading name"),
	"siret":     str("14-digit SIRET (spaces allowed); a wrong Luhn key is a warning"),
	"naf":       str("NAF rév.2 (10.71C) or NACE Rev.2 (10.71) code"),
	"employees": integer("headcount"),
	"address":   str(""), "postcode": str(""), "city": str(""),
	"lat":  number("WGS84 latitude; goes with lon"),
	"lon":  number("WGS84 longitude; goes with lat"),
	"zone": str("activity zone or industrial park"),
	"tags": listOrText("free tags"),
	"attrs": map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "string"},
		"description": "free attributes: extra fields are kept as given"},
}

var flowFields = map[string]any{
	"id":                  str("dataset identifier, unique in the territory; generated when absent on creation"),
	"company_id":          str("the company's dataset id; the path decides it"),
	"direction":           enum("input (besoin, entrant) or output (ressource, offre, sortant)", "input", "output"),
	"family":              enum("inferred when absent; French words accepted", model.Families...),
	"label":               str("the words the company used"),
	"resource":            str("resource taxonomy code; classified from the label when absent"),
	"resource_confidence": number("0..1 when the classifier chose the resource"),
	"ewc":                 str("List of Waste code, 15 01 01, 150101 or 15.01.01; a trailing * marks it hazardous"),
	"quantity":            number(""),
	"unit":                str("t, kg, m3, L, MWh, kWh, unit, h, m2, pallet; others kept as given"),
	"period":              enum("default year; French words accepted", model.Periods...),
	"quality":             str("composition, temperature, purity, packaging"),
	"available_from":      str("ISO date"),
	"available_until":     str("ISO date"),
	"cost_eur":            number("current yearly cost of buying or disposing of it"),
	"treatment":           enum("current route of an output", model.Treatments...),
	"visibility":          enum("default anonymous", model.VisibilityPrivate, model.VisibilityAnonymous, model.VisibilityPublic),
	"attrs": map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "string"},
		"description": "free attributes"},
}

var synergyFields = map[string]any{
	"id":                str("dataset identifier; generated when absent"),
	"type":              enum("", model.Substitution, model.Mutualisation),
	"output_flow_id":    str("substitution: the output given"),
	"input_flow_id":     str("substitution: the input it feeds"),
	"output_company_id": str("substitution without flows: the giving company"),
	"input_company_id":  str("substitution without flows: the receiving company"),
	"company_ids":       listOrText("mutualisation: the companies pooling, at least two"),
	"resource":          str("what is exchanged or pooled"),
	"label":             str(""),
	"status":            enum("default detected", model.Statuses...),
	"quantity":          number(""), "unit": str(""),
	"period":     enum("", model.Periods...),
	"started_on": str("ISO date"),
}

func with(base map[string]any, extra map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

var warnings = array(ref("schemas", "Problem"))

var schemas = map[string]any{
	"Error": object(map[string]any{"error": ref("schemas", "Problem")}, "error"),
	"ValidationError": object(map[string]any{"error": ref("schemas", "Problem"),
		"errors": array(ref("schemas", "Problem"))}, "error"),
	"Problem":        problem,
	"DatasetProblem": datasetProblem,
	"ImportProblems": object(map[string]any{"error": ref("schemas", "Problem"),
		"errors": array(ref("schemas", "DatasetProblem")), "warnings": array(ref("schemas", "DatasetProblem"))},
		"error", "errors"),
	"ImportResult": object(map[string]any{"dry_run": boolean("nothing was written"), "companies": createdUpdated,
		"flows": createdUpdated, "synergies": createdUpdated, "contacts": integer("contacts written"),
		"warnings": array(ref("schemas", "DatasetProblem"))}),
	"Territory": object(map[string]any{"id": integer("territory id"), "name": str(""), "created_at": stamp(""),
		"companies": integer("aggregates, for those who may read the dashboard"), "flows": integer(""),
		"synergies": integer(""), "synergies_by_status": map[string]any{"type": "object",
			"additionalProperties": map[string]any{"type": "integer"}}}, "id", "name"),
	"TerritoryList": object(map[string]any{"items": array(ref("schemas", "Territory"))}, "items"),
	"CompanyInput":  object(companyFields, "name"),
	"Company": object(with(companyFields, map[string]any{"api_id": integer("the number used in paths"),
		"updated_at": stamp(""), "contacts": array(object(map[string]any{"name": str(""), "role": str(""),
			"email": str(""), "phone": str("")})), "warnings": warnings}), "api_id", "id", "name"),
	"CompanyPage": pageOf("Company"),
	"FlowInput":   object(flowFields, "direction", "label"),
	"Flow": object(with(flowFields, map[string]any{"api_id": integer("the number used in paths"),
		"company_api_id": integer("absent when the flow is anonymous to the user"),
		"hazardous":      boolean("from the List of Waste entry"), "updated_at": stamp(""), "warnings": warnings}),
		"api_id", "direction", "label", "visibility"),
	"FlowList":     object(map[string]any{"items": array(ref("schemas", "Flow"))}, "items"),
	"SynergyInput": object(synergyFields, "type"),
	"Synergy": object(with(synergyFields, map[string]any{"api_id": integer("the number used in paths"),
		"updated_at": stamp(""), "warnings": warnings,
		"history": array(object(map[string]any{"at": stamp(""), "from_status": str(""), "to_status": str(""),
			"note": str(""), "actor": str("")}))}), "api_id", "id", "type", "status"),
	"SynergyPage": pageOf("Synergy"),
	"Workshop": object(map[string]any{"api_id": integer("the number used in paths"), "id": str("dataset id"),
		"title": str(""), "date": str("ISO date"), "place": str(""), "capacity": integer("0: no limit"),
		"table_size": integer(""), "rounds": integer(""), "cards_due": str("ISO date"),
		"followed_up": boolean("its interests were turned into synergies"),
		"company_ids": array(str("registered company")),
		"plan":        array(array(array(str("company id")))),
	}, "api_id", "id", "title", "date", "company_ids"),
	"WorkshopList": object(map[string]any{"items": array(ref("schemas", "Workshop"))}, "items"),
	"Interest": object(map[string]any{"round": integer("1-based"), "table": integer("1-based, 0 when recorded for every table"),
		"company_id": str("the company interested"), "company_name": str(""),
		"card_flow_id": str("the card: a flow of another company"), "card_company_id": str(""), "card_label": str(""),
		"card_direction": enum("output: a resource card, input: a need card", "input", "output"), "card_family": str(""),
		"note": str(""), "recorded_by": str(""), "recorded_at": stamp(""),
		"synergy_api_id": integer("the detected synergy it became, once followed up"),
	}, "round", "company_id", "card_flow_id", "recorded_at"),
	"InterestList": object(map[string]any{"items": array(ref("schemas", "Interest"))}, "items"),
	"Substitution": object(map[string]any{
		"output_flow_id": str("absent when anonymous to the user"), "output_flow_api_id": integer(""),
		"output_label": str(""), "output_company_id": str("absent when anonymous"),
		"output_company_name": str("absent when anonymous"), "output_lat": number("absent when anonymous"),
		"output_lon":    number("absent when anonymous"),
		"input_flow_id": str("absent when anonymous to the user"), "input_flow_api_id": integer(""),
		"input_label": str(""), "input_company_id": str("absent when anonymous"),
		"input_company_name": str("absent when anonymous"), "input_lat": number("absent when anonymous"),
		"input_lon": number("absent when anonymous"),
		"resource":  str("what the output is"), "input_resource": str("what the input needs"),
		"score": number("0..1, higher is better"), "distance_km": map[string]any{"type": "number", "nullable": true},
		"coverage": number("share of the need the supply covers"),
		"reasons":  array(map[string]any{"type": "string"}), "reasons_fr": array(map[string]any{"type": "string"}),
	}, "resource", "score", "reasons"),
	"SubstitutionPage": pageOf("Substitution"),
	"Group": object(map[string]any{
		"kind":     enum("", "shared_output", "shared_input", "shared_service", "shared_equipment"),
		"resource": str(""), "company_ids": array(map[string]any{"type": "string"}),
		"companies":           array(object(map[string]any{"id": str(""), "api_id": integer(""), "name": str("")})),
		"anonymous_companies": integer("companies of the group anonymous to the user"),
		"flow_ids":            array(map[string]any{"type": "string"}),
		"total_quantity":      map[string]any{"type": "number", "nullable": true}, "unit": str(""), "period": str(""),
		"radius_km": number(""), "reasons": array(map[string]any{"type": "string"}),
		"reasons_fr": array(map[string]any{"type": "string"}),
	}, "kind", "resource", "company_ids"),
	"Opportunities": object(map[string]any{"substitutions": ref("schemas", "SubstitutionPage"),
		"mutualisations": array(ref("schemas", "Group"))}, "substitutions", "mutualisations"),
	"Classification": array(object(map[string]any{"resource": str("taxonomy code"), "label": str(""),
		"confidence": number("0..1")}, "resource", "label", "confidence")),
	"Dataset": object(map[string]any{
		"companies": array(ref("schemas", "CompanyInput")),
		"contacts": array(object(map[string]any{"company_id": str(""), "name": str(""), "role": str(""),
			"email": str(""), "phone": str("")}, "company_id")),
		"flows":     array(ref("schemas", "FlowInput")),
		"synergies": array(ref("schemas", "SynergyInput")),
	}),
}
