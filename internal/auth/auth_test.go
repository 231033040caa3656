package auth

import (
	"strings"
	"testing"

	"symbiose/internal/model"
)

func TestPassword(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil || !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q, %v", h, err)
	}
	if !CheckPassword(h, "correct horse battery") || CheckPassword(h, "correct horse batterY") || CheckPassword("garbage", "x") {
		t.Fatal("CheckPassword is wrong")
	}
	if h2, _ := HashPassword("correct horse battery"); h2 == h {
		t.Fatal("no salt")
	}
	if _, err := HashPassword("short"); err != ErrWeakPassword {
		t.Fatalf("short password: %v", err)
	}
}

func TestTokens(t *testing.T) {
	a, b := NewToken(), NewToken()
	if a == b || len(a) < 40 || HashToken(a) == a || HashToken(a) != HashToken(a) {
		t.Fatal("tokens are not random or hashes not stable")
	}
}

func TestFlowAccess(t *testing.T) {
	own := model.Company{ID: 1, TerritoryID: 10}
	other := model.Company{ID: 2, TerritoryID: 10}
	users := map[string]model.User{
		"admin":       {Role: model.RoleAdmin},
		"facilitator": {Role: model.RoleFacilitator, Territories: []int64{10}},
		"foreign":     {Role: model.RoleFacilitator, Territories: []int64{11}},
		"observer":    {Role: model.RoleObserver, Territories: []int64{10}},
		"member":      {Role: model.RoleMember, CompanyID: 1},
	}
	tests := []struct {
		user       string
		company    model.Company
		visibility string
		want       Access
	}{
		{"admin", other, "private", Full},
		{"facilitator", other, "private", Full},
		{"foreign", other, "public", Hidden},
		{"observer", other, "public", Hidden},
		{"member", own, "private", Full},
		{"member", other, "public", Full},
		{"member", other, "anonymous", Anonymous},
		{"member", other, "private", Hidden},
	}
	for _, tt := range tests {
		t.Run(tt.user+"/"+tt.visibility, func(t *testing.T) {
			got := FlowAccess(users[tt.user], model.Flow{Visibility: tt.visibility}, tt.company)
			if got != tt.want {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
	if !CanSeeAggregates(users["observer"], 10) || CanManage(users["observer"], 10) || CanSeeCompany(users["member"], other) {
		t.Fatal("role rules wrong")
	}
}
