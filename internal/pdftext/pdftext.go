// Package pdftext prepares text for the PDF core fonts (Helvetica and its
// kin), which only know cp1252: the report and the bourse printables share it.
package pdftext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

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
	'\u202f': "\u00a0", '\u2007': "\u00a0", '\u2060': "", '\u200b': "", '\u200c': "",
	'\u200d': "", '\ufeff': "", '\u00ad': "", '\u2002': " ", '\u2003': " ",
	'\u2004': " ", '\u2005': " ", '\u2006': " ", '\u2008': " ", '\u2009': " ",
	'\u200a': " ", '\u205f': " ", '\u3000': " ", '\u2028': "\n", '\u2029': "\n",
	'⁰': "0", '⁴': "4", '⁵': "5", '⁶': "6", '⁷': "7", '⁸': "8", '⁹': "9",
	'₀': "0", '₁': "1", '₂': "2", '₃': "3", '₄': "4",
	'Ł': "L", 'ł': "l", 'Đ': "D", 'đ': "d", 'ı': "i", 'ħ': "h",
	'ﬁ': "fi", 'ﬂ': "fl", 'ﬀ': "ff", 'ﬃ': "ffi", 'ﬄ': "ffl",
}

// Clean brings any text to what a cp1252 core font can show:
// composed accents, characters outside cp1252 replaced by plain
// equivalents (→ becomes ->, a narrow no-break space a no-break space,
// ő becomes o, 日 becomes ?), soft hyphens and control characters
// dropped. Line breaks are kept when multiline is set, spaces otherwise.
func Clean(s string, multiline bool) string {
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
