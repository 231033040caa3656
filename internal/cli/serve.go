package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"symbiose/internal/demo"
	"symbiose/internal/http/server"
	"symbiose/internal/matching"
	"symbiose/internal/worker"
)

func runServe(ctx context.Context, e *env, args []string) error {
	fs := e.flags("serve", "", "Runs the web application until interrupted (Ctrl-C), then shuts down gracefully.")
	cfg := dataFlags(fs)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "HOST:PORT to listen on (env SYMBIOSE_ADDR)")
	withDemo := fs.Bool("demo", false, "load the demo territory first when the database has no territory")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	db, st, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if *withDemo {
		territories, err := st.Territories(ctx)
		if err != nil {
			return err
		}
		if len(territories) == 0 {
			tr, err := demo.Load(ctx, st, datasetOptions())
			if err != nil && !errors.Is(err, demo.ErrAlreadyLoaded) {
				return err
			}
			e.log.Info("demo territory loaded", "territory", tr.Name)
		}
	}
	// One matching engine per territory, kept current as data changes.
	matchers := worker.NewMatchers(st, e.log, matching.Options{})
	if err := matchers.Refresh(ctx); err != nil {
		return err
	}
	go matchers.Run(ctx, 5*time.Second)

	l, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	e.log.Info("symbiose is running", "url", "http://"+l.Addr().String()+"/", "database", db.Dialect, "location", db.Location)
	fmt.Fprintf(e.stdout, "Symbiose is running on http://%s/ (Ctrl-C to stop)\n", l.Addr())
	err = server.New(db, st, e.log, matchers).Serve(ctx, l)
	e.log.Info("symbiose stopped")
	return err
}
