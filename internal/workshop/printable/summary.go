package printable

// The summary a company receives after a bourse: the interests it gave and
// received, its cards and the next steps, as one A4 PDF in French (or in
// English), drawn with the same core fonts, colours and helpers as the
// printables.

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"symbiose/internal/pdftext"
)

// Interest is one interest recorded during the bourse: company From is
// interested in card Card of company Owner.
type Interest struct {
	Round    int    // 1-based, 0 when unknown
	From     string // company interested
	Owner    string // company whose card it is
	Card     string // card label, e.g. "Palettes bois 1 200 × 800 — 40 par semaine"
	Resource bool   // true: a resource card (offer), false: a need card
	Note     string // optional, typed by the table secretary
}

// Summary is what one company receives after a bourse.
type Summary struct {
	Event       Event      // Title, Date (ISO yyyy-mm-dd), Place
	Company     string     // the company the summary is for
	Resources   []string   // the company's own resource cards (labels)
	Needs       []string   // the company's own need cards
	Given       []Interest // cards of others this company said it was interested in
	Received    []Interest // others interested in this company's cards
	Facilitator string     // name and/or email of whom to contact for next steps, may be empty
	Lang        string     // "fr" (default) or "en"
}

// WriteSummary writes the company's summary as a PDF and returns its page
// count. Texts any length and any script are accepted: what the core fonts
// lack is replaced (≥ becomes >=, an emoji ?), long texts are cut.
func WriteSummary(w io.Writer, s Summary) (pages int, err error) {
	defer func() {
		if p := recover(); p != nil {
			pages, err = 0, fmt.Errorf("printable: drawing the summary: %v", p)
		}
	}()
	t := summaryFR
	if isEnglish(s.Lang) {
		t = summaryEN
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	d := &sdoc{doc: &doc{pdf: pdf, tr: pdf.UnicodeTranslatorFromDescriptor(""), ev: s.Event}, t: t, s: s}
	d.coll = collate.New(t.tag, collate.Loose, collate.Numeric)

	d.company = strings.TrimSpace(pdftext.Clean(s.Company, false))
	if d.company == "" {
		d.company = t.noCompany
	}
	title := t.title
	if et := strings.TrimSpace(pdftext.Clean(s.Event.Title, false)); et != "" {
		title += " — " + et
	}
	var meta []string
	if date := longDate(s.Event.Date, t); date != "" {
		meta = append(meta, date)
	}
	if p := strings.TrimSpace(s.Event.Place); p != "" {
		meta = append(meta, p)
	}
	d.title = d.enc(title)
	d.eventLine = d.enc(strings.Join(meta, " · "))

	pdf.SetTitle(pdftext.Clean(title+" · "+d.company, false), true)
	pdf.SetSubject(pdftext.Clean(d.company, false), true)
	pdf.SetCreator("Symbiose", true)
	pdf.SetLang(t.pdfLang)
	pdf.SetCatalogSort(true)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, 0) // every page is laid out by hand
	pdf.SetCellMargin(1)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(d.footer)

	d.firstPage()
	d.givenSection()
	d.receivedSection()
	d.cardsSection()
	d.nextSteps()

	if err := pdf.Error(); err != nil {
		return 0, fmt.Errorf("printable: drawing the summary: %w", err)
	}
	pages = pdf.PageNo()
	if err := pdf.Output(w); err != nil {
		return 0, fmt.Errorf("printable: writing the summary: %w", err)
	}
	return pages, nil
}

// isEnglish tells "en", "EN", "en-GB", "en_US" from anything else.
func isEnglish(lang string) bool {
	lang = strings.ToLower(strings.TrimSpace(lang))
	return lang == "en" || strings.HasPrefix(lang, "en-") || strings.HasPrefix(lang, "en_")
}

// --- Texts ------------------------------------------------------------------

