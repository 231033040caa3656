package ui

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"symbiose/internal/auth"
	"symbiose/internal/dataset"
	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/template"
)

// Page is what the layout needs, around a page's own data.
type Page struct {
	Lang      string
	User      *model.User
	CSRF      string
	Territory *model.Territory
	CanManage bool
	IsMember  bool
	Title     string
	Path      string
	Data      any
}

// lang is the user's language: the cookie set by the switch, else the
// browser's preference when it is English, else French.
func lang(r *http.Request) string {
	if c, err := r.Cookie("lang"); err == nil && (c.Value == "fr" || c.Value == "en") {
		return c.Value
	}
	if al := r.Header.Get("Accept-Language"); strings.HasPrefix(strings.ToLower(al), "en") {
		return "en"
	}
	return "fr"
}

// page starts a page's data for this request.
func (u *UI) page(r *http.Request, title string, data any) Page {
	p := Page{Lang: lang(r), Title: title, Path: r.URL.Path, Data: data}
	if s, ok := request.Session(r); ok {
		user := s.User
		p.User, p.CSRF, p.IsMember = &user, s.CSRF, user.Role == model.RoleMember
	} else {
		p.CSRF = preSessionCSRF(r)
	}
	return p
}

// withTerritory adds the territory to a page.
func (p Page) withTerritory(t model.Territory) Page {
	p.Territory = &t
	if p.User != nil {
		p.CanManage = auth.CanManage(*p.User, t.ID)
	}
	return p
}

// render writes a page; it renders into a buffer first so that a template
// error becomes a clean 500 rather than half a page.
func (u *UI) render(w http.ResponseWriter, r *http.Request, status int, name string, p Page) {
	var buf bytes.Buffer
	if err := u.pages.Render(&buf, name, p); err != nil {
		response.Log(u.log, r, err)
		http.Error(w, "Erreur interne", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail renders the error page for err, logging it when it is the server's fault.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, internal := response.Status(err)
	if internal {
		response.Log(u.log, r, err)
	}
	msg := "error." + strconv.Itoa(status)
	var e *response.Error
	if errors.As(err, &e) && template.T("fr", e.Message) != e.Message {
		msg = e.Message // a locale key chosen by the handler
	}
	if template.T("fr", msg) == msg {
		msg = "error.400"
	}
	u.render(w, r, status, "error", u.page(r, "", struct {
		Status  int
		Message string
	}{status, msg}))
}

// badForm is a 400 for a form whose problems the page cannot show inline.
func badForm(problems dataset.Problems) error {
	msg := "error.400"
	if len(problems) > 0 {
		msg = problems[0].Field + ": " + problems[0].Message
	}
	return &response.Error{Status: http.StatusBadRequest, Message: msg}
}
