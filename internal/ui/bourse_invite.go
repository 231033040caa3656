package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	symail "symbiose/internal/mail"
	"symbiose/internal/model"
	"symbiose/internal/template"
)

// workshopInvite invites the ticked companies: each gets a personal link,
// by email when the company has an address and mail is set up; the links
// not sent are shown to pass on.
func (u *UI) workshopInvite(w http.ResponseWriter, r *http.Request) {
	t, user, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var links []introLink
	sent := 0
	for _, v := range r.PostForm["company"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			u.fail(w, r, badRequest("error.400"))
			return
		}
		c, err := u.store.Company(r.Context(), id)
		if err != nil || c.TerritoryID != t.ID {
			u.fail(w, r, badRequest("error.400"))
			return
		}
		contacts, err := u.store.ContactsOfCompany(r.Context(), c.ID)
		if err != nil {
			u.fail(w, r, err)
			return
		}
		email := model.FirstEmail(contacts)
		link, hash, err := u.participantLink(r, ws.ID, c.ID)
		if err == nil {
			err = u.store.InviteParticipant(r.Context(), ws.ID, c.ID, email, hash)
		}
		if err != nil {
			u.fail(w, r, err)
			return
		}
		if u.sendBourseMail(r, email, "bourse.mail_invite_subject", "bourse.mail_invite_body", ws.Title, c.Name,
			ws.Title, bourseWhen(lang(r), ws), link) {
			sent++
			continue
		}
		links = append(links, introLink{c.Name, link})
	}
	u.audit(r, user, t.ID, "invite", "workshop", ws.ExtID, fmt.Sprintf("%d companies", len(r.PostForm["company"])))
	u.showBourse(w, r, http.StatusOK, t, ws, func(d *bourseView) { d.Links, d.Sent = links, sent })
}

// bourseWhen is "10 décembre 2026, CCI, Angoulême".
func bourseWhen(lang string, ws model.Workshop) string {
	s := template.Date(lang, ws.Date)
	if ws.Place != "" {
		s += ", " + ws.Place
	}
	return s
}

// sendBourseMail emails a message whose subject and body are locale
// formats; it tells whether the message left.
func (u *UI) sendBourseMail(r *http.Request, email, subjectKey, bodyKey, subjectArg string, args ...any) bool {
	if u.mailer == nil || email == "" {
		return false
	}
	l := lang(r)
	msg := symail.Message{To: []string{email}, Subject: fmt.Sprintf(template.T(l, subjectKey), subjectArg),
		Text: fmt.Sprintf(template.T(l, bodyKey), args...)}
	if err := u.mailer.Send(r.Context(), msg); err != nil {
		u.log.Warn("bourse mail not sent", "to", email, "err", err)
		return false
	}
	return true
}

// workshopStaffAdd adds a facilitator or a table secretary and emails them
// their capture link.
func (u *UI) workshopStaffAdd(w http.ResponseWriter, r *http.Request) {
	t, user, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	st := model.Staff{WorkshopID: ws.ID, Role: r.PostFormValue("role"), Name: strings.TrimSpace(r.PostFormValue("name")),
		Email: strings.TrimSpace(r.PostFormValue("email"))}
	table, err := strconv.Atoi(r.PostFormValue("table"))
	if r.PostFormValue("table") == "" {
		table, err = 0, nil
	}
	st.Table = table
	if err != nil || table < 0 || table > 200 || st.Name == "" || len(st.Name) > 200 ||
		(st.Role != model.StaffFacilitator && st.Role != model.StaffSecretary) || (st.Role == model.StaffSecretary && table == 0) ||
		(st.Email != "" && !strings.Contains(st.Email, "@")) {
		u.fail(w, r, badRequest("bourse.err_staff"))
		return
	}
	link, hash, err := u.staffLink(r, st)
	if err == nil {
		st, err = u.store.AddStaff(r.Context(), st, hash)
	}
	if err != nil {
		u.fail(w, r, badRequest("bourse.err_staff_twice"))
		return
	}
	u.sendBourseMail(r, st.Email, "bourse.mail_staff_subject", "bourse.mail_staff_body", ws.Title, st.Name, ws.Title,
		bourseWhen(lang(r), ws), link)
	u.audit(r, user, t.ID, "add staff", "workshop", ws.ExtID, st.Name)
	http.Redirect(w, r, bourseURL(t.ID, ws.ID)+"#staff", http.StatusSeeOther)
}

// workshopStaffDelete removes a staff member; their link stops working.
func (u *UI) workshopStaffDelete(w http.ResponseWriter, r *http.Request) {
	t, user, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	id, err := strconv.ParseInt(r.PathValue("sid"), 10, 64)
	if err == nil {
		err = u.store.RemoveStaff(r.Context(), ws.ID, id)
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "remove staff", "workshop", ws.ExtID, r.PathValue("sid"))
	http.Redirect(w, r, bourseURL(t.ID, ws.ID)+"#staff", http.StatusSeeOther)
}

// workshopSeat keeps a registered company at one table every round (the
// host, a key company), or with table 0 lets the plan seat it again.
func (u *UI) workshopSeat(w http.ResponseWriter, r *http.Request) {
	t, user, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	company, errC := strconv.ParseInt(r.PostFormValue("company"), 10, 64)
	table, errT := strconv.Atoi(r.PostFormValue("table"))
	if errC != nil || errT != nil || table < 0 || table > 200 {
		u.fail(w, r, badRequest("bourse.err_seat"))
		return
	}
	if p, err := u.store.Participant(r.Context(), ws.ID, company); err != nil || p.Status != model.ParticipantRegistered {
		u.fail(w, r, badRequest("bourse.err_seat"))
		return
	}
	if err := u.store.SetFixedTable(r.Context(), ws.ID, company, table); err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "fixed table", "workshop", ws.ExtID, fmt.Sprintf("%d at table %d", company, table))
	http.Redirect(w, r, bourseURL(t.ID, ws.ID)+"#constraints", http.StatusSeeOther)
}

// workshopPairs adds (or, with remove set, removes) a constraint between
// two registered companies: competitors or must meet.
func (u *UI) workshopPairs(w http.ResponseWriter, r *http.Request) {
	t, user, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	a, errA := strconv.ParseInt(r.PostFormValue("a"), 10, 64)
	b, errB := strconv.ParseInt(r.PostFormValue("b"), 10, 64)
	kind := r.PostFormValue("kind")
	if errA != nil || errB != nil || a == b {
		u.fail(w, r, badRequest("bourse.err_pair"))
		return
	}
	for _, id := range []int64{a, b} {
		if _, err := u.store.Participant(r.Context(), ws.ID, id); err != nil {
			u.fail(w, r, badRequest("bourse.err_pair"))
			return
		}
	}
	switch {
	case r.PostFormValue("remove") != "":
		err = u.store.RemovePair(r.Context(), ws.ID, a, b)
	case kind == model.PairCompetitors || kind == model.PairMustMeet:
		err = u.store.SetPair(r.Context(), ws.ID, model.WorkshopPair{A: a, B: b, Kind: kind})
	default:
		err = badRequest("bourse.err_pair")
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "plan constraint", "workshop", ws.ExtID, fmt.Sprintf("%s %d %d", kind, a, b))
	http.Redirect(w, r, bourseURL(t.ID, ws.ID)+"#constraints", http.StatusSeeOther)
}
