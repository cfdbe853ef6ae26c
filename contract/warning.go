package contract

import (
	"cmp"
	"fmt"
)

// A Warning is a likely mistake in a file that is not an error, because it
// may be right: a percentage given as a fraction (0.95 where the target is
// 95%), a target of 0.95% on a higher-is-better percentage. The command
// prints warnings on standard error; its -strict flag, like
// [ReturnReader.Strict], makes them errors.
type Warning struct {
	File string
	Line int // 0 when the warning is about the whole file or has no line
	// Column is the column of a return the warning is about (value,
	// period, ...), and Path the path of the field of a contract
	// (regimes[0].kpis[0].target), as for a [LineError]; at most one is set.
	Column string
	Path   string
	// Cell is the workbook cell the warning is about, with its sheet
	// ("ICT!F7"), for a return read as a [Table]; "" otherwise.
	Cell string
	Msg  string
}

// String returns "file:line: warning: column: message" (or path for
// column), or, for a cell of
// a workbook, "file: sheet!cell: warning: message".
func (w Warning) String() string {
	if w.Cell != "" {
		return joinNonEmpty(w.File, w.Cell, "warning", w.Msg)
	}
	where := w.File
	if w.Line > 0 {
		where = fmt.Sprintf("%s:%d", w.File, w.Line)
	}
	return joinNonEmpty(where, "warning", cmp.Or(w.Path, w.Column), w.Msg)
}