// summaryText holds the words of a summary in one language.
type summaryText struct {
	tag     language.Tag
	pdfLang string
	months  [12]string
	first   string // the first day of a month: "1er" in French

	title, noCompany, noOwner, noCard, suite string

	figures      [4][2]string // singular, plural: cards, given, received, partners
	figuresNote  string
	singularZero bool // 0 takes the singular (French)

	givenHead, givenEmpty       string
	receivedHead, receivedEmpty string
	cardsHead, cardsEmpty       string
	resourcesHead, needsHead    string
	noResources, noNeeds        string
	nextHead                    string

	resource, need  string
	round           string // "Tour %d"
	noteOpen        string // the quotes around a note
	noteClose       string
	cardCount       [2]string // "%d carte", "%d cartes"
	companyCount    [2]string // "%d entreprise intéressée"
	interestCount   [2]string // "%d intérêt reçu"
	page            string    // "Page %d / %s"
	steps           func(facilitator string) [][2]string
	contactFallback string
}

var summaryFR = summaryText{
	tag:     language.French,
	pdfLang: "fr-FR",
	months:  [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	first:   "1er",

	title:     "Synthèse de la bourse",
	noCompany: "(entreprise sans nom)",
	noOwner:   "(entreprise sans nom)",
	noCard:    "(carte sans intitulé)",
	suite:     " (suite)",

	figures: [4][2]string{
		{"carte apportée", "cartes apportées"},
		{"intérêt exprimé", "intérêts exprimés"},
		{"intérêt reçu", "intérêts reçus"},
		{"entreprise partenaire", "entreprises partenaires"},
	},
	figuresNote:  "Entreprises partenaires\u00a0: celles avec qui un intérêt a été signalé, dans un sens ou dans l’autre.",
	singularZero: true,

	givenHead:     "Ce qui vous intéresse chez les autres",
	givenEmpty:    "Vous n’avez pas signalé d’intérêt pour les cartes des autres entreprises pendant la bourse. Si l’une d’elles vous revient en tête, il n’est pas trop tard\u00a0: dites-le à l’équipe d’animation.",
	receivedHead:  "Ce qui intéresse les autres chez vous",
	receivedEmpty: "Aucune entreprise n’a signalé d’intérêt pour vos cartes pendant la bourse. Une quantité, une qualité ou une fréquence précises rendent souvent une carte plus parlante\u00a0: n’hésitez pas à compléter les vôtres.",
	cardsHead:     "Vos cartes",
	cardsEmpty:    "Aucune carte n’a été enregistrée pour votre entreprise. Vous pouvez en transmettre à l’équipe d’animation pour les prochaines mises en relation.",
	resourcesHead: "Vos ressources — ce que vous proposez",
	needsHead:     "Vos besoins — ce que vous recherchez",
	noResources:   "Aucune ressource enregistrée.",
	noNeeds:       "Aucun besoin enregistré.",
	nextHead:      "Prochaines étapes",

	resource:      "Ressource",
	need:          "Besoin",
	round:         "tour %d",
	noteOpen:      "Note\u00a0: «\u00a0",
	noteClose:     "\u00a0»",
	cardCount:     [2]string{"%d carte", "%d cartes"},
	companyCount:  [2]string{"%d entreprise intéressée", "%d entreprises intéressées"},
	interestCount: [2]string{"%d intérêt reçu", "%d intérêts reçus"},
	page:          "Page %d / %s",
	steps: func(f string) [][2]string {
		contact := "Pour toute question, ou pour ajouter une ressource ou un besoin, contactez l’équipe d’animation de la bourse."
		if f != "" {
			contact = "Pour toute question, ou pour ajouter une ressource ou un besoin, contactez\u00a0: " + f + "."
		}
		return [][2]string{
			{"Qualification des synergies", "L’équipe d’animation va contacter chaque binôme d’entreprises ayant signalé un intérêt, pour qualifier la synergie\u00a0: faisabilité technique, volumes, régularité, logistique et cadre réglementaire."},
			{"Préparez l’échange", "Pour chaque carte concernée, rassemblez les quantités disponibles ou recherchées (et leur régularité), la qualité ou les caractéristiques (composition, conditionnement, contraintes de stockage) et un ordre de prix, ou le coût actuel d’achat ou d’élimination."},
			{"Vos coordonnées", "Elles ne sont transmises à une autre entreprise qu’avec l’accord des deux parties (double consentement)\u00a0: rien n’est communiqué sans votre accord."},
			{"Une question\u00a0?", contact},
		}
	},
}

var summaryEN = summaryText{
	tag:     language.BritishEnglish,
	pdfLang: "en-GB",
	months:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	first:   "1",

	title:     "Exchange summary",
	noCompany: "(unnamed company)",
	noOwner:   "(unnamed company)",
	noCard:    "(untitled card)",
	suite:     " (continued)",

	figures: [4][2]string{
		{"card brought", "cards brought"},
		{"interest given", "interests given"},
		{"interest received", "interests received"},
		{"partner company", "partner companies"},
	},
	figuresNote: "Partner companies: those with which an interest was recorded, either way.",

	givenHead:     "What interests you in other companies",
	givenEmpty:    "You did not record any interest in other companies’ cards during the exchange. If one comes back to mind, it is not too late: tell the facilitation team.",
	receivedHead:  "What interests other companies in yours",
	receivedEmpty: "No company recorded an interest in your cards during the exchange. A precise quantity, quality or frequency often makes a card speak louder: feel free to complete yours.",
	cardsHead:     "Your cards",
	cardsEmpty:    "No card was recorded for your company. You can send some to the facilitation team for future matches.",
	resourcesHead: "Your resources — what you offer",
	needsHead:     "Your needs — what you are looking for",
	noResources:   "No resource recorded.",
	noNeeds:       "No need recorded.",
	nextHead:      "Next steps",

	resource:      "Resource",
	need:          "Need",
	round:         "round %d",
	noteOpen:      "Note: “",
	noteClose:     "”",
	cardCount:     [2]string{"%d card", "%d cards"},
	companyCount:  [2]string{"%d interested company", "%d interested companies"},
	interestCount: [2]string{"%d interest received", "%d interests received"},
	page:          "Page %d / %s",
	steps: func(f string) [][2]string {
		contact := "For any question, or to add a resource or a need, contact the facilitation team of the exchange."
		if f != "" {
			contact = "For any question, or to add a resource or a need, contact: " + f + "."
		}
		return [][2]string{
			{"Qualifying the synergies", "The facilitation team will contact each pair of companies that recorded an interest, to qualify the synergy: technical feasibility, volumes, regularity, logistics and regulations."},
			{"Prepare the conversation", "For each card concerned, gather the quantities available or sought (and how regularly), the quality or specifications (composition, packaging, storage constraints) and a price range, or your current purchase or disposal cost."},
			{"Your contact details", "They are shared with another company only when both parties agree (double opt-in): nothing is passed on without your consent."},
			{"Any question?", contact},
		}
	},
}

// count writes "3 cartes" from a pair of formats, singular and plural.
func (t summaryText) count(forms [2]string, n int) string {
	if n == 1 || (n == 0 && t.singularZero) {
		return fmt.Sprintf(forms[0], n)
	}
	return fmt.Sprintf(forms[1], n)
}

func (t summaryText) direction(resource bool) string {
	if resource {
		return t.resource
	}
	return t.need
}

// longDate writes an ISO date as "27 novembre 2026" or "27 November 2026";
// anything else is kept as given.
func longDate(s string, t summaryText) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if d, err := time.Parse(layout, s); err == nil {
			day := strconv.Itoa(d.Day())
			if d.Day() == 1 {
				day = t.first
			}
			return day + "\u00a0" + t.months[d.Month()-1] + " " + strconv.Itoa(d.Year())
		}
	}
	return s
}

