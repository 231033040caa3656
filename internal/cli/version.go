package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

// Version is set at build time with -ldflags "-X symbiose/internal/cli.Version=v1.2.3".
var Version = "dev"

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := e.flags("version", "", "Prints the version of symbiose and of the Go toolchain that built it.")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	goVersion := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		goVersion = info.GoVersion
	}
	fmt.Fprintf(e.stdout, "symbiose %s (%s)\n", Version, goVersion)
	return nil
}
