package ui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/synergy"
)

type synergyData struct {
	Intros                     []storage.Introduction
	Links                      []introLink
	Sent                       bool
	Synergy                    model.Synergy
	Title, Companies, Error    string
	History                    []model.SynergyEvent
	Owners                     []model.User
	Statuses, Reasons, Natures []string
}

func notFound() error { return response.NotFound() }

// synergyPage shows one synergy: move it on, follow it up, its history.
func (u *UI) synergyPage(w http.ResponseWriter, r *http.Request) {
	t, _, s, err := u.pathSynergy(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.renderSynergy(w, r, http.StatusOK, t, s, "")
}

func (u *UI) renderSynergy(w http.ResponseWriter, r *http.Request, status int, t model.Territory, s model.Synergy, problem string) {
	u.renderSynergyWith(w, r, status, t, s, problem, nil, false)
}

func (u *UI) renderSynergyWith(w http.ResponseWriter, r *http.Request, status int, t model.Territory, s model.Synergy, problem string, links []introLink, sent bool) {
	intros, err := u.store.Introductions(r.Context(), s.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	history, err := u.store.SynergyEvents(r.Context(), s.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	users, err := u.store.Users(r.Context())
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var owners []model.User
	for _, usr := range users {
		if full, err := u.store.User(r.Context(), usr.ID); err == nil && auth.CanManage(full, t.ID) {
			owners = append(owners, full)
		}
	}
	stale, err := u.staleAfter(r, t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	c := u.card(s, u.companyNames(r, t.ID), time.Now(), stale)
	slices.Reverse(history)
	d := synergyData{Intros: intros, Links: links, Sent: sent, Synergy: s, Title: c.Title, Companies: c.Companies, Error: problem, History: history, Owners: owners,
		Statuses: model.Statuses, Reasons: synergy.AbandonReasons, Natures: synergy.Natures}
	u.render(w, r, status, "synergy", u.page(r, c.Title, d).withTerritory(t))
}

// synergyFollowUp records the owner, nature, next action and notes.
func (u *UI) synergyFollowUp(w http.ResponseWriter, r *http.Request) {
	t, user, s, err := u.pathSynergy(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	owner, _ := strconv.ParseInt(r.PostFormValue("owner"), 10, 64)
	f := storage.SynergyFollowUp{Nature: r.PostFormValue("nature"), OwnerID: owner,
		NextAction: strings.TrimSpace(r.PostFormValue("next_action")), NextActionOn: r.PostFormValue("next_action_on"),
		Notes: strings.TrimSpace(r.PostFormValue("notes"))}
	problem := ""
	if f.Nature != "" && !slices.Contains(synergy.Natures, f.Nature) {
		problem = "nature"
	}
	if _, err := time.Parse("2006-01-02", f.NextActionOn); f.NextActionOn != "" && err != nil {
		problem = "next_action_on"
	}
	if owner != 0 {
		if o, err := u.store.User(r.Context(), owner); err != nil || !auth.CanManage(o, t.ID) {
			problem = "owner"
		}
	}
	if problem != "" {
		u.renderSynergy(w, r, http.StatusBadRequest, t, s, problem+" : "+template400(lang(r)))
		return
	}
	if err := u.store.UpdateSynergyFollowUp(r.Context(), s.ID, f); err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "update", "synergy", s.ExtID, f.NextAction)
	http.Redirect(w, r, "/t/"+itoa64(t.ID)+"/synergies/"+itoa64(s.ID), http.StatusSeeOther)
}

// synergyMove changes a synergy's status, with a reason when abandoned.
func (u *UI) synergyMove(w http.ResponseWriter, r *http.Request) {
	t, user, s, err := u.pathSynergy(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	from, to, reason := r.PostFormValue("from"), r.PostFormValue("to"), r.PostFormValue("reason")
	if from != s.Status {
		u.renderSynergy(w, r, http.StatusConflict, t, s, "status changed meanwhile / le statut a changé entre-temps")
		return
	}
	if err := synergy.Move(from, to, reason); err != nil {
		u.renderSynergy(w, r, http.StatusBadRequest, t, s, err.Error())
		return
	}
	if to != model.StatusAbandoned {
		reason = ""
	}
	if err := u.store.MoveSynergy(r.Context(), s.ID, from, to, reason, strings.TrimSpace(r.PostFormValue("note")), user.Email); err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "move", "synergy", s.ExtID, from+" → "+to)
	http.Redirect(w, r, "/t/"+itoa64(t.ID)+"/synergies/"+itoa64(s.ID), http.StatusSeeOther)
}

func template400(lang string) string {
	if lang == "en" {
		return "not valid"
	}
	return "valeur incorrecte"
}
