package web

import "embed"

// Static holds the built CSS, JavaScript and vendored libraries served under /static/.
//
//go:embed static
var Static embed.FS
