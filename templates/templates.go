// Package templates holds the text/template sources of the non-Go text the
// generator writes, embedded so that the generator binary is self-contained.
package templates

import "embed"

// FS holds every *.tmpl file of this directory.
//
//go:embed *.tmpl
var FS embed.FS
