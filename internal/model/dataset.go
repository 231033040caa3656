package model

// Dataset is the whole data of a territory as the interchange format carries
// it: what import writes and export reads. References between records use
// the dataset identifiers (ExtID fields), not database ids.
type Dataset struct {
	Companies []Company
	Contacts  []Contact
	Flows     []Flow
	Synergies []Synergy
}
