package api

import (
	"net/http"

	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
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
