package report

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"symbiose/internal/model"
)

// Geometry of the pictures, in millimetres.
const (
	sankeyRowH      = 9.0  // plot height per node of the busier side
	sankeyMinPlotH  = 45.0 // plot height bounds
	sankeyMaxPlotH  = 84.0 //
	sankeyBarW      = 3.2  // width of a node bar
	sankeyGap       = 3.0  // between two nodes of a side
	sankeyMinBand   = 0.5  // thinnest band drawn, however small its tonnes
	sankeyLabelSize = 7.5  // points
	sankeyLabelH    = 3.5  // line of a node label
	sankeyMaxFams   = 8    // families shown; the smaller ones are grouped
	sankeyBandAlpha = 0.5

	networkSide    = 116.0 // the square the circle of companies is drawn in
	networkLabelPt = 6.5   // largest label, in points
	networkLegendH = 6.0
)

// Colours of the treatments: a synergy in green, landfill and incineration
// in muted red and grey-red, the rest in neutral tones.
var (
	familyColor    = pdfColor{84, 96, 110}
	synergyColor   = pdfColor{56, 142, 78}
	realisedEdge   = pdfColor{30, 100, 50}
	otherEdge      = pdfColor{150, 158, 166}
	treatmentColor = map[string]pdfColor{
		"synergy":         synergyColor,
		"reuse":           {104, 150, 170},
		"recycling":       {92, 118, 148},
		"energy_recovery": {176, 150, 104},
		"other":           {160, 166, 172},
		"unknown":         {196, 200, 204},
		"incineration":    {150, 118, 118},
		"landfill":        {180, 82, 74},
	}
)

// pictures is the section of the territory's flows (a Sankey diagram of
// outputs by family and treatment) and of its synergy network. It starts a
// new page unless it fits in what is left of this one.
func (d *pdfDoc) pictures(links []SankeyLink, n Network) {
	s := d.sankeyPlan(links)
	hasNet := len(n.Nodes) > 0
	need := 15.0 // heading
	if len(s.bands) > 0 || hasNet {
		need += d.sankeyHeight(s) + networkHeight(hasNet)
	} else {
		need += 6
	}
	if d.pdf.GetY()+5+need > d.bottom() && d.pdf.GetY() > marginTop+0.1 {
		d.pdf.AddPage()
	}
	d.heading("pictures")
	if len(s.bands) == 0 && !hasNet {
		d.none()
		return
	}
	d.sankeyDiagram(s)
	d.pdf.Ln(3)
	d.network(n)
}

// sankeyNode is a family or a treatment of the diagram.
type sankeyNode struct {
	label  string // encoded
	tonnes string // encoded
	color  pdfColor
	y, h   float64
}

// sankeyBand is the tonnes of a family going to a treatment.
type sankeyBand struct {
	from, to int // indexes of the family and the treatment
	tonnes   float64
	w        float64 // thickness
	y0, y1   float64 // top at the family, at the treatment
}

type sankeyPlot struct {
	fams, treats []sankeyNode
	bands        []sankeyBand
}

