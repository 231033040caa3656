package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
)

// maxRecordBody bounds the body of a single company, flow or synergy.
const maxRecordBody = 1 << 20

// readFields reads a record sent as one JSON object with the interchange
// field names. Values may be strings, numbers, booleans, null, or arrays for
// list fields (tags, company_ids); "attrs", as the API writes it, is an
// object of free attributes. Everything becomes the text a CSV cell would
// hold, so that the import's parser checks it.
func readFields(w http.ResponseWriter, r *http.Request) (map[string]string, error) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRecordBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, errTooLarge(fmt.Sprintf("the body is larger than %d bytes", maxRecordBody))
	}
	if err != nil {
		return nil, response.BadRequest("the body cannot be read: "+err.Error(), "")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, response.BadRequest("the body must be one JSON object with the interchange field names", "")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, response.BadRequest("the body must hold one JSON object only", "")
	}
	fields := map[string]string{}
	for k, v := range obj {
		if readOnly[k] {
			continue
		}
		if attrs, ok := v.(map[string]any); ok && k == "attrs" {
			for ak, av := range attrs {
				s, err := dataset.CellText(av)
				if err != nil {
					return nil, response.BadRequest(err.Error(), "attrs."+ak)
				}
				if _, taken := obj[ak]; !taken {
					fields[ak] = s
				}
			}
			continue
		}
		s, err := dataset.CellText(v)
		if err != nil {
			return nil, response.BadRequest(err.Error(), k)
		}
		fields[k] = s
	}
	return fields, nil
}

// readOnly are the fields the API adds to the interchange ones when it
// writes a record: a client may send a record back as it got it.
var readOnly = map[string]bool{"api_id": true, "company_api_id": true, "updated_at": true, "hazardous": true,
	"contacts": true, "history": true, "warnings": true}

// fixedField sets a field the path decides (the company of a flow, the id
// of a record being replaced); a body that says otherwise is an error.
func fixedField(fields map[string]string, name, value, what string) error {
	if given := strings.TrimSpace(fields[name]); given != "" && given != value {
		return response.BadRequest(fmt.Sprintf("%s is %q here and cannot be changed to %q", what, value, given), name)
	}
	fields[name] = value
	return nil
}

// page is one page of a list.
type page[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

// Page sizes of lists.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// pageParams reads ?limit= and ?offset=.
func pageParams(r *http.Request) (limit, offset int, err error) {
	q := r.URL.Query()
	limit, offset = defaultLimit, 0
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			return 0, 0, response.BadRequest(fmt.Sprintf("limit must be a whole number from 1 to %d", maxLimit), "limit")
		}
		limit = n
	}
	if s := q.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return 0, 0, response.BadRequest("offset must be a whole number, 0 or more", "offset")
		}
		offset = n
	}
	return limit, offset, nil
}

// paginate cuts one page out of a whole list.
func paginate[T any](all []T, limit, offset int) page[T] {
	p := page[T]{Items: []T{}, Total: len(all), Limit: limit, Offset: offset}
	if offset < len(all) {
		p.Items = append(p.Items, all[offset:min(offset+limit, len(all))]...)
	}
	return p
}