// --- Grouping -------------------------------------------------------------

// fold is the key two names or labels are the same under.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(pdftext.Clean(s, false)), " "))
}

// group is a heading (an owner company, or a card of the company) and its
// interests.
type group struct {
	name      string
	resource  bool // for a group of a card
	interests []Interest
}

// groupBy gathers the interests under key, in the order they first come.
func groupBy(in []Interest, key func(Interest) string, name func(Interest) string) []*group {
	var out []*group
	index := map[string]*group{}
	for _, it := range in {
		k := key(it)
		g := index[k]
		if g == nil {
			g = &group{name: name(it), resource: it.Resource}
			index[k] = g
			out = append(out, g)
		}
		g.interests = append(g.interests, it)
	}
	return out
}

// roundOrder puts known rounds first, in order.
func roundOrder(a, b int) (less, decided bool) {
	if a == b {
		return false, false
	}
	if a <= 0 || b <= 0 {
		return b <= 0, true
	}
	return a < b, true
}

// --- Drawing ----------------------------------------------------------------

type sdoc struct {
	*doc
	t       summaryText
	s       Summary
	coll    *collate.Collator
	company string // cleaned, never empty

	// what a continuation page repeats: the section and the group being drawn
	section, group string
}

func (d *sdoc) less(a, b string) bool { return d.coll.CompareString(a, b) < 0 }

