package api

import (
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// The API writes records with the interchange field names (id is the
// dataset identifier) plus api_id, the number used in its paths, and a few
// read-only fields. Empty fields are left out, as in an exported dataset.

type companyJSON struct {
	APIID     int64             `json:"api_id"`
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	SIRET     string            `json:"siret,omitempty"`
	NAF       string            `json:"naf,omitempty"`
	Employees *int              `json:"employees,omitempty"`
	Address   string            `json:"address,omitempty"`
	Postcode  string            `json:"postcode,omitempty"`
	City      string            `json:"city,omitempty"`
	Lat       *float64          `json:"lat,omitempty"`
	Lon       *float64          `json:"lon,omitempty"`
	Zone      string            `json:"zone,omitempty"`
	Tags      []string          `json:"tags,omitempty"`
	Attrs     map[string]string `json:"attrs,omitempty"`
	UpdatedAt time.Time         `json:"updated_at"`
	Contacts  []contactJSON     `json:"contacts,omitempty"`
	Warnings  []fieldProblem    `json:"warnings,omitempty"`
}

type contactJSON struct {
	Name  string `json:"name,omitempty"`
	Role  string `json:"role,omitempty"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

func companyOut(c model.Company) companyJSON {
	return companyJSON{APIID: c.ID, ID: c.ExtID, Name: c.Name, SIRET: c.SIRET, NAF: c.NAF, Employees: c.Employees,
		Address: c.Address, Postcode: c.Postcode, City: c.City, Lat: c.Lat, Lon: c.Lon, Zone: c.Zone, Tags: c.Tags,
		Attrs: c.Attrs, UpdatedAt: c.UpdatedAt}
}

func contactsOut(list []model.Contact) []contactJSON {
	out := make([]contactJSON, 0, len(list))
	for _, ct := range list {
		out = append(out, contactJSON{Name: ct.Name, Role: ct.Role, Email: ct.Email, Phone: ct.Phone})
	}
	return out
}

type flowJSON struct {
	APIID              int64             `json:"api_id"`
	ID                 string            `json:"id,omitempty"`
	CompanyID          string            `json:"company_id,omitempty"`
	CompanyAPIID       int64             `json:"company_api_id,omitempty"`
	Direction          model.Direction   `json:"direction"`
	Family             string            `json:"family,omitempty"`
	Label              string            `json:"label"`
	Resource           string            `json:"resource,omitempty"`
	ResourceConfidence *float64          `json:"resource_confidence,omitempty"`
	EWC                string            `json:"ewc,omitempty"`
	Hazardous          bool              `json:"hazardous,omitempty"`
	Quantity           *float64          `json:"quantity,omitempty"`
	Unit               string            `json:"unit,omitempty"`
	Period             string            `json:"period,omitempty"`
	Quality            string            `json:"quality,omitempty"`
	AvailableFrom      string            `json:"available_from,omitempty"`
	AvailableUntil     string            `json:"available_until,omitempty"`
	CostEUR            *float64          `json:"cost_eur,omitempty"`
	Treatment          string            `json:"treatment,omitempty"`
	Visibility         string            `json:"visibility"`
	Attrs              map[string]string `json:"attrs,omitempty"`
	UpdatedAt          time.Time         `json:"updated_at"`
	Warnings           []fieldProblem    `json:"warnings,omitempty"`
}

// flowOut writes a flow as a user may see it: an anonymous flow goes
// without its company, its free attributes (which may name it) and its
// dataset id (a generated one is derived from the company's).
func flowOut(f model.Flow, c model.Company, access auth.Access) flowJSON {
	out := flowJSON{APIID: f.ID, ID: f.ExtID, CompanyID: f.CompanyExtID, CompanyAPIID: c.ID, Direction: f.Direction,
		Family: f.Family, Label: f.Label, Resource: f.Resource, ResourceConfidence: f.ResourceConfidence, EWC: ewcDisplay(f.EWC),
		Hazardous: f.Hazardous, Quantity: f.Quantity, Unit: f.Unit, Period: f.Period, Quality: f.Quality,
		AvailableFrom: f.AvailableFrom, AvailableUntil: f.AvailableUntil, CostEUR: f.CostEUR, Treatment: f.Treatment,
		Visibility: f.Visibility, Attrs: f.Attrs, UpdatedAt: f.UpdatedAt}
	if access != auth.Full {
		out.ID, out.CompanyID, out.CompanyAPIID, out.Attrs = "", "", 0, nil
	}
	return out
}

// ewcDisplay writes a List of Waste code as an export does: "15 01 01",
// "16 06 01*".
func ewcDisplay(code string) string {
	if w, ok := nomenclature.LookupWaste(code); ok {
		return w.Display()
	}
	return code
}

type synergyJSON struct {
	APIID           int64             `json:"api_id"`
	ID              string            `json:"id"`
	Type            string            `json:"type"`
	Status          string            `json:"status"`
	OutputFlowID    string            `json:"output_flow_id,omitempty"`
	InputFlowID     string            `json:"input_flow_id,omitempty"`
	OutputCompanyID string            `json:"output_company_id,omitempty"`
	InputCompanyID  string            `json:"input_company_id,omitempty"`
	CompanyIDs      []string          `json:"company_ids,omitempty"`
	Resource        string            `json:"resource,omitempty"`
	Label           string            `json:"label,omitempty"`
	Quantity        *float64          `json:"quantity,omitempty"`
	Unit            string            `json:"unit,omitempty"`
	Period          string            `json:"period,omitempty"`
	StartedOn       string            `json:"started_on,omitempty"`
	Attrs           map[string]string `json:"attrs,omitempty"`
	UpdatedAt       time.Time         `json:"updated_at"`
	History         []eventJSON       `json:"history,omitempty"`
	Warnings        []fieldProblem    `json:"warnings,omitempty"`
}

type eventJSON struct {
	At         time.Time `json:"at"`
	FromStatus string    `json:"from_status,omitempty"`
	ToStatus   string    `json:"to_status"`
	Note       string    `json:"note,omitempty"`
	Actor      string    `json:"actor,omitempty"`
}

func synergyOut(s model.Synergy) synergyJSON {
	return synergyJSON{APIID: s.ID, ID: s.ExtID, Type: s.Type, Status: s.Status, OutputFlowID: s.OutputFlowExtID,
		InputFlowID: s.InputFlowExtID, OutputCompanyID: s.OutputCompExtID, InputCompanyID: s.InputCompExtID,
		CompanyIDs: s.CompanyExtIDs, Resource: s.Resource, Label: s.Label, Quantity: s.Quantity, Unit: s.Unit,
		Period: s.Period, StartedOn: s.StartedOn, Attrs: s.Attrs, UpdatedAt: s.UpdatedAt}
}

func historyOut(events []model.SynergyEvent) []eventJSON {
	out := make([]eventJSON, 0, len(events))
	for _, e := range events {
		out = append(out, eventJSON{At: e.At, FromStatus: e.FromStatus, ToStatus: e.ToStatus, Note: e.Note, Actor: e.Actor})
	}
	return out
}

type territoryJSON struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
	// Aggregates, for those who may read the territory's dashboard.
	Companies         *int           `json:"companies,omitempty"`
	Flows             *int           `json:"flows,omitempty"`
	Synergies         *int           `json:"synergies,omitempty"`
	SynergiesByStatus map[string]int `json:"synergies_by_status,omitempty"`
}

func territoryOut(t model.Territory) territoryJSON {
	return territoryJSON{ID: t.ID, Name: t.Name, CreatedAt: t.CreatedAt}
}
