// Package contract models the agreement itself: its parties, term, services,
// charges per period and the history of its regimes, and loads contracts from
// YAML or JSON files and observations from CSV.
//
// It builds on package regime. This package is not built yet.
package contract
