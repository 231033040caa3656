package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
)

// WritePDF renders a report as an A4 PDF: a title block, then context,
// objectives, results (with charts), the territory's flows and synergy
// network (pictures), impact, realised synergies, timeline, partners,
// means and costs, success factors and difficulties. Every
// section keeps its heading; one without data says so. Text is drawn with
// the PDF core fonts (cp1252): characters they lack are replaced by plain
// equivalents. Nothing is fetched or run outside the process.
func WritePDF(w io.Writer, r Report) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("report: drawing the PDF: %v", p)
		}
	}()
	pdf := fpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{pdf: pdf, lang: pdfLang(r.Lang), tr: pdf.UnicodeTranslatorFromDescriptor("")}

	title := d.w("title")
	if t := strings.TrimSpace(r.Territory); t != "" {
		title += " – " + t
	}
	pdf.SetTitle(title, true)
	pdf.SetCreator("Symbiose", true)
	if d.lang == "en" {
		pdf.SetLang("en")
	} else {
		pdf.SetLang("fr-FR")
	}
	if !r.GeneratedOn.IsZero() {
		pdf.SetCreationDate(r.GeneratedOn)
	}
	pdf.SetCatalogSort(true)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(true, marginBottom)
	pdf.SetCellMargin(cellMargin)
	pdf.AliasNbPages("{nb}")
	footer := d.enc(r.Territory, false)
	pdf.SetFooterFunc(func() {
		y := pageH - 13
		d.draw(ruleColor)
		pdf.Line(marginX, y, marginX+contentW, y)
		d.font("", 7.5)
		d.ink(mutedColor)
		d.text(marginX, y+1, contentW-30, 5, footer, "L")
		d.text(marginX+contentW-30, y+1, 30, 5, d.tr("Page "+strconv.Itoa(pdf.PageNo())+"/{nb}"), "R")
	})
	pdf.AddPage()

	d.titleBlock(r)
	d.context(r.Context)
	d.objectives(r.Objectives)
	d.results(r.Results)
	d.pictures(r.Sankey, r.Network)
	d.impact(r.Results)
	d.realised(r.Results.Realised)
	d.timeline(r.Timeline)
	d.partners(r.Partners)
	d.means(r.Means, r.CostPerRealised)
	d.list("success", r.SuccessFactors)
	d.list("difficulties", r.Difficulties)

	if err := pdf.Error(); err != nil {
		return fmt.Errorf("report: drawing the PDF: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("report: writing the PDF: %w", err)
	}
	return nil
}

// pdfLang is the report's language: English when asked, French otherwise.
func pdfLang(lang string) string {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(lang)), "en") {
		return "en"
	}
	return "fr"
}

func (d *pdfDoc) titleBlock(r Report) {
	lines := func(s, style string, size, lh float64, c pdfColor) {
		if s = strings.TrimSpace(s); s == "" {
			return
		}
		d.font(style, size)
		d.ink(c)
		for _, l := range d.wrap(d.enc(s, false), contentW, 3) {
			d.pdf.SetX(marginX)
			d.pdf.CellFormat(contentW, lh, l, "", 1, "L", false, 0, "")
		}
	}
	lines(d.w("title"), "B", 17, 7.5, accentColor)
	d.pdf.Ln(2)
	lines(r.Territory, "B", 13, 6, inkColor)
	lines(r.Programme, "", 11, 5.5, inkColor)
	if !r.GeneratedOn.IsZero() {
		d.pdf.Ln(1)
		d.font("", 9)
		d.ink(mutedColor)
		d.pdf.SetX(marginX)
		d.pdf.CellFormat(contentW, 5, d.enc(d.w("generated")+" "+formatDay(d.lang, r.GeneratedOn), false), "", 1, "L", false, 0, "")
	}
	d.pdf.Ln(2)
	d.draw(ruleColor)
	y := d.pdf.GetY()
	d.pdf.Line(marginX, y, marginX+contentW, y)
	d.pdf.Ln(1)
	d.ink(inkColor)
}

