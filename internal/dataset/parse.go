package dataset

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math"
	"strings"

	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// Options give the reader what it needs to know beyond the files.
type Options struct {
	// KnownCompanies and KnownFlows are the dataset ids already stored in
	// the territory, so that a file may refer to them (flows.csv alone, say).
	KnownCompanies map[string]bool
	KnownFlows     map[string]model.Direction
	// Resources checks taxonomy codes and guesses them from labels; nil
	// accepts any code and guesses nothing.
	Resources ResourceKnowledge
}

// ResourceKnowledge is what the reader needs of the resource taxonomy.
type ResourceKnowledge interface {
	// Exists reports whether code is a node of the taxonomy.
	Exists(code string) bool
	// Family returns the flow family a node belongs to.
	Family(code string) string
	// Classify returns the best node for a flow's label, knowing its List of
	// Waste code and family when given, with a confidence in 0..1.
	Classify(label, ewc, family string) (code string, confidence float64, ok bool)
}

// line is the reading context of one record: where it is, and the list its
// problems go to.
type line struct {
	src      string
	n        int
	problems *Problems
}

func (l line) errorf(field, format string, args ...any) {
	*l.problems = append(*l.problems, Problem{Severity: Error, File: l.src, Line: l.n, Field: field, Message: fmt.Sprintf(format, args...)})
}

func (l line) warnf(field, format string, args ...any) {
	*l.problems = append(*l.problems, Problem{Severity: Warning, File: l.src, Line: l.n, Field: field, Message: fmt.Sprintf(format, args...)})
}

// number reads an optional number field; min is the smallest allowed value.
func (l line) number(r record, field string, min float64) *float64 {
	s := r.get(field)
	if s == "" {
		return nil
	}
	v, err := parseNumber(s)
	if err != nil {
		l.errorf(field, "%q is not a number", s)
		return nil
	}
	if v < min {
		l.errorf(field, "%s must be at least %s", s, formatNumber(min))
		return nil
	}
	return &v
}

func (l line) word(r record, field string, v vocab, def string, allowed string) string {
	s := r.get(field)
	if s == "" {
		return def
	}
	c, ok := v.lookup(s)
	if !ok {
		l.errorf(field, "%q is not one of %s", s, allowed)
		return def
	}
	return c
}

func (l line) date(r record, field string) string {
	s := r.get(field)
	if s == "" {
		return ""
	}
	d, err := parseDate(s)
	if err != nil {
		l.errorf(field, "%v", err)
	}
	return d
}

func (l line) required(r record, field string) string {
	s := r.get(field)
	if s == "" {
		l.errorf(field, "required")
	}
	return s
}

// parser turns the text tables of a dataset into records, checking each.
type parser struct {
	opt       Options
	problems  Problems
	ds        model.Dataset
	companies map[string]bool
	flows     map[string]model.Direction
	// classified memoises the classifier by label and List of Waste code.
	classified map[string]classification
}

type classification struct {
	code       string
	confidence float64
	ok         bool
}

func (p *parser) companyExists(id string) bool { return p.companies[id] || p.opt.KnownCompanies[id] }

func (p *parser) parseCompanies(t table) {
	seen := map[string]int{}
	for _, r := range t.records {
		l := line{t.source, r.line, &p.problems}
		c := model.Company{ExtID: l.required(r, "id"), Name: l.required(r, "name"), Attrs: r.extras(FileCompanies)}
		if prev, dup := seen[c.ExtID]; dup && c.ExtID != "" {
			l.errorf("id", "%q is already used on line %d", c.ExtID, prev)
		}
		seen[c.ExtID] = r.line
		if s := r.get("siret"); s != "" {
			siret, ok, keyOK := cleanSIRET(s)
			switch {
			case !ok:
				l.errorf("siret", "%q is not a SIRET (14 digits)", s)
			case !keyOK:
				l.warnf("siret", "%s has a wrong check key (Luhn): check for a typing error", siret)
			}
			c.SIRET = siret
		}
		if s := r.get("naf"); s != "" {
			code, err := nomenclature.ParseActivityCode(s)
			if err != nil {
				l.errorf("naf", "%v", err)
			} else if _, ok := nomenclature.LookupActivity(code); !ok {
				l.warnf("naf", "%s is not in NAF rév.2 or NACE Rev.2", code)
			}
			c.NAF = code
			if err != nil {
				c.NAF = s
			}
		}
		if v := l.number(r, "employees", 0); v != nil {
			if *v != math.Trunc(*v) {
				l.errorf("employees", "%s is not a whole number", r.get("employees"))
			} else {
				n := int(*v)
				c.Employees = &n
			}
		}
		c.Address, c.City, c.Zone = r.get("address"), r.get("city"), r.get("zone")
		c.Postcode = r.get("postcode")
		if len(c.Postcode) == 4 && strings.Trim(c.Postcode, "0123456789") == "" {
			c.Postcode = "0" + c.Postcode // a spreadsheet dropped the leading zero of 01000
		}
		c.Tags = splitList(r.get("tags"))
		c.Lat, c.Lon = l.number(r, "lat", -90), l.number(r, "lon", -180)
		switch {
		case c.Lat != nil && *c.Lat > 90:
			l.errorf("lat", "%s is not a latitude (-90 to 90)", r.get("lat"))
			c.Lat = nil
		case c.Lon != nil && *c.Lon > 180:
			l.errorf("lon", "%s is not a longitude (-180 to 180)", r.get("lon"))
			c.Lon = nil
		}
		if (r.get("lat") == "") != (r.get("lon") == "") {
			l.errorf("lat", "lat and lon go together: give both or neither")
		} else if r.get("lat") == "" {
			l.warnf("lat", "no coordinates: the company will be matched without distance")
		}
		p.companies[c.ExtID] = true
		p.ds.Companies = append(p.ds.Companies, c)
	}
}

func (p *parser) parseContacts(t table) {
	for _, r := range t.records {
		l := line{t.source, r.line, &p.problems}
		ct := model.Contact{CompanyExtID: l.required(r, "company_id"), Name: r.get("name"), Role: r.get("role"),
			Email: r.get("email"), Phone: r.get("phone")}
		if ct.CompanyExtID != "" && !p.companyExists(ct.CompanyExtID) {
			l.errorf("company_id", "no company with id %q", ct.CompanyExtID)
		}
		if ct.Name == "" && ct.Email == "" {
			l.errorf("name", "a contact needs a name or an email")
		}
		if ct.Email != "" && (!strings.Contains(ct.Email, "@") || strings.ContainsAny(ct.Email, " ,;")) {
			l.errorf("email", "%q is not an email address", ct.Email)
		}
		p.ds.Contacts = append(p.ds.Contacts, ct)
	}
}

// generatedID gives a record without an id a stable one, derived from its
// content, so that importing the same file twice updates instead of
// duplicating.
func generatedID(prefix string, used map[string]int, parts ...string) string {
	sum := sha1.Sum([]byte(strings.Join(parts, "\x1f")))
	id := prefix + hex.EncodeToString(sum[:5])
	base := id
	for n := 2; used[id] != 0; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}
