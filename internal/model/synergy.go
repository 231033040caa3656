package model

import "time"

// Synergy types.
const (
	Substitution  = "substitution"  // one company's output becomes another's input
	Mutualisation = "mutualisation" // companies pool a need, an output or a service
)

// Statuses of a synergy, in pipeline order; abandoned ends it anywhere.
const (
	StatusDetected     = "detected"
	StatusQualified    = "qualified"
	StatusContacted    = "contacted"
	StatusStudying     = "studying"
	StatusImplementing = "implementing"
	StatusRealised     = "realised"
	StatusAbandoned    = "abandoned"
)

// Statuses lists the synergy statuses in pipeline order.
var Statuses = []string{StatusDetected, StatusQualified, StatusContacted, StatusStudying,
	StatusImplementing, StatusRealised, StatusAbandoned}

// Synergy is an exchange between companies, from detection to realisation.
type Synergy struct {
	ID              int64
	TerritoryID     int64
	ExtID           string
	Type            string
	Status          string
	OutputFlowExtID string // substitution: the flows exchanged, when known
	InputFlowExtID  string
	OutputCompExtID string // substitution: the companies, when flows are not known
	InputCompExtID  string
	CompanyExtIDs   []string // mutualisation: the companies pooling
	Resource        string
	Label           string
	Quantity        *float64
	Unit            string
	Period          string
	StartedOn       string // ISO date or empty
	Attrs           map[string]string
	UpdatedAt       time.Time

	// Follow-up in the pipeline.
	Nature        string // material, energy, water, equipment, service, skill
	OwnerID       int64  // the facilitator who follows it
	OwnerEmail    string
	NextAction    string
	NextActionOn  string // ISO date or empty
	Notes         string
	AbandonReason string
}

// SynergyEvent is one dated change in a synergy's history.
type SynergyEvent struct {
	ID         int64
	SynergyID  int64
	At         time.Time
	FromStatus string
	ToStatus   string
	Note       string
	Actor      string
}
