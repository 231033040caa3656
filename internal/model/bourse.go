package model

import "time"

// Statuses of a company invited to a bourse.
const (
	ParticipantInvited    = "invited"    // invited, has not answered
	ParticipantRegistered = "registered" // has a seat
	ParticipantWaiting    = "waiting"    // registered past capacity, waits for a cancellation
	ParticipantCancelled  = "cancelled"  // declined or cancelled
)

// Participant is a company invited to, registered for or waiting for a
// bourse.
type Participant struct {
	WorkshopID    int64
	CompanyID     int64
	CompanyExtID  string
	CompanyName   string
	NAF           string
	Status        string
	Email         string // where invitations, reminders and the summary go
	InvitedAt     time.Time
	AnsweredAt    time.Time // registration or cancellation; orders the waiting list
	SurveyScore   int       // 1..5, 0 when not answered
	SurveyComment string
	FixedTable    int // 1-based table kept every round, 0 when the plan chooses
}

// Roles of the people running a bourse.
const (
	StaffFacilitator = "facilitator"
	StaffSecretary   = "secretary"
)

// Staff is a facilitator or a table secretary of a bourse. Secretaries
// open their table's capture page through a personal link.
type Staff struct {
	ID         int64
	WorkshopID int64
	Role       string
	Name       string
	Email      string
	Table      int // secretaries: 1-based table number
}

// Kinds of pair constraints of a table plan.
const (
	PairCompetitors = "competitors" // never at the same table
	PairMustMeet    = "must_meet"   // at the same table at least once
)

// WorkshopPair is a constraint between two participants.
type WorkshopPair struct {
	A, B int64 // company ids
	Kind string
}

// Interest is recorded at a table: a company is interested in a card
// (a flow) of another company.
type Interest struct {
	ID          int64
	WorkshopID  int64
	ClientID    string // chosen by the capture page, so a resent record is kept once
	Round       int
	Table       int
	CompanyID   int64 // interested
	CompanyName string
	FlowID      int64 // the card
	CardLabel   string
	CardDir     Direction
	CardFamily  string
	OwnerID     int64 // the card's company
	OwnerName   string
	Note        string
	RecordedBy  string
	CreatedAt   time.Time
	SynergyID   int64 // once followed up
}
