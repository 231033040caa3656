package cli

import (
	"encoding/csv"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"symbiose/internal/dataset"
)

// tool finds an outside program the interoperability tests run; without it
// they skip, except in CI where .ci/run installs it.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	msg := name + " not found (Debian package " + pkg + ")"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + ": the interoperability tests must run in CI")
	}
	t.Skip(msg)
	return ""
}

// The XLSX export opens in LibreOffice with the figures of the CSV export.
func TestXLSXOpensInLibreOffice(t *testing.T) {
	soffice := tool(t, "soffice", "libreoffice-calc-nogui")
	dataDir, dir := t.TempDir(), t.TempDir()
	mustRun(t, "demo", "--data-dir", dataDir)
	mustRun(t, "export", filepath.Join(dir, "demo.xlsx"), "--data-dir", dataDir)
	mustRun(t, "export", filepath.Join(dir, "csv"), "--data-dir", dataDir)
	cmd := exec.Command(soffice, "--headless", "--convert-to",
		"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", filepath.Join(dir, "lo"),
		filepath.Join(dir, "demo.xlsx"))
	cmd.Env = append(os.Environ(), "HOME="+dir) // LibreOffice writes its profile there
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	fromLibreOffice := readSynergies(t, filepath.Join(dir, "lo", "demo-synergies.csv"))
	ours := readSynergies(t, filepath.Join(dir, "csv", "synergies.csv"))
	if len(fromLibreOffice) != 24 || len(ours) != 24 {
		t.Fatalf("%d synergies through LibreOffice, %d in the CSV export", len(fromLibreOffice), len(ours))
	}
	for id, row := range ours {
		lo := fromLibreOffice[id]
		for _, col := range append([]string{"quantity"}, dataset.ImpactColumns...) {
			if row[col] == "" && lo[col] == "" {
				continue
			}
			a, errA := strconv.ParseFloat(row[col], 64)
			b, errB := strconv.ParseFloat(lo[col], 64)
			if errA != nil || errB != nil || math.Abs(a-b) > 1e-9*math.Max(1, math.Abs(a)) {
				t.Errorf("synergy %s %s: %q in the CSV export, %q through LibreOffice", id, col, row[col], lo[col])
			}
		}
		for _, col := range []string{"status", "type", "nature", "started_on", "label"} {
			if row[col] != lo[col] {
				t.Errorf("synergy %s %s: %q in the CSV export, %q through LibreOffice", id, col, row[col], lo[col])
			}
		}
	}
}

func readSynergies(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]map[string]string{}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		out[row["id"]] = row
	}
	return out
}

// The GeoJSON export is read by GDAL (what QGIS uses) with every feature.
func TestGeoJSONOpensInGDAL(t *testing.T) {
	ogrinfo := tool(t, "ogrinfo", "gdal-bin")
	dataDir := t.TempDir()
	mustRun(t, "demo", "--data-dir", dataDir)
	path := filepath.Join(t.TempDir(), "demo.geojson")
	mustRun(t, "export", path, "--data-dir", dataDir)
	out, err := exec.Command(ogrinfo, "-ro", "-al", "-so", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`Feature Count: (\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("ogrinfo output:\n%s", out)
	}
	// 68 companies (all located) and the synergies between located companies.
	if n, _ := strconv.Atoi(m[1]); n < 68+20 {
		t.Errorf("GDAL reads %d features", n)
	}
	if !strings.Contains(string(out), "EPSG") && !strings.Contains(string(out), "WGS 84") {
		t.Errorf("no coordinate system:\n%s", out)
	}
	if strings.Contains(strings.ToLower(string(out)), "warning") || strings.Contains(string(out), "ERROR") {
		t.Errorf("GDAL complains:\n%s", out)
	}
}
