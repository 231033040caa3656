package report

import (
	"math"
	"strconv"

	"github.com/go-pdf/fpdf"
)

// Page geometry, in millimetres (A4 portrait).
const (
	pageW        = 210.0
	pageH        = 297.0
	marginX      = 18.0
	marginTop    = 18.0
	marginBottom = 20.0
	contentW     = pageW - 2*marginX
	cellMargin   = 1.2
)

type pdfColor struct{ r, g, b int }

// A sober palette: near-black ink, a muted teal for what is realised, a
// slate blue and a grey for the rest.
var (
	inkColor    = pdfColor{33, 37, 41}
	mutedColor  = pdfColor{98, 106, 114}
	accentColor = pdfColor{38, 106, 98}
	slateColor  = pdfColor{92, 118, 148}
	greyColor   = pdfColor{178, 188, 198}
	headFill    = pdfColor{230, 235, 238}
	zebraFill   = pdfColor{246, 248, 249}
	ruleColor   = pdfColor{200, 206, 212}
)

// ellipsisCP1252 is "…" in cp1252.
const ellipsisCP1252 = "\x85"

// pdfDoc is a report being drawn: the PDF, its language and its cp1252
// translator.
type pdfDoc struct {
	pdf  *fpdf.Fpdf
	lang string
	tr   func(string) string
}

func (d *pdfDoc) w(key string) string { return word(d.lang, key) }

// enc makes any UTF-8 text ready for the core fonts. Every string given to
// fpdf goes through it exactly once.
func (d *pdfDoc) enc(s string, multiline bool) string { return d.tr(cleanText(s, multiline)) }

func (d *pdfDoc) font(style string, size float64) { d.pdf.SetFont("Helvetica", style, size) }

func (d *pdfDoc) ink(c pdfColor)  { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *pdfDoc) fill(c pdfColor) { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *pdfDoc) draw(c pdfColor) { d.pdf.SetDrawColor(c.r, c.g, c.b) }

func (d *pdfDoc) bottom() float64 { return pageH - marginBottom }

// ensure starts a new page unless h millimetres are left on this one.
func (d *pdfDoc) ensure(h float64) {
	if d.pdf.GetY()+h > d.bottom() && d.pdf.GetY() > marginTop+0.1 {
		d.pdf.AddPage()
	}
}

// fit cuts an encoded single line to a width, ending it with an ellipsis
// when cut.
func (d *pdfDoc) fit(s string, w float64) string {
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	room := w - d.pdf.GetStringWidth(ellipsisCP1252)
	acc := 0.0
	for i := 0; i < len(s); i++ {
		acc += d.pdf.GetStringWidth(s[i : i+1])
		if acc > room {
			return s[:i] + ellipsisCP1252
		}
	}
	return s + ellipsisCP1252
}

// wrap splits an encoded text into the lines of a cell of width w, at most
// maxLines lines, the last one ending with an ellipsis when text is left out.
func (d *pdfDoc) wrap(s string, w float64, maxLines int) []string {
	raw := d.pdf.SplitLines([]byte(s), w)
	lines := make([]string, 0, len(raw))
	for _, l := range raw {
		lines = append(lines, string(l))
	}
	if len(lines) == 0 {
		return []string{""}
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = d.fit(lines[maxLines-1]+ellipsisCP1252, w-2*cellMargin)
	}
	return lines
}

// shrink sets the current font small enough (not below 5 pt) for an
// encoded line to fit a width, and cuts it if it still does not.
func (d *pdfDoc) shrink(s, style string, size, w float64) string {
	if tw := d.pdf.GetStringWidth(s); tw > w && tw > 0 {
		d.font(style, max(size*w/tw, 5))
	}
	return d.fit(s, w)
}

// text writes a single encoded line at a position.
func (d *pdfDoc) text(x, y, w, h float64, s, align string) {
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, h, d.fit(s, w-2*cellMargin), "", 0, align, false, 0, "")
}

