package api

import (
	"net/http"

	"symbiose/internal/http/response"
)

// company shows one company with its contacts: to its territory's managers
// and its own members.
func (a *API) company(w http.ResponseWriter, r *http.Request) {
	_, _, c, err := a.ownCompany(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	contacts, err := a.store.ContactsOfCompany(r.Context(), c.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := companyOut(c)
	out.Contacts = contactsOut(contacts)
	response.JSON(w, http.StatusOK, out)
}
