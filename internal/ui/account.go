package ui

import (
	"net/http"
	"strings"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
	"symbiose/internal/storage"
)

type accountData struct {
	Tokens   []storage.APIToken
	NewToken string
}

// account shows the signed-in user's account and personal API tokens.
func (u *UI) account(w http.ResponseWriter, r *http.Request) {
	u.renderAccount(w, r, "")
}

func (u *UI) renderAccount(w http.ResponseWriter, r *http.Request, newToken string) {
	user, _ := request.User(r)
	tokens, err := u.store.APITokens(r.Context(), user.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "account", u.page(r, "", accountData{Tokens: tokens, NewToken: newToken}))
}

// tokenCreate makes a personal API token and shows it once.
func (u *UI) tokenCreate(w http.ResponseWriter, r *http.Request) {
	user, _ := request.User(r)
	name := strings.TrimSpace(r.PostFormValue("name"))
	switch {
	case !checkCSRF(r):
		u.fail(w, r, errForbiddenCSRF)
		return
	case name == "" || len(name) > 80:
		u.fail(w, r, &response.Error{Status: http.StatusBadRequest, Message: "error.400"})
		return
	}
	token := auth.NewToken()
	if err := u.store.CreateAPIToken(r.Context(), auth.HashToken(token), user.ID, name); err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, 0, "create", "api_token", "", name)
	u.renderAccount(w, r, token)
}

// tokenDelete revokes one of the user's tokens.
func (u *UI) tokenDelete(w http.ResponseWriter, r *http.Request) {
	user, _ := request.User(r)
	if !checkCSRF(r) {
		u.fail(w, r, errForbiddenCSRF)
		return
	}
	if err := u.store.RemoveAPIToken(r.Context(), user.ID, r.PathValue("hash")); err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, 0, "delete", "api_token", "", "")
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}
