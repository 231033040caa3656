package api

import (
	"net/http"
	"strconv"
	"sync"

	"symbiose/internal/http/response"
)

// openapi answers the OpenAPI 3.0 description of the API. It is public:
// it describes the API, not any territory's data.
func (a *API) openapi(w http.ResponseWriter, r *http.Request) {
	response.JSON(w, http.StatusOK, openAPIDocument())
}

// operation is one documented endpoint; its paths are written out here,
// apart from the route table, so that a test can hold the two together.
type operation struct {
	method, path     string
	id, summary      string
	params           []string // names of components/parameters
	body             string   // schema of the request body, "" for none
	status           int      // success status
	result           string   // schema of the success body, "" for none
	errors           []string // names of components/responses
	public, download bool
}

var operations = []operation{
	{method: "get", path: "/api/v1/openapi.json", id: "openapi", summary: "This OpenAPI document", status: 200, public: true},
	{method: "get", path: "/api/v1/classify", id: "classify",
		summary: "Resource taxonomy nodes that best describe a flow label, best first (as `symbiose classify`)",
		params:  []string{"label", "ewc", "family", "top", "lang"}, status: 200, result: "Classification",
		errors: []string{"BadRequest", "Unauthorized"}},
	{method: "get", path: "/api/v1/territories", id: "listTerritories", summary: "Territories the user works in",
		status: 200, result: "TerritoryList", errors: []string{"Unauthorized"}},
	{method: "get", path: "/api/v1/territories/{tid}", id: "getTerritory",
		summary: "A territory; with its counts for those who may read its dashboard",
		params:  []string{"tid"}, status: 200, result: "Territory", errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "get", path: "/api/v1/territories/{tid}/companies", id: "listCompanies",
		summary: "Companies of a territory by name, paginated (managers)",
		params:  []string{"tid", "q", "zone", "limit", "offset"}, status: 200, result: "CompanyPage",
		errors: []string{"BadRequest", "Unauthorized", "Forbidden", "NotFound"}},
	{method: "post", path: "/api/v1/territories/{tid}/companies", id: "createCompany",
		summary: "Add a company, checked with the import's rules (managers)",
		params:  []string{"tid"}, body: "CompanyInput", status: 201, result: "Company",
		errors: []string{"BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "TooLarge"}},
	{method: "get", path: "/api/v1/territories/{tid}/companies/{cid}", id: "getCompany",
		summary: "A company with its contacts (managers; members: their own company)",
		params:  []string{"tid", "cid"}, status: 200, result: "Company", errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "put", path: "/api/v1/territories/{tid}/companies/{cid}", id: "updateCompany",
		summary: "Replace a company's fields (managers; members: their own company)",
		params:  []string{"tid", "cid"}, body: "CompanyInput", status: 200, result: "Company",
		errors: []string{"BadRequest", "Unauthorized", "Forbidden", "NotFound", "TooLarge"}},
	{method: "delete", path: "/api/v1/territories/{tid}/companies/{cid}", id: "deleteCompany",
		summary: "Remove a company with its flows and contacts (managers)",
		params:  []string{"tid", "cid"}, status: 204, errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "get", path: "/api/v1/territories/{tid}/companies/{cid}/flows", id: "listCompanyFlows",
		summary: "Flows of a company: all to managers and its members, public ones to other members",
		params:  []string{"tid", "cid"}, status: 200, result: "FlowList", errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "post", path: "/api/v1/territories/{tid}/companies/{cid}/flows", id: "createFlow",
		summary: "Add a flow to a company, checked with the import's rules (managers; members: their own company)",
		params:  []string{"tid", "cid"}, body: "FlowInput", status: 201, result: "Flow",
		errors: []string{"BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "TooLarge"}},
	{method: "get", path: "/api/v1/territories/{tid}/flows/{fid}", id: "getFlow",
		summary: "A flow as the user may see it (anonymous flows without their company; private ones not found)",
		params:  []string{"tid", "fid"}, status: 200, result: "Flow", errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "put", path: "/api/v1/territories/{tid}/flows/{fid}", id: "updateFlow",
		summary: "Replace a flow's fields (managers; members: their own company's flows)",
		params:  []string{"tid", "fid"}, body: "FlowInput", status: 200, result: "Flow",
		errors: []string{"BadRequest", "Unauthorized", "Forbidden", "NotFound", "TooLarge"}},
	{method: "delete", path: "/api/v1/territories/{tid}/flows/{fid}", id: "deleteFlow",
		summary: "Remove a flow (managers; members: their own company's flows)",
		params:  []string{"tid", "fid"}, status: 204, errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "get", path: "/api/v1/territories/{tid}/synergies", id: "listSynergies",
		summary: "Synergies of a territory, paginated (managers)",
		params:  []string{"tid", "status", "type", "limit", "offset"}, status: 200, result: "SynergyPage",
		errors: []string{"BadRequest", "Unauthorized", "Forbidden", "NotFound"}},
	{method: "post", path: "/api/v1/territories/{tid}/synergies", id: "createSynergy",
		summary: "Record a synergy, checked with the import's rules (managers)",
		params:  []string{"tid"}, body: "SynergyInput", status: 201, result: "Synergy",
		errors: []string{"BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "TooLarge"}},
	{method: "get", path: "/api/v1/territories/{tid}/synergies/{sid}", id: "getSynergy",
		summary: "A synergy with its dated history (managers)",
		params:  []string{"tid", "sid"}, status: 200, result: "Synergy", errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "get", path: "/api/v1/territories/{tid}/opportunities", id: "listOpportunities",
		summary: "Substitution candidates (paginated) and mutualisation groups (managers; members: those concerning their company)",
		params:  []string{"tid", "limit", "offset"}, status: 200, result: "Opportunities",
		errors: []string{"BadRequest", "Unauthorized", "Forbidden", "NotFound"}},
	{method: "get", path: "/api/v1/territories/{tid}/workshops", id: "listWorkshops",
		summary: "Bourses (exchange workshops) of a territory with their registered companies and saved plan (managers)",
		params:  []string{"tid"}, status: 200, result: "WorkshopList", errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "get", path: "/api/v1/territories/{tid}/workshops/{wid}/interests", id: "listWorkshopInterests",
		summary: "Interests recorded at a bourse, oldest first (managers)",
		params:  []string{"tid", "wid"}, status: 200, result: "InterestList", errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "get", path: "/api/v1/territories/{tid}/export", id: "exportDataset",
		summary: "The territory's dataset as JSON, as `symbiose export FILE.json` (managers)",
		params:  []string{"tid"}, status: 200, result: "Dataset", download: true,
		errors: []string{"Unauthorized", "Forbidden", "NotFound"}},
	{method: "post", path: "/api/v1/territories/{tid}/import", id: "importDataset",
		summary: "Import a dataset JSON document; with any error nothing is written (managers)",
		params:  []string{"tid", "dry_run"}, body: "Dataset", status: 200, result: "ImportResult",
		errors: []string{"ImportProblems", "Unauthorized", "Forbidden", "NotFound", "TooLarge"}},
}

// openAPIDocument builds the document once.
var openAPIDocument = sync.OnceValue(func() map[string]any {
	paths := map[string]any{}
	for _, op := range operations {
		item, _ := paths[op.path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[op.path] = item
		}
		item[op.method] = op.document()
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":   "Symbiose API",
			"version": "1",
			"description": "REST API of Symbiose, industrial and territorial ecology. Records use the field names of the " +
				"interchange format (id is the dataset identifier; words accept the French listed there); api_id is the " +
				"number used in paths. Sign in with a personal API token (Authorization: Bearer) or the browser session; " +
				"a state-changing request signed in by the session cookie must carry the session's anti-forgery token " +
				"in the X-CSRF-Token header.",
		},
		"servers":  []any{map[string]any{"url": "/"}},
		"security": []any{map[string]any{"bearer": []any{}}, map[string]any{"session": []any{}}},
		"paths":    paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{
				"bearer":  map[string]any{"type": "http", "scheme": "bearer", "description": "A personal API token."},
				"session": map[string]any{"type": "apiKey", "in": "cookie", "name": "symbiose_session", "description": "The browser session; writes also need the X-CSRF-Token header."},
			},
			"parameters": parameters,
			"responses":  errorResponses,
			"schemas":    schemas,
		},
	}
})

func (op operation) document() map[string]any {
	doc := map[string]any{"operationId": op.id, "summary": op.summary}
	if op.public {
		doc["security"] = []any{}
	}
	if len(op.params) > 0 {
		var params []any
		for _, p := range op.params {
			params = append(params, ref("parameters", p))
		}
		doc["parameters"] = params
	}
	if op.body != "" {
		doc["requestBody"] = map[string]any{"required": true,
			"content": map[string]any{"application/json": map[string]any{"schema": ref("schemas", op.body)}}}
	}
	ok := map[string]any{"description": http.StatusText(op.status)}
	if op.result != "" {
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": ref("schemas", op.result)}}
	} else if op.status == http.StatusOK {
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}
	}
	if op.download {
		ok["headers"] = map[string]any{"Content-Disposition": map[string]any{"schema": str("attachment; filename=\"territory-ID.json\"")}}
	}
	responses := map[string]any{strconv.Itoa(op.status): ok}
	for _, e := range op.errors {
		responses[errorStatus[e]] = ref("responses", e)
	}
	doc["responses"] = responses
	return doc
}

func ref(kind, name string) map[string]any {
	return map[string]any{"$ref": "#/components/" + kind + "/" + name}
}
