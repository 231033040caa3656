package cli

import (
	"context"
	"fmt"
)

func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := e.flags("migrate", "", "Creates the database or brings its schema up to date. Other commands do it too\n"+
		"on start; this one does only that, for deployments that migrate as a separate step.")
	cfg := dataFlags(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	db, _, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.Version(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s database %s is at schema version %d.\n", db.Dialect, db.Location, v)
	return nil
}
