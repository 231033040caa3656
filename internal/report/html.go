package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"

	symtemplate "symbiose/internal/template"
)

//go:embed report.html
var htmlSource string

var htmlPage = template.Must(template.New("report").Funcs(template.FuncMap{
	"w":    word,
	"code": code,
	"num": func(lang string, v any) string {
		if f, ok := v.(float64); ok && math.Abs(f) >= 10 {
			v = math.Round(f)
		}
		return symtemplate.Number(lang, v)
	},
	"date": func(lang, iso string) string {
		if len(iso) == 10 && lang != "en" {
			return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
		}
		return iso
	},
	"bars":     htmlBars,
	"yearBars": htmlYearBars,
	"sankey":   htmlSankey,
	"network":  htmlNetwork,
}).Parse(htmlSource))

// WriteHTML writes the report as one self-contained HTML page (styles and
// charts inline), printable from a browser.
func WriteHTML(w io.Writer, r Report) error {
	if r.Lang != "en" {
		r.Lang = "fr"
	}
	if err := htmlPage.Execute(w, r); err != nil {
		return fmt.Errorf("write HTML report: %w", err)
	}
	return nil
}

// htmlBar is one bar of a horizontal bar chart, its width in percent of the
// largest.
type htmlBar struct {
	Label string
	Value int
	Width float64
}

func htmlBars(counts []Count) []htmlBar {
	largest := 0
	for _, c := range counts {
		largest = max(largest, c.Value)
	}
	out := make([]htmlBar, len(counts))
	for i, c := range counts {
		out[i] = htmlBar{Label: c.Label, Value: c.Value}
		if largest > 0 {
			out[i].Width = math.Round(1000*float64(c.Value)/float64(largest)) / 10
		}
	}
	return out
}

// htmlYearBar is one column of the by-year chart, heights in SVG units.
type htmlYearBar struct {
	Year                    int
	X, RealisedY, RealisedH float64
	OtherY, OtherH          float64
	Realised, Other         int
}

// htmlYearBars lays the by-year chart out in a 600 × 200 SVG box: one stacked
// column a year, realised at the bottom.
func htmlYearBars(years []YearCount) []htmlYearBar {
	const height, width = 170.0, 560.0
	largest := 0
	for _, y := range years {
		largest = max(largest, y.Realised+y.Other)
	}
	if largest == 0 || len(years) == 0 {
		return nil
	}
	step := width / float64(len(years))
	out := make([]htmlYearBar, len(years))
	for i, y := range years {
		rh := height * float64(y.Realised) / float64(largest)
		oh := height * float64(y.Other) / float64(largest)
		out[i] = htmlYearBar{Year: y.Year, X: 30 + float64(i)*step + step*0.2, RealisedY: 10 + height - rh, RealisedH: rh,
			OtherY: 10 + height - rh - oh, OtherH: oh, Realised: y.Realised, Other: y.Other}
	}
	return out
}
