package ui

import (
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"strings"
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
	symail "symbiose/internal/mail"
	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/template"
)

const inviteLifetime = 7 * 24 * time.Hour

type inviteData struct {
	Accept                 bool
	Company, Email, Link   string
	Sent                   bool
	TerritoryID, CompanyID int64
}

// invite creates a single-use, expiring link for a company contact, and
// emails it when an SMTP server is configured, else shows it to pass on.
func (u *UI) invite(w http.ResponseWriter, r *http.Request) {
	t, user, c, err := u.editableCompany(r)
	if err == nil && !auth.CanManage(user, t.ID) {
		err = response.Forbidden()
	}
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	if addr, err := mail.ParseAddress(email); err != nil || addr.Address != email {
		u.fail(w, r, &response.Error{Status: http.StatusBadRequest, Message: "error.email"})
		return
	}
	token := auth.NewToken()
	if err := u.store.CreateLink(r.Context(), auth.HashToken(token), storage.Link{Purpose: storage.LinkInvite, Email: email,
		CompanyID: c.ID, CreatedBy: user.ID, Expires: time.Now().Add(inviteLifetime)}); err != nil {
		u.fail(w, r, err)
		return
	}
	link := u.baseURL(r) + "/invite/" + token
	d := inviteData{Company: c.Name, Email: email, Link: link, TerritoryID: t.ID, CompanyID: c.ID}
	if u.mailer != nil {
		lang := lang(r)
		msg := symail.Message{To: []string{email}, Subject: template.T(lang, "invite.mail_subject"),
			Text: fmt.Sprintf(template.T(lang, "invite.mail_body"), c.Name, link)}
		if err := u.mailer.Send(r.Context(), msg); err != nil {
			response.Log(u.log, r, err) // the link is shown instead: nothing is lost
		} else {
			d.Sent, d.Link = true, ""
		}
	}
	u.audit(r, user, t.ID, "invite", "company", c.ExtID, email)
	u.render(w, r, http.StatusOK, "invite", u.page(r, "", d).withTerritory(t))
}

// baseURL is how users reach the site: configured, or this request's host.
func (u *UI) baseURL(r *http.Request) string {
	if u.opt.BaseURL != "" {
		return u.opt.BaseURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// inviteForm asks the invited contact to confirm; the link is used only on
// the confirming POST, so that mail scanners opening it do not spend it.
func (u *UI) inviteForm(w http.ResponseWriter, r *http.Request) {
	link, err := u.store.PeekLink(r.Context(), auth.HashToken(r.PathValue("token")))
	if err == nil && link.Purpose != storage.LinkInvite {
		err = storage.ErrLinkUsed
	}
	if err != nil {
		u.setupGone(w, r, err)
		return
	}
	c, err := u.store.Company(r.Context(), link.CompanyID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	r = ensurePreCSRF(w, r)
	u.render(w, r, http.StatusOK, "invite", u.page(r, "", inviteData{Accept: true, Company: c.Name}))
}

// inviteAccept spends the link, creates the contact's account if needed
// (no password: they come back through a new link) and signs them in.
func (u *UI) inviteAccept(w http.ResponseWriter, r *http.Request) {
	r = ensurePreCSRF(w, r)
	if !checkCSRF(r) {
		u.fail(w, r, errForbiddenCSRF)
		return
	}
	link, err := u.store.UseLink(r.Context(), auth.HashToken(r.PathValue("token")))
	if err == nil && link.Purpose != storage.LinkInvite {
		err = storage.ErrLinkUsed
	}
	if err != nil {
		u.setupGone(w, r, err)
		return
	}
	c, err := u.store.Company(r.Context(), link.CompanyID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	user, err := u.store.UserByEmail(r.Context(), link.Email)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		user, err = u.store.CreateUser(r.Context(), model.User{Email: link.Email, Role: model.RoleMember, CompanyID: c.ID, Locale: lang(r)})
	case err == nil && (user.Role != model.RoleMember || user.CompanyID != c.ID):
		err = response.Forbidden() // an existing account of another kind keeps its own access
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if err := u.startSession(w, r, user.ID); err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, c.TerritoryID, "accept", "invitation", c.ExtID, link.Email)
	http.Redirect(w, r, fmt.Sprintf("/t/%d/companies/%d", c.TerritoryID, c.ID), http.StatusSeeOther)
}
