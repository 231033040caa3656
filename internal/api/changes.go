package api

import (
	"net/http"

	"symbiose/internal/http/response"
	"symbiose/internal/matching"
	"symbiose/internal/model"
)

// audit records a change; a failure to record is logged, not answered,
// since the change itself is made.
func (a *API) audit(r *http.Request, user model.User, territoryID int64, action, entity, id, detail string) {
	if err := a.store.Audit(r.Context(), model.AuditEntry{UserID: user.ID, TerritoryID: territoryID, Action: action,
		Entity: entity, EntityID: id, Detail: detail}); err != nil {
		response.Log(a.log, r, err)
	}
}

// rematch brings the matching engines up to date right after a change, so
// that the next request already sees its opportunities.
func (a *API) rematch(r *http.Request) {
	if a.matchers == nil {
		return
	}
	if err := a.matchers.Refresh(r.Context()); err != nil {
		response.Log(a.log, r, err)
	}
}

// engine returns a territory's matching engine, nil before it is loaded.
func (a *API) engine(territoryID int64) *matching.Engine {
	if a.matchers == nil {
		return nil
	}
	return a.matchers.Engine(territoryID)
}

// forget tells the matching engines that a company or a flow is gone: the
// refresher sees writes, not deletions.
func (a *API) forget(territoryID int64, entity, extID string) {
	switch {
	case a.matchers == nil:
	case entity == "company":
		a.matchers.RemoveCompany(territoryID, extID)
	case entity == "flow":
		a.matchers.RemoveFlow(territoryID, extID)
	}
}
