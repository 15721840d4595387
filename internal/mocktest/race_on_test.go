//go:build race

package mocktest

const raceEnabled = true
