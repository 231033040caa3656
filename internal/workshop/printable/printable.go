// Package printable draws the printed material of a bourse inter-entreprises
// as one A4 PDF in French: the table plan of every round, the badges of the
// companies (8 a page, to cut) and, for every table of every round, a sheet
// of what its companies offer and look for.
//
// Text is drawn with the PDF core fonts (cp1252): characters they lack are
// replaced by plain equivalents (→ becomes ->, 日 becomes ?). Nothing is
// fetched outside the process.
package printable

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"symbiose/internal/pdftext"
)

// Company is a company taking part: its name, and the labels of its outputs
// (Offers, "Sciure de bois · 120 t/an") and inputs (Needs).
type Company struct {
	ID, Name      string
	Offers, Needs []string
}

// Event is the bourse itself; Date is an ISO date (2026-11-27), printed
// the French way (27/11/2026).
type Event struct{ Title, Date, Place string }

// DefaultTitle is the title of an event that has none.
const DefaultTitle = "Bourse inter-entreprises"

// maxItems is the number of offers or needs listed per company on a table
// sheet; the rest are counted.
const maxItems = 8

// Page geometry, in millimetres (A4 portrait).
const (
	pageW   = 210.0
	pageH   = 297.0
	margin  = 15.0
	contW   = pageW - 2*margin
	bottom  = pageH - margin
	badgeW  = pageW / 2
	badgeH  = pageH / 4
	maxRune = 300 // longer texts are cut before drawing
)

type color struct{ r, g, b int }

var (
	inkColor    = color{33, 37, 41}
	mutedColor  = color{98, 106, 114}
	accentColor = color{38, 106, 98}
	headFill    = color{230, 235, 238}
	ruleColor   = color{200, 206, 212}
)

// ellipsis is "…" in cp1252.
const ellipsis = "\x85"

type doc struct {
	pdf       *fpdf.Fpdf
	tr        func(string) string
	ev        Event
	title     string // encoded
	eventLine string // encoded: title · date · place
}

// WritePDF writes the printables of an event: rounds[r][t] lists the
// indexes in companies of the companies at table t in round r; indexes out
// of range are skipped.
func WritePDF(w io.Writer, ev Event, companies []Company, rounds [][][]int) error {
	_, err := Write(w, ev, companies, rounds)
	return err
}

// Write is WritePDF, also returning the number of pages written.
func Write(w io.Writer, ev Event, companies []Company, rounds [][][]int) (pages int, err error) {
	defer func() {
		if p := recover(); p != nil {
			pages, err = 0, fmt.Errorf("printable: drawing the PDF: %v", p)
		}
	}()
	pdf := fpdf.New("P", "mm", "A4", "")
	d := &doc{pdf: pdf, tr: pdf.UnicodeTranslatorFromDescriptor(""), ev: ev}
	title := strings.TrimSpace(ev.Title)
	if title == "" {
		title = DefaultTitle
	}
	d.title = d.enc(title)
	parts := []string{title}
	if date := frenchDate(ev.Date); date != "" {
		parts = append(parts, date)
	}
	if p := strings.TrimSpace(ev.Place); p != "" {
		parts = append(parts, p)
	}
	d.eventLine = d.enc(strings.Join(parts, " · "))

	pdf.SetTitle(pdftext.Clean(title, false), true)
	pdf.SetCreator("Symbiose", true)
	pdf.SetLang("fr-FR")
	pdf.SetCatalogSort(true)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, 0) // every page is laid out by hand
	pdf.SetCellMargin(1)

	tables := validRounds(rounds, len(companies))
	d.plan(companies, tables)
	d.badges(companies, tables)
	d.sheets(companies, tables)

	if err := pdf.Error(); err != nil {
		return 0, fmt.Errorf("printable: drawing the PDF: %w", err)
	}
	pages = pdf.PageNo()
	if err := pdf.Output(w); err != nil {
		return 0, fmt.Errorf("printable: writing the PDF: %w", err)
	}
	return pages, nil
}

// validRounds keeps the indexes in range, each company once per round.
func validRounds(rounds [][][]int, n int) [][][]int {
	out := make([][][]int, len(rounds))
	for r, round := range rounds {
		seen := map[int]bool{}
		out[r] = make([][]int, len(round))
		for t, table := range round {
			for _, c := range table {
				if c >= 0 && c < n && !seen[c] {
					seen[c] = true
					out[r][t] = append(out[r][t], c)
				}
			}
		}
	}
	return out
}

