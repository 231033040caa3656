// Package cli is the symbiose command line: one subcommand per file, each
// with its own flags and --help.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"

	"symbiose/internal/config"
	"symbiose/internal/database"
	"symbiose/internal/storage"
)

// command is one subcommand.
type command struct {
	name, summary string
	run           func(ctx context.Context, env *env, args []string) error
}

// commands is the index of subcommands, shown by symbiose help.
var commands = []command{
	{"serve", "run the web application", runServe},
	{"import", "import a dataset (CSV folder, XLSX or JSON) into a territory", runImport},
	{"export", "export a territory as a dataset (CSV folder, XLSX or JSON)", runExport},
	{"programme", "print or set a territory's programme: objectives, timeline, partners, means", runProgramme},
	{"report", "write a territory's programme report as PDF or HTML", runReport},
	{"match", "find substitution candidates and mutualisation groups", runMatch},
	{"workshop", "seat the companies of a bourse at tables, round by round (workshop plan)", runWorkshop},
	{"demo", "load the demo territory into the database", runDemo},
	{"migrate", "bring the database schema up to date", runMigrate},
	{"classify", "find the resource taxonomy nodes that match a flow label", runClassify},
	{"nomenclature", "print the reference lists: List of Waste, NAF, resource taxonomy", runNomenclature},
	{"bench", "benchmark tools: synthetic territories, matching quality, classifier accuracy", runBench},
	{"version", "print the version", runVersion},
}

// env is what a subcommand talks to.
type env struct {
	stdout, stderr io.Writer
	log            *slog.Logger
}

// errUsage marks a wrongly called command: exit status 2.
var errUsage = errors.New("usage")

// Run runs the command line and returns the process exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdout: stdout, stderr: stderr,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel()}))}
	if os.Getenv("GOGC") == "" {
		// Matching builds large short-lived indexes: collecting garbage half
		// as often saves a quarter of a full match for little memory.
		debug.SetGCPercent(200)
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil || errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(stderr, "symbiose %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "symbiose: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Symbiose — industrial and territorial ecology platform.")
	fmt.Fprintln(w, "\nUsage: symbiose COMMAND [flags]   (symbiose COMMAND --help for its flags)")
	fmt.Fprintln(w, "\nCommands:")
	list := append([]command(nil), commands...)
	sort.Slice(list, func(i, j int) bool { return list[i].name < list[j].name })
	for _, c := range list {
		fmt.Fprintf(w, "  %-13s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nEnvironment: SYMBIOSE_DATA_DIR (default ./symbiose-data), SYMBIOSE_DATABASE_URL (postgres://… for PostgreSQL),")
	fmt.Fprintln(w, "SYMBIOSE_ADDR (serve, default localhost:8080), SYMBIOSE_LOG_LEVEL (debug, info, warn, error).")
}

func logLevel() slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(os.Getenv("SYMBIOSE_LOG_LEVEL"))); err != nil {
		return slog.LevelInfo
	}
	return l
}

// flags makes a subcommand's flag set; positional describes its arguments
// in the help text.
func (e *env) flags(name, positional, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("symbiose "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: symbiose %s [flags] %s\n\n%s\n\nFlags:\n", name, positional, about)
		fs.PrintDefaults()
	}
	return fs
}

// dataFlags adds --data-dir and --database-url, defaulting to the
// environment, and returns the configuration they fill.
func dataFlags(fs *flag.FlagSet) *config.Config {
	cfg := config.FromEnv()
	fs.StringVar(&cfg.DataDir, "data-dir", cfg.DataDir, "directory of the embedded SQLite database (env SYMBIOSE_DATA_DIR)")
	fs.StringVar(&cfg.DatabaseURL, "database-url", cfg.DatabaseURL, "postgres://… to use PostgreSQL instead of SQLite (env SYMBIOSE_DATABASE_URL)")
	return &cfg
}

// parse parses flags, allowing them after positional arguments too
// ("import data/ --dry-run"), and returns the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// open opens the configured database.
func open(ctx context.Context, cfg *config.Config) (*database.DB, *storage.Storage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	db, err := database.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, nil, err
	}
	return db, storage.New(db), nil
}

// existingTerritory is territoryNamed for commands that need a territory
// to work on: an empty database is an error that says what to do.
func existingTerritory(ctx context.Context, st *storage.Storage, name string) (int64, string, error) {
	id, found, err := territoryNamed(ctx, st, name)
	if errors.Is(err, storage.ErrNotFound) {
		return 0, "", errors.New("the database has no territory yet: import a dataset or run symbiose demo first")
	}
	return id, found, err
}

// territoryNamed returns the territory called name, or the only one when
// name is empty.
func territoryNamed(ctx context.Context, st *storage.Storage, name string) (int64, string, error) {
	if name != "" {
		t, err := st.TerritoryByName(ctx, name)
		if errors.Is(err, storage.ErrNotFound) {
			return 0, "", fmt.Errorf("no territory named %q", name)
		}
		return t.ID, t.Name, err
	}
	all, err := st.Territories(ctx)
	if err != nil {
		return 0, "", err
	}
	switch len(all) {
	case 0:
		return 0, "", storage.ErrNotFound
	case 1:
		return all[0].ID, all[0].Name, nil
	}
	names := make([]string, len(all))
	for i, t := range all {
		names[i] = fmt.Sprintf("%q", t.Name)
	}
	return 0, "", fmt.Errorf("there are %d territories (%s): choose one with --territory", len(all), strings.Join(names, ", "))
}