// heading starts a section, never alone at the foot of a page.
func (d *pdfDoc) heading(key string) {
	if d.pdf.GetY() > marginTop+0.1 {
		d.pdf.Ln(5)
	}
	d.ensure(24)
	d.font("B", 13)
	d.ink(accentColor)
	y := d.pdf.GetY()
	d.pdf.SetX(marginX)
	d.pdf.CellFormat(contentW, 7, d.fit(d.enc(d.w(key), false), contentW-2*cellMargin), "", 1, "L", false, 0, "")
	d.draw(accentColor)
	d.pdf.SetLineWidth(0.4)
	d.pdf.Line(marginX, y+7.5, marginX+contentW, y+7.5)
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetY(y + 10)
	d.ink(inkColor)
}

// subheading titles a part of a section at a given place and width.
func (d *pdfDoc) subheading(x, w float64, s string) {
	d.font("B", 10)
	d.ink(inkColor)
	d.text(x, d.pdf.GetY(), w, 6, d.enc(s, false), "L")
	d.pdf.SetY(d.pdf.GetY() + 7)
}

// paragraph writes wrapped text over the content width.
func (d *pdfDoc) paragraph(s, style string, size float64, c pdfColor) {
	d.font(style, size)
	d.ink(c)
	d.pdf.SetX(marginX)
	d.pdf.MultiCell(contentW, size*0.45, d.enc(s, true), "", "L", false)
	d.ink(inkColor)
}

// none says a section has nothing to show.
func (d *pdfDoc) none() {
	d.paragraph(d.w("none"), "I", 9.5, mutedColor)
}

// bullets writes a list, one wrapped item after the other.
func (d *pdfDoc) bullets(items []string) {
	d.font("", 9.5)
	d.ink(inkColor)
	const lh = 4.6
	for _, it := range items {
		d.ensure(lh)
		d.pdf.SetX(marginX)
		d.pdf.CellFormat(5, lh, d.tr("•"), "", 0, "C", false, 0, "")
		d.pdf.MultiCell(contentW-5, lh, d.enc(it, true), "", "L", false)
		d.pdf.Ln(1)
	}
}

// pdfColumn is a column of a table. Figures (num) are right-aligned on a
// single line, in a smaller font when too wide, never split. draw, when
// set, paints a body cell instead of writing its text.
type pdfColumn struct {
	head string
	w    float64
	num  bool
	draw func(row int, x, y, w, h float64)
}

// table draws rows under a header row that is repeated on every page the
// table runs over. Cells wrap over at most six lines. With total set, the
// last row is the total: bold, under a rule.
func (d *pdfDoc) table(cols []pdfColumn, rows [][]string, total bool) {
	const (
		size     = 8.5
		lh       = 3.8
		pad      = 1.3
		maxLines = 6
	)
	sum := 0.0
	for _, c := range cols {
		sum += c.w
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.w * contentW / sum
	}
	layout := func(cells []string, style string, header bool) ([][]string, float64) {
		d.font(style, size)
		out := make([][]string, len(cols))
		n := 1
		for i, c := range cols {
			s := ""
			if i < len(cells) {
				s = d.enc(cells[i], false)
			}
			if c.num && !header {
				out[i] = []string{s}
				continue
			}
			out[i] = d.wrap(s, widths[i], maxLines)
			n = max(n, len(out[i]))
		}
		return out, float64(n)*lh + 2*pad
	}
	put := func(lines [][]string, y, h float64, style string, header bool, skip func(int) bool) {
		x := marginX
		for i, c := range cols {
			if skip == nil || !skip(i) {
				align := "L"
				if c.num {
					align = "R"
				}
				for j, l := range lines[i] {
					d.font(style, size)
					if c.num && !header {
						l = d.shrink(l, style, size, widths[i]-2*cellMargin)
					}
					d.pdf.SetXY(x, y+pad+float64(j)*lh)
					d.pdf.CellFormat(widths[i], lh, l, "", 0, align, false, 0, "")
				}
			}
			x += widths[i]
		}
		d.font(style, size)
	}
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	headLines, headH := layout(heads, "B", true)
	header := func() {
		y := d.pdf.GetY()
		d.fill(headFill)
		d.pdf.Rect(marginX, y, contentW, headH, "F")
		d.ink(inkColor)
		put(headLines, y, headH, "B", true, nil)
		d.pdf.SetY(y + headH)
	}

	for r, row := range rows {
		isTotal := total && r == len(rows)-1
		style := ""
		if isTotal {
			style = "B"
		}
		lines, h := layout(row, style, false)
		if r == 0 {
			d.ensure(headH + h)
			header()
		} else if d.pdf.GetY()+h > d.bottom() {
			d.pdf.AddPage()
			header()
		}
		y := d.pdf.GetY()
		if !isTotal && r%2 == 1 {
			d.fill(zebraFill)
			d.pdf.Rect(marginX, y, contentW, h, "F")
		}
		d.ink(inkColor)
		skip := func(i int) bool { return !isTotal && cols[i].draw != nil }
		put(lines, y, h, style, false, skip)
		if !isTotal {
			x := marginX
			for i, c := range cols {
				if c.draw != nil {
					c.draw(r, x, y, widths[i], h)
				}
				x += widths[i]
			}
		}
		if isTotal {
			d.draw(inkColor)
			d.pdf.SetLineWidth(0.3)
			d.pdf.Line(marginX, y, marginX+contentW, y)
			d.pdf.SetLineWidth(0.2)
		}
		d.draw(ruleColor)
		d.pdf.Line(marginX, y+h, marginX+contentW, y+h)
		d.pdf.SetY(y + h)
	}
}