// sankeyPlan gathers the links into nodes and bands: families in the order
// they come (the smaller ones grouped as "other" beyond sankeyMaxFams),
// treatments in the order of treatments, unknown codes counted as "other".
// Links without a positive, finite tonnage are left out.
func (d *pdfDoc) sankeyPlan(links []SankeyLink) sankeyPlot {
	var famOrder []string
	famTotal := map[string]float64{}
	for _, l := range links {
		if !(l.Tonnes > 0) || math.IsInf(l.Tonnes, 0) {
			continue
		}
		if _, ok := famTotal[l.Family]; !ok {
			famOrder = append(famOrder, l.Family)
		}
		famTotal[l.Family] += l.Tonnes
	}
	famIndex := map[string]int{} // family → node; -1 for the grouped ones
	var p sankeyPlot
	if len(famOrder) > sankeyMaxFams {
		big := slices.Clone(famOrder)
		slices.SortStableFunc(big, func(a, b string) int { return cmp.Compare(famTotal[b], famTotal[a]) })
		for _, f := range big[sankeyMaxFams-1:] {
			famIndex[f] = -1
		}
	}
	for _, f := range famOrder {
		if famIndex[f] == -1 {
			continue
		}
		famIndex[f] = len(p.fams)
		label := code(d.lang, f)
		if pdfBlank(label) {
			label = "–"
		}
		p.fams = append(p.fams, sankeyNode{label: d.enc(label, false), color: familyColor})
	}
	if len(famOrder) > sankeyMaxFams {
		p.fams = append(p.fams, sankeyNode{label: d.enc(d.w("other"), false), color: familyColor})
		for f, i := range famIndex {
			if i == -1 {
				famIndex[f] = len(p.fams) - 1
			}
		}
	}

	type key struct{ from, to int }
	sums := map[key]float64{}
	used := make([]bool, len(treatments))
	for _, l := range links {
		if !(l.Tonnes > 0) || math.IsInf(l.Tonnes, 0) {
			continue
		}
		t := slices.Index(treatments, l.Treatment)
		if t < 0 {
			t = slices.Index(treatments, "other")
		}
		used[t] = true
		sums[key{famIndex[l.Family], t}] += l.Tonnes
	}
	treatIndex := make([]int, len(treatments))
	for t, code := range treatments {
		treatIndex[t] = -1
		if used[t] {
			treatIndex[t] = len(p.treats)
			p.treats = append(p.treats, sankeyNode{label: d.enc(word(d.lang, "code."+code), false), color: treatmentColor[code]})
		}
	}
	famSum := make([]float64, len(p.fams))
	treatSum := make([]float64, len(p.treats))
	for k, t := range sums {
		b := sankeyBand{from: k.from, to: treatIndex[k.to], tonnes: t}
		p.bands = append(p.bands, b)
		famSum[b.from] += t
		treatSum[b.to] += t
	}
	slices.SortFunc(p.bands, func(a, b sankeyBand) int { return cmp.Or(a.from-b.from, a.to-b.to) })
	for i := range p.fams {
		p.fams[i].tonnes = d.tonnes(famSum[i])
	}
	for i := range p.treats {
		p.treats[i].tonnes = d.tonnes(treatSum[i])
	}
	return p
}

// tonnes writes a tonnage with its unit, encoded.
func (d *pdfDoc) tonnes(t float64) string {
	return d.enc(formatQty(d.lang, t)+nbspace+"t", false)
}

func sankeyPlotH(s sankeyPlot) float64 {
	return min(max(float64(max(len(s.fams), len(s.treats)))*sankeyRowH, sankeyMinPlotH), sankeyMaxPlotH)
}

// sankeyHeight is the height the diagram takes, its subheading included.
func (d *pdfDoc) sankeyHeight(s sankeyPlot) float64 {
	if len(s.bands) == 0 {
		return 7 + 6
	}
	return 7 + 1 + sankeyPlotH(s) + 2
}

// networkHeight is the height the network takes, its subheading included.
func networkHeight(nodes bool) float64 {
	if !nodes {
		return 7 + 6
	}
	return 7 + 6 + networkSide + 7 + networkLegendH
}

