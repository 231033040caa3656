package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// parseNumber reads a number written with a decimal point or a decimal comma,
// with optional thousands separators: "1200.5", "1 200,5", "1.200,5", "1,200.5".
func parseNumber(s string) (float64, error) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\'':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return 0, fmt.Errorf("empty number")
	}
	comma, dot := strings.LastIndex(s, ","), strings.LastIndex(s, ".")
	switch {
	case comma >= 0 && dot >= 0 && comma > dot: // 1.200,5
		s = strings.ReplaceAll(s[:comma], ".", "") + "." + s[comma+1:]
	case comma >= 0 && dot >= 0: // 1,200.5
		s = strings.ReplaceAll(s, ",", "")
	case comma >= 0 && strings.Count(s, ",") == 1: // 1,5
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return v, nil
}

// formatNumber writes a number the shortest way that reads back exactly.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// parseDate reads an ISO date, or a French dd/mm/yyyy one, and returns it in
// ISO form.
func parseDate(s string) (string, error) {
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006", "2006-01-02T15:04:05Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
}

// cleanSIRET removes the spaces people put in a SIRET and checks its shape
// and Luhn key. ok is false when the shape is wrong; keyOK reports the key.
func cleanSIRET(s string) (siret string, ok, keyOK bool) {
	siret = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, s)
	if len(siret) != 14 {
		return siret, false, false
	}
	for _, r := range siret {
		if r < '0' || r > '9' {
			return siret, false, false
		}
	}
	return siret, true, siretKeyOK(siret)
}

// siretKeyOK checks the Luhn key of a SIRET. La Poste's establishments
// (SIREN 356000000) are numbered in sequence and use another rule: the sum
// of the digits is a multiple of 5.
func siretKeyOK(siret string) bool {
	sum := 0
	if strings.HasPrefix(siret, "356000000") {
		for _, r := range siret {
			sum += int(r - '0')
		}
		return sum%5 == 0
	}
	for i := 0; i < 14; i++ {
		d := int(siret[13-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// splitList reads a ";"-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