// --- Part 1: the table plan --------------------------------------------

func (d *doc) plan(companies []Company, rounds [][][]int) {
	if len(rounds) == 0 {
		d.pageHeader("Plan de table", "Plan de table")
		d.font("", 11)
		d.ink(mutedColor)
		d.text(margin, d.pdf.GetY(), contW, 7, d.enc("Aucun tour planifié."), "L")
		return
	}
	const cols, gap, headH, lineH = 3, 5.0, 8.0, 4.3
	colW := (contW - (cols-1)*gap) / cols
	for r, round := range rounds {
		heading := "Tour " + strconv.Itoa(r+1)
		d.pageHeader("Plan de table", heading)
		y := d.pdf.GetY()
		for start := 0; start < len(round); start += cols {
			row := round[start:min(start+cols, len(round))]
			boxes := make([][][]string, len(row)) // boxes[i][k]: lines of the k-th name
			rowH := 0.0
			d.font("", 9)
			for i, table := range row {
				n := 0
				for _, c := range table {
					lines := d.wrap(d.enc(companies[c].Name), colW-2, 2)
					boxes[i] = append(boxes[i], lines)
					n += len(lines)
				}
				rowH = max(rowH, headH+float64(max(n, 1))*lineH+float64(len(table))*1.2+2)
			}
			if y+rowH > bottom && y > margin+30 {
				d.pageHeader("Plan de table", heading+" (suite)")
				y = d.pdf.GetY()
			}
			for i := range row {
				x := margin + float64(i)*(colW+gap)
				d.tableBox(x, y, colW, rowH, start+i+1, boxes[i], headH, lineH)
			}
			y += rowH + gap
		}
	}
}

func (d *doc) tableBox(x, y, w, h float64, number int, names [][]string, headH, lineH float64) {
	pdf := d.pdf
	d.drawColor(ruleColor)
	d.fill(headFill)
	pdf.SetLineWidth(0.3)
	pdf.Rect(x, y, w, h, "D")
	pdf.Rect(x, y, w, headH, "FD")
	d.font("B", 11)
	d.ink(accentColor)
	d.text(x+1, y, w-2, headH, d.enc("Table "+strconv.Itoa(number)), "L")
	d.font("", 9)
	d.ink(inkColor)
	if len(names) == 0 {
		d.ink(mutedColor)
		d.text(x+1, y+headH+1, w-2, lineH, d.enc("(aucune entreprise)"), "L")
		return
	}
	ly := y + headH + 1
	for _, lines := range names {
		for k, l := range lines {
			if k > 0 {
				l = "   " + l
			}
			d.text(x+1, ly, w-2, lineH, l, "L")
			ly += lineH
		}
		ly += 1.2
	}
}

// --- Part 2: badges -----------------------------------------------------

func (d *doc) badges(companies []Company, rounds [][][]int) {
	if len(companies) == 0 {
		return
	}
	seats := make([][]int, len(companies)) // seats[c][r]: table number, 0 when not seated
	for c := range seats {
		seats[c] = make([]int, len(rounds))
	}
	for r, round := range rounds {
		for t, table := range round {
			for _, c := range table {
				seats[c][r] = t + 1
			}
		}
	}
	pdf := d.pdf
	for i, c := range companies {
		slot := i % 8
		if slot == 0 {
			pdf.AddPage()
			d.cutLines()
		}
		x := float64(slot%2) * badgeW
		y := float64(slot/2) * badgeH
		d.badge(x, y, c, seats[i])
	}
}

func (d *doc) cutLines() {
	pdf := d.pdf
	d.drawColor(color{150, 150, 150})
	pdf.SetLineWidth(0.2)
	pdf.SetDashPattern([]float64{2, 1.5}, 0)
	pdf.Line(badgeW, 0, badgeW, pageH)
	for k := 1; k < 4; k++ {
		pdf.Line(0, float64(k)*badgeH, pageW, float64(k)*badgeH)
	}
	pdf.SetDashPattern(nil, 0)
}

