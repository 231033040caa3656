package model

import "time"

// Direction says whether a company consumes a flow or has it available.
type Direction string

// Directions of a flow.
const (
	Input  Direction = "input"
	Output Direction = "output"
)

// Families of flows, from the interchange format.
const (
	FamilyMaterial  = "material"
	FamilyWaste     = "waste"
	FamilyEnergy    = "energy"
	FamilyWater     = "water"
	FamilyEquipment = "equipment"
	FamilyService   = "service"
	FamilySkill     = "skill"
	FamilySpace     = "space"
	FamilyLogistics = "logistics"
)

// Families lists every flow family in display order.
var Families = []string{FamilyMaterial, FamilyWaste, FamilyEnergy, FamilyWater, FamilyEquipment,
	FamilyService, FamilySkill, FamilySpace, FamilyLogistics}

// Visibility levels of a flow: who outside the company may see it.
const (
	VisibilityPrivate   = "private"   // facilitators only
	VisibilityAnonymous = "anonymous" // others see it without the company's name
	VisibilityPublic    = "public"
)

// Treatments are the current routes of an output.
var Treatments = []string{"landfill", "incineration", "energy_recovery", "recycling", "reuse", "other"}

// Periods are the time bases of a quantity.
var Periods = []string{"year", "month", "week", "day", "once"}

// Flow is one thing a company consumes or needs (input), or produces, rejects
// or has available (output).
type Flow struct {
	ID                 int64
	CompanyID          int64
	CompanyExtID       string
	ExtID              string
	Direction          Direction
	Family             string
	Label              string
	Resource           string   // resource taxonomy code, or empty
	ResourceConfidence *float64 // set when the classifier chose Resource; nil when a person did
	EWC                string   // six digits, or empty
	Hazardous          bool     // from the List of Waste entry
	Quantity           *float64
	Unit               string
	Period             string
	Quality            string
	AvailableFrom      string // ISO date or empty
	AvailableUntil     string
	CostEUR            *float64
	Treatment          string
	Visibility         string
	Attrs              map[string]string
	UpdatedAt          time.Time
}
