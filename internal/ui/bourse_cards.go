package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// cardsPerSide is how many resource and need cards a company is asked to
// bring; the form ticks that many suggestions on each side.
const cardsPerSide = 5

// cardRow is one line of the cards form: an existing flow, a suggestion
// from the sector template, or a blank line.
type cardRow struct {
	Index     int
	FlowID    int64
	Source    string // flow, template, blank
	Use       bool
	Direction string
	Family    string
	Resource  string
	Label     string
}

// cardRows pre-fills the cards form: the company's flows, then the typical
// flows of its activity it has not described, then blank lines. A company
// that has not chosen its cards yet finds up to five ticked on each side.
func cardRows(lang string, c model.Company, flows []model.Flow, cards map[int64]bool) (resources, needs []cardRow) {
	chosen := len(cards) > 0
	ticked := map[model.Direction]int{}
	known := map[string]bool{}
	add := func(row cardRow) {
		if row.Direction == string(model.Output) {
			resources = append(resources, row)
		} else {
			needs = append(needs, row)
		}
	}
	tick := func(dir model.Direction) bool {
		if ticked[dir] >= cardsPerSide {
			return false
		}
		ticked[dir]++
		return true
	}
	for _, f := range flows {
		if f.Visibility == model.VisibilityPrivate {
			continue // a card is shown to others; private flows stay private
		}
		use := cards[f.ID]
		if !chosen {
			use = tick(f.Direction)
		}
		add(cardRow{FlowID: f.ID, Source: "flow", Use: use, Direction: string(f.Direction), Family: f.Family,
			Resource: f.Resource, Label: f.Label})
		known[string(f.Direction)+"|"+f.Resource] = true
	}
	for _, tf := range nomenclature.Template(c.NAF) {
		if known[tf.Direction+"|"+tf.Resource] {
			continue
		}
		known[tf.Direction+"|"+tf.Resource] = true
		add(cardRow{Source: "template", Use: !chosen && tick(model.Direction(tf.Direction)), Direction: tf.Direction,
			Family: tf.Family, Resource: tf.Resource, Label: tf.Label(lang)})
	}
	for range 2 {
		add(cardRow{Source: "blank", Direction: string(model.Output), Family: model.FamilyMaterial})
		add(cardRow{Source: "blank", Direction: string(model.Input), Family: model.FamilyMaterial})
	}
	for i := range resources {
		resources[i].Index = i
	}
	for i := range needs {
		needs[i].Index = len(resources) + i
	}
	return resources, needs
}

// saveCards reads the cards form, creates the flows written from
// suggestions or blank lines, renames those whose label changed, and makes
// the ticked ones the company's cards. Every problem is returned and
// nothing is written while there is one.
func (u *UI) saveCards(r *http.Request, t model.Territory, ws model.Workshop, c model.Company) ([]string, error) {
	n, err := strconv.Atoi(r.PostFormValue("rows"))
	if err != nil || n < 0 || n > 500 {
		return nil, badRequest("error.400")
	}
	own, err := u.store.FlowsOfCompany(r.Context(), c.ID)
	if err != nil {
		return nil, err
	}
	byID := map[int64]model.Flow{}
	for _, f := range own {
		if f.Visibility != model.VisibilityPrivate {
			byID[f.ID] = f
		}
	}
	var problems []string
	var keep []int64
	var create, update []model.Flow
	for i := range n {
		field := func(name string) string { return strings.TrimSpace(r.PostFormValue(fmt.Sprintf("%s_%d", name, i))) }
		if field("use") == "" {
			continue
		}
		label := field("label")
		if id, err := strconv.ParseInt(field("flow"), 10, 64); err == nil && id > 0 {
			f, ok := byID[id]
			if !ok {
				return nil, badRequest("error.400")
			}
			keep = append(keep, f.ID)
			if label != "" && label != f.Label {
				values := flowValues(f)
				values["label"], values["resource"] = label, ""
				changed, ps := parseFlowForm(values, c)
				if ps := ps.Errors(); len(ps) > 0 {
					problems = append(problems, fmt.Sprintf("%s : %s", label, ps[0].Message))
					continue
				}
				changed.ID, changed.ExtID, changed.CompanyID, changed.CompanyExtID = f.ID, f.ExtID, f.CompanyID, f.CompanyExtID
				update = append(update, changed)
			}
			continue
		}
		if label == "" {
			continue // a ticked blank line
		}
		values := map[string]string{"direction": field("direction"), "family": field("family"), "label": label,
			"resource": field("resource"), "visibility": model.VisibilityPublic}
		f, ps := parseFlowForm(values, c)
		if ps := ps.Errors(); len(ps) > 0 {
			problems = append(problems, fmt.Sprintf("%s : %s", label, ps[0].Message))
			continue
		}
		f.ExtID, f.CompanyID = "", c.ID
		create = append(create, f)
	}
	if len(problems) > 0 {
		return problems, nil
	}
	created, err := u.store.SaveCards(r.Context(), ws.ID, c.ID, keep, update, create)
	if err != nil {
		return nil, err
	}
	changed := append(update, created...)
	u.apply(r, t.ID, nil, changed)
	return nil, nil
}
