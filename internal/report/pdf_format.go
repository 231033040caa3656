package report

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
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

// cp1252Extra are the characters cp1252 places in 0x80–0x9F; with
// printable ASCII and Latin-1 (0xA0–0xFF) they are all the core fonts can
// show.
const cp1252Extra = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"

func inCP1252(r rune) bool {
	return (r >= 0x20 && r < 0x7f) || (r >= 0xa0 && r <= 0xff) || strings.ContainsRune(cp1252Extra, r)
}

// plain replaces characters cp1252 lacks by what reads the same.
var plainChars = map[rune]string{
	'→': "->", '⇒': "=>", '←': "<-", '⇐': "<=", '↔': "<->", '⇔': "<=>",
	'≥': ">=", '≤': "<=", '≠': "!=", '≈': "~", '∼': "~", '−': "-",
	'‐': "-", '‑': "-", '‒': "-", '―': "—", '⁄': "/", '∕': "/",
	'′': "'", '″': "\"", 'ʼ': "’", 'ˮ': "”", '∙': "·", '⋅': "·", '●': "•",
	'‣': "•", '◦': "•", '✓': "v", '✔': "v", '✗': "x", '✘': "x",
	'\u202f': nbspace, '\u2007': nbspace, '\u2060': "", '\u200b': "", '\u200c': "",
	'\u200d': "", '\ufeff': "", '\u00ad': "", '\u2002': " ", '\u2003': " ",
	'\u2004': " ", '\u2005': " ", '\u2006': " ", '\u2008': " ", '\u2009': " ",
	'\u200a': " ", '\u205f': " ", '\u3000': " ", '\u2028': "\n", '\u2029': "\n",
	'⁰': "0", '⁴': "4", '⁵': "5", '⁶': "6", '⁷': "7", '⁸': "8", '⁹': "9",
	'₀': "0", '₁': "1", '₂': "2", '₃': "3", '₄': "4",
	'Ł': "L", 'ł': "l", 'Đ': "D", 'đ': "d", 'ı': "i", 'ħ': "h",
	'ﬁ': "fi", 'ﬂ': "fl", 'ﬀ': "ff", 'ﬃ': "ffi", 'ﬄ': "ffl",
}

// cleanText brings any text to what a cp1252 core font can show:
// composed accents, characters outside cp1252 replaced by plain
// equivalents (→ becomes ->, a narrow no-break space a no-break space,
// ő becomes o, 日 becomes ?), soft hyphens and control characters
// dropped. Line breaks are kept when multiline is set, spaces otherwise.
func cleanText(s string, multiline bool) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20, r >= 0x7f && r < 0xa0:
			// control characters, \r included
		case hasPlain(r):
			p := plainChars[r]
			if p == "\n" && !multiline {
				p = " "
			}
			b.WriteString(p)
		case inCP1252(r):
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a combining mark NFC could not compose
		default:
			b.WriteString(baseLetter(r))
		}
	}
	return b.String()
}

func hasPlain(r rune) bool { _, ok := plainChars[r]; return ok }

// fallback is the base letter of a decomposable character (ő → o), ? for
// the rest.
func baseLetter(r rune) string {
	for _, d := range norm.NFD.String(string(r)) {
		if d < 0x7f && d >= 0x20 {
			return string(d)
		}
		break
	}
	return "?"
}
