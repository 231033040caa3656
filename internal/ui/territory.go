package ui

import (
	"net/http"

	"symbiose/internal/http/access"
	"symbiose/internal/model"
)

// territory returns the territory of the path, if the user works in it.
func (u *UI) territory(r *http.Request) (model.Territory, model.User, error) {
	return access.Territory(u.store, r)
}