// enc is doc.enc without the pictographs the core fonts lack: an emoji
// would be a question mark after a card label, it is dropped instead.
func (d *sdoc) enc(s string) string { return d.doc.enc(dropPictographs(s)) }

// dropPictographs removes the symbols (emoji, dingbats, skin tones) that
// pdftext.Clean would turn into "?", keeping those it has a plain
// equivalent for (✓ becomes v, ● a bullet).
func dropPictographs(s string) string {
	if !strings.ContainsFunc(s, isPictograph) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if isPictograph(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func isPictograph(r rune) bool {
	return r >= 0x2000 && unicode.In(r, unicode.So, unicode.Sk) && pdftext.Clean(string(r), false) == "?"
}

// sheetTop draws the top of every page: the part and the company in small
// type above a rule.
func (d *sdoc) sheetTop() {
	pdf := d.pdf
	pdf.AddPage()
	d.font("", 8.5)
	d.ink(mutedColor)
	d.text(margin, margin-6, contW/2, 5, d.enc(strings.ToUpper(d.t.title)), "L")
	d.text(margin+contW/2, margin-6, contW/2, 5, d.enc(d.company), "R")
	d.drawColor(ruleColor)
	pdf.SetLineWidth(0.3)
	pdf.Line(margin, margin, margin+contW, margin)
	pdf.SetY(margin + 4)
}

// footer writes the event and the page number at the bottom of each page.
func (d *sdoc) footer() {
	y := pageH - 11
	d.drawColor(ruleColor)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(margin, y, margin+contW, y)
	d.font("", 8)
	d.ink(mutedColor)
	d.text(margin, y+0.5, contW*0.7, 5, d.eventLine, "L")
	d.text(margin+contW*0.7, y+0.5, contW*0.3, 5, d.enc(fmt.Sprintf(d.t.page, d.pdf.PageNo(), "{nb}")), "R")
}

// ensure starts a continuation page unless h millimetres are left, and
// repeats there the section and the group under way.
func (d *sdoc) ensure(h float64) {
	if d.pdf.GetY()+h <= bottom {
		return
	}
	d.sheetTop()
	if d.section != "" {
		d.sectionBand(d.section, true)
	}
	if d.group != "" {
		d.font("B", 10.5)
		d.ink(inkColor)
		suite := d.enc(d.t.suite)
		name := d.fit(d.enc(d.group), contW-4-d.pdf.GetStringWidth(suite))
		y := d.pdf.GetY()
		d.text(margin+1, y, contW-1, 5.5, name+suite, "L")
		d.pdf.SetY(y + 6.5)
	}
}

func (d *sdoc) firstPage() {
	pdf := d.pdf
	d.sheetTop()
	pdf.SetY(margin + 3)

	d.font("B", 18)
	d.ink(inkColor)
	for _, l := range d.wrap(d.title, contW, 3) {
		y := pdf.GetY()
		d.text(margin, y, contW, 8, l, "L")
		pdf.SetY(y + 8)
	}
	if d.eventLine != "" {
		d.font("", 11)
		d.ink(mutedColor)
		y := pdf.GetY()
		d.text(margin, y, contW, 6, d.eventLine, "L")
		pdf.SetY(y + 6)
	}
	pdf.SetY(pdf.GetY() + 3)
	d.fill(accentColor)
	pdf.Rect(margin, pdf.GetY(), 1.4, 14, "F")
	d.font("B", 15)
	d.ink(accentColor)
	lines := d.wrap(d.enc(d.company), contW-4, 2)
	top := pdf.GetY() + (14-float64(len(lines))*7)/2
	for i, l := range lines {
		d.text(margin+3, top+float64(i)*7, contW-3, 7, l, "L")
	}
	pdf.SetY(pdf.GetY() + 20)
	d.figures()
}

// figures draws the key figures in four boxes.
func (d *sdoc) figures() {
	pdf := d.pdf
	values := keyFigures(d.s)
	const gap, h = 4.0, 22.0
	w := (contW - 3*gap) / 4
	y := pdf.GetY()
	for i, v := range values {
		x := margin + float64(i)*(w+gap)
		d.drawColor(ruleColor)
		d.fill(headFill)
		pdf.SetLineWidth(0.3)
		pdf.Rect(x, y, w, h, "FD")
		d.font("B", 20)
		d.ink(accentColor)
		d.text(x, y+2, w, 9, strconv.Itoa(v), "C")
		d.font("", 8.5)
		d.ink(mutedColor)
		label := d.t.figures[i][1]
		if v == 1 || (v == 0 && d.t.singularZero) {
			label = d.t.figures[i][0]
		}
		for k, l := range d.wrap(d.enc(label), w, 2) {
			d.text(x, y+12+float64(k)*3.8, w, 3.8, l, "C")
		}
	}
	pdf.SetY(y + h + 2)
	d.paragraph("I", 8, mutedColor, margin, contW, 3.8, d.t.figuresNote)
	pdf.SetY(pdf.GetY() + 3)
}

// keyFigures counts the cards brought (not blank), the interests given and
// received, and the partner companies: every other company an interest
// links to, in either direction, counted once.
func keyFigures(s Summary) [4]int {
	cards := len(nonEmpty(s.Resources)) + len(nonEmpty(s.Needs))
	partners := map[string]bool{}
	self := fold(s.Company)
	for _, it := range s.Given {
		if k := fold(it.Owner); k != "" && k != self {
			partners[k] = true
		}
	}
	for _, it := range s.Received {
		if k := fold(it.From); k != "" && k != self {
			partners[k] = true
		}
	}
	return [4]int{cards, len(s.Given), len(s.Received), len(partners)}
}

// sectionBand draws a section heading on a tinted band.
func (d *sdoc) sectionBand(title string, suite bool) {
	pdf := d.pdf
	y := pdf.GetY()
	d.fill(headFill)
	pdf.Rect(margin, y, contW, 8, "F")
	d.fill(accentColor)
	pdf.Rect(margin, y, 1.2, 8, "F")
	d.font("B", 12)
	d.ink(accentColor)
	s := d.enc(title)
	if suite {
		s += d.enc(d.t.suite)
	}
	d.text(margin+2.5, y, contW-2.5, 8, s, "L")
	pdf.SetY(y + 10.5)
}

// startSection draws a section heading with room for what follows it.
func (d *sdoc) startSection(title string, follow float64) {
	d.section, d.group = "", ""
	d.pdf.SetY(d.pdf.GetY() + 3)
	d.ensure(13.5 + follow)
	d.sectionBand(title, false)
	d.section = title
}

func (d *sdoc) endSection() { d.section, d.group = "", "" }

// paragraph writes a text in the given style on as many lines as needed,
// each one checked against the page end.
func (d *sdoc) paragraph(style string, size float64, c color, x, w, h float64, s string) {
	d.font(style, size)
	for _, l := range d.wrap(d.enc(s), w, 0) {
		d.ensure(h)
		d.font(style, size)
		d.ink(c)
		y := d.pdf.GetY()
		d.text(x, y, w, h, l, "L")
		d.pdf.SetY(y + h)
	}
}

// friendly writes the sentence standing for an empty list.
func (d *sdoc) friendly(s string) {
	d.paragraph("I", 10, mutedColor, margin+2, contW-2, 5, s)
}

// item is a laid-out entry of a list: a bulleted main text, a detail line
// and an optional note, all encoded.
type item struct{ main, detail, note []string }

func (d *sdoc) layout(main, detail, note string) item {
	const x = 7.0
	var it item
	d.font("", 10)
	it.main = d.wrap(d.enc(main), contW-x, 3)
	if detail != "" {
		d.font("", 8.5)
		it.detail = d.wrap(d.enc(detail), contW-x, 2)
	}
	if note = dropPictographs(note); note != "" {
		d.font("I", 8.5)
		it.note = d.wrap(d.enc(d.t.noteOpen+note+d.t.noteClose), contW-x, 4)
	}
	return it
}

func (it item) height() float64 {
	return float64(len(it.main))*5 + float64(len(it.detail)+len(it.note))*4 + 1.5
}

// draw writes an item, on the next page when it does not fit.
func (d *sdoc) draw(it item) {
	const x = margin + 7
	pdf := d.pdf
	d.ensure(it.height())
	y := pdf.GetY()
	d.font("", 10)
	d.ink(accentColor)
	d.text(margin+3, y, 4, 5, d.enc("•"), "L")
	d.ink(inkColor)
	for _, l := range it.main {
		d.text(x, y, contW-7, 5, l, "L")
		y += 5
	}
	d.font("", 8.5)
	d.ink(mutedColor)
	for _, l := range it.detail {
		d.text(x, y, contW-7, 4, l, "L")
		y += 4
	}
	d.font("I", 8.5)
	for _, l := range it.note {
		d.text(x, y, contW-7, 4, l, "L")
		y += 4
	}
	pdf.SetY(y + 1.5)
}

// groupHeading draws the heading of a group with its first item, and
// remembers it for continuation pages.
func (d *sdoc) groupHeading(name, detail string, first item) {
	pdf := d.pdf
	d.group = ""
	d.font("B", 10.5)
	lines := d.wrap(d.enc(name), contW-1, 2)
	h := 1.5 + float64(len(lines))*5.5 + 4.5 + first.height()
	d.ensure(h)
	y := pdf.GetY() + 1.5
	d.drawColor(ruleColor)
	pdf.SetLineWidth(0.2)
	pdf.Line(margin, y-0.5, margin+contW, y-0.5)
	d.font("B", 10.5)
	d.ink(inkColor)
	for _, l := range lines {
		d.text(margin+1, y, contW-1, 5.5, l, "L")
		y += 5.5
	}
	if detail != "" {
		d.font("", 8.5)
		d.ink(mutedColor)
		d.text(margin+1, y, contW-1, 4, d.enc(detail), "L")
		y += 4.5
	}
	pdf.SetY(y)
	d.group = name
}

// details joins the parts of a detail line that are known.
func (d *sdoc) details(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " · ")
}

func (d *sdoc) roundText(r int) string {
	if r <= 0 {
		return ""
	}
	return fmt.Sprintf(d.t.round, r)
}

func (d *sdoc) cardName(s string) string {
	if strings.TrimSpace(pdftext.Clean(s, false)) == "" {
		return d.t.noCard
	}
	return strings.TrimSpace(s)
}

func (d *sdoc) companyName(s string) string {
	if strings.TrimSpace(pdftext.Clean(s, false)) == "" {
		return d.t.noOwner
	}
	return strings.TrimSpace(s)
}

// givenSection lists the cards of others the company is interested in,
// grouped by owner company in alphabetical order.
func (d *sdoc) givenSection() {
	defer d.endSection()
	if len(d.s.Given) == 0 {
		d.startSection(d.t.givenHead, 15)
		d.friendly(d.t.givenEmpty)
		return
	}
	groups := groupBy(d.s.Given,
		func(it Interest) string { return fold(it.Owner) },
		func(it Interest) string { return d.companyName(it.Owner) })
	sort.SliceStable(groups, func(i, j int) bool { return d.less(groups[i].name, groups[j].name) })
	d.startSection(d.t.givenHead, 30)
	for _, g := range groups {
		sort.SliceStable(g.interests, func(i, j int) bool {
			a, b := g.interests[i], g.interests[j]
			if less, ok := roundOrder(a.Round, b.Round); ok {
				return less
			}
			return d.less(a.Card, b.Card)
		})
		for k, it := range g.interests {
			entry := d.layout(d.cardName(it.Card), d.details(d.t.direction(it.Resource), d.roundText(it.Round)), strings.TrimSpace(it.Note))
			if k == 0 {
				d.groupHeading(g.name, d.t.count(d.t.cardCount, len(g.interests)), entry)
			}
			d.draw(entry)
		}
	}
}

// receivedSection lists who is interested in the company's cards, grouped
// by card, the most sought first.
func (d *sdoc) receivedSection() {
	defer d.endSection()
	if len(d.s.Received) == 0 {
		d.startSection(d.t.receivedHead, 15)
		d.friendly(d.t.receivedEmpty)
		return
	}
	groups := groupBy(d.s.Received,
		func(it Interest) string { return strconv.FormatBool(it.Resource) + "\x00" + fold(it.Card) },
		func(it Interest) string { return d.cardName(it.Card) })
	companies := func(g *group) int {
		seen := map[string]bool{}
		for _, it := range g.interests {
			seen[fold(it.From)] = true
		}
		return len(seen)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if a, b := companies(groups[i]), companies(groups[j]); a != b {
			return a > b
		}
		return d.less(groups[i].name, groups[j].name)
	})
	d.startSection(d.t.receivedHead, 30)
	for _, g := range groups {
		sort.SliceStable(g.interests, func(i, j int) bool {
			a, b := g.interests[i], g.interests[j]
			if less, ok := roundOrder(a.Round, b.Round); ok {
				return less
			}
			return d.less(a.From, b.From)
		})
		for k, it := range g.interests {
			entry := d.layout(d.companyName(it.From), d.roundText(it.Round), strings.TrimSpace(it.Note))
			if k == 0 {
				detail := d.details(d.t.direction(g.resource), d.t.count(d.t.companyCount, companies(g)))
				d.groupHeading(g.name, detail, entry)
			}
			d.draw(entry)
		}
	}
}

