package ui

import (
	"bytes"
	"fmt"
	"net/http"

	"symbiose/internal/http/response"
	"symbiose/internal/report"
	"symbiose/internal/report/load"
)

// programmeReport serves the territory's programme report, HTML to read in
// the browser or PDF to download. It names companies and their synergies,
// so only those who manage the territory get it.
func (u *UI) programmeReport(w http.ResponseWriter, r *http.Request) {
	t, _, err := u.managedTerritory(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "html"
	}
	if format != "html" && format != "pdf" {
		u.fail(w, r, &response.Error{Status: http.StatusBadRequest, Message: "error.400"})
		return
	}
	in, err := load.Input(r.Context(), u.store, t.ID, t.Name, lang(r))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	rep := report.Build(in)
	var buf bytes.Buffer
	if format == "pdf" {
		err = report.WritePDF(&buf, rep)
	} else {
		err = report.WriteHTML(&buf, rep)
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if format == "pdf" {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="rapport-%d.pdf"`, t.ID))
	} else {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	w.Write(buf.Bytes())
}