func (d *doc) badge(x, y float64, c Company, seats []int) {
	const pad = 8.0
	w := badgeW - 2*pad
	pdf := d.pdf
	// a thin accent band at the top
	d.fill(accentColor)
	pdf.Rect(x+pad, y+pad, w, 1.2, "F")

	// the event
	d.font("", 9)
	d.ink(mutedColor)
	d.text(x+pad, y+pad+2.5, w, 5, d.eventLine, "C")

	// the name, as large as two lines allow
	name := d.enc(c.Name)
	if strings.TrimSpace(name) == "" {
		name = d.enc("(sans nom)")
	}
	size := 22.0
	var lines []string
	for ; size >= 12; size -= 2 {
		d.font("B", size)
		lines = d.wrap(name, w, 0)
		if len(lines) <= 2 {
			break
		}
	}
	if size < 12 {
		size = 12
	}
	d.font("B", size)
	lines = d.wrap(name, w, 2)
	lineH := size * 0.45
	top := y + pad + 10 + (22*0.45*2-float64(len(lines))*lineH)/2
	d.ink(inkColor)
	for i, l := range lines {
		d.text(x+pad, top+float64(i)*lineH, w, lineH, l, "C")
	}

	// the seats, round by round
	var segs []string
	for r, t := range seats {
		s := "Tour " + strconv.Itoa(r+1) + " : "
		if t == 0 {
			s += "absent"
		} else {
			s += "table " + strconv.Itoa(t)
		}
		segs = append(segs, d.enc(s))
	}
	if len(segs) == 0 {
		return
	}
	d.font("", 9.5)
	d.ink(accentColor)
	seatLines := d.joinLines(segs, d.enc(" · "), w, 3)
	seatY := y + badgeH - pad - float64(len(seatLines))*4.5
	d.drawColor(ruleColor)
	pdf.SetLineWidth(0.2)
	pdf.Line(x+pad+10, seatY-1.5, x+pad+w-10, seatY-1.5)
	for i, l := range seatLines {
		d.text(x+pad, seatY+float64(i)*4.5, w, 4.5, l, "C")
	}
}

// joinLines lays encoded segments out on lines of width w, joined by sep,
// never splitting a segment; beyond maxLines the last line ends with an
// ellipsis.
func (d *doc) joinLines(segs []string, sep string, w float64, maxLines int) []string {
	var lines []string
	cur := ""
	for _, s := range segs {
		switch {
		case cur == "":
			cur = s
		case d.pdf.GetStringWidth(cur+sep+s) <= w-2:
			cur += sep + s
		default:
			lines = append(lines, cur)
			cur = s
		}
	}
	lines = append(lines, cur)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = d.fit(lines[maxLines-1]+" "+ellipsis, w-2)
	}
	return lines
}

// --- Part 3: table sheets ----------------------------------------------

func (d *doc) sheets(companies []Company, rounds [][][]int) {
	for r, round := range rounds {
		for t, table := range round {
			if len(table) == 0 {
				continue
			}
			heading := "Tour " + strconv.Itoa(r+1) + " · Table " + strconv.Itoa(t+1)
			d.pageHeader("Fiches par table", heading)
			for _, c := range table {
				d.sheetCompany(companies[c], heading)
			}
		}
	}
}

// ensure starts a continuation page unless h millimetres are left.
func (d *doc) ensure(h float64, heading string) {
	if d.pdf.GetY()+h > bottom {
		d.pageHeader("Fiches par table", heading+" (suite)")
	}
}

func (d *doc) sheetCompany(c Company, heading string) {
	pdf := d.pdf
	d.ensure(35, heading)
	y := pdf.GetY() + 2
	d.drawColor(ruleColor)
	pdf.SetLineWidth(0.3)
	pdf.Line(margin, y, margin+contW, y)
	pdf.SetY(y + 2)
	d.font("B", 13)
	d.ink(inkColor)
	name := d.enc(c.Name)
	if strings.TrimSpace(name) == "" {
		name = d.enc("(sans nom)")
	}
	for _, l := range d.wrap(name, contW, 2) {
		d.line(margin, contW, 6, l, heading)
	}
	pdf.SetY(pdf.GetY() + 1)
	d.items("Ce que nous proposons", c.Offers, heading)
	d.items("Ce que nous recherchons", c.Needs, heading)
	pdf.SetY(pdf.GetY() + 3)
}

