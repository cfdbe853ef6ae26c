//go:build race

package main

// raceDetector is true when the tests run with -race, which slows the
// clock engine several times over: timings are not checked then.
const raceDetector = true
