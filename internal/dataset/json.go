package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readJSON reads a dataset written as one JSON document
// {"companies": [...], "flows": [...], "synergies": [...]}, each record an
// object with the CSV column names. Values may be strings, numbers, booleans
// or, for list fields such as tags and company_ids, arrays.
func readJSON(source string, data []byte) ([]table, Problems) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	lines := newLineIndex(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	fail := func(err error) ([]table, Problems) {
		line := lines.at(int(dec.InputOffset()))
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = lines.at(int(se.Offset))
		}
		return nil, Problems{{Severity: Error, File: source, Line: line, Message: "malformed JSON: " + err.Error()}}
	}
	tok, err := dec.Token()
	if err != nil {
		return fail(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, Problems{{Severity: Error, File: source, Line: 1,
			Message: `the document must be an object {"companies": [...], "flows": [...], "synergies": [...]}`}}
	}
	var tables []table
	var problems Problems
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		key, _ := tok.(string)
		name := normaliseHeader(key)
		if _, known := columns[name]; !known {
			problems = append(problems, Problem{Severity: Warning, File: source, Line: lines.at(int(dec.InputOffset())),
				Field: key, Message: "unknown section, ignored"})
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return fail(err)
			}
			continue
		}
		t := table{name: name, source: source}
		if tok, err := dec.Token(); err != nil {
			return fail(err)
		} else if d, ok := tok.(json.Delim); !ok || d != '[' {
			return nil, append(problems, Problem{Severity: Error, File: source, Line: lines.at(int(dec.InputOffset())),
				Field: key, Message: "must be an array of objects"})
		}
		for dec.More() {
			line := lines.at(lines.nextValue(int(dec.InputOffset())))
			var obj map[string]any
			if err := dec.Decode(&obj); err != nil {
				var te *json.UnmarshalTypeError
				if errors.As(err, &te) {
					problems = append(problems, Problem{Severity: Error, File: source, Line: line, Field: key,
						Message: "each record must be an object"})
					continue
				}
				return fail(err)
			}
			fields := map[string]string{}
			for k, v := range obj {
				s, err := CellText(v)
				if err != nil {
					problems = append(problems, Problem{Severity: Error, File: source, Line: line, Field: k, Message: err.Error()})
					continue
				}
				fields[normaliseHeader(k)] = s
			}
			t.records = append(t.records, record{line: line, fields: fields})
		}
		if _, err := dec.Token(); err != nil { // closing ]
			return fail(err)
		}
		tables = append(tables, t)
	}
	if _, err := dec.Token(); err != nil && !errors.Is(err, io.EOF) { // closing }
		return fail(err)
	}
	return tables, problems
}

// CellText turns a JSON value into the text a CSV cell would hold: lists
// become ";"-separated values; nested lists and objects are refused.
func CellText(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	case bool:
		return fmt.Sprint(x), nil
	case []any:
		parts := make([]string, 0, len(x))
		for _, item := range x {
			s, err := CellText(item)
			if err != nil {
				return "", err
			}
			if _, nested := item.([]any); nested {
				return "", fmt.Errorf("nested arrays are not allowed")
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ";"), nil
	default:
		return "", fmt.Errorf("objects are not allowed as values")
	}
}

// lineIndex converts byte offsets of a document into line numbers.
type lineIndex struct {
	data   []byte
	starts []int
}

func newLineIndex(data []byte) lineIndex {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{data: data, starts: starts}
}

func (l lineIndex) at(offset int) int {
	lo, hi := 0, len(l.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// nextValue skips the white space and separators after offset, to the first
// byte of the next JSON value.
func (l lineIndex) nextValue(offset int) int {
	for offset < len(l.data) {
		switch l.data[offset] {
		case ' ', '\t', '\r', '\n', ',', '[':
			offset++
		default:
			return offset
		}
	}
	return offset
}
