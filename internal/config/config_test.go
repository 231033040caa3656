package config

import "testing"

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"defaults", Config{DataDir: DefaultDataDir, Addr: DefaultAddr}, true},
		{"postgres", Config{DatabaseURL: "postgres://u@h:5432/db", Addr: ":8080"}, true},
		{"mysql", Config{DataDir: "d", DatabaseURL: "mysql://x", Addr: ":8080"}, false},
		{"bad address", Config{DataDir: "d", Addr: "8080"}, false},
		{"nowhere to store", Config{Addr: ":1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.cfg.Validate(); (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v", err)
			}
		})
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv("SYMBIOSE_DATA_DIR", "/tmp/x")
	t.Setenv("SYMBIOSE_ADDR", "")
	c := FromEnv()
	if c.DataDir != "/tmp/x" || c.Addr != DefaultAddr {
		t.Fatalf("FromEnv() = %+v", c)
	}
}
