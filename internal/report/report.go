// Package report lays out a territory's programme report — the shape of a
// public experience sheet (context, objectives, results, timeline,
// partners, means and costs, success factors, difficulties) — and renders
// it as HTML or PDF. It knows nothing of the database: the caller fills a
// Report from the data.
package report

import "time"

// Report is everything a programme report shows, already computed.
type Report struct {
	Lang        string // fr or en
	Territory   string
	Programme   string // programme name, may be empty
	GeneratedOn time.Time

	Context    Context
	Objectives []Objective
	Results    Results
	Timeline   []Phase
	Partners   []Partner
	Means      []Means // one per year
	// CostPerRealised is the total cost of the means over the realised
	// synergies, 0 when either is unknown.
	CostPerRealised float64
	SuccessFactors  []string
	Difficulties    []string

	// Pictures: the territory's outputs by family and current treatment,
	// and the companies linked by synergies.
	Sankey  []SankeyLink
	Network Network
}

// SankeyLink is the tonnes a year of one family of outputs going to one
// treatment (landfill, incineration, energy_recovery, recycling, reuse,
// other, or "unknown"), or taken up by a synergy ("synergy").
type SankeyLink struct {
	Family    string
	Treatment string
	Tonnes    float64
}

// Network is the companies linked by synergies, laid out on a circle:
// positions are in a 0..1 square, so that each renderer scales them.
type Network struct {
	Nodes []Node
	Edges []Edge
}

// Node is one company of the network.
type Node struct {
	Label string
	X, Y  float64
	Links int // edges touching it
}

// Edge links two companies of a synergy: the supplier and the receiver of
// a substitution, each pair of members of a pool.
type Edge struct {
	From, To int // indexes in Nodes
	Status   string
	Type     string
}

// Context is the territory in figures, with the programme's own words.
type Context struct {
	Text             string // free text from the programme, may be empty
	Companies, Flows int
	CompaniesVisited int      // diagnostics done
	FlowsByFamily    []Count  // Label is the family code (waste, material…)
	Zones            []string // activity zones
}

// Objective is one target of the programme against what was achieved.
type Objective struct {
	Label    string // e.g. "10 synergies d'ici 2021"
	Target   int
	Achieved int
	Due      string // ISO date or year, may be empty
}

// Results are the synergies and their impact.
type Results struct {
	Funnel    []Count // diagnostics, detected… realised, in pipeline order
	ByStatus  []Count
	ByType    []Count // substitution, mutualisation (realised)
	ByNature  []Count // material, energy… (realised)
	ByYear    []YearCount
	Impact    []YearImpact // realised synergies, by start year; Year 0: undated
	Total     YearImpact   // all years
	Companies int          // companies involved in a realised synergy
	Jobs      int          // jobs created or kept by realised synergies, as facilitators recorded them
	Realised  []Synergy
}

// Count is a labelled figure; Label is a code the renderer translates
// (status, type, nature, family) or plain text.
type Count struct {
	Label string
	Value int
}

// YearCount is the number of synergies started in a year, by status group.
type YearCount struct {
	Year     int
	Realised int
	Other    int
}

// YearImpact sums the yearly impact of realised synergies.
type YearImpact struct {
	Year           int
	Synergies      int
	TonnesDiverted float64
	Co2eAvoidedT   float64
	EurosSaved     float64
	WaterSavedM3   float64
	EnergySavedMWh float64
}

// Synergy is one realised synergy as the report lists it.
type Synergy struct {
	Label     string
	Type      string
	Nature    string
	Companies string // "Scierie Dupuy → Chaufferie du Plateau"
	StartedOn string
	Tonnes    float64
	Co2eT     float64
	Euros     float64
}

// Phase is a step of the programme's timeline.
type Phase struct {
	Name     string
	From, To string // ISO dates, To may be empty
}

// Partner is an organisation of the programme.
type Partner struct {
	Name string
	Role string
}

// Means is what the programme cost in a year.
type Means struct {
	Year           int
	StaffFTE       float64
	StaffEUR       float64 // cost of that staff, 0 when not given
	ConsultancyEUR float64
	SoftwareEUR    float64
}

// Total is the year's cost in euros.
func (m Means) Total() float64 { return m.StaffEUR + m.ConsultancyEUR + m.SoftwareEUR }
