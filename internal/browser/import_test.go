package browser

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// writeUpload writes content as flows.csv in a folder of its own.
func writeUpload(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "flows.csv")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A facilitator uploads a flows.csv with bad lines and sees each one with
// its file, line and field, nothing written; then a valid file, checked and
// imported on confirmation.
func TestImportWithAnError(t *testing.T) {
	a := startApp(t)
	ctx := context.Background()
	before, err := a.fx.Flows(ctx, a.fx.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, a, "facilitator")
	b.signIn("facilitator")
	if status := b.open(a.demo() + "/import"); status != 200 {
		t.Fatalf("import page: %d", status)
	}
	b.waitText("#main h1", "Importer un jeu de données")

	bad := writeUpload(t, "company_id,direction,label,quantity\nc001,output,Copeaux,12\nc001,sideways,Sciure,abc\nc999,input,Bois,1\n")
	b.do("choose the bad file", chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{bad}))
	// import.js sends the form with a progress bar and writes the answer in
	// place, so no page load follows: wait for the answer's table.
	b.do("check the bad file", chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	b.waitText(`#main div.error[role="alert"]`, "erreur(s) : rien n'a été importé")
	problems := b.rows("#main table.problems tbody tr")
	for _, want := range [][3]string{{"flows.csv", "3", "direction"}, {"flows.csv", "3", "quantity"}, {"flows.csv", "4", "company_id"}} {
		if !hasProblem(problems, want) {
			t.Errorf("no error for %s line %s field %s; the table lists %q", want[0], want[1], want[2], problems)
		}
	}
	if got := b.text(`#main div.error[role="alert"]`); !strings.HasPrefix(got, "3 ") {
		t.Errorf("error summary %q, want 3 errors", got)
	}
	if after, _ := a.fx.Flows(ctx, a.fx.Demo.ID); len(after) != len(before) {
		t.Fatalf("a rejected upload wrote flows: %d, was %d", len(after), len(before))
	}

	// The form is there again, under the errors: send a valid file.
	good := writeUpload(t, "id,company_id,direction,label,quantity,unit\nnew1,c001,output,Copeaux de hêtre,12,t\n")
	b.do("choose the valid file", chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{good}))
	b.do("check the valid file", chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	b.waitText("#main", "Le jeu de données est valide")
	if counts := b.rows("#main table tbody tr"); len(counts) < 2 || !strings.HasPrefix(counts[1][1], "1 créé(s)") {
		t.Errorf("dry-run counts %q: want 1 flow created", counts)
	}
	if after, _ := a.fx.Flows(ctx, a.fx.Demo.ID); len(after) != len(before) {
		t.Fatalf("checking wrote flows before confirmation")
	}
	if got := b.text(`#main form[action*="/import/"] button[type="submit"]`); got != "Confirmer l'import" {
		t.Errorf("confirm button %q", got)
	}
	if status := b.click(`#main form[action*="/import/"] button[type="submit"]`); status != 200 {
		t.Fatalf("confirm: %d\n%s", status, b.text("#main"))
	}
	b.waitText(`#main p.notice[role="status"]`, "Import terminé")
	after, _ := a.fx.Flows(ctx, a.fx.Demo.ID)
	if len(after) != len(before)+1 {
		t.Fatalf("%d flows after the import, want %d", len(after), len(before)+1)
	}
	found := false
	for _, f := range after {
		found = found || (f.ExtID == "new1" && f.Label == "Copeaux de hêtre" && f.CompanyExtID == "c001")
	}
	if !found {
		t.Errorf("the imported flow new1 is not stored")
	}
}

func hasProblem(rows [][]string, want [3]string) bool {
	for _, r := range rows {
		if len(r) >= 3 && r[0] == want[0] && r[1] == want[1] && r[2] == want[2] {
			return true
		}
	}
	return false
}