// cardsSection lists the company's own cards, with the interest each one
// received.
func (d *sdoc) cardsSection() {
	defer d.endSection()
	resources, needs := nonEmpty(d.s.Resources), nonEmpty(d.s.Needs)
	if len(resources) == 0 && len(needs) == 0 {
		d.startSection(d.t.cardsHead, 15)
		d.friendly(d.t.cardsEmpty)
		return
	}
	received := map[string]int{}
	for _, it := range d.s.Received {
		received[strconv.FormatBool(it.Resource)+"\x00"+fold(it.Card)]++
	}
	d.startSection(d.t.cardsHead, 25)
	for _, part := range []struct {
		head, empty string
		cards       []string
		resource    bool
	}{
		{d.t.resourcesHead, d.t.noResources, resources, true},
		{d.t.needsHead, d.t.noNeeds, needs, false},
	} {
		d.group = ""
		d.ensure(1.5 + 5.5 + 8)
		y := d.pdf.GetY() + 1.5
		d.font("B", 10.5)
		d.ink(inkColor)
		d.text(margin+1, y, contW-1, 5.5, d.enc(part.head), "L")
		d.pdf.SetY(y + 6.5)
		if len(part.cards) == 0 {
			d.friendly(part.empty)
			continue
		}
		d.group = part.head
		for _, c := range part.cards {
			detail := ""
			if n := received[strconv.FormatBool(part.resource)+"\x00"+fold(c)]; n > 0 {
				detail = d.t.count(d.t.interestCount, n)
			}
			d.draw(d.layout(strings.TrimSpace(c), detail, ""))
		}
	}
}

