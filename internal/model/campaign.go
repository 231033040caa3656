package model

// Campaign is a diagnostic campaign: the companies a territory plans to
// visit to inventory their flows.
type Campaign struct {
	ID          int64
	TerritoryID int64
	Name        string
	StartedOn   string
	EndedOn     string
}

// CampaignVisit is one company of a campaign: who visited it, when, and how
// complete its flow inventory is.
type CampaignVisit struct {
	CampaignID   int64
	CompanyID    int64
	CompanyExtID string
	VisitedOn    string // ISO date, empty while not visited
	VisitedBy    string
	Completeness int // percent, 0..100
}

// Workshop is a bourse inter-entreprises: companies meet at tables to
// present what they offer and what they need.
type Workshop struct {
	ID            int64
	TerritoryID   int64
	ExtID         string
	Title         string
	Date          string
	Place         string
	CompanyExtIDs []string // participants: registered, or present when imported

	// Preparation of the event.
	Capacity  int          // registrations beyond it go to the waiting list; 0 = no limit
	TableSize int          // companies per table, at most
	Rounds    int          // rounds of tables
	CardsDue  string       // ISO date by which cards should be filled, or empty
	Plan      [][][]string // saved table plan: company ext ids per table per round
	ClosedAt  string       // set when the follow-up was launched
}
