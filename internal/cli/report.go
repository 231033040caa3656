package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"symbiose/internal/report"
	"symbiose/internal/report/load"
)

func runReport(ctx context.Context, e *env, args []string) error {
	fs := e.flags("report", "--output FILE [--format pdf|html]", "Writes the programme report of a territory: context, objectives, results, impact,\n"+
		"timeline, partners, means and costs, success factors and difficulties, filled from the data, with charts.")
	cfg := dataFlags(fs)
	territory := fs.String("territory", "", "territory to report on (default: the only one)")
	format := fs.String("format", "", "pdf or html (default: from the output file's extension)")
	output := fs.String("output", "", "file to write")
	lang := fs.String("lang", "fr", "language of the report: fr or en")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || *output == "" {
		fs.Usage()
		return errUsage
	}
	if *format == "" {
		*format = strings.TrimPrefix(strings.ToLower(filepath.Ext(*output)), ".")
	}
	if *format != "pdf" && *format != "html" {
		return fmt.Errorf("report: format %q, want pdf or html (--format or the output's extension)", *format)
	}
	if *lang != "fr" && *lang != "en" {
		return fmt.Errorf("report: language %q, want fr or en", *lang)
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
	in, err := load.Input(ctx, st, id, name, *lang)
	if err != nil {
		return err
	}
	r := report.Build(in)
	var buf bytes.Buffer
	if *format == "pdf" {
		err = report.WritePDF(&buf, r)
	} else {
		err = report.WriteHTML(&buf, r)
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(*output, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	fmt.Fprintf(e.stdout, "Wrote the %s report of %q to %s: %d realised synergies, %d objectives\n",
		strings.ToUpper(*format), name, *output, len(r.Results.Realised), len(r.Objectives))
	return nil
}
