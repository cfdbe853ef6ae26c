// Package xlsx reads a supplier's returns from Excel workbooks (.xlsx), in
// the long layout of the CSV return or the wide layout of committee reports
// and supplier packs, and hands their cells to package contract's
// [contract.ReturnReader], which checks each row exactly as it checks a CSV
// file's row. It is a package of its own so that a program that imports
// package contract, and never reads a workbook, does not compile the Excel
// library it uses (github.com/xuri/excelize/v2).
//
// # Layouts
//
// The sheet read is the one named ([Reader].Sheet), or the workbook's first.
// Rows above the header row (titles, a key) are passed over: the header row
// is the first with a cell naming the KPI column, "kpi", or a heading whose
// last word is "ref" or "reference" ("Performance Measure Ref").
//
// The long layout has the CSV return's columns (kpi, period, value,
// numerator, denominator, status, note, reported_on, reported_by, target),
// a row per KPI per period; it is the layout when the header row has a
// "period" column, and then every heading must be one of those columns.
//
// The wide layout has a row per KPI and a column per period, headed by any
// label the contract's years read ("Apr-16", "2016-05", "Q1 2016/17"; a
// date cell stands for its month); optional "<label> target" columns (or
// one "target" column for every period) with the targets the report
// publishes, compared with the contract's, every difference a warning; an
// optional "notes" column for the row and "<label> note" columns for one
// period. Other columns (service area, description, frequency, levels) are
// for people and are not read. A cell merged over several rows (a service
// area spanning its KPIs, as in seed 000) or columns reads as its value in
// each. A blank figure cell is no figure: the contract's rule for a missing
// figure applies, as for a CSV return with no row.
//
// # Cells
//
// Cells are read as Excel stores them, never as shown: a number is its
// stored text, parsed as a decimal (Excel keeps 15 significant digits, so a
// stored 0.95799999999999996 reads as 0.958); a number in a percent format
// is a percentage (0.958 is 95.8%, by moving the decimal point two places);
// a date is the day it stands for (a serial day count, in the 1900 or 1904
// date system the workbook uses); text is its text; a blank cell is
// empty. No value passes through a float64. A status in words ("No Data",
// "Not Measured in April No Survey Due") is read as package contract reads
// it in a CSV value. An error value (#DIV/0!) and a formula with no stored
// result are problems. A formula whose stored text result is empty ("")
// cannot be told from one never calculated (a file keeps no difference
// excelize shows), so it is a problem too: leave a cell blank for no
// figure.
//
// Every problem names the file, the sheet and the cell:
//
//	returns.xlsx: ICT!F7: cannot read "9x" as a figure ...
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// MaxSize is the largest workbook read, unpacked: 64 MiB, far more than a
// return's figures for a year.
const MaxSize = 64 << 20

// A Reader reads returns from workbooks for a contract. The zero value of
// Sheet reads each workbook's first sheet.
type Reader struct {
	// Returns reads the rows: its Contract is required, and its Strict and
	// Today apply as they do to a CSV return.
	Returns contract.ReturnReader
	// Sheet is the name of the sheet to read; "" for the first.
	Sheet string
}

// Read reads one workbook's return, with its warnings.
func (r Reader) Read(rd io.Reader, file string) ([]regime.Observation, []contract.Warning, error) {
	t, err := r.Table(rd, file)
	if err != nil {
		return nil, nil, err
	}
	return r.Returns.ReadTable(t)
}

// ReadFiles reads several returns as one, as
// [contract.ReturnReader.ReadFiles] does: workbooks, and CSV files, told
// apart by their content (a workbook is a zip archive) whatever their names
// say. A KPI's period given in two is a duplicate or a restatement across
// them.
func (r Reader) ReadFiles(names ...string) ([]regime.Observation, []contract.Warning, error) {
	var rets []contract.Return
	var errs []error
	for _, name := range names {
		data, err := readFile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !IsWorkbook(data) {
			rets = append(rets, contract.Return{File: name, CSV: bytes.NewReader(data)})
			continue
		}
		t, err := r.Table(bytes.NewReader(data), name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rets = append(rets, contract.Return{File: name, Table: &t})
	}
	obs, warns, err := r.Returns.ReadReturns(rets...)
	if err := errors.Join(append(errs, err)...); err != nil {
		return nil, warns, err
	}
	return obs, warns, nil
}

// readFile reads a return of at most MaxSize bytes.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, &contract.LineError{File: name, Msg: fmt.Sprintf("the file is larger than %d MiB", MaxSize>>20)}
	}
	return data, nil
}

// IsWorkbook reports whether data starts as a workbook does (a zip
// archive), not as CSV text.
func IsWorkbook(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// IsWorkbookName reports whether a file's name says it is a workbook
// (.xlsx or .xlsm, in any case).
func IsWorkbookName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".xlsx" || ext == ".xlsm"
}

