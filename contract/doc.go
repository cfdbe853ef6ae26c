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
// A contract can be written once as a YAML (or JSON) file, by hand, and read
// with [ReadFile] or [Decode]: strictly, with every problem reported at once
// as file:line: path: message. [Encode] writes a contract back to a file.
// The format is documented in docs/file-format.md, with a JSON Schema for
// editors in docs/contract.schema.json.
//
// It builds on package regime.
package contract