// pdfBar is one bar of a horizontal bar chart.
type pdfBar struct {
	label string
	value int
	color pdfColor
}

const (
	barRow    = 6.0
	barHeight = 4.2
)

// hbars draws a horizontal bar chart at x over a width w, labels on the
// left, values at the end of the bars. When paged, rows run over pages;
// otherwise the caller has made room for them.
func (d *pdfDoc) hbars(bars []pdfBar, x, w float64, paged bool) {
	const size = 8.5
	d.font("", size)
	labels := make([]string, len(bars))
	values := make([]string, len(bars))
	labelW, valueW := 0.0, 0.0
	top := 0
	for i, b := range bars {
		labels[i] = d.enc(b.label, false)
		values[i] = d.enc(formatInt(d.lang, b.value), false)
		labelW = max(labelW, d.pdf.GetStringWidth(labels[i]))
		valueW = max(valueW, d.pdf.GetStringWidth(values[i]))
		top = max(top, b.value)
	}
	labelW = min(labelW+2*cellMargin+1, w*0.42)
	valueW = min(valueW+2*cellMargin+1, w*0.3)
	area := w - labelW - valueW
	for i, b := range bars {
		if paged {
			d.ensure(barRow)
		}
		y := d.pdf.GetY()
		d.ink(inkColor)
		d.text(x, y, labelW, barRow, labels[i], "L")
		bw := 0.0
		if top > 0 && b.value > 0 {
			bw = max(area*float64(b.value)/float64(top), 0.6)
		}
		if bw > 0 {
			d.fill(b.color)
			d.pdf.Rect(x+labelW, y+(barRow-barHeight)/2, bw, barHeight, "F")
		}
		d.draw(mutedColor)
		d.pdf.Line(x+labelW, y, x+labelW, y+barRow)
		d.text(x+labelW+bw, y, valueW, barRow, values[i], "L")
		d.pdf.SetY(y + barRow)
	}
	d.pdf.Ln(2)
}

// barsHeight is the height hbars takes for n bars under a subheading.
func barsHeight(n int) float64 { return 7 + float64(n)*barRow + 2 }

// legend draws colour keys right-aligned at y.
func (d *pdfDoc) legend(y float64, keys []string, colors []pdfColor) {
	d.font("", 8)
	widths := 0.0
	enc := make([]string, len(keys))
	for i, k := range keys {
		enc[i] = d.enc(k, false)
		widths += 3 + 1.5 + d.pdf.GetStringWidth(enc[i]) + 5
	}
	x := marginX + contentW - widths
	for i := range keys {
		d.fill(colors[i])
		d.pdf.Rect(x, y+0.8, 3, 3, "F")
		x += 4.5
		tw := d.pdf.GetStringWidth(enc[i])
		d.pdf.SetXY(x-cellMargin, y)
		d.ink(inkColor)
		d.pdf.CellFormat(tw+2*cellMargin, 4.6, enc[i], "", 0, "L", false, 0, "")
		x += tw + 5
	}
}

