package api

import (
	"net/http"

	"symbiose/internal/http/response"
)

// flow shows one flow as the user may see it: whole to the company's own
// members, its territory's managers and, for a public flow, other members;
// an anonymous flow to other members without its company; a private one
// not at all.
func (a *API) flow(w http.ResponseWriter, r *http.Request) {
	_, _, c, f, access, err := a.pathFlow(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	response.JSON(w, http.StatusOK, flowOut(f, c, access))
}
