//go:build race

package contract_test

// raceDetector is true when the tests run with -race, which slows reading
// and scoring several times over.
const raceDetector = true
