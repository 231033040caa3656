// Command symbiose runs the Symbiose industrial and territorial ecology
// platform: web application, dataset import and export, matching.
package main

import (
	"os"

	"symbiose/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
