package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/demo"
	"symbiose/internal/http/server"
	"symbiose/internal/mail"
	"symbiose/internal/matching"
	"symbiose/internal/storage"
	"symbiose/internal/ui"
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
	opt := ui.Options{BaseURL: cfg.BaseURL, TileURL: cfg.TileURL}
	if cfg.SMTPURL != "" {
		mc, err := mail.ParseURL(cfg.SMTPURL)
		if err != nil {
			return fmt.Errorf("SYMBIOSE_SMTP_URL: %w", err)
		}
		opt.Mailer = mail.NewSMTP(mc)
	}
	srv, err := server.New(db, st, e.log, matchers, opt)
	if err != nil {
		return err
	}
	base := "http://" + l.Addr().String()
	e.log.Info("symbiose is running", "url", base+"/", "database", db.Dialect, "location", db.Location)
	fmt.Fprintf(e.stdout, "Symbiose is running on %s/ (Ctrl-C to stop)\n", base)
	if err := printSetupLink(ctx, e, st, base); err != nil {
		return err
	}
	if opt.Mailer != nil {
		// Reminders need links that work from a mailbox: the configured
		// public address, the listening one as a last resort.
		public := cfg.BaseURL
		if public == "" {
			public = base
			e.log.Warn("SYMBIOSE_BASE_URL is not set: reminder emails link to " + base)
		}
		r := &worker.Reminders{Store: st, Mailer: opt.Mailer, Log: e.log, BaseURL: public}
		go r.Run(ctx, time.Hour)
	}
	err = srv.Serve(ctx, l)
	e.log.Info("symbiose stopped")
	return err
}

// printSetupLink prints, while the database has no account, a one-time
// link that creates the administrator.
func printSetupLink(ctx context.Context, e *env, st *storage.Storage, base string) error {
	n, err := st.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	token := auth.NewToken()
	if err := st.CreateLink(ctx, auth.HashToken(token), storage.Link{Purpose: storage.LinkSetup,
		Expires: time.Now().Add(24 * time.Hour)}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nNo account yet. Create the administrator with this one-time link (valid 24 hours):\n\n    %s/setup/%s\n\n", base, token)
	return nil
}