// sankeyDiagram draws the families stacked on the left, the treatments on
// the right, each as high as its tonnes, linked by bands as thick as the
// tonnes going from one to the other.
func (d *pdfDoc) sankeyDiagram(s sankeyPlot) {
	d.ensure(d.sankeyHeight(s))
	d.subheading(marginX, contentW, d.w("sankey"))
	if len(s.bands) == 0 {
		d.none()
		return
	}
	plotH := sankeyPlotH(s)
	top := d.pdf.GetY() + 1

	// Label columns as wide as their labels, within bounds.
	labelW := func(nodes []sankeyNode, most float64) float64 {
		w := 0.0
		for _, n := range nodes {
			w = max(w, d.labelWidth(n))
		}
		return min(w+0.2, most) + 2 // a little slack for rounding
	}
	lw, rw := labelW(s.fams, 44), labelW(s.treats, 52)
	xl := marginX + lw                         // left bars
	xr := marginX + contentW - rw - sankeyBarW // right bars

	// Scale: tonnes to millimetres, the thinnest bands widened to be seen.
	sides := float64(max(len(s.fams), len(s.treats)) - 1)
	avail := plotH - sankeyGap*sides
	total := 0.0
	for _, b := range s.bands {
		total += b.tonnes
	}
	k := 0.0
	if total > 0 && !math.IsInf(total, 0) {
		k = avail / total
	}
	for range 40 {
		sum := 0.0
		for _, b := range s.bands {
			sum += max(b.tonnes*k, sankeyMinBand)
		}
		if sum <= avail+1e-6 || k == 0 {
			break
		}
		k *= avail / sum * 0.999
	}
	for i := range s.bands {
		s.bands[i].w = max(s.bands[i].tonnes*k, sankeyMinBand)
	}

	// Nodes stacked on each side, centred on the plot.
	stack := func(nodes []sankeyNode, side func(sankeyBand) int) {
		for _, b := range s.bands {
			nodes[side(b)].h += b.w
		}
		h := sankeyGap * float64(len(nodes)-1)
		for _, n := range nodes {
			h += n.h
		}
		y := top + (plotH-h)/2
		for i := range nodes {
			nodes[i].y = y
			y += nodes[i].h + sankeyGap
		}
	}
	stack(s.fams, func(b sankeyBand) int { return b.from })
	stack(s.treats, func(b sankeyBand) int { return b.to })

	// Bands leave a family in the order of the treatments and reach a
	// treatment in the order of the families, so that they cross least.
	next := make([]float64, len(s.fams))
	for i, n := range s.fams {
		next[i] = n.y
	}
	for i := range s.bands { // sorted by family then treatment
		b := &s.bands[i]
		b.y0 = next[b.from]
		next[b.from] += b.w
	}
	order := make([]int, len(s.bands))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(s.bands[a].to-s.bands[b].to, s.bands[a].from-s.bands[b].from)
	})
	next = make([]float64, len(s.treats))
	for i, n := range s.treats {
		next[i] = n.y
	}
	for _, i := range order {
		b := &s.bands[i]
		b.y1 = next[b.to]
		next[b.to] += b.w
	}

	x0, x1 := xl+sankeyBarW, xr
	mid := (x0 + x1) / 2
	d.pdf.SetAlpha(sankeyBandAlpha, "Normal")
	for _, b := range s.bands {
		d.fill(s.treats[b.to].color)
		d.pdf.MoveTo(x0, b.y0)
		d.pdf.CurveBezierCubicTo(mid, b.y0, mid, b.y1, x1, b.y1)
		d.pdf.LineTo(x1, b.y1+b.w)
		d.pdf.CurveBezierCubicTo(mid, b.y1+b.w, mid, b.y0+b.w, x0, b.y0+b.w)
		d.pdf.ClosePath()
		d.pdf.DrawPath("F")
	}
	d.pdf.SetAlpha(1, "Normal")
	for _, n := range s.fams {
		d.fill(n.color)
		d.pdf.Rect(xl, n.y, sankeyBarW, n.h, "F")
	}
	for _, n := range s.treats {
		d.fill(n.color)
		d.pdf.Rect(xr, n.y, sankeyBarW, n.h, "F")
	}

	d.sankeyLabels(s.fams, xl-1.2, lw-2, top, top+plotH, true)
	d.sankeyLabels(s.treats, xr+sankeyBarW+1.2, rw-2, top, top+plotH, false)
	d.ink(inkColor)
	d.pdf.SetY(top + plotH + 2)
}

// labelWidth is the width of a node's label: its name, a space and its
// tonnes in bold.
func (d *pdfDoc) labelWidth(n sankeyNode) float64 {
	d.font("B", sankeyLabelSize)
	w := d.pdf.GetStringWidth(" " + n.tonnes)
	d.font("", sankeyLabelSize)
	return w + d.pdf.GetStringWidth(n.label)
}

// sankeyLabels writes the nodes' labels beside them, from x (rightwards,
// or leftwards when left is set) within a width w, moved apart when the
// nodes are too close for them, with a short leader line then.
func (d *pdfDoc) sankeyLabels(nodes []sankeyNode, x, w, lo, hi float64, left bool) {
	centres := make([]float64, len(nodes))
	for i, n := range nodes {
		centres[i] = n.y + n.h/2
	}
	ys := spreadLabels(centres, sankeyLabelH, lo, hi)
	for i, n := range nodes {
		y := ys[i]
		d.font("B", sankeyLabelSize)
		tw := d.pdf.GetStringWidth(n.tonnes)
		space := d.pdf.GetStringWidth(" ")
		d.font("", sankeyLabelSize)
		name := d.fit(n.label, max(w-tw-space, 1))
		nw := d.pdf.GetStringWidth(name)
		gap := 0.0
		if math.Abs(y-centres[i]) > 0.4 { // leader line to the node
			gap = 2.2
			d.draw(mutedColor)
			d.pdf.SetLineWidth(0.15)
			if left {
				d.pdf.Line(x+1, centres[i], x-gap+0.6, y)
			} else {
				d.pdf.Line(x-1, centres[i], x+gap-0.6, y)
			}
			d.pdf.SetLineWidth(0.2)
		}
		start := x + gap
		if left {
			start = x - gap - nw - space - tw
		}
		base := y + sankeyLabelSize*0.3528*0.35
		d.ink(inkColor)
		d.pdf.Text(start, base, name)
		d.font("B", sankeyLabelSize)
		d.pdf.Text(start+nw+space, base, n.tonnes)
	}
}

