package report

import (
	"fmt"
	"math"
	"slices"
)

// svgSankey is the Sankey diagram laid out for the HTML page, in a
// 640 × 320 box.
type svgSankey struct {
	Left, Right []svgNode
	Bands       []svgBand
}

type svgNode struct {
	Label  string
	Tonnes float64
	Y, H   float64
	LabelY float64
	Colour string
}

type svgBand struct {
	Path              string
	Colour            string
	Family, Treatment string
	Tonnes            float64
}

// treatmentColours tell good outcomes from bad ones at a glance.
var treatmentColours = map[string]string{
	"synergy": "#2e7d5b", "reuse": "#5a9e7c", "recycling": "#7fb59a", "energy_recovery": "#c9a74c",
	"other": "#9aa5ab", "unknown": "#b8c1c6", "incineration": "#c77b62", "landfill": "#a8503c",
}

func htmlSankey(links []SankeyLink) *svgSankey {
	const top, height, gap, leftX, rightX, nodeW = 10.0, 300.0, 8.0, 150.0, 470.0, 12.0
	var usable []SankeyLink
	total := 0.0
	famTotal, treatTotal := map[string]float64{}, map[string]float64{}
	for _, l := range links {
		if !(l.Tonnes > 0) || math.IsInf(l.Tonnes, 0) {
			continue
		}
		usable = append(usable, l)
		total += l.Tonnes
		famTotal[l.Family] += l.Tonnes
		treatTotal[l.Treatment] += l.Tonnes
	}
	if total == 0 {
		return nil
	}
	var families, treats []string
	for _, l := range usable {
		if !slices.Contains(families, l.Family) {
			families = append(families, l.Family)
		}
	}
	for _, t := range treatments {
		if treatTotal[t] > 0 {
			treats = append(treats, t)
		}
	}
	for t := range treatTotal {
		if !slices.Contains(treats, t) {
			treats = append(treats, t) // a treatment outside the known list
		}
	}
	scale := func(n int) float64 { return (height - gap*float64(max(n-1, 0))) / total }
	ls, rs := scale(len(families)), scale(len(treats))
	s := &svgSankey{}
	leftY, rightY := map[string]float64{}, map[string]float64{}
	y := top
	for _, f := range families {
		h := famTotal[f] * ls
		s.Left = append(s.Left, svgNode{Label: f, Tonnes: famTotal[f], Y: round(y), H: round(math.Max(h, 1)), LabelY: round(y + h/2 + 4), Colour: "#52636b"})
		leftY[f] = y
		y += h + gap
	}
	y = top
	for _, t := range treats {
		h := treatTotal[t] * rs
		colour := treatmentColours[t]
		if colour == "" {
			colour = "#9aa5ab"
		}
		s.Right = append(s.Right, svgNode{Label: t, Tonnes: treatTotal[t], Y: round(y), H: round(math.Max(h, 1)), LabelY: round(y + h/2 + 4), Colour: colour})
		rightY[t] = y
		y += h + gap
	}
	x0, x1 := leftX+nodeW, rightX
	mid := (x0 + x1) / 2
	for _, t := range treats { // bands stacked on both sides in the same order
		for _, l := range usable {
			if l.Treatment != t {
				continue
			}
			y0, y1 := leftY[l.Family], rightY[l.Treatment]
			h0, h1 := l.Tonnes*ls, l.Tonnes*rs
			leftY[l.Family] += h0
			rightY[l.Treatment] += h1
			path := fmt.Sprintf("M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f L%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f Z",
				x0, y0, mid, y0, mid, y1, x1, y1, x1, y1+h1, mid, y1+h1, mid, y0+h0, x0, y0+h0)
			colour := treatmentColours[l.Treatment]
			if colour == "" {
				colour = "#9aa5ab"
			}
			s.Bands = append(s.Bands, svgBand{Path: path, Colour: colour, Family: l.Family, Treatment: l.Treatment, Tonnes: l.Tonnes})
		}
	}
	return s
}

// svgNetwork is the network laid out in a 640 × 560 box.
type svgNetwork struct {
	Nodes []svgNetNode
	Edges []svgEdge
}

type svgNetNode struct {
	Label          string
	X, Y, R        float64
	LabelX, LabelY float64
	Rotate         float64 // degrees: labels run along the radius, so they never overlap
	Anchor         string
}

type svgEdge struct {
	X1, Y1, X2, Y2 float64
	Realised       bool
}

func htmlNetwork(n Network) *svgNetwork {
	if len(n.Nodes) == 0 {
		return nil
	}
	const cx, cy, radius = 450.0, 380.0, 170.0
	out := &svgNetwork{}
	pos := func(nd Node) (float64, float64) { return cx + (nd.X-0.5)*2*radius, cy + (nd.Y-0.5)*2*radius }
	for _, nd := range n.Nodes {
		x, y := pos(nd)
		r := math.Min(3+0.6*float64(nd.Links), 8)
		angle := math.Atan2(y-cy, x-cx)
		lx, ly := x+(r+4)*math.Cos(angle), y+(r+4)*math.Sin(angle)
		node := svgNetNode{Label: shortLabel(nd.Label, 34), X: round(x), Y: round(y), R: round(r), LabelX: round(lx), LabelY: round(ly),
			Rotate: round(angle * 180 / math.Pi), Anchor: "start"}
		if math.Cos(angle) < 0 { // left half: turned over to read left to right
			node.Rotate, node.Anchor = round(node.Rotate+180), "end"
		}
		out.Nodes = append(out.Nodes, node)
	}
	for _, e := range n.Edges {
		if e.From < 0 || e.To < 0 || e.From >= len(n.Nodes) || e.To >= len(n.Nodes) {
			continue
		}
		a, b := out.Nodes[e.From], out.Nodes[e.To]
		out.Edges = append(out.Edges, svgEdge{X1: a.X, Y1: a.Y, X2: b.X, Y2: b.Y, Realised: e.Status == "realised"})
	}
	return out
}

// shortLabel cuts a label to n characters, with an ellipsis.
func shortLabel(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