// labelled writes "Label : text" (French spacing) as a wrapped paragraph.
func (d *pdfDoc) labelled(label, text string) {
	sep := ": "
	if d.lang != "en" {
		sep = nbspace + ": "
	}
	d.ensure(5)
	d.pdf.SetX(marginX)
	d.font("B", 9.5)
	d.ink(inkColor)
	d.pdf.Write(4.6, d.enc(label+sep, false))
	d.font("", 9.5)
	d.pdf.Write(4.6, d.enc(text, false))
	d.pdf.Ln(6)
}

// nonBlank keeps the items that show something once cleaned.
func pdfNonBlank(items []string) []string {
	var out []string
	for _, s := range items {
		if !pdfBlank(s) {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

// blank tells whether a text shows nothing once cleaned for the PDF.
func pdfBlank(s string) bool {
	return strings.Trim(cleanText(s, false), " "+nbspace) == ""
}

func (d *pdfDoc) context(c Context) {
	d.heading("context")
	zones := pdfNonBlank(c.Zones)
	text := strings.TrimSpace(c.Text)
	if pdfBlank(text) {
		text = ""
	}
	figures := c.Companies != 0 || c.Flows != 0 || c.CompaniesVisited != 0
	if text == "" && !figures && len(c.FlowsByFamily) == 0 && len(zones) == 0 {
		d.none()
		return
	}
	if text != "" {
		d.paragraph(text, "", 9.5, inkColor)
		d.pdf.Ln(3)
	}
	if figures {
		d.figures([]pdfFigure{
			{formatInt(d.lang, c.Companies), d.w("companies")},
			{formatInt(d.lang, c.Flows), d.w("flows")},
			{formatInt(d.lang, c.CompaniesVisited), d.w("visited")},
		})
	}
	if len(c.FlowsByFamily) > 0 {
		parts := make([]string, len(c.FlowsByFamily))
		for i, f := range c.FlowsByFamily {
			parts[i] = code(d.lang, f.Label) + nbspace + formatInt(d.lang, f.Value)
		}
		d.labelled(d.w("by_family"), strings.Join(parts, " · "))
	}
	if len(zones) > 0 {
		d.labelled(d.w("zones"), strings.Join(zones, ", "))
	}
}

func (d *pdfDoc) objectives(objs []Objective) {
	d.heading("objectives")
	if len(objs) == 0 {
		d.none()
		return
	}
	rows := make([][]string, len(objs))
	for i, o := range objs {
		rows[i] = []string{o.Label, formatInt(d.lang, o.Target), formatInt(d.lang, o.Achieved), "", formatDate(d.lang, o.Due)}
	}
	d.table([]pdfColumn{
		{head: d.w("objective"), w: 86},
		{head: d.w("target"), w: 18, num: true},
		{head: d.w("achieved"), w: 18, num: true},
		{head: d.w("progress"), w: 30, draw: func(row int, x, y, w, h float64) {
			if o := objs[row]; o.Target > 0 {
				d.progress(float64(o.Achieved)/float64(o.Target), x, y, w, min(h, 6.4))
			}
		}},
		{head: d.w("due"), w: 22},
	}, rows, false)
}

// counts turns coded figures into bars, realised in the accent colour,
// abandoned in grey.
func (d *pdfDoc) counts(cs []Count) []pdfBar {
	bars := make([]pdfBar, len(cs))
	for i, c := range cs {
		color := slateColor
		switch c.Label {
		case "realised":
			color = accentColor
		case "abandoned":
			color = greyColor
		}
		bars[i] = pdfBar{label: code(d.lang, c.Label), value: c.Value, color: color}
	}
	return bars
}

// barSection draws a titled bar chart over the content width.
func (d *pdfDoc) barSection(key string, cs []Count) {
	if len(cs) == 0 {
		return
	}
	d.ensure(min(barsHeight(len(cs)), barsHeight(3)))
	d.subheading(marginX, contentW, d.w(key))
	d.hbars(d.counts(cs), marginX, contentW, true)
}

func (d *pdfDoc) results(res Results) {
	d.heading("results")
	if len(res.Funnel) == 0 && len(res.ByStatus) == 0 && len(res.ByType) == 0 &&
		len(res.ByNature) == 0 && len(res.ByYear) == 0 && res.Companies == 0 {
		d.none()
		return
	}
	d.barSection("funnel", res.Funnel)
	if res.Companies != 0 {
		d.ensure(7)
		d.pdf.SetX(marginX)
		d.font("B", 9.5)
		d.pdf.Write(4.6, d.enc(formatInt(d.lang, res.Companies)+" ", false))
		d.font("", 9.5)
		d.pdf.Write(4.6, d.enc(d.w("involved"), false))
		d.pdf.Ln(8)
	}
	if res.Jobs != 0 {
		d.ensure(7)
		d.pdf.SetX(marginX)
		d.font("B", 9.5)
		d.pdf.Write(4.6, d.enc(formatInt(d.lang, res.Jobs)+" ", false))
		d.font("", 9.5)
		d.pdf.Write(4.6, d.enc(d.w("jobs"), false))
		d.pdf.Ln(8)
	}
	d.barSection("by_status", res.ByStatus)

	// Type and nature side by side when both fit on a page.
	hl, hr := barsHeight(len(res.ByType)), barsHeight(len(res.ByNature))
	if len(res.ByType) > 0 && len(res.ByNature) > 0 && max(hl, hr) < d.bottom()-marginTop-10 {
		d.ensure(max(hl, hr))
		half := (contentW - 8) / 2
		y0 := d.pdf.GetY()
		d.subheading(marginX, half, d.w("by_type"))
		d.hbars(d.counts(res.ByType), marginX, half, false)
		yl := d.pdf.GetY()
		d.pdf.SetY(y0)
		d.subheading(marginX+half+8, half, d.w("by_nature"))
		d.hbars(d.counts(res.ByNature), marginX+half+8, half, false)
		d.pdf.SetY(max(yl, d.pdf.GetY()))
	} else {
		d.barSection("by_type", res.ByType)
		d.barSection("by_nature", res.ByNature)
	}

	if len(res.ByYear) > 0 {
		d.ensure(7 + 54)
		d.subheading(marginX, contentW, d.w("by_year"))
		d.yearChart(res.ByYear)
	}
}

func (d *pdfDoc) yearLabel(y int) string {
	if y == 0 {
		return d.w("undated")
	}
	return strconv.Itoa(y)
}

func (d *pdfDoc) impact(res Results) {
	d.heading("impact")
	if len(res.Impact) == 0 && res.Total == (YearImpact{}) {
		d.none()
		return
	}
	row := func(label string, y YearImpact) []string {
		return []string{
			label,
			formatInt(d.lang, y.Synergies),
			formatQty(d.lang, y.TonnesDiverted),
			formatQty(d.lang, y.Co2eAvoidedT),
			formatEuros(d.lang, y.EurosSaved),
			formatQty(d.lang, y.WaterSavedM3),
			formatQty(d.lang, y.EnergySavedMWh),
		}
	}
	rows := make([][]string, 0, len(res.Impact)+1)
	for _, y := range res.Impact {
		rows = append(rows, row(d.yearLabel(y.Year), y))
	}
	rows = append(rows, row(d.w("total"), res.Total))
	d.table([]pdfColumn{
		{head: d.w("year"), w: 18},
		{head: d.w("synergies"), w: 18, num: true},
		{head: d.w("tonnes"), w: 27, num: true},
		{head: d.w("co2e"), w: 27, num: true},
		{head: d.w("euros"), w: 28, num: true},
		{head: d.w("water"), w: 28, num: true},
		{head: d.w("energy"), w: 28, num: true},
	}, rows, true)
	d.pdf.Ln(2)
	d.paragraph(d.w("impact_method"), "I", 8, mutedColor)
}

func (d *pdfDoc) realised(syns []Synergy) {
	d.heading("realised_list")
	if len(syns) == 0 {
		d.none()
		return
	}
	rows := make([][]string, len(syns))
	for i, s := range syns {
		rows[i] = []string{
			s.Label, s.Companies, code(d.lang, s.Type), code(d.lang, s.Nature),
			formatDate(d.lang, s.StartedOn),
			formatQty(d.lang, s.Tonnes), formatQty(d.lang, s.Co2eT), formatEuros(d.lang, s.Euros),
		}
	}
	d.table([]pdfColumn{
		{head: d.w("label"), w: 40},
		{head: d.w("companies_col"), w: 35.5},
		{head: d.w("type"), w: 20.5},
		{head: d.w("nature"), w: 19.5},
		{head: d.w("started"), w: 18.5},
		{head: d.w("col_tonnes"), w: 13, num: true},
		{head: d.w("col_co2e"), w: 13, num: true},
		{head: d.w("col_euros"), w: 14, num: true},
	}, rows, false)
}

func (d *pdfDoc) timeline(phases []Phase) {
	d.heading("timeline")
	if len(phases) == 0 {
		d.none()
		return
	}
	rows := make([][]string, len(phases))
	for i, p := range phases {
		to := formatDate(d.lang, p.To)
		if to == "" {
			to = "–"
		}
		rows[i] = []string{p.Name, formatDate(d.lang, p.From), to}
	}
	d.table([]pdfColumn{
		{head: d.w("phase"), w: 114},
		{head: d.w("from"), w: 30},
		{head: d.w("to"), w: 30},
	}, rows, false)
}

func (d *pdfDoc) partners(ps []Partner) {
	d.heading("partners")
	var rows [][]string
	for _, p := range ps {
		if !pdfBlank(p.Name) || !pdfBlank(p.Role) {
			rows = append(rows, []string{p.Name, p.Role})
		}
	}
	if len(rows) == 0 {
		d.none()
		return
	}
	d.table([]pdfColumn{
		{head: d.w("partner"), w: 90},
		{head: d.w("role"), w: 84},
	}, rows, false)
}

func (d *pdfDoc) means(ms []Means, costPer float64) {
	d.heading("means")
	hasCost := costPer != 0 && !math.IsNaN(costPer) && !math.IsInf(costPer, 0)
	if len(ms) == 0 && !hasCost {
		d.none()
		return
	}
	if len(ms) > 0 {
		euros := func(v float64) string { return formatEuros(d.lang, v) }
		staff := func(v float64) string { // 0 when not given
			if v == 0 {
				return "–"
			}
			return formatEuros(d.lang, v)
		}
		var total Means
		rows := make([][]string, 0, len(ms)+1)
		for _, m := range ms {
			rows = append(rows, []string{
				d.yearLabel(m.Year), formatQty(d.lang, m.StaffFTE), staff(m.StaffEUR),
				euros(m.ConsultancyEUR), euros(m.SoftwareEUR), euros(m.Total()),
			})
			total.StaffFTE += m.StaffFTE
			total.StaffEUR += m.StaffEUR
			total.ConsultancyEUR += m.ConsultancyEUR
			total.SoftwareEUR += m.SoftwareEUR
		}
		rows = append(rows, []string{
			d.w("total"), formatQty(d.lang, total.StaffFTE), staff(total.StaffEUR),
			euros(total.ConsultancyEUR), euros(total.SoftwareEUR), euros(total.Total()),
		})
		d.table([]pdfColumn{
			{head: d.w("year"), w: 18},
			{head: d.w("fte"), w: 24, num: true},
			{head: d.w("staff_eur"), w: 34, num: true},
			{head: d.w("consultancy_eur"), w: 33, num: true},
			{head: d.w("software_eur"), w: 32, num: true},
			{head: d.w("cost_total"), w: 33, num: true},
		}, rows, true)
		d.pdf.Ln(3)
	}
	if hasCost {
		amount := formatEuros(d.lang, costPer) + nbspace + "€"
		if d.lang == "en" {
			amount = "€" + formatEuros(d.lang, costPer)
		}
		d.labelled(d.w("cost_per"), amount)
	}
}

// list is a section of bullet points.
func (d *pdfDoc) list(key string, items []string) {
	d.heading(key)
	items = pdfNonBlank(items)
	if len(items) == 0 {
		d.none()
		return
	}
	d.bullets(items)
}