// Table reads a workbook's sheet into a [contract.Table] of the return's
// columns, in either layout, reading labels in the contract's years. Its
// problems (no such sheet, no header row, a cell that holds an error) are
// [*contract.LineError] values naming the cell, joined.
func (r Reader) Table(rd io.Reader, file string) (contract.Table, error) {
	c := r.Returns.Contract
	if c == nil {
		return contract.Table{}, fmt.Errorf("%s: xlsx.Reader needs its Returns.Contract", file)
	}
	f, err := excelize.OpenReader(io.LimitReader(rd, MaxSize+1), excelize.Options{UnzipSizeLimit: MaxSize, UnzipXMLSizeLimit: MaxSize / 4})
	if err != nil {
		return contract.Table{}, &contract.LineError{File: file, Msg: fmt.Sprintf("cannot read the file as an Excel workbook (.xlsx): %v", err)}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	sheet := r.Sheet
	switch {
	case len(sheets) == 0:
		return contract.Table{}, &contract.LineError{File: file, Msg: "the workbook has no sheets"}
	case sheet == "":
		sheet = sheets[0]
	default:
		if i, err := f.GetSheetIndex(sheet); err != nil || i < 0 {
			return contract.Table{}, &contract.LineError{File: file, Msg: fmt.Sprintf("there is no sheet %q (the sheets are %s)", sheet, quoteAll(sheets))}
		}
	}
	s, err := readSheet(f, file, sheet)
	if err != nil {
		return contract.Table{}, err
	}
	return s.table(c.Years())
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// A cell is a cell's text as the return's checks read it, where it came
// from (the first cell of a merged range), and whether it held a date.
type cell struct {
	text string
	ref  string // "ICT!F7"
	date bool
}

// sheet is a sheet's cells, merged ranges filled in, row by row.
type sheet struct {
	file, name string
	rows       [][]cell
	errs       []error
}

// readSheet reads every cell of a sheet as the return's checks read it.
func readSheet(f *excelize.File, file, name string) (*sheet, error) {
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &contract.LineError{File: file, Msg: fmt.Sprintf("cannot read sheet %q: %v", name, err)}
	}
	props, _ := f.GetWorkbookProps()
	cr := cellReader{f: f, sheet: name, date1904: props.Date1904 != nil && *props.Date1904, styles: map[int]numFmt{}}
	s := &sheet{file: file, name: name, rows: make([][]cell, len(raw))}
	for i, row := range raw {
		s.rows[i] = make([]cell, len(row))
		for j, v := range row {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			text, date, err := cr.text(ref, v)
			if err != nil {
				s.errs = append(s.errs, &contract.LineError{File: file, Line: i + 1, Cell: name + "!" + ref, Msg: err.Error()})
			}
			s.rows[i][j] = cell{text: strings.TrimSpace(text), ref: name + "!" + ref, date: date}
		}
	}
	width := 0
	for _, row := range s.rows {
		width = max(width, len(row))
	}
	merged, err := f.GetMergeCells(name, true)
	if err != nil {
		return nil, &contract.LineError{File: file, Msg: fmt.Sprintf("cannot read the merged cells of sheet %q: %v", name, err)}
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > len(s.rows) {
			continue
		}
		first := s.at(r1-1, c1-1)
		// Only the sheet's rows and columns with cells: a range merged
		// past them fills nothing a row of figures could read.
		for i := r1 - 1; i < min(r2, len(s.rows)); i++ {
			for j := c1 - 1; j < min(c2, width); j++ {
				if i != r1-1 || j != c1-1 {
					s.set(i, j, first)
				}
			}
		}
	}
	return s, nil
}

// at is the cell at row i and column j (from 0): blank beyond the sheet's
// cells.
func (s *sheet) at(i, j int) cell {
	if i < len(s.rows) && j < len(s.rows[i]) {
		return s.rows[i][j]
	}
	ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
	return cell{ref: s.name + "!" + ref}
}

func (s *sheet) set(i, j int, c cell) {
	const most = 1 << 14 // Excel's columns
	if j >= most || i >= 1<<20 {
		return
	}
	for len(s.rows) <= i {
		s.rows = append(s.rows, nil)
	}
	for len(s.rows[i]) <= j {
		ref, _ := excelize.CoordinatesToCellName(len(s.rows[i])+1, i+1)
		s.rows[i] = append(s.rows[i], cell{ref: s.name + "!" + ref})
	}
	s.rows[i][j] = c
}

// numFmt is what a cell's number format says its number is.
type numFmt uint8

const (
	plainNumber numFmt = iota
	percentNumber
	dateNumber
)

// cellReader reads cells' values as Excel stores them.
type cellReader struct {
	f        *excelize.File
	sheet    string
	date1904 bool
	styles   map[int]numFmt
}

// excelDigits is the number of significant digits Excel keeps.
const excelDigits = 15

// text returns a cell's text as the return's checks read it, and whether it
// held a date. raw is the cell's stored value.
//
// How float rounding is avoided: a number is taken from the text the file
// stores (excelize's raw value, never its float64), parsed by
// decimal.NewFromString, rounded in decimal to Excel's 15 significant
// digits, and, for a percent format, multiplied by 100 by Shift(2), which
// moves the decimal point and is exact.
func (cr *cellReader) text(ref, raw string) (text string, date bool, err error) {
	typ, err := cr.f.GetCellType(cr.sheet, ref)
	if err != nil {
		return "", false, err
	}
	if raw == "" {
		// No stored value: a blank cell, or a formula never calculated
		// (whatever type its result was declared to have).
		if fm, _ := cr.f.GetCellFormula(cr.sheet, ref); fm != "" {
			return "", false, fmt.Errorf("the cell holds a formula with no stored result (=%s): open the workbook in Excel and save it, so that its results are stored", fm)
		}
		if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			return "", false, nil
		}
	}
	switch typ {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
		return raw, false, nil
	case excelize.CellTypeBool:
		if raw == "1" {
			return "TRUE", false, nil
		}
		return "FALSE", false, nil
	case excelize.CellTypeError:
		return "", false, fmt.Errorf("the cell holds the error %s, not a figure", raw)
	case excelize.CellTypeDate:
		t, err := time.Parse("2006-01-02T15:04:05", strings.TrimSuffix(raw, "Z"))
		if err != nil {
			if t, err = time.Parse("2006-01-02", raw); err != nil {
				return "", false, fmt.Errorf("cannot read the date %q", raw)
			}
		}
		return period.DateOf(t).String(), true, nil
	}
	d, err := decimal.NewFromString(raw)
	if err != nil {
		return raw, false, nil // not a number after all: its text
	}
	d = significant(d, excelDigits)
	switch cr.format(ref) {
	case percentNumber:
		return d.Shift(2).String() + "%", false, nil
	case dateNumber:
		day, err := cr.day(d)
		if err != nil {
			return "", false, err
		}
		return day.String(), true, nil
	}
	return d.String(), false, nil
}