// spreadLabels moves the centres of labels of height h, in increasing
// order, apart so that they do not overlap, keeping them within lo..hi
// when there is room.
func spreadLabels(centres []float64, h, lo, hi float64) []float64 {
	ys := slices.Clone(centres)
	for i := range ys {
		floor := lo + h/2
		if i > 0 {
			floor = ys[i-1] + h
		}
		ys[i] = max(ys[i], floor)
	}
	for i := len(ys) - 1; i >= 0; i-- {
		ceil := hi - h/2
		if i < len(ys)-1 {
			ceil = ys[i+1] - h
		}
		ys[i] = min(ys[i], ceil)
	}
	return ys
}

// network draws the companies on a circle, linked by their synergies:
// realised ones as solid dark green lines, the others dashed grey. A
// company is a dot a little larger the more links it has, its name beside
// it, outside the circle.
func (d *pdfDoc) network(n Network) {
	d.ensure(networkHeight(len(n.Nodes) > 0))
	d.subheading(marginX, contentW, d.w("network"))
	if len(n.Nodes) == 0 {
		d.none()
		return
	}
	top := d.pdf.GetY() + 6 // room for the top node's label
	left := marginX + (contentW-networkSide)/2
	places := make([]netPlace, len(n.Nodes))
	// The gap between neighbours on the circle bounds the dots and labels.
	spacing := math.Pi * networkSide / float64(len(n.Nodes))
	rMax := min(3.2, max(0.4, spacing*0.3))
	for i, nd := range n.Nodes {
		if math.IsNaN(nd.X) || math.IsNaN(nd.Y) || math.IsInf(nd.X, 0) || math.IsInf(nd.Y, 0) {
			continue
		}
		links := float64(max(nd.Links, 0))
		places[i] = netPlace{
			x:  left + networkSide*min(max(nd.X, 0), 1),
			y:  top + networkSide*min(max(nd.Y, 0), 1),
			r:  min(1.3+0.35*math.Sqrt(links), rMax),
			ok: true,
		}
	}
	valid := func(i int) bool { return i >= 0 && i < len(places) && places[i].ok }

	// Dashed grey edges under the solid green ones.
	for _, realised := range []bool{false, true} {
		if realised {
			d.draw(realisedEdge)
			d.pdf.SetLineWidth(0.5)
			d.pdf.SetDashPattern(nil, 0)
		} else {
			d.draw(otherEdge)
			d.pdf.SetLineWidth(0.25)
			d.pdf.SetDashPattern([]float64{1.2, 0.9}, 0)
		}
		for _, e := range n.Edges {
			if (e.Status == model.StatusRealised) != realised || !valid(e.From) || !valid(e.To) || e.From == e.To {
				continue
			}
			a, b := places[e.From], places[e.To]
			d.pdf.Line(a.x, a.y, b.x, b.y)
			if realised {
				places[e.From].green, places[e.To].green = true, true
			}
		}
	}
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.SetLineWidth(0.2)

	d.draw(pdfColor{255, 255, 255})
	d.pdf.SetLineWidth(0.3)
	for _, p := range places {
		if !p.ok {
			continue
		}
		if p.green {
			d.fill(realisedEdge)
		} else {
			d.fill(slateColor)
		}
		d.pdf.Circle(p.x, p.y, p.r, "FD")
	}
	d.pdf.SetLineWidth(0.2)

	d.networkLabels(n.Nodes, places, left, top)

	// Legend under the circle.
	y := top + networkSide + 7 // under the bottom node's label
	d.font("", 8)
	keys := []string{d.enc(d.w("realised"), false), d.enc(d.w("other"), false)}
	width := 0.0
	for _, k := range keys {
		width += 8 + 1.5 + d.pdf.GetStringWidth(k) + 6
	}
	x := marginX + (contentW-width)/2
	for i, k := range keys {
		if i == 0 {
			d.draw(realisedEdge)
			d.pdf.SetLineWidth(0.5)
		} else {
			d.draw(otherEdge)
			d.pdf.SetLineWidth(0.25)
			d.pdf.SetDashPattern([]float64{1.2, 0.9}, 0)
		}
		d.pdf.Line(x, y+2.3, x+8, y+2.3)
		d.pdf.SetDashPattern(nil, 0)
		d.pdf.SetLineWidth(0.2)
		x += 9.5
		d.ink(inkColor)
		d.pdf.Text(x, y+2.3+8*0.3528*0.35, k)
		x += d.pdf.GetStringWidth(k) + 6
	}
	d.pdf.SetY(y + networkLegendH)
}

