package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"symbiose/internal/model"
)

// bourseCompanyView is the page a company opens from its personal link.
type bourseCompanyView struct {
	Workshop        model.Workshop
	Participant     model.Participant
	Company         model.Company
	Resources       []cardRow
	Needs           []cardRow
	Rows            int
	Families        []string
	Saved           string // locale key of what was just done
	Problems        []string
	Closed          bool
	Given, Received []model.Interest
}

// bourseCompany is a company's page for a bourse, opened from its personal
// link without an account: register or cancel, fill its cards on a phone,
// and after the event read its summary and answer the survey.
func (u *UI) bourseCompany(w http.ResponseWriter, r *http.Request) {
	p, ws, t, err := u.participantOfLink(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	r = ensurePreCSRF(w, r)
	c, err := u.store.Company(r.Context(), p.CompanyID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := bourseCompanyView{Workshop: ws, Participant: p, Company: c, Families: model.Families, Closed: ws.ClosedAt != ""}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		if !checkCSRF(r) {
			u.fail(w, r, errForbiddenCSRF)
			return
		}
		d.Saved, d.Problems, err = u.bourseCompanyAction(r, t, ws, p, c)
		if err != nil {
			u.fail(w, r, err)
			return
		}
		if len(d.Problems) > 0 {
			status = http.StatusBadRequest
		}
		if d.Participant, err = u.store.Participant(r.Context(), ws.ID, c.ID); err != nil {
			u.fail(w, r, err)
			return
		}
	}
	if err := u.fillBourseCompany(r, &d); err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, status, "bourse_company", u.page(r, "", d))
}

// bourseCompanyAction does what the company's page posted.
func (u *UI) bourseCompanyAction(r *http.Request, t model.Territory, ws model.Workshop, p model.Participant, c model.Company) (saved string, problems []string, err error) {
	closed := ws.ClosedAt != ""
	switch action := r.PostFormValue("action"); {
	case action == "register" && !closed:
		status, err := u.store.Register(r.Context(), ws.ID, c.ID)
		return "bourse.saved_" + status, nil, err
	case action == "cancel" && !closed:
		promoted, err := u.store.Cancel(r.Context(), ws.ID, c.ID)
		if err == nil && promoted != 0 {
			err = u.tellPromoted(r, ws, promoted)
		}
		return "bourse.saved_cancelled", nil, err
	case action == "cards" && !closed && p.Status == model.ParticipantRegistered:
		problems, err := u.saveCards(r, t, ws, c)
		if len(problems) > 0 || err != nil {
			return "", problems, err
		}
		return "bourse.saved_cards", nil, nil
	case action == "survey" && closed:
		score, err := strconv.Atoi(r.PostFormValue("score"))
		comment := strings.TrimSpace(r.PostFormValue("comment"))
		if err != nil || score < 1 || score > 5 || len(comment) > 2000 {
			return "", nil, badRequest("bourse.err_survey")
		}
		return "bourse.saved_survey", nil, u.store.SetSurvey(r.Context(), ws.ID, c.ID, score, comment)
	}
	return "", nil, badRequest("error.400")
}

// tellPromoted emails the company that moved up from the waiting list.
func (u *UI) tellPromoted(r *http.Request, ws model.Workshop, companyID int64) error {
	p, err := u.store.Participant(r.Context(), ws.ID, companyID)
	if err != nil {
		return err
	}
	link, _, err := u.participantLink(r, ws.ID, companyID)
	if err != nil {
		return err
	}
	u.sendBourseMail(r, p.Email, "bourse.mail_promoted_subject", "bourse.mail_promoted_body", ws.Title, p.CompanyName,
		ws.Title, bourseWhen(lang(r), ws), link)
	return nil
}

// fillBourseCompany adds the cards form, or after the event the interests.
func (u *UI) fillBourseCompany(r *http.Request, d *bourseCompanyView) error {
	flows, err := u.store.FlowsOfCompany(r.Context(), d.Company.ID)
	if err != nil {
		return err
	}
	all, err := u.store.Cards(r.Context(), d.Workshop.ID)
	if err != nil {
		return err
	}
	cards := map[int64]bool{}
	for _, f := range all {
		if f.CompanyID == d.Company.ID {
			cards[f.ID] = true
		}
	}
	d.Resources, d.Needs = cardRows(lang(r), d.Company, flows, cards)
	d.Rows = len(d.Resources) + len(d.Needs)
	if !d.Closed {
		return nil
	}
	interests, err := u.store.Interests(r.Context(), d.Workshop.ID)
	d.Given, d.Received = interestsOf(interests, d.Company.ID)
	return err
}

// interestsOf splits a bourse's interests into those a company gave and
// those it received.
func interestsOf(all []model.Interest, companyID int64) (given, received []model.Interest) {
	for _, in := range all {
		if in.CompanyID == companyID {
			given = append(given, in)
		}
		if in.OwnerID == companyID {
			received = append(received, in)
		}
	}
	return given, received
}

// bourseCompanySummary downloads the company's summary PDF.
func (u *UI) bourseCompanySummary(w http.ResponseWriter, r *http.Request) {
	p, ws, _, err := u.participantOfLink(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if ws.ClosedAt == "" {
		u.fail(w, r, badRequest("bourse.err_not_closed"))
		return
	}
	var buf bytes.Buffer
	if err := u.writeSummary(r, &buf, ws, p); err != nil {
		u.fail(w, r, err)
		return
	}
	sendPDF(w, fmt.Sprintf("synthese-bourse-%d.pdf", ws.ID), buf.Bytes())
}
