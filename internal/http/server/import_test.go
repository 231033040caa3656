package server

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"symbiose/internal/testfixture"
	"symbiose/internal/ui"
)

func upload(t *testing.T, srv *Server, fx *testfixture.Fixture, files map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", fx.CSRF["facilitator"])
	for name, content := range files {
		w, _ := mw.CreateFormFile("files", name)
		w.Write([]byte(content))
	}
	mw.Close()
	req := httptest.NewRequest("POST", "/t/"+itoa(fx.Demo.ID)+"/import", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: fx.Sessions["facilitator"]})
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, req)
	return rec
}

// The import page lists every bad line and writes nothing; a valid upload
// is shown, then imported on confirmation.
func TestImportPage(t *testing.T) {
	fx := testfixture.New(t)
	srv, err := New(fx.DB, fx.Storage, fx.Log, fx.Matchers, ui.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := fx.Flows(context.Background(), fx.Demo.ID)
	rec := upload(t, srv, fx, map[string]string{
		"flows.csv": "company_id,direction,label,quantity\nc001,output,Copeaux,12\nc001,sideways,Sciure,abc\nc999,input,Bois,1\n",
	})
	body := rec.Body.String()
	if rec.Code != 400 || !strings.Contains(body, "<td>flows.csv</td><td>3</td><td>direction</td>") ||
		!strings.Contains(body, "<td>3</td><td>quantity</td>") || !strings.Contains(body, "<td>4</td><td>company_id</td>") {
		t.Fatalf("errors not listed with their lines (%d):\n%s", rec.Code, body)
	}
	after, _ := fx.Flows(context.Background(), fx.Demo.ID)
	if len(after) != len(before) {
		t.Fatal("a failed upload wrote flows")
	}

	rec = upload(t, srv, fx, map[string]string{"flows.csv": "id,company_id,direction,label,quantity,unit\nnew1,c001,output,Copeaux de hêtre,12,t\n"})
	token := regexp.MustCompile(`/import/([A-Za-z0-9_-]+)"`).FindStringSubmatch(rec.Body.String())
	if rec.Code != 200 || token == nil {
		t.Fatalf("valid upload: %d\n%s", rec.Code, rec.Body)
	}
	if after, _ := fx.Flows(context.Background(), fx.Demo.ID); len(after) != len(before) {
		t.Fatal("checking wrote flows before confirmation")
	}
	req := httptest.NewRequest("POST", "/t/"+itoa(fx.Demo.ID)+"/import/"+token[1], strings.NewReader("csrf="+fx.CSRF["facilitator"]))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: fx.Sessions["facilitator"]})
	rec = httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, req)
	if after, _ := fx.Flows(context.Background(), fx.Demo.ID); rec.Code != 200 || len(after) != len(before)+1 {
		t.Fatalf("confirm: %d, %d flows (was %d)", rec.Code, len(after), len(before))
	}
}
