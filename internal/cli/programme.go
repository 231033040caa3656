package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"symbiose/internal/programme"
	"symbiose/internal/storage"
)

func runProgramme(ctx context.Context, e *env, args []string) error {
	fs := e.flags("programme", "[FILE.json]", "Prints a territory's programme (objectives, timeline, partners, means) as JSON,\n"+
		"or with FILE.json replaces it; the format is in docs/reports.md.")
	cfg := dataFlags(fs)
	territory := fs.String("territory", "", "territory (default: the only one)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		fs.Usage()
		return errUsage
	}
	db, st, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	id, name, err := existingTerritory(ctx, st, *territory)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		p, err := st.Programme(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			return fmt.Errorf("territory %q has no programme yet: set one with symbiose programme FILE.json", name)
		}
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(p)
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	p, err := programme.Parse(f)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	if err := st.SetProgramme(ctx, id, p); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Programme %q of %q recorded: %d objectives, %d phases, %d partners, %d years of means\n",
		p.Name, name, len(p.Objectives), len(p.Phases), len(p.Partners), len(p.Means))
	return nil
}