// yearChart draws realised and other synergies side by side for each
// start year, twelve years per chart, on a scale shared by all.
func (d *pdfDoc) yearChart(years []YearCount) {
	const (
		perChart = 12
		plotH    = 40.0
		maxBarW  = 9.0
	)
	top := 1
	for _, y := range years {
		top = max(top, y.Realised, y.Other)
	}
	for start := 0; start < len(years); start += perChart {
		chunk := years[start:min(start+perChart, len(years))]
		d.ensure(6 + plotH + 8)
		y0 := d.pdf.GetY()
		d.legend(y0, []string{d.w("realised"), d.w("other")}, []pdfColor{accentColor, greyColor})
		plotTop := y0 + 6
		base := plotTop + plotH
		slot := contentW / float64(max(len(chunk), 4))
		barW := min(slot*0.32, maxBarW)
		gap := 0.8
		offset := (contentW - slot*float64(len(chunk))) / 2
		for i, yc := range chunk {
			sx := marginX + offset + float64(i)*slot
			gx := sx + (slot-(2*barW+gap))/2
			for j, v := range []int{yc.Realised, yc.Other} {
				c := accentColor
				if j == 1 {
					c = greyColor
				}
				bx := gx + float64(j)*(barW+gap)
				h := 0.0
				if v > 0 {
					h = max((plotH-6)*float64(v)/float64(top), 0.4)
					d.fill(c)
					d.pdf.Rect(bx, base-h, barW, h, "F")
				}
				d.ink(inkColor)
				d.font("", 7.5)
				label := d.shrink(d.enc(formatInt(d.lang, v), false), "", 7.5, barW+gap-0.4)
				lw := d.pdf.GetStringWidth(label) + 2*cellMargin
				d.text(bx+barW/2-lw/2, base-h-4.2, lw, 4, label, "C")
			}
			yl := d.w("undated")
			if yc.Year != 0 {
				yl = strconv.Itoa(yc.Year)
			}
			d.font("", 8)
			d.text(sx, base+1, slot, 4.5, d.enc(yl, false), "C")
		}
		d.draw(mutedColor)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Line(marginX, base, marginX+contentW, base)
		d.pdf.SetLineWidth(0.2)
		d.pdf.SetY(base + 8)
	}
}

// pdfFigure is a key number of the context.
type pdfFigure struct {
	value string
	label string
}

// figures draws key numbers in boxes, three to a row.
func (d *pdfDoc) figures(figs []pdfFigure) {
	const (
		perRow = 3
		gap    = 4.0
		boxH   = 19.0
	)
	boxW := (contentW - gap*(perRow-1)) / perRow
	for start := 0; start < len(figs); start += perRow {
		d.ensure(boxH + 3)
		y := d.pdf.GetY()
		for i, f := range figs[start:min(start+perRow, len(figs))] {
			x := marginX + float64(i)*(boxW+gap)
			d.fill(zebraFill)
			d.draw(ruleColor)
			d.pdf.Rect(x, y, boxW, boxH, "FD")
			d.fill(accentColor)
			d.pdf.Rect(x, y, 1.2, boxH, "F")
			d.font("B", 15)
			d.ink(accentColor)
			d.text(x+2, y+1.5, boxW-3, 8, d.enc(f.value, false), "L")
			d.font("", 8)
			d.ink(mutedColor)
			for j, l := range d.wrap(d.enc(f.label, false), boxW-3, 2) {
				d.text(x+2, y+10+float64(j)*3.6, boxW-3, 3.6, l, "L")
			}
		}
		d.ink(inkColor)
		d.pdf.SetY(y + boxH + 3)
	}
}

// progress paints an objective's progress: a small gauge and a percentage.
func (d *pdfDoc) progress(ratio float64, x, y, w, h float64) {
	if math.IsNaN(ratio) || math.IsInf(ratio, 0) {
		return
	}
	gw := min(w*0.5, 16)
	gy := y + h/2 - 1.4
	d.fill(headFill)
	d.pdf.Rect(x+cellMargin, gy, gw, 2.8, "F")
	if f := min(max(ratio, 0), 1); f > 0 {
		d.fill(accentColor)
		d.pdf.Rect(x+cellMargin, gy, gw*f, 2.8, "F")
	}
	d.font("", 8.5)
	d.ink(inkColor)
	d.text(x+cellMargin+gw, y, w-gw-cellMargin, h, d.enc(formatPercent(d.lang, ratio), false), "R")
}