func (d *doc) items(label string, items []string, heading string) {
	var kept []string
	for _, it := range items {
		if strings.TrimSpace(it) != "" {
			kept = append(kept, it)
		}
	}
	d.ensure(12, heading)
	d.font("B", 10)
	d.ink(accentColor)
	d.line(margin+3, contW-3, 5.5, d.enc(label), heading)
	d.font("", 10)
	if len(kept) == 0 {
		d.ink(mutedColor)
		d.line(margin+8, contW-8, 5, d.enc("(rien de renseigné)"), heading)
		return
	}
	d.ink(inkColor)
	for i, it := range kept {
		if i == maxItems {
			rest := len(kept) - maxItems
			s := "… et " + strconv.Itoa(rest) + " autre"
			if rest > 1 {
				s += "s"
			}
			d.ink(mutedColor)
			d.line(margin+8, contW-8, 5, d.enc(s), heading)
			return
		}
		for j, l := range d.wrap(d.enc(it), contW-12, 3) {
			if j == 0 {
				d.ensure(5, heading)
				d.text(margin+5, d.pdf.GetY(), 4, 5, d.enc("•"), "L")
			}
			d.line(margin+8, contW-8, 5, l, heading)
		}
	}
}

// line writes one encoded line at the current height and moves down.
func (d *doc) line(x, w, h float64, s, heading string) {
	d.ensure(h, heading)
	y := d.pdf.GetY()
	d.text(x, y, w, h, s, "L")
	d.pdf.SetY(y + h)
}

// --- Shared drawing ------------------------------------------------------

// pageHeader starts a page of a part: the part and the event in small
// type, then the heading in large type. The current height is left below.
func (d *doc) pageHeader(part, heading string) {
	pdf := d.pdf
	// the colours and fonts of the page being left do not carry over
	pdf.AddPage()
	d.font("", 8.5)
	d.ink(mutedColor)
	d.text(margin, margin-6, contW/2, 5, d.enc(strings.ToUpper(part)), "L")
	d.text(margin+contW/2, margin-6, contW/2, 5, d.eventLine, "R")
	d.drawColor(ruleColor)
	pdf.SetLineWidth(0.3)
	pdf.Line(margin, margin, margin+contW, margin)
	d.font("B", 20)
	d.ink(inkColor)
	d.text(margin, margin+3, contW, 10, d.enc(heading), "L")
	pdf.SetY(margin + 17)
}

func (d *doc) font(style string, size float64) { d.pdf.SetFont("Helvetica", style, size) }
func (d *doc) ink(c color)                     { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *doc) fill(c color)                    { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) drawColor(c color)               { d.pdf.SetDrawColor(c.r, c.g, c.b) }

// enc makes any UTF-8 text ready for the core fonts, cut to maxRune
// characters. Every string given to fpdf goes through it exactly once.
func (d *doc) enc(s string) string {
	s = pdftext.Clean(s, false)
	if n := 0; len(s) > maxRune {
		for i := range s {
			if n == maxRune {
				s = s[:i] + "…"
				break
			}
			n++
		}
	}
	return d.tr(s)
}

// text writes one encoded line in a cell, cut to its width.
func (d *doc) text(x, y, w, h float64, s, align string) {
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, h, d.fit(s, w-2), "", 0, align, false, 0, "")
}

// fit cuts an encoded line to a width, ending it with an ellipsis when cut.
func (d *doc) fit(s string, w float64) string {
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	room := w - d.pdf.GetStringWidth(ellipsis)
	acc := 0.0
	for i := 0; i < len(s); i++ {
		acc += d.pdf.GetStringWidth(s[i : i+1])
		if acc > room {
			return s[:i] + ellipsis
		}
	}
	return s + ellipsis
}

// wrap splits an encoded text into lines of width w; with maxLines > 0, at
// most that many, the last one ending with an ellipsis when text is left.
func (d *doc) wrap(s string, w float64, maxLines int) []string {
	var lines []string
	for _, l := range d.pdf.SplitLines([]byte(s), w-2) {
		lines = append(lines, string(l))
	}
	if len(lines) == 0 {
		return []string{""}
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = d.fit(lines[maxLines-1]+ellipsis, w-2)
	}
	return lines
}

// frenchDate writes an ISO date as 27/11/2026; anything else is kept.
func frenchDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("02/01/2006")
		}
	}
	return s
}