// netPlace is where a company of the network is drawn.
type netPlace struct {
	x, y, r float64
	ok      bool // drawn: its position is a number
	green   bool // in a realised synergy
}

// pdfBox is a rectangle of the page.
type pdfBox struct{ x0, y0, x1, y1 float64 }

func (a pdfBox) overlaps(b pdfBox) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// networkLabels writes the companies' names outside the circle: on the
// left half they end left of their node, on the right half they start
// right of it, sliding to be centred above the top node and below the
// bottom one. They are as tall as the gap between neighbours allows,
// 5 pt at least, cut to stay on the page. The most linked companies are
// labelled first; a label that would cover another or a node moves
// outwards, then shrinks to 5 pt, and is left out when it still does.
func (d *pdfDoc) networkLabels(nodes []Node, places []netPlace, left, top float64) {
	spacing := math.Pi * networkSide / float64(len(nodes))
	size := min(max(spacing/0.3528/1.1, 5), networkLabelPt)
	cx, cy := left+networkSide/2, top+networkSide/2
	lo, hi := top-6, top+networkSide+7 // the room kept for the labels

	var taken []pdfBox
	order := make([]int, 0, len(places))
	for i, p := range places {
		if p.ok {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(nodes[b].Links, nodes[a].Links) })
	covers := func(b pdfBox, self int) bool {
		for _, t := range taken {
			if b.overlaps(t) {
				return true
			}
		}
		for j, p := range places {
			if j != self && p.ok && b.overlaps(pdfBox{p.x - p.r, p.y - p.r, p.x + p.r, p.y + p.r}) {
				return true
			}
		}
		return false
	}
	d.ink(inkColor)
	for _, i := range order {
		p := places[i]
		if pdfBlank(nodes[i].Label) {
			continue
		}
		label := d.enc(strings.TrimSpace(nodes[i].Label), false)
		if len(label) > 160 { // far wider than any room: spare the measuring
			label = label[:160]
		}
		nx, ny := p.x-cx, p.y-cy
		if l := math.Hypot(nx, ny); l > 1e-6 {
			nx, ny = nx/l, ny/l
		} else {
			nx, ny = 1, 0
		}
		// The share of the label right of its anchor: none on the left
		// half, all on the right half, sliding from one to the other near
		// the top and the bottom.
		slide := min(max((nx+0.3)/0.6, 0), 1)
	try:
		for _, sz := range []float64{size, 5} {
			for step := range 4 {
				off := p.r + 0.8 + float64(step)*1.2
				ax, ay := p.x+off*nx, p.y+off*ny
				room := 48.0
				if slide < 1 {
					room = min(room, (ax-marginX)/(1-slide))
				}
				if slide > 0 {
					room = min(room, (marginX+contentW-ax)/slide)
				}
				if room < 3 {
					continue
				}
				d.font("", sz)
				s := d.shrink(label, "", sz, room)
				lw := d.pdf.GetStringWidth(s)
				fs, _ := d.pdf.GetFontSize()
				em := fs * 0.3528
				mid := ay + ny*(em*0.35+0.3)
				x := ax - lw*(1-slide)
				b := pdfBox{x, mid - em*0.45, x + lw, mid + em*0.45}
				if b.y0 < lo || b.y1 > hi || covers(b, i) {
					continue
				}
				d.pdf.Text(x, mid+em*0.35, s)
				taken = append(taken, b)
				break try
			}
			if sz <= 5 {
				break
			}
		}
	}
}
