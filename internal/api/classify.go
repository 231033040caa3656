package api

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// maxClassifyTop bounds how many taxonomy nodes classify answers.
const maxClassifyTop = 50

// classify answers the resource taxonomy nodes that best describe a flow
// label, best first, as `symbiose classify` prints them; any signed-in user.
func (a *API) classify(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	label, ewc, family, lang := strings.TrimSpace(q.Get("label")), q.Get("ewc"), q.Get("family"), q.Get("lang")
	top := 3
	var err error
	switch {
	case label == "":
		err = response.BadRequest("required: the flow's label", "label")
	case ewc != "" && !validWasteCode(ewc):
		err = response.BadRequest(strconv.Quote(ewc)+" is not a List of Waste code (15 01 03, 150103 or 15.01.03)", "ewc")
	case family != "" && !slices.Contains(model.Families, family):
		err = response.BadRequest("family must be one of "+strings.Join(model.Families, ", "), "family")
	case lang != "" && lang != "fr" && lang != "en":
		err = response.BadRequest("lang must be fr or en", "lang")
	}
	if s := q.Get("top"); err == nil && s != "" {
		if top, err = strconv.Atoi(s); err != nil || top < 1 || top > maxClassifyTop {
			err = response.BadRequest("top must be a whole number from 1 to "+strconv.Itoa(maxClassifyTop), "top")
		}
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if lang == "" {
		lang = "fr"
	}
	matches := nomenclature.DefaultClassifier().ClassifyFlow(label, ewc, family, top)
	if matches == nil {
		matches = []nomenclature.Match{}
	}
	for i := range matches {
		res, _ := nomenclature.LookupResource(matches[i].Resource)
		matches[i].Label = res.Label(lang)
	}
	response.JSON(w, http.StatusOK, matches)
}

func validWasteCode(s string) bool {
	code, _, err := nomenclature.ParseWasteCode(s)
	if err != nil {
		return false
	}
	_, ok := nomenclature.LookupWaste(code)
	return ok
}