// nextSteps writes what happens after the bourse, numbered.
func (d *sdoc) nextSteps() {
	defer d.endSection()
	d.startSection(d.t.nextHead, 25)
	const x = margin + 8
	for i, step := range d.t.steps(strings.TrimSpace(d.s.Facilitator)) {
		d.font("", 10)
		body := d.wrap(d.enc(step[1]), contW-8, 0)
		d.ensure(6 + 5*float64(min(len(body), 3)))
		y := d.pdf.GetY()
		d.font("B", 10.5)
		d.ink(accentColor)
		d.text(margin+1, y, 7, 5.5, strconv.Itoa(i+1)+".", "L")
		d.ink(inkColor)
		d.text(x, y, contW-8, 5.5, d.enc(step[0]), "L")
		d.pdf.SetY(y + 5.5)
		for _, l := range body {
			d.ensure(5)
			d.font("", 10)
			d.ink(inkColor)
			y := d.pdf.GetY()
			d.text(x, y, contW-8, 5, l, "L")
			d.pdf.SetY(y + 5)
		}
		d.pdf.SetY(d.pdf.GetY() + 2.5)
	}
}

// nonEmpty keeps the labels that are not blank, trimmed.
func nonEmpty(labels []string) []string {
	var out []string
	for _, l := range labels {
		if l = strings.TrimSpace(l); l != "" && strings.TrimSpace(pdftext.Clean(l, false)) != "" {
			out = append(out, l)
		}
	}
	return out
}
