package api

import (
	"net/http"

	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
	"symbiose/internal/matching"
	"symbiose/internal/model"
)

// The errors below have no helper in internal/http/response yet; they are
// response.Error values, so that package still turns them into statuses.

func errUnauthorized(message string) error {
	return &response.Error{Status: http.StatusUnauthorized, Message: message}
}

func errForbidden(message string) error {
	return &response.Error{Status: http.StatusForbidden, Message: message}
}

func errConflict(message, field string) error {
	return &response.Error{Status: http.StatusConflict, Message: message, Field: field}
}

func errTooLarge(message string) error {
	return &response.Error{Status: http.StatusRequestEntityTooLarge, Message: message}
}

// fail answers with an error as JSON; response decides its status and logs
// it when it is the server's fault.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil && isUnauthorized(err) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="symbiose"`)
	}
	response.JSONError(w, r, a.log, err)
}

func isUnauthorized(err error) bool {
	status, _ := response.Status(err)
	return status == http.StatusUnauthorized
}

// fieldProblem is a problem of one record given to the API.
type fieldProblem struct {
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

func fieldProblems(ps dataset.Problems) []fieldProblem {
	out := []fieldProblem{}
	for _, p := range ps {
		out = append(out, fieldProblem{Field: p.Field, Message: p.Message})
	}
	return out
}

// invalid answers a record that breaks the import's rules: the first error
// as "error", every error in "errors".
func (a *API) invalid(w http.ResponseWriter, problems dataset.Problems) {
	errs := problems.Errors()
	first := errs[0]
	status, _ := response.Status(response.BadRequest(first.Message, first.Field))
	response.JSON(w, status, map[string]any{
		"error":  fieldProblem{Field: first.Field, Message: first.Message},
		"errors": fieldProblems(errs),
	})
}

// audit records a change; a failure to record is logged, not answered,
// since the change itself is made.
func (a *API) audit(r *http.Request, user model.User, territoryID int64, action, entity, id, detail string) {
	if err := a.store.Audit(r.Context(), model.AuditEntry{UserID: user.ID, TerritoryID: territoryID, Action: action,
		Entity: entity, EntityID: id, Detail: detail}); err != nil {
		response.Log(a.log, r, err)
	}
}

// rematch brings the matching engines up to date right after a change, so
// that the next request already sees its opportunities.
func (a *API) rematch(r *http.Request) {
	if a.matchers == nil {
		return
	}
	if err := a.matchers.Refresh(r.Context()); err != nil {
		response.Log(a.log, r, err)
	}
}

// engine returns a territory's matching engine, nil before it is loaded.
func (a *API) engine(territoryID int64) *matching.Engine {
	if a.matchers == nil {
		return nil
	}
	return a.matchers.Engine(territoryID)
}
