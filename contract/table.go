package contract

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/kpiregime/kpiregime/regime"
)

// A Table is a return that is not CSV text, such as a sheet of an Excel
// workbook, given as rows of the return's columns (kpi, period, value, ...:
// [Columns]) with the cell each field came from. Package contract/xlsx
// makes one from a workbook, in either of its layouts.
//
// A [ReturnReader] reads a table's rows with the very checks it gives a CSV
// file's rows, so a figure, a status in words ("No Data", "Not Measured in
// April No Survey Due"), counts or a published target mean the same
// whichever way they came; each problem names the file and the cell
// ("returns.xlsx: ICT!F7: ...", [LineError].Cell), and each observation's
// source is the file, the sheet and the row ([regime.Source]: File
// "returns.xlsx", Sheet "ICT", Line 7).
type Table struct {
	// File is the name of the table's file, for messages and sources.
	File string
	// Sheet is the name of the workbook's sheet the table was read from,
	// for its observations' sources ([regime.Source].Sheet); "" for none.
	Sheet string
	// Rows are the table's rows of figures, in order.
	Rows []TableRow
}

// A TableRow is one row of a [Table]: one KPI's figure for one period.
type TableRow struct {
	// Line is the row's number in its sheet (from 1), the line of its
	// observation's [regime.Source].
	Line int
	// Place names the row, with its sheet, for a problem that has no cell
	// of its own ("ICT!7").
	Place string
	// Fields are the row's fields by column name; a column the row has no
	// field for is empty, as an empty CSV field is.
	Fields map[string]Field
}

// A Field is the text of one field of a [TableRow] and the cell it came
// from, with its sheet ("ICT!F7").
type Field struct {
	Text string
	Cell string
}

// A Return is one return for [ReturnReader.ReadReturns]: a CSV file's
// text, or a [Table].
type Return struct {
	// File is the return's name, for messages (a table's own File is used
	// for a Table).
	File string
	// CSV is the text of a CSV return; nil for a table.
	CSV io.Reader
	// Table is a return read as a table; nil for a CSV return.
	Table *Table
}

// ReadTable reads one return laid out as a table, as [ReturnReader.Read]
// reads a CSV one, with its warnings.
func (rr ReturnReader) ReadTable(t Table) ([]regime.Observation, []Warning, error) {
	return rr.ReadReturns(Return{Table: &t})
}

// ReadReturns reads several returns, CSV and tables, as one, as
// [ReturnReader.ReadFiles] reads several files: a KPI's period given in two
// is a duplicate or a restatement across them, and the warnings come in
// return and row order.
func (rr ReturnReader) ReadReturns(returns ...Return) ([]regime.Observation, []Warning, error) {
	rd := rr.reader()
	var errs []error
	for _, ret := range returns {
		var err error
		switch {
		case ret.Table != nil:
			err = rd.readTable(ret.Table)
		case ret.CSV != nil:
			err = rd.read(ret.CSV, ret.File)
		default:
			err = fmt.Errorf("%s: a return needs its CSV text or its table", ret.File)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	rt, warnings, err := rd.finish(errors.Join(errs...))
	return observations(rt), warnings, err
}

// readTable reads a table's rows through the checks every return's rows
// get ([returnReader.take]) into rd.rt; the error holds its problems.
func (rd *returnReader) readTable(t *Table) error {
	var errs []error
	more := 0
	report := func(e *LineError) {
		if len(errs) >= maxErrors {
			more++
			return
		}
		errs = append(errs, e)
	}
	dated := slices.ContainsFunc(t.Rows, func(r TableRow) bool { return r.Fields[colReportedOn].Text != "" })
	for _, row := range t.Rows {
		cells := map[string]string{}
		ok := true
		for _, col := range sortedKeys(row.Fields) {
			f := row.Fields[col]
			cells[col] = f.Cell
			switch {
			case !contains(knownColumns, col):
				report(&LineError{File: t.File, Line: row.Line, Column: col, Cell: cmp.Or(f.Cell, row.Place),
					Msg: fmt.Sprintf("unknown column %s (want %s)", col, strings.Join(knownColumns, ", "))})
				ok = false
			case len(f.Text) > MaxField:
				report(&LineError{File: t.File, Line: row.Line, Column: col, Cell: cmp.Or(f.Cell, row.Place),
					Msg: fmt.Sprintf("the cell is %d characters long: a field of a return has at most %d", len(f.Text), MaxField)})
				ok = false
			}
		}
		if !ok {
			continue
		}
		at := rowAt{file: t.File, sheet: t.Sheet, line: row.Line, cells: cells, place: row.Place, dated: dated}
		bad := func(col, format string, args ...any) {
			report(&LineError{File: t.File, Line: row.Line, Column: col, Cell: at.cell(col), Msg: fmt.Sprintf(format, args...)})
		}
		field := func(name string) string { return strings.TrimSpace(row.Fields[name].Text) }
		rd.take(at, field, bad)
	}
	if more > 0 {
		errs = append(errs, fmt.Errorf("%s: and %d more problems", t.File, more))
	}
	return errors.Join(errs...)
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
