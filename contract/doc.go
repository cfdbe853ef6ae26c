// Package contract models the agreement itself: its parties, term,
// services, the charges per month that credit rules take percentages of,
// and the history of its regimes, effective-dated and not overlapping.
//
// [New] validates a [Spec] into an immutable [Contract]; [Contract.Score]
// scores a period with the regime in force, taking charges from the
// contract. A [Portfolio] holds several contracts (Peterborough runs two with
// Serco, under different regimes). [ReadObservations] reads the supplier's
// figures from CSV, reporting every problem with its line and column.
//
// It builds on package regime. Loading contracts from YAML or JSON files is
// not built yet.
package contract
