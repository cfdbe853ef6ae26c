// Package contract models the agreement itself: its parties, term,
// services, the charges per month that credit rules take percentages of,
// and the history of its regimes, effective-dated and not overlapping.
//
// [New] validates a [Spec] into an immutable [Contract]. [Contract.Run]
// runs its one ledger across all its regime versions, with the contract's
// charges and opening credits, and [Contract.Score] reads a month, quarter,
// year or year to date from it (see package regime for the ledger). A month
// scored under credit rules with no charge is an error naming the month and
// the fields to set, never a credit of £0.00; a profiled KPI in force in a
// year its profile does not cover is refused when the contract is built.
// The contract's [period.Years] (its year_start) are the years its labels
// are read in.
//
// A [Portfolio] holds several contracts (Peterborough runs two with Serco,
// under different regimes). [ReadObservations] reads the supplier's figures
// from CSV, reporting every problem with its line and column: a figure for
// a month, or for its KPI's measurement period (Q1 2016/17, a four-weekly
// period); a figure for a month inside a longer period is interim. Every row
// is checked against its KPI as it is read (its unit, its range, a status
// beside it), so that nothing the reader accepts is refused when it is
// scored. The return comes from the party being penalised: every input has
// a limit, and a message quotes only an excerpt of it. A [ReturnReader]
// also returns the likely mistakes that are not errors (0.95 for 95%) as
// [Warning] values, or makes them errors; [Contract.Warnings] gives a
// contract file's. A large return is read with [ReadReturn] into a
// [regime.Return], a plain row in 24 bytes, and scored with
// [Contract.ScoreReturn]: a million rows read and their last month scored in
// under twice the time encoding/csv takes to split the file.
//
// A contract can be written once as a YAML (or JSON) file, by hand, and read
// with [ReadFile] or [Decode]: strictly, with every problem reported at once
// as file:line: path: message, each a [*LineError] naming the field in its
// Path and matching [ErrInvalid], as every problem a reader reports does.
// [Encode] writes a contract back to a file.
// The format is documented in docs/file-format.md, with a JSON Schema for
// editors in docs/contract.schema.json.
//
// It builds on package regime.
package contract
