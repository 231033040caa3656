package workshop

import (
	"fmt"
	"strings"
)

// Reason explains, in English and in French, why a problem has no plan. The
// organiser reads French first, so the pure package carries both texts
// instead of leaving translation to a locale framework it does not have.
//
// Check and Solve return a *Reason: errors.Is(err, ErrInfeasible) (or
// ErrNoPlan) still holds through Unwrap, err.Error() stays the English text
// behind the sentinel's prefix, and errors.As(err, &reason) gives both texts.
type Reason struct {
	Err error  // ErrInfeasible or ErrNoPlan
	EN  string // the reason in English
	FR  string // the same reason in French
}

func (r *Reason) Error() string {
	if r.Err == nil {
		return r.EN
	}
	return r.Err.Error() + ": " + r.EN
}

func (r *Reason) Unwrap() error { return r.Err }

// Text returns the French reason for a language tag starting with "fr" (fr,
// fr-FR, fr_CA…) and the English one otherwise.
func (r *Reason) Text(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "fr") {
		return r.FR
	}
	return r.EN
}

// infeasible builds an ErrInfeasible reason; both formats take the same
// arguments in the same order, which keeps the two texts in step.
func infeasible(en, fr string, args ...any) error {
	return &Reason{Err: ErrInfeasible, EN: fmt.Sprintf(en, args...), FR: fmt.Sprintf(fr, args...)}
}

func noPlan(en, fr string, args ...any) error {
	return &Reason{Err: ErrNoPlan, EN: fmt.Sprintf(en, args...), FR: fmt.Sprintf(fr, args...)}
}
