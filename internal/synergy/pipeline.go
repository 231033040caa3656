// Package synergy holds the rules of the synergy pipeline: the statuses a
// synergy moves through, which moves are allowed, why one is abandoned, and
// when one needs attention. It is pure: no SQL, no HTTP.
package synergy

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// Reasons a synergy is abandoned.
var AbandonReasons = []string{"technical", "regulatory", "economic", "logistic", "no_interest", "company_closed"}

// Natures of a synergy: what is exchanged or pooled.
var Natures = []string{"material", "energy", "water", "equipment", "service", "skill"}

// ErrTerminal is returned for a move out of a finished synergy other than
// reopening it.
var ErrTerminal = errors.New("the synergy is finished: it can only be reopened as detected or qualified")

func rank(status string) int { return slices.Index(model.Statuses, status) }

// Move checks a change of status: forward to any later step, back one step,
// abandoned from anywhere with a reason, and out of realised or abandoned
// only to reopen it.
func Move(from, to, reason string) error {
	if rank(to) < 0 {
		return fmt.Errorf("%q is not a status", to)
	}
	if to == from {
		return fmt.Errorf("the synergy is already %s", to)
	}
	if to == model.StatusAbandoned {
		if !slices.Contains(AbandonReasons, reason) {
			return fmt.Errorf("abandoning needs a reason: one of %s", strings.Join(AbandonReasons, ", "))
		}
		return nil
	}
	if from == model.StatusRealised || from == model.StatusAbandoned {
		if to == model.StatusDetected || to == model.StatusQualified {
			return nil
		}
		return ErrTerminal
	}
	if rank(to) < rank(from)-1 {
		return fmt.Errorf("from %s a synergy goes back one step at most", from)
	}
	return nil
}

// Stale reports whether an open synergy has had no activity for longer
// than after: it needs the facilitator's attention.
func Stale(s model.Synergy, lastActivity, now time.Time, after time.Duration) bool {
	if s.Status == model.StatusRealised || s.Status == model.StatusAbandoned || after <= 0 {
		return false
	}
	return now.Sub(lastActivity) > after
}

// Overdue reports whether the next action's date has passed.
func Overdue(nextActionOn string, now time.Time) bool {
	d, err := time.Parse("2006-01-02", nextActionOn)
	return err == nil && now.After(d.Add(24*time.Hour))
}

// Nature is a synergy's nature: the one the facilitator chose, else, for a
// substitution, the one its resource or flows suggest (NatureOf).
func Nature(s model.Synergy, flows map[string]model.Flow) string {
	if s.Nature != "" || s.Type != model.Substitution {
		return s.Nature
	}
	out, in := flows[s.OutputFlowExtID], flows[s.InputFlowExtID]
	return NatureOf(cmp.Or(s.Resource, out.Resource, in.Resource), cmp.Or(out.Family, in.Family))
}

// NatureOf guesses a synergy's nature from what it exchanges: the family of
// its resource, or of the flows' family.
func NatureOf(resource, family string) string {
	if r, ok := nomenclature.LookupResource(resource); ok {
		family = r.Family
	}
	switch family {
	case "waste", "material", "":
		return "material"
	case "space", "logistics":
		return "service"
	}
	if slices.Contains(Natures, family) {
		return family
	}
	return "material"
}
