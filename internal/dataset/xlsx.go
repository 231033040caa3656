package dataset

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads a workbook with one sheet per dataset file, the sheet named
// after the file ("companies", "flows"…). Other sheets are ignored.
func readXLSX(source string, data []byte) ([]table, Problems) {
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, Problems{{Severity: Error, File: source, Message: "not a readable XLSX workbook: " + err.Error()}}
	}
	defer wb.Close()
	var tables []table
	var problems Problems
	for _, sheet := range wb.GetSheetList() {
		name := normaliseHeader(strings.TrimSuffix(sheet, ".csv"))
		if _, known := columns[name]; !known {
			continue
		}
		src := fmt.Sprintf("%s[%s]", source, sheet)
		rows, err := wb.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			problems = append(problems, Problem{Severity: Error, File: src, Message: "unreadable sheet: " + err.Error()})
			continue
		}
		t := table{name: name, source: src}
		if len(rows) == 0 {
			problems = append(problems, Problem{Severity: Error, File: src, Line: 1, Message: "the sheet is empty: a header row is required"})
			continue
		}
		for _, h := range rows[0] {
			t.header = append(t.header, normaliseHeader(h))
		}
		problems = append(problems, checkHeader(src, t.header)...)
		for i, row := range rows[1:] {
			line := i + 2
			if isBlank(row) {
				continue
			}
			if len(row) > len(t.header) && !isBlank(row[len(t.header):]) {
				problems = append(problems, Problem{Severity: Error, File: src, Line: line,
					Message: fmt.Sprintf("values beyond the %d columns of the header", len(t.header))})
				continue
			}
			fields := make(map[string]string, len(row))
			for j, v := range row {
				if j < len(t.header) {
					fields[t.header[j]] = v
				}
			}
			t.records = append(t.records, record{line: line, fields: fields})
		}
		tables = append(tables, t)
	}
	return tables, problems
}

func isBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// writeXLSX writes one sheet per file. Numbers are written as numbers so that
// spreadsheet formulas work on them; everything else as text.
func writeXLSX(w io.Writer, sheets []sheetData) error {
	wb := excelize.NewFile()
	defer wb.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := wb.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := wb.NewSheet(s.name); err != nil {
			return err
		}
		sw, err := wb.NewStreamWriter(s.name)
		if err != nil {
			return err
		}
		header := make([]any, len(s.header))
		for j, h := range s.header {
			header[j] = h
		}
		if err := sw.SetRow("A1", header); err != nil {
			return err
		}
		for r, row := range s.rows {
			cells := make([]any, len(row))
			for j, v := range row {
				cells[j] = v
				if s.numeric[s.header[j]] && v != "" {
					if f, err := parseNumber(v); err == nil {
						cells[j] = f
					}
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(cell, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return wb.Write(w)
}
