// Package programme describes a territory's industrial ecology programme —
// its objectives, timeline, partners and means — as a funder's contract
// states them, and measures the objectives against the synergies realised.
package programme

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"symbiose/internal/model"
)

// Programme is what a territory committed to and what it put in.
type Programme struct {
	Name           string      `json:"name"`
	Context        string      `json:"context,omitempty"`
	Objectives     []Objective `json:"objectives,omitempty"`
	Phases         []Phase     `json:"phases,omitempty"`
	Partners       []Partner   `json:"partners,omitempty"`
	Means          []Means     `json:"means,omitempty"`
	SuccessFactors []string    `json:"success_factors,omitempty"`
	Difficulties   []string    `json:"difficulties,omitempty"`
}

// Objective is a number of realised synergies to reach, optionally of one
// type or nature and by a year: "10 synergies by 2021", "6 substitutions".
type Objective struct {
	Label  string `json:"label"`
	Target int    `json:"target"`
	Type   string `json:"type,omitempty"`   // substitution or mutualisation; empty: any
	Nature string `json:"nature,omitempty"` // material, energy…; empty: any
	By     int    `json:"by,omitempty"`     // year; 0: no deadline
}

// Phase is a step of the programme's timeline.
type Phase struct {
	Name string `json:"name"`
	From string `json:"from"`
	To   string `json:"to,omitempty"`
}

// Partner is an organisation taking part: funder, facilitator, consultant.
type Partner struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

// Means is what a year of the programme took.
type Means struct {
	Year           int     `json:"year"`
	StaffFTE       float64 `json:"staff_fte,omitempty"`
	StaffEUR       float64 `json:"staff_eur,omitempty"`
	ConsultancyEUR float64 `json:"consultancy_eur,omitempty"`
	SoftwareEUR    float64 `json:"software_eur,omitempty"`
}

// Parse reads a programme from JSON and checks it, listing every problem.
func Parse(r io.Reader) (Programme, error) {
	var p Programme
	data, err := io.ReadAll(r)
	if err != nil {
		return p, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, fmt.Errorf("programme: %w", err)
	}
	if dec.More() {
		return p, errors.New("programme: more than one JSON document")
	}
	return p, p.Check()
}

// Check lists every problem of a programme in one error, nil when none.
func (p Programme) Check() error {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if strings.TrimSpace(p.Name) == "" {
		bad("name: required")
	}
	for i, o := range p.Objectives {
		at := fmt.Sprintf("objectives[%d]", i)
		if strings.TrimSpace(o.Label) == "" {
			bad("%s.label: required", at)
		}
		if o.Target <= 0 {
			bad("%s.target: %d, want a positive number of synergies", at, o.Target)
		}
		if o.Type != "" && o.Type != model.Substitution && o.Type != model.Mutualisation {
			bad("%s.type: %q, want substitution or mutualisation", at, o.Type)
		}
		if o.Nature != "" && !slices.Contains(model.Families, o.Nature) {
			bad("%s.nature: %q is not a nature (%s)", at, o.Nature, strings.Join(model.Families, ", "))
		}
		if o.By != 0 && (o.By < 1990 || o.By > 2100) {
			bad("%s.by: %d is not a year", at, o.By)
		}
	}
	for i, ph := range p.Phases {
		at := fmt.Sprintf("phases[%d]", i)
		if strings.TrimSpace(ph.Name) == "" {
			bad("%s.name: required", at)
		}
		from, err := time.Parse(time.DateOnly, ph.From)
		if err != nil {
			bad("%s.from: %q, want a date like 2019-01-31", at, ph.From)
		}
		if ph.To != "" {
			to, err := time.Parse(time.DateOnly, ph.To)
			if err != nil {
				bad("%s.to: %q, want a date like 2019-12-31", at, ph.To)
			} else if to.Before(from) {
				bad("%s.to: %s is before %s", at, ph.To, ph.From)
			}
		}
	}
	for i, pa := range p.Partners {
		if strings.TrimSpace(pa.Name) == "" {
			bad("partners[%d].name: required", i)
		}
	}
	years := map[int]bool{}
	for i, m := range p.Means {
		at := fmt.Sprintf("means[%d]", i)
		if m.Year < 1990 || m.Year > 2100 {
			bad("%s.year: %d is not a year", at, m.Year)
		} else if years[m.Year] {
			bad("%s.year: %d appears twice", at, m.Year)
		}
		years[m.Year] = true
		if m.StaffFTE < 0 || m.StaffEUR < 0 || m.ConsultancyEUR < 0 || m.SoftwareEUR < 0 {
			bad("%s: negative amount", at)
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("programme: %s", strings.Join(problems, "; "))
	}
	return nil
}

// Achieved counts the realised synergies an objective counts: of its type
// and nature when set, started by the end of its year when set. natureOf
// gives a synergy's nature (set by the facilitator or guessed).
func (o Objective) Achieved(synergies []model.Synergy, natureOf func(model.Synergy) string) int {
	n := 0
	for _, s := range synergies {
		if s.Status != model.StatusRealised || (o.Type != "" && s.Type != o.Type) {
			continue
		}
		if o.Nature != "" && natureOf(s) != o.Nature {
			continue
		}
		if o.By != 0 && (len(s.StartedOn) < 4 || s.StartedOn[:4] > fmt.Sprint(o.By)) {
			continue
		}
		n++
	}
	return n
}

// Cost is the total of the means in euros.
func (p Programme) Cost() float64 {
	var c float64
	for _, m := range p.Means {
		c += m.StaffEUR + m.ConsultancyEUR + m.SoftwareEUR
	}
	return c
}
