// Package response is the one place where errors become HTTP status codes
// and get logged.
package response

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"symbiose/internal/storage"
)

// Error is an error meant for the user: a status, a message (a locale key
// for pages, plain text for the API) and, for bad input, the field.
type Error struct {
	Status  int
	Message string
	Field   string
}

func (e *Error) Error() string { return e.Message }

// BadRequest is an input the user must correct.
func BadRequest(message, field string) error {
	return &Error{Status: http.StatusBadRequest, Message: message, Field: field}
}

// Forbidden is an action the user may not take.
func Forbidden() error { return &Error{Status: http.StatusForbidden, Message: "forbidden"} }

// NotFound is a record that does not exist, or that the user may not know
// exists.
func NotFound() error { return &Error{Status: http.StatusNotFound, Message: "not found"} }

// Status returns the status code for an error, and whether it is the
// server's fault (to be logged).
func Status(err error) (int, bool) {
	var e *Error
	switch {
	case errors.As(err, &e):
		return e.Status, false
	case errors.Is(err, storage.ErrNotFound):
		return http.StatusNotFound, false
	case errors.Is(err, storage.ErrConflict):
		return http.StatusConflict, false
	}
	return http.StatusInternalServerError, true
}

// Log logs an error that is the server's fault, once, where it is handled.
func Log(log *slog.Logger, r *http.Request, err error) {
	log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
}

// JSON writes v as JSON with a status.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// JSONError writes an error as {"error": {"message": ..., "field": ...}}.
func JSONError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	status, internal := Status(err)
	msg, field := http.StatusText(status), ""
	var e *Error
	if errors.As(err, &e) {
		msg, field = e.Message, e.Field
	}
	if internal {
		Log(log, r, err)
	}
	body := map[string]string{"message": msg}
	if field != "" {
		body["field"] = field
	}
	JSON(w, status, map[string]any{"error": body})
}
