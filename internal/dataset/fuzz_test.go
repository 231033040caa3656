package dataset

import (
	"os"
	"testing"
)

// The readers must never panic, whatever the bytes, and every problem must
// say where it is.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"testdata/handwritten/flows.csv", "testdata/handwritten/companies.csv", "testdata/ten_errors/flows.csv"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("id;name\n\"c1;x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, file := range fileNames {
			tbl, problems := readCSV(file, file+".csv", data)
			_, problems, _ = parseTables([]table{tbl}, problems, Options{})
			for _, p := range problems {
				if p.File == "" || p.Message == "" {
					t.Fatalf("problem without place or message: %+v", p)
				}
			}
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	data, err := os.ReadFile("testdata/handwritten.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"flows": [{"company_id": ["a", ["b"]]}, 3]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, problems := readJSON("data.json", data)
		_, problems, _ = parseTables(tables, problems, Options{})
		for _, p := range problems {
			if p.File == "" || p.Message == "" {
				t.Fatalf("problem without place or message: %+v", p)
			}
		}
	})
}
