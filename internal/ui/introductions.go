package ui

import (
	"fmt"
	"net/http"
	"slices"

	"symbiose/internal/auth"
	symail "symbiose/internal/mail"
	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/template"
)

type introLink struct{ Company, URL string }

// synergyCompanies are the database ids of a synergy's companies.
func (u *UI) synergyCompanies(r *http.Request, t model.Territory, s model.Synergy) ([]model.Company, error) {
	var out []model.Company
	for _, ext := range append([]string{s.OutputCompExtID, s.InputCompExtID}, s.CompanyExtIDs...) {
		if ext == "" || slices.ContainsFunc(out, func(c model.Company) bool { return c.ExtID == ext }) {
			continue
		}
		c, err := u.store.CompanyByExtID(r.Context(), t.ID, ext)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// introduce proposes a double opt-in introduction: every company of the
// synergy gets a link of its own to accept or decline, emailed to its first
// contact when SMTP is set up, shown to the facilitator otherwise.
func (u *UI) introduce(w http.ResponseWriter, r *http.Request) {
	t, user, s, err := u.pathSynergy(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	companies, err := u.synergyCompanies(r, t, s)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if len(companies) < 2 {
		u.renderSynergy(w, r, http.StatusBadRequest, t, s, "2+ companies")
		return
	}
	var intros []storage.Introduction
	var hashes, tokens []string
	for _, c := range companies {
		contacts, err := u.store.ContactsOfCompany(r.Context(), c.ID)
		if err != nil {
			u.fail(w, r, err)
			return
		}
		email := model.FirstEmail(contacts)
		token := auth.NewToken()
		intros = append(intros, storage.Introduction{CompanyID: c.ID, Email: email})
		hashes, tokens = append(hashes, auth.HashToken(token)), append(tokens, token)
	}
	if err := u.store.CreateIntroductions(r.Context(), s.ID, user.ID, intros, hashes); err != nil {
		u.fail(w, r, err)
		return
	}
	lang := lang(r)
	var links []introLink
	sent := u.mailer != nil
	for i, c := range companies {
		url := u.baseURL(r) + "/introduction/" + tokens[i]
		if u.mailer != nil && intros[i].Email != "" {
			msg := symail.Message{To: []string{intros[i].Email}, Subject: template.T(lang, "intro.mail_subject"),
				Text: fmt.Sprintf(template.T(lang, "intro.mail_body"), c.Name, resourceLabel(s.Resource, lang), url)}
			if err := u.mailer.Send(r.Context(), msg); err == nil {
				continue
			}
		}
		sent = false
		links = append(links, introLink{c.Name, url})
	}
	u.audit(r, user, t.ID, "introduce", "synergy", s.ExtID, fmt.Sprintf("%d companies", len(companies)))
	u.renderSynergyWith(w, r, http.StatusOK, t, s, "", links, sent && len(links) == 0)
}

type partner struct {
	Name     string
	Contacts []model.Contact
}

type introductionData struct {
	Company, Type, What, Answer string
	Partners                    []partner
}

// introduction is the page a company opens from its link: accept or
// decline, and once everyone accepted, the partners' contact details.
func (u *UI) introduction(w http.ResponseWriter, r *http.Request) {
	in, err := u.store.IntroductionByToken(r.Context(), auth.HashToken(r.PathValue("token")))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	r = ensurePreCSRF(w, r)
	if r.Method == http.MethodPost {
		answer := r.PostFormValue("answer")
		if !checkCSRF(r) || (answer != storage.Accepted && answer != storage.Declined) {
			u.fail(w, r, errForbiddenCSRF)
			return
		}
		if err := u.store.AnswerIntroduction(r.Context(), in.ID, answer); err != nil {
			u.fail(w, r, err)
			return
		}
		if err := u.afterAnswer(r, in); err != nil {
			u.fail(w, r, err)
			return
		}
		http.Redirect(w, r, r.URL.Path, http.StatusSeeOther)
		return
	}
	d, err := u.introductionView(r, in)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "introduction", u.page(r, "", d))
}

// synergyOfIntro finds an introduction's synergy and territory.
func (u *UI) synergyOfIntro(r *http.Request, in storage.Introduction) (model.Territory, model.Synergy, error) {
	c, err := u.store.Company(r.Context(), in.CompanyID)
	if err != nil {
		return model.Territory{}, model.Synergy{}, err
	}
	t, err := u.store.Territory(r.Context(), c.TerritoryID)
	if err != nil {
		return t, model.Synergy{}, err
	}
	all, err := u.store.Synergies(r.Context(), t.ID)
	if err != nil {
		return t, model.Synergy{}, err
	}
	for _, s := range all {
		if s.ID == in.SynergyID {
			return t, s, nil
		}
	}
	return t, model.Synergy{}, notFound()
}

// afterAnswer moves the synergy to contacted once every company accepted.
func (u *UI) afterAnswer(r *http.Request, in storage.Introduction) error {
	all, err := u.store.Introductions(r.Context(), in.SynergyID)
	if err != nil {
		return err
	}
	for _, x := range all {
		if x.Answer != storage.Accepted {
			return nil
		}
	}
	t, s, err := u.synergyOfIntro(r, in)
	if err != nil {
		return err
	}
	if slices.Index(model.Statuses, s.Status) < slices.Index(model.Statuses, model.StatusContacted) {
		if err := u.store.MoveSynergy(r.Context(), s.ID, s.Status, model.StatusContacted, "", "mise en relation acceptée par chacun", "introduction"); err != nil {
			return err
		}
	}
	return u.store.Audit(r.Context(), model.AuditEntry{TerritoryID: t.ID, Action: "accept", Entity: "introduction", EntityID: s.ExtID})
}

func (u *UI) introductionView(r *http.Request, in storage.Introduction) (introductionData, error) {
	_, s, err := u.synergyOfIntro(r, in)
	if err != nil {
		return introductionData{}, err
	}
	d := introductionData{Company: in.CompanyName, Type: s.Type, What: resourceLabel(s.Resource, lang(r)), Answer: in.Answer}
	if d.What == "" {
		d.What = s.Label
	}
	if in.Answer != storage.Accepted {
		return d, nil
	}
	all, err := u.store.Introductions(r.Context(), in.SynergyID)
	if err != nil {
		return d, err
	}
	for _, x := range all {
		if x.Answer != storage.Accepted {
			return d, nil // contact details only once everyone accepted
		}
	}
	for _, x := range all {
		if x.CompanyID == in.CompanyID {
			continue
		}
		contacts, err := u.store.ContactsOfCompany(r.Context(), x.CompanyID)
		if err != nil {
			return d, err
		}
		d.Partners = append(d.Partners, partner{x.CompanyName, contacts})
	}
	return d, nil
}
