// Package gen holds the packages specgen generates from ../specs, one
// directory per service. Everything below it except this file is generated:
// change a spec and run go generate (or make generate) rather than editing.
package gen

//go:generate go run ../cmd/specgen generate -specs ../specs -out .
