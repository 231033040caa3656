package api

import (
	"errors"
	"net/http"
	"strconv"

	"symbiose/internal/auth"
	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
	"symbiose/internal/storage"
)

// synergyCreate records a synergy between companies of the territory,
// checked with the import's rules, and starts its history; managers only.
func (a *API) synergyCreate(w http.ResponseWriter, r *http.Request) {
	t, user, err := a.managedTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	fields, err := readFields(w, r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if fields["id"] == "" {
		fields["id"] = "s-" + auth.NewToken()[:10]
	}
	opt, err := a.knownRecords(r, t.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	s, problems := dataset.ParseSynergy(fields, opt)
	if len(problems.Errors()) > 0 {
		a.invalid(w, problems)
		return
	}
	// Storage writes a synergy as an import does, updating one whose id
	// exists: refuse that here, a creation never replaces.
	_, err = a.store.SynergyByExtID(r.Context(), t.ID, s.ExtID)
	switch {
	case err == nil:
		err = errConflict("a synergy of this territory already has id "+strconv.Quote(s.ExtID), "id")
	case errors.Is(err, storage.ErrNotFound):
		err = nil
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	s.TerritoryID = t.ID
	if _, err := a.store.CreateSynergy(r.Context(), s, user.Email); err != nil {
		a.fail(w, r, err)
		return
	}
	created, err := a.store.SynergyByExtID(r.Context(), t.ID, s.ExtID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	events, err := a.store.SynergyEvents(r.Context(), created.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, user, t.ID, "create", "synergy", created.ExtID, created.Label)
	out := synergyOut(created)
	out.History = historyOut(events)
	out.Warnings = fieldProblems(problems.Warnings())
	w.Header().Set("Location", territoryPath(t.ID)+"/synergies/"+strconv.FormatInt(created.ID, 10))
	response.JSON(w, http.StatusCreated, out)
}

// knownRecords lists the dataset ids already in a territory, so that a
// record or a dataset may refer to them, with the resource taxonomy.
func (a *API) knownRecords(r *http.Request, territoryID int64) (dataset.Options, error) {
	opt := dataset.Options{KnownCompanies: map[string]bool{}, KnownFlows: map[string]model.Direction{},
		Resources: nomenclature.Taxonomy{}}
	companies, err := a.store.Companies(r.Context(), territoryID)
	if err != nil {
		return opt, err
	}
	for _, c := range companies {
		opt.KnownCompanies[c.ExtID] = true
	}
	flows, err := a.store.Flows(r.Context(), territoryID)
	if err != nil {
		return opt, err
	}
	for _, f := range flows {
		opt.KnownFlows[f.ExtID] = f.Direction
	}
	return opt, nil
}
