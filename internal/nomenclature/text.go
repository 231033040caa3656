package nomenclature

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// stripMarks removes accents. A transform chain keeps buffers, so each
// goroutine takes its own from the pool.
var stripMarks = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Fold lower-cases s, removes its accents and collapses white space, so that
// "Énergie  " and "energie" compare equal. It is safe for concurrent use.
func Fold(s string) string {
	t := stripMarks.Get().(transform.Transformer)
	out, _, err := transform.String(t, strings.ToLower(s))
	stripMarks.Put(t)
	if err != nil {
		out = strings.ToLower(s)
	}
	out = ligatures.Replace(out)
	return strings.Join(strings.Fields(out), " ")
}

var ligatures = strings.NewReplacer("’", "'", "œ", "oe", "æ", "ae", "ß", "ss")

// stopwords carry no meaning about what a flow is: articles, prepositions,
// and the words people use to say they need or offer something.
var stopwords = toSet(`a au aux avec ce ces d de des du en et l la le les leur leurs ou par pour sur sans un une
	nos notre votre vos chez dont tres plus moins env environ etc
	an and as at by for from in into of on or per the to with without our their its any some approx about
	besoin besoins recherche recherchons cherche cherchons souhaite souhaitons achat achete achetons
	need needs needed looking seek seeking wanted want require required buy buying purchase
	disponible disponibles dispo offre offert propose proposons available offer offered spare
	semaine mois an annee jour week month year day par tonne tonnes kg litre litres t`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var elision = regexp.MustCompile(`\b(l|d|j|n|s|c|qu|jusqu)'`)

// temperature finds a temperature in a folded label: "70°c", "70 °c", "70 degres".
// A minus sign right after a digit is a range ("200-220 °C"), not a sign.
var temperature = regexp.MustCompile(`(?:^|[^0-9])(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c?|deg(?:res|rees|re|ree)?\b|degc\b)`)

// words splits a label into normalised tokens: folded, elisions removed,
// numbers and one-letter tokens dropped, stopwords removed, light stemming.
func words(label string) []string {
	ws := weightedWords(label)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.tok
	}
	return out
}

// word is a token with the weight of its place in the label.
type word struct {
	tok    string
	weight float64
}

// detailWeight is the weight of the words after a label's head: people name
// the thing first, then where it comes from or what it is for ("fly ash
// from the boilers", "chaleur pour le séchage").
const detailWeight = 0.45

// detailMarkers open the part of a label that qualifies its head.
var detailMarkers = toSet(`from for pour issu issue issus issues provenant provenance destine destinee destines
	used utilise utilisee utilises utilisees via after apres`)

// weightedWords is words with each token's weight: 1 in the head of the
// label, detailWeight after a detail marker, a comma or a parenthesis.
func weightedWords(label string) []word {
	s := elision.ReplaceAllString(Fold(label), "")
	var out []word
	weight := 1.0
	start := 0
	flush := func(end int) {
		for _, f := range strings.FieldsFunc(s[start:end], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if detailMarkers[f] {
				weight = detailWeight
				continue
			}
			f = strings.TrimLeft(f, "0123456789") // "200l", "3m" lose their number
			if len(f) < 2 || stopwords[f] {
				continue
			}
			if f = stem(f); !stopwords[f] {
				out = append(out, word{f, weight})
			}
		}
	}
	for i, r := range s {
		if r == ',' || r == '(' || r == ';' || r == ':' {
			flush(i)
			start = i + 1
			if len(out) > 0 {
				weight = detailWeight
			}
		}
	}
	flush(len(s))
	return out
}

// stem folds French and English plurals and French past-participle
// agreements onto one form: palettes -> palette, metaux -> metal,
// cassees -> casse, batteries -> battery.
func stem(w string) string {
	n := len(w)
	switch {
	case n <= 3:
		return w
	case strings.HasSuffix(w, "eaux") || strings.HasSuffix(w, "yaux"):
		w = w[:n-1]
	case strings.HasSuffix(w, "aux") && n > 5:
		w = w[:n-3] + "al"
	case strings.HasSuffix(w, "ies") && n > 5:
		w = w[:n-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	if strings.HasSuffix(w, "ee") && len(w) > 4 {
		w = w[:len(w)-1]
	}
	return w
}

// findTemperature returns the first temperature in a label, in °C.
func findTemperature(label string) (float64, bool) {
	m := temperature.FindStringSubmatch(Fold(label))
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.Replace(m[1], ",", ".", 1), 64)
	return v, err == nil
}

var pressure = regexp.MustCompile(`\d\s*bars?\b`)

// hasPressure reports whether a label gives a pressure in bar: heat under
// pressure is steam.
func hasPressure(label string) bool { return pressure.MatchString(Fold(label)) }

// Temperature returns the first temperature written in a text ("vapeur
// 180 °C", "eau à 35°C"), in °C.
func Temperature(text string) (float64, bool) { return findTemperature(text) }
