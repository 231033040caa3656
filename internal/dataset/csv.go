package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// readCSV reads one CSV file of a dataset: UTF-8 (a BOM is accepted; a file
// that is not valid UTF-8 is read as Windows-1252, as French Excel writes
// it), comma or semicolon separated, RFC 4180 quoting.
func readCSV(name, source string, data []byte) (table, Problems) {
	t := table{name: name, source: source}
	var problems Problems
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		if decoded, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			data = decoded
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sniffSeparator(data)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return t, append(problems, Problem{Severity: Error, File: source, Line: 1, Message: "the file is empty: a header row is required"})
	}
	if err != nil {
		return t, append(problems, csvProblem(source, err))
	}
	for _, h := range header {
		t.header = append(t.header, normaliseHeader(h))
	}
	problems = append(problems, checkHeader(source, t.header)...)
	lastErrLine := -1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			p := csvProblem(source, err)
			if p.Line == lastErrLine { // the reader is stuck on one spot: stop rather than loop
				break
			}
			lastErrLine = p.Line
			problems = append(problems, p)
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && rec[0] == "" {
			continue // a blank line
		}
		if len(rec) > len(t.header) {
			problems = append(problems, Problem{Severity: Error, File: source, Line: line,
				Message: fmt.Sprintf("%d values for %d columns in the header", len(rec), len(t.header))})
			continue
		}
		fields := make(map[string]string, len(rec))
		for i, v := range rec {
			fields[t.header[i]] = v
		}
		t.records = append(t.records, record{line: line, fields: fields})
	}
	return t, problems
}

// sniffSeparator returns ';' when the header line has more semicolons than
// commas outside quotes, as French spreadsheets write CSV, and ',' otherwise.
func sniffSeparator(data []byte) rune {
	commas, semicolons, quoted := 0, 0, false
	for _, c := range data {
		if c == '\n' && !quoted {
			break
		}
		switch {
		case c == '"':
			quoted = !quoted
		case c == ',' && !quoted:
			commas++
		case c == ';' && !quoted:
			semicolons++
		}
	}
	if semicolons > commas {
		return ';'
	}
	return ','
}

func csvProblem(source string, err error) Problem {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Problem{Severity: Error, File: source, Line: pe.Line, Message: "malformed CSV: " + pe.Err.Error()}
	}
	return Problem{Severity: Error, File: source, Message: "malformed CSV: " + err.Error()}
}

// checkHeader reports duplicated and empty column names.
func checkHeader(source string, header []string) Problems {
	var problems Problems
	seen := map[string]bool{}
	for i, h := range header {
		switch {
		case h == "":
			problems = append(problems, Problem{Severity: Error, File: source, Line: 1,
				Message: fmt.Sprintf("column %d has no name", i+1)})
		case seen[h]:
			problems = append(problems, Problem{Severity: Error, File: source, Line: 1, Field: h,
				Message: "column appears twice"})
		}
		seen[h] = true
	}
	return problems
}

// writeCSV writes a table with a header row, comma-separated, RFC 4180.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}
