package ui

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"symbiose/internal/model"
	"symbiose/internal/programme"
	"symbiose/internal/storage"
	"symbiose/internal/synergy"
)

// programmeForm is the programme as the form shows it: text as typed, one
// row per objective, phase, partner and year of means, plus blank rows to
// add more.
type programmeForm struct {
	Name, Context, Success, Difficulties string
	Objectives                           [][5]string // label, target, type, nature, by
	Phases                               [][3]string // name, from, to
	Partners                             [][2]string // name, role
	Means                                [][5]string // year, FTE, staff €, consultancy €, software €
	Problems                             []string
	Saved                                bool
	Types, Natures                       []string
}

const blankRows = 2

func formNumber(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func formOf(p programme.Programme) programmeForm {
	f := programmeForm{Name: p.Name, Context: p.Context, Success: strings.Join(p.SuccessFactors, "\n"),
		Difficulties: strings.Join(p.Difficulties, "\n")}
	for _, o := range p.Objectives {
		by := ""
		if o.By != 0 {
			by = strconv.Itoa(o.By)
		}
		f.Objectives = append(f.Objectives, [5]string{o.Label, strconv.Itoa(o.Target), o.Type, o.Nature, by})
	}
	for _, ph := range p.Phases {
		f.Phases = append(f.Phases, [3]string{ph.Name, ph.From, ph.To})
	}
	for _, pa := range p.Partners {
		f.Partners = append(f.Partners, [2]string{pa.Name, pa.Role})
	}
	for _, m := range p.Means {
		f.Means = append(f.Means, [5]string{strconv.Itoa(m.Year), formNumber(m.StaffFTE), formNumber(m.StaffEUR), formNumber(m.ConsultancyEUR), formNumber(m.SoftwareEUR)})
	}
	return f
}

func (f *programmeForm) addBlankRows() {
	for range blankRows {
		f.Objectives = append(f.Objectives, [5]string{})
		f.Phases = append(f.Phases, [3]string{})
		f.Partners = append(f.Partners, [2]string{})
		f.Means = append(f.Means, [5]string{})
	}
	f.Types, f.Natures = []string{model.Substitution, model.Mutualisation}, synergy.Natures
}

// formColumn returns the i-th value of a repeated form field.
func formColumn(r *http.Request, name string, i int) string {
	vals := r.PostForm[name]
	if i < len(vals) {
		return strings.TrimSpace(vals[i])
	}
	return ""
}

func formRows(r *http.Request, first string) int { return len(r.PostForm[first]) }

// parseProgrammeForm reads the form; blank rows are ignored, every number
// that does not read is a problem.
func parseProgrammeForm(r *http.Request) (programmeForm, programme.Programme) {
	f := programmeForm{Name: strings.TrimSpace(r.PostFormValue("name")), Context: strings.TrimSpace(r.PostFormValue("context")),
		Success: r.PostFormValue("success"), Difficulties: r.PostFormValue("difficulties")}
	p := programme.Programme{Name: f.Name, Context: f.Context, SuccessFactors: lines(f.Success), Difficulties: lines(f.Difficulties)}
	number := func(row int, what, v string) float64 {
		if v == "" {
			return 0
		}
		x, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), ",", "."), 64)
		if err != nil {
			f.Problems = append(f.Problems, fmt.Sprintf("%s, ligne %d : %q n'est pas un nombre", what, row+1, v))
		}
		return x
	}
	for i := range formRows(r, "obj_label") {
		row := [5]string{formColumn(r, "obj_label", i), formColumn(r, "obj_target", i), formColumn(r, "obj_type", i), formColumn(r, "obj_nature", i), formColumn(r, "obj_by", i)}
		if row == ([5]string{}) {
			continue
		}
		f.Objectives = append(f.Objectives, row)
		p.Objectives = append(p.Objectives, programme.Objective{Label: row[0], Target: int(number(i, "objectives", row[1])),
			Type: row[2], Nature: row[3], By: int(number(i, "objectives", row[4]))})
	}
	for i := range formRows(r, "phase_name") {
		row := [3]string{formColumn(r, "phase_name", i), formColumn(r, "phase_from", i), formColumn(r, "phase_to", i)}
		if row == ([3]string{}) {
			continue
		}
		f.Phases = append(f.Phases, row)
		p.Phases = append(p.Phases, programme.Phase{Name: row[0], From: row[1], To: row[2]})
	}
	for i := range formRows(r, "partner_name") {
		row := [2]string{formColumn(r, "partner_name", i), formColumn(r, "partner_role", i)}
		if row == ([2]string{}) {
			continue
		}
		f.Partners = append(f.Partners, row)
		p.Partners = append(p.Partners, programme.Partner{Name: row[0], Role: row[1]})
	}
	for i := range formRows(r, "means_year") {
		row := [5]string{formColumn(r, "means_year", i), formColumn(r, "means_fte", i), formColumn(r, "means_staff", i), formColumn(r, "means_consultancy", i), formColumn(r, "means_software", i)}
		if row == ([5]string{}) {
			continue
		}
		f.Means = append(f.Means, row)
		p.Means = append(p.Means, programme.Means{Year: int(number(i, "means", row[0])), StaffFTE: number(i, "means", row[1]),
			StaffEUR: number(i, "means", row[2]), ConsultancyEUR: number(i, "means", row[3]), SoftwareEUR: number(i, "means", row[4])})
	}
	return f, p
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// programmePage shows and edits a territory's programme: objectives,
// timeline, partners, means, success factors and difficulties.
func (u *UI) programmePage(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.managedTerritory(r)
	if err == nil && r.Method == http.MethodPost && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if r.Method == http.MethodPost {
		f, p := parseProgrammeForm(r)
		if len(f.Problems) == 0 {
			if err := p.Check(); err != nil {
				f.Problems = strings.Split(strings.TrimPrefix(err.Error(), "programme: "), "; ")
			}
		}
		if len(f.Problems) > 0 {
			f.addBlankRows()
			u.render(w, r, http.StatusBadRequest, "programme", u.page(r, "", f).withTerritory(t))
			return
		}
		if err := u.store.SetProgramme(r.Context(), t.ID, p); err != nil {
			u.fail(w, r, err)
			return
		}
		u.audit(r, user, t.ID, "update", "programme", "", p.Name)
		http.Redirect(w, r, r.URL.Path+"?saved=1", http.StatusSeeOther)
		return
	}
	p, err := u.store.Programme(r.Context(), t.ID)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		u.fail(w, r, err)
		return
	}
	f := formOf(p)
	f.Saved = r.URL.Query().Get("saved") != ""
	f.addBlankRows()
	u.render(w, r, http.StatusOK, "programme", u.page(r, "", f).withTerritory(t))
}
