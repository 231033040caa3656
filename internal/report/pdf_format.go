package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"symbiose/internal/pdftext"
)

// nbspace is the no-break space, which the PDF core fonts know (cp1252 0xA0):
// French thousands and the space before a unit or a percent sign never
// break across lines.
const nbspace = "\u00a0"

// isFrench tells whether numbers and dates are written the French way:
// every language but English is, since French is the fallback.
func isFrench(lang string) bool { return lang != "en" }

// groupDigits puts a separator every three digits of an unsigned integer
// written in decimal.
func groupDigits(digits, sep string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// formatFixed writes v with a fixed number of decimals, thousands grouped,
// in the language's way. Trailing zero decimals are dropped when trim is
// set (2.50 → 2,5; 3.00 → 3).
func formatFixed(lang string, v float64, decimals int, trim bool) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	if math.Abs(v) >= 1e15 {
		point := "."
		if isFrench(lang) {
			point = ","
		}
		// Beyond any real figure: keep it short rather than print 300 digits.
		return strings.Replace(strconv.FormatFloat(v, 'e', 2, 64), ".", point, 1)
	}
	// Round half away from zero (7.25 → 7.3) before writing.
	p := math.Pow10(decimals)
	v = math.Round(v*p) / p
	return groupNumber(lang, strconv.FormatFloat(v, 'f', decimals, 64), trim)
}

// groupNumber groups the thousands of a number written with an optional
// minus sign and a decimal point, and writes it the language's way.
func groupNumber(lang, s string, trim bool) string {
	thousands, point := ",", "."
	if isFrench(lang) {
		thousands, point = nbspace, ","
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if trim {
		frac = strings.TrimRight(frac, "0")
	}
	out := groupDigits(intPart, thousands)
	if frac != "" {
		out += point + frac
	}
	if neg && strings.Trim(out, "0,."+nbspace) != "" {
		out = "-" + out
	}
	return out
}

// formatInt writes a count with its thousands grouped.
func formatInt(lang string, n int) string {
	return groupNumber(lang, strconv.Itoa(n), false)
}

// formatQty writes a physical quantity (tonnes, t CO2e, MWh, m3, FTE):
// whole numbers from 10 up, one decimal from 1 to 10, two below 1, without
// trailing zeros.
func formatQty(lang string, v float64) string {
	switch a := math.Abs(v); {
	case a >= 10:
		return formatFixed(lang, math.Round(v), 0, false)
	case a >= 1:
		return formatFixed(lang, v, 1, true)
	default:
		return formatFixed(lang, v, 2, true)
	}
}

// formatEuros writes an amount in whole euros, without the sign.
func formatEuros(lang string, v float64) string {
	return formatFixed(lang, math.Round(v), 0, false)
}

// formatPercent writes a ratio (0.9) as a percentage (90 %, 90%).
func formatPercent(lang string, ratio float64) string {
	p := formatFixed(lang, math.Round(ratio*100), 0, false)
	if isFrench(lang) {
		return p + nbspace + "%"
	}
	return p + "%"
}

// formatDay writes the day a report was generated: 27/11/2026 in French,
// 27 November 2026 in English.
func formatDay(lang string, t time.Time) string {
	if isFrench(lang) {
		return t.Format("02/01/2006")
	}
	return t.Format("2 January 2006")
}

// formatDate writes an ISO date (or year, or year-month) of the report's
// data: 01/03/2019 in French, unchanged in English. What is not a date is
// returned as it is.
func formatDate(lang, s string) string {
	s = strings.TrimSpace(s)
	if !isFrench(lang) || s == "" {
		return s
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("02/01/2006")
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format("02/01/2006")
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t.Format("01/2006")
	}
	return s
}

// cleanText brings any text to what the PDF's core fonts can show.
var cleanText = pdftext.Clean