// significant rounds d, in decimal, to n significant digits.
func significant(d decimal.Decimal, n int) decimal.Decimal {
	digits := len(d.Coefficient().Text(10))
	if d.IsNegative() {
		digits-- // the minus sign
	}
	if digits <= n {
		return d
	}
	return d.Round(-d.Exponent() - int32(digits-n))
}

// day is the day a date serial number stands for: the whole days since 31
// December 1899 (Excel's 1900 system, which counts a 29 February 1900 that
// never was, so that serial 61 is 1 March 1900) or since 1 January 1904.
func (cr *cellReader) day(serial decimal.Decimal) (period.Date, error) {
	n := serial.Floor()
	if n.IsNegative() || n.GreaterThan(decimal.NewFromInt(2958465)) { // 9999-12-31
		return period.Date{}, fmt.Errorf("%s is not a date Excel can hold", serial)
	}
	days := int(n.IntPart())
	var t time.Time
	switch {
	case cr.date1904:
		t = time.Date(1904, time.January, 1+days, 0, 0, 0, 0, time.UTC)
	case days >= 61:
		t = time.Date(1899, time.December, 30+days, 0, 0, 0, 0, time.UTC)
	case days == 60:
		return period.Date{}, fmt.Errorf("serial day 60 is 29 February 1900, a day that never was")
	default:
		t = time.Date(1899, time.December, 31+days, 0, 0, 0, 0, time.UTC)
	}
	return period.DateOf(t), nil
}

// format reads what a cell's number format makes its number: a percent
// (built-in formats 9 and 10, or a custom one with % outside quotes), a
// date (built-in 14 to 22 and 45 to 47, or a custom one with a day, month
// or year outside quotes and brackets), or a plain number.
func (cr *cellReader) format(ref string) numFmt {
	idx, err := cr.f.GetCellStyle(cr.sheet, ref)
	if err != nil {
		return plainNumber
	}
	if k, ok := cr.styles[idx]; ok {
		return k
	}
	k := plainNumber
	if st, err := cr.f.GetStyle(idx); err == nil && st != nil {
		switch {
		case st.CustomNumFmt != nil:
			k = customFormat(*st.CustomNumFmt)
		case st.NumFmt == 9 || st.NumFmt == 10:
			k = percentNumber
		case st.NumFmt >= 14 && st.NumFmt <= 22, st.NumFmt >= 45 && st.NumFmt <= 47:
			k = dateNumber
		}
	}
	cr.styles[idx] = k
	return k
}

// customFormat reads a custom number format: its first section, outside
// quoted text, escaped characters and [colour] or [$-locale] brackets.
func customFormat(f string) numFmt {
	var plain strings.Builder
	quoted, bracket := false, false
	for i := 0; i < len(f); i++ {
		ch := f[i]
		switch {
		case quoted:
			quoted = ch != '"'
		case bracket:
			bracket = ch != ']'
		case ch == '"':
			quoted = true
		case ch == '[':
			bracket = true
		case ch == '\\' || ch == '_' || ch == '*':
			i++ // the next character is literal, or a width
		case ch == ';':
			i = len(f) // the first section only
		default:
			plain.WriteByte(ch)
		}
	}
	p := strings.ToLower(plain.String())
	switch {
	case strings.Contains(p, "%"):
		return percentNumber
	case strings.ContainsAny(p, "dy"), strings.Contains(p, "m") && !strings.ContainsAny(p, "hs0#?"):
		return dateNumber
	}
	return plainNumber
}
