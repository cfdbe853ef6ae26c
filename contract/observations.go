package contract

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// A LineError is one problem in a file: its name, line, where in the line
// (the column of a CSV file, or the path of the field in a contract file)
// and what is wrong. It prints as file:line: column: message, or
// file:line: path: message.
type LineError struct {
	File string
	Line int
	// Column is the column of an observations file, plan log or return
	// the problem is in (value, period, ...); "" for a contract file.
	Column string
	// Path is the path of the field of a contract file the problem is in
	// (regimes[0].kpis[3].target), as [kpi.FieldError.Path]; "" for a CSV
	// file or a return. At most one of Column and Path is set.
	Path string
	// Cell is the cell of a workbook the problem is in, with its sheet
	// ("ICT!F7"), for a return read as a [Table]; "" for a CSV file. Line
	// is then the row of the sheet, and Column the return's column the
	// cell was read as (value, period, ...).
	Cell string
	Msg  string
}

// Is reports whether target is [ErrInvalid]: a LineError is a problem with
// what a file says, so errors.Is(err, ErrInvalid) holds for the error of
// [Decode], [ReadObservations], [ReadPlanUpdates] or a [ReturnReader] that
// holds one, without the word "invalid" in its message.
func (e *LineError) Is(target error) bool { return target == ErrInvalid }

// Error returns "file:line: column: message" (or "file:line: path:
// message"). A problem with the whole file (Line 0) reads "file: message",
// and one in a workbook's cell "file: sheet!cell: message"
// ("returns.xlsx: ICT!F7: ...").
func (e *LineError) Error() string {
	if e.Cell != "" {
		return joinNonEmpty(e.File, e.Cell, e.Msg)
	}
	where := cmp.Or(e.Path, e.Column)
	if e.Line == 0 {
		return joinNonEmpty(e.File, where, e.Msg)
	}
	if where == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, where, e.Msg)
}

// maxErrors bounds the problems one file reports; a file past it says how
// many more there were.
const maxErrors = 100

// MaxObservationsSize is the largest observations file ReadObservations
// reads: 32 MiB, about a million rows, far more than a contract reports in
// a year.
const MaxObservationsSize = 32 << 20

// limited counts what is read and fails past its limit.
type limited struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > MaxObservationsSize {
		l.over = true
		return n, errTooLarge
	}
	return n, err
}

var errTooLarge = fmt.Errorf("the file is larger than %d MiB: split it, by year say", MaxObservationsSize>>20)

// MaxField is the longest field of a return, in bytes: a note of a few
// paragraphs, far longer than a figure, a ref or a period.
const MaxField = 10_000

// The columns of an observations file.
const (
	colKPI         = "kpi"
	colPeriod      = "period"
	colValue       = "value"
	colNumerator   = "numerator"
	colDenominator = "denominator"
	colStatus      = "status"
	colNote        = "note"
	colReportedOn  = "reported_on"
	colReportedBy  = "reported_by"
	colTarget      = "target"
)

var knownColumns = []string{colKPI, colPeriod, colValue, colNumerator, colDenominator, colStatus, colNote, colReportedOn, colReportedBy, colTarget}

// Columns returns the names of the columns a return may have, in the order
// the documentation lists them: kpi, period and value are required, the
// others optional.
func Columns() []string { return slices.Clone(knownColumns) }

// ReadObservations reads a supplier's figures from CSV for contract c. The
// first line is a header naming the columns, in any order: kpi, period and
// value are required; numerator, denominator, status, note, reported_on
// and reported_by are optional.
// Each row is one KPI in one period:
//
//	kpi,period,value,numerator,denominator,status,note
//	3,Apr-16,88.89,,,,
//	9,May-16,80,1612,2015,,
//	5,Apr-16,,,,no_data,No Data
//	BT-K-002,May-16,,,,not_measurable,Not yet measurable
//
// The period is a month in any form package period reads (2016-05, May-16,
// May 2016), or the KPI's measurement period where it is longer than a
// month: a quarter, a half or a year (Q1 2016/17, H1 2016/17, 2016/17), or
// a four-weekly period as a range of days (2016-04-01..2016-04-28). A
// figure for a month inside a longer measurement period is interim: shown,
// never charged. The value is a figure as [kpi.ParseFigure] reads it (88.89,
// 95.8%); with a numerator and denominator it may be left empty, and if it is
// given it must agree with them. The status is no_data, not_due,
// not_measurable or excluded for a row with no figure, or the status the
// supplier reported for a row with one. A row with a performance status
// (met, missed, failed, ...) and no figure is an outcome reported without
// one ([kpi.Outcome]), as minutes that give outcomes but not figures
// report it; it is marked as such wherever it is shown. A value of "No
// Data" or "Not yet measurable" is read as that status.
//
// The file may be UTF-8 (with or without a byte-order mark), UTF-16 with a
// byte-order mark, or Windows-1252, as Excel saves CSV; its encoding is
// told from its first 64 KiB, and a byte not in that encoding, or a NUL
// byte, is a problem on its line. A figure's written unit must be its
// KPI's ("95 days" for a percent KPI is a problem), counts are for
// percentages and ratios, and a row for a period that has not begun is a
// problem. A field is at most [MaxField] bytes.
//
// A row may say when its figure was reported (reported_on, YYYY-MM-DD, not
// after the day the return is read nor before its period begins) and by
// whom (reported_by). A second row for a KPI's period is a restatement
// where it is reported on a later day than the first (a row with no date
// is the earliest); on the same day, or with no date on either, it is a
// duplicate. Every observation carries its file and line
// ([regime.Observation].Source), for the audit trail of a restated figure.
//
// Nothing is silently dropped: every problem (an unknown column or KPI, a
// month outside the contract or its regimes, a duplicate row, a value that
// does not parse, counts that contradict the value) is reported at once as a
// [*LineError] joined into the error, up to 100 of them.
//
// ReadObservations drops the warnings a [ReturnReader] returns; use one to
// see them, to make them errors, or to set the date the return is read on.
// [ReadReturn] reads the same return into a [regime.Return], which holds
// a return of plain rows in a fraction of the memory: ReadObservations
// reads it so and returns its observations.
func ReadObservations(r io.Reader, file string, c *Contract) ([]regime.Observation, error) {
	obs, _, err := ReturnReader{Contract: c}.Read(r, file)
	return obs, err
}

// ReadObservationFiles reads several observations files for contract c,
// as [ReadObservations] reads one, and reports every problem of every file.
// A KPI's month given in two files is a problem of the second, naming the
// first's file and line, unless the second restates it (a later
// reported_on). The observations come in file order.
func ReadObservationFiles(c *Contract, names ...string) ([]regime.Observation, error) {
	obs, _, err := ReturnReader{Contract: c}.ReadFiles(names...)
	return obs, err
}

// A ReturnReader reads a supplier's returns for its contract, as
// [ReadObservations] does, and also returns the likely mistakes it noticed
// that are not errors: a percentage given as a fraction (0.95 where the
// target is 95%). The zero value of each option is the default.
type ReturnReader struct {
	// Contract is the contract the returns are for. It is required.
	Contract *Contract
	// Strict makes every warning an error.
	Strict bool
	// Today is the date the return is read on: a row for a period that
	// begins after it is an error, since no supplier can report a month
	// that has not begun. The zero Date means the current date (in UTC).
	Today period.Date
}

// ReadReturn reads a supplier's return from CSV for contract c, as
// [ReadObservations] does, into a [regime.Return]: the form a ledger reads
// ([regime.Input].Return) that holds a plain row (a KPI's figure or counts
// for a month) in a few bytes, where an observation takes over 200.
// Its observations ([regime.Return.Observations]) are those
// ReadObservations returns, in the same order, with the same sources; on
// an error the Return is nil.
func ReadReturn(r io.Reader, file string, c *Contract) (*regime.Return, error) {
	rt, _, err := ReturnReader{Contract: c}.ReadReturn(r, file)
	return rt, err
}

// ReadReturn reads one return into a [regime.Return], as [ReadReturn]
// does, with its warnings.
func (rr ReturnReader) ReadReturn(r io.Reader, file string) (*regime.Return, []Warning, error) {
	rd := rr.reader()
	return rd.finish(rd.read(r, file))
}

// ReadReturnFiles reads several returns into one [regime.Return], as
// [ReturnReader.ReadFiles] reads them: a KPI's period given in two files
// is a duplicate or a restatement across them, and the observations come
// in file order.
func (rr ReturnReader) ReadReturnFiles(names ...string) (*regime.Return, []Warning, error) {
	rd := rr.reader()
	var errs []error
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		err = rd.read(f, name)
		f.Close()
		if err != nil {
			errs = append(errs, err)
		}
	}
	return rd.finish(errors.Join(errs...))
}

// Read reads one return, as [ReadObservations] does, with its warnings.
func (rr ReturnReader) Read(r io.Reader, file string) ([]regime.Observation, []Warning, error) {
	rt, warnings, err := rr.ReadReturn(r, file)
	return observations(rt), warnings, err
}

// ReadFiles reads several returns, as [ReadObservationFiles] does, with
// their warnings in file and line order.
func (rr ReturnReader) ReadFiles(names ...string) ([]regime.Observation, []Warning, error) {
	rt, warnings, err := rr.ReadReturnFiles(names...)
	return observations(rt), warnings, err
}

// observations returns rt's observations; nil where there are none.
func observations(rt *regime.Return) []regime.Observation {
	if rt == nil || rt.Len() == 0 {
		return nil
	}
	return rt.Observations()
}

// reader is one ReturnReader at work: what was read so far, across files,
// where each KPI's periods were given, and the warnings.
type returnReader struct {
	ReturnReader
	today period.Date
	// rt holds every row that passed its checks, as it is read: a file
	// with a problem gives nothing back, so what it added is never seen.
	rt *regime.Return
	versions
	fast     fastCache
	warnings []Warning
	// plain reads every row through take and keeps every version
	// eagerly: the reader without its fast paths, which tests compare
	// with it.
	plain bool
}

func (rr ReturnReader) reader() *returnReader {
	today := rr.Today
	if today.IsZero() {
		today = period.DateOf(time.Now().UTC())
	}
	return &returnReader{ReturnReader: rr, today: today, rt: &regime.Return{}}
}

// finish returns what was read, with the warnings, or makes the warnings
// errors for a strict reader.
func (rd *returnReader) finish(err error) (*regime.Return, []Warning, error) {
	if rd.Strict && len(rd.warnings) > 0 {
		errs := []error{err}
		for _, w := range rd.warnings {
			errs = append(errs, &LineError{File: w.File, Line: w.Line, Column: w.Column, Path: w.Path, Cell: w.Cell, Msg: w.Msg + " (a warning, made an error by a strict reader)"})
		}
		return nil, rd.warnings, errors.Join(errs...)
	}
	if err != nil {
		return nil, rd.warnings, err
	}
	return rd.rt, rd.warnings, nil
}

// read reads one CSV return into rd.rt; the error holds its problems.
func (rd *returnReader) read(r io.Reader, file string) error {
	lr := &limited{r: r}
	cr := csv.NewReader(textReader(lr))
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true
	f := &csvReturn{file: file, cr: cr, lr: lr}
	if !f.readHeader() {
		return f.done()
	}
	return rd.readRows(f)
}

// csvReturn is a CSV return being read: its reader, the columns its header
// names, and the problems found so far.
type csvReturn struct {
	file   string
	cr     *csv.Reader
	lr     *limited
	cols   map[string]int // 1-based, so that 0 means absent
	pos    [nColumns]int  // cols by column number (iKPI, ...)
	others []int          // the columns from iStatus on the header names
	names  []string       // the header's names: its record is reused
	errs   []error
	more   int // problems past maxErrors
	closed bool
}

// report records a problem on a line of the file.
func (f *csvReturn) report(line int, col, format string, args ...any) {
	if len(f.errs) >= maxErrors {
		f.more++
		return
	}
	f.errs = append(f.errs, &LineError{File: f.file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
}

// done returns the problems found, joined; nil if none.
func (f *csvReturn) done() error {
	if f.more > 0 {
		f.errs = append(f.errs, fmt.Errorf("%s: and %d more problems", f.file, f.more))
	}
	return errors.Join(f.errs...)
}

// field returns the trimmed text of column name in rec; "" where there is none.
func (f *csvReturn) field(rec []string, name string) string {
	if i := f.cols[name]; i > 0 && i <= len(rec) {
		return strings.TrimSpace(rec[i-1])
	}
	return ""
}

// readHeader reads the header line and its columns; false if it has
// problems (reported), when no row can be read.
func (f *csvReturn) readHeader() bool {
	header, err := f.cr.Read()
	switch {
	case err == io.EOF:
		f.report(1, "", "the file is empty: want a header line such as kpi,period,value")
		return false
	case err != nil:
		f.report(csvLine(err, 1), "", "%s", csvMessage(err))
		return false
	case !isText(header):
		f.report(1, "", "the file is not text (it holds binary data): want a CSV file of figures")
		return false
	case len(header) == 1 && strings.ContainsAny(header[0], "\t;"):
		f.report(1, "", "the header is not comma-separated (it holds tabs or semicolons): save the file as CSV with commas")
		return false
	}
	f.cols = map[string]int{}
	f.names = make([]string, len(header))
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		f.names[i] = name
		switch {
		case !contains(knownColumns, name):
			f.report(1, name, "unknown column (want %s)", strings.Join(knownColumns, ", "))
		case f.cols[name] != 0:
			f.report(1, name, "the column is named twice")
		default:
			f.cols[name] = i + 1
		}
	}
	for i, name := range knownColumns {
		f.pos[i] = f.cols[name]
		if i >= iStatus && f.pos[i] != 0 {
			f.others = append(f.others, i)
		}
	}
	for _, req := range []string{colKPI, colPeriod, colValue} {
		if f.cols[req] == 0 {
			f.report(1, req, "the header has no %s column", req)
		}
	}
	return len(f.errs) == 0
}

// readRows reads the rows after the header into rd.rt.
func (rd *returnReader) readRows(f *csvReturn) error {
	lastLine := 1
	// The row being read, which the functions that read its fields and
	// report its problems see: made once, not for each row.
	var (
		rec  []string
		line int
	)
	bad := func(col, format string, args ...any) { f.report(line, col, format, args...) }
	field := func(name string) string { return f.field(rec, name) }
	for {
		var err error
		rec, err = f.cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if fatal := f.readError(err, rec, &lastLine); fatal != nil {
				return fatal
			}
			if f.closed {
				break
			}
			continue
		}
		line, _ = f.cr.FieldPos(0)
		lastLine = line
		if allEmpty(rec) {
			continue // a blank line
		}
		if i := slices.IndexFunc(rec, func(s string) bool { return len(s) > MaxField }); i >= 0 {
			f.report(line, f.names[i], "the field is %d characters long: a field of a return has at most %d", len(rec[i]), MaxField)
			continue
		}
		if !rd.plain && rd.fastRow(f, rec, line) {
			continue
		}
		at := rowAt{file: f.file, line: line, dated: f.cols[colReportedOn] != 0}
		rd.take(at, field, bad)
	}
	return f.done()
}

// readError reports an error reading a row (rec, as far as it was read)
// after the line lastLine. A problem with the row's CSV is reported on its
// line, and reading goes on; a read error is reported and closes the file
// (closed); a file too large is the one error returned.
func (f *csvReturn) readError(err error, rec []string, lastLine *int) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		if f.lr.over {
			// Only this problem matters, and where the reader stopped is
			// not a line the analyst can use.
			return &LineError{File: f.file, Msg: errTooLarge.Error()}
		}
		line := *lastLine + 1
		var ee *encodingError
		if errors.As(err, &ee) {
			line = ee.line // the line the decoder counted, exact
		}
		f.report(line, "", "%v", err)
		f.closed = true // a read error: nothing more can be read
		return nil
	}
	*lastLine = pe.Line
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		f.report(pe.Line, "", "the row has %d fields, but the header has %d", len(rec), len(f.names))
	} else {
		f.report(pe.Line, "", "%s", csvMessage(err))
	}
	return nil
}

// rowAt is where a row of a return is: its file and line, and, for a row of
// a [Table], the cell of each column and of the row as a whole. dated says
// whether the return has a reported_on column.
type rowAt struct {
	file  string
	sheet string // a workbook's sheet, for the observation's source; "" for CSV
	line  int
	cells map[string]string // column → cell, for a table; nil for CSV
	place string            // the row's place in a table, "ICT!7"
	dated bool
}

// cell is where the field of column col is: its cell in a table (the row's
// place where the table has no such field), or "" in a CSV file.
func (at rowAt) cell(col string) string {
	if at.cells == nil {
		return ""
	}
	if c := at.cells[col]; c != "" {
		return c
	}
	return at.place
}

// where says where a row is, for a message that names an earlier row:
// "on line 5", "at ICT!B5", with the file where it is not this one's.
func (v fileLine) where(file string) string {
	w := fmt.Sprintf("on line %d", v.line)
	if v.place != "" {
		w = "at " + v.place
	}
	if v.file != file {
		w = "in " + v.file + " " + w
	}
	return w
}

// take reads one row of a return, CSV or table, as every return's rows are
// read: the row's own checks ([returnReader.readRow]), then the checks
// across rows (a duplicate, or a restatement with a later reported_on),
// and adds it to rd.rt if it passes them. bad reports a problem with a
// column of the row.
func (rd *returnReader) take(at rowAt, field func(string) string, bad func(col, format string, args ...any)) {
	o, ok := rd.readRow(at, field, bad)
	if !ok {
		return
	}
	p := o.For()
	o.Source = regime.Source{File: at.file, Sheet: at.sheet, Line: at.line}
	place := ""
	if at.cells != nil {
		place = at.cell(colValue)
	}
	// A second row for a KPI's period is a restatement only where the
	// two are reported on different days; otherwise it is a duplicate.
	v := fileLine{at.file, at.line, place, o.ReportedOn}
	if prev, dup := rd.record(rd.rt, o.KPI, p, v, at.cells == nil && !rd.plain); dup {
		where := prev.where(at.file)
		switch {
		case !o.ReportedOn.IsZero():
			bad(colReportedOn, "%s for %s is already %s, reported on the same day, %s: a restatement is reported on a later day",
				o.KPI, p.Label(period.Short), where, o.ReportedOn)
		case at.dated:
			bad(colKPI, "%s for %s is already %s, and neither gives reported_on: to restate it, give the restatement a later reported_on than the figure it replaces",
				o.KPI, p.Label(period.Short), where)
		default:
			bad(colKPI, "%s for %s is already %s", o.KPI, p.Label(period.Short), where)
		}
		return
	}
	rd.rt.Add(o)
}

// rowReader reads one row of a return: the text of its columns (field),
// where to report its problems (bad) and likely mistakes (warn), and what
// was read so far; ok is false once it has a problem.
type rowReader struct {
	rd    *returnReader
	at    rowAt
	field func(string) string
	bad   func(col, format string, args ...any)
	ok    bool
	o     regime.Observation
	label period.Period // the period the row is for
	def   kpi.Definition
}

// warn records a likely mistake in column col of the row.
func (r *rowReader) warn(col, format string, args ...any) {
	at := &r.at
	r.rd.warnings = append(r.rd.warnings, Warning{File: at.file, Line: at.line, Column: col, Cell: at.cell(col), Msg: fmt.Sprintf(format, args...)})
}

// fail reports a problem with column col of the row.
func (r *rowReader) fail(col, format string, args ...any) {
	r.bad(col, format, args...)
	r.ok = false
}

// readRow reads one row, at at, reporting its problems; ok is false if it
// had any. field gives the text of a column of the row ("" where it has
// none).
func (rd *returnReader) readRow(at rowAt, field func(string) string, bad func(col, format string, args ...any)) (regime.Observation, bool) {
	r := &rowReader{rd: rd, at: at, field: field, bad: bad, ok: true}
	r.o.KPI = field(colKPI)
	if r.o.KPI == "" {
		r.fail(colKPI, "the KPI reference is empty")
	}
	m, ok := r.readPeriod()
	if !ok || !r.readKPI(m) {
		return r.o, false
	}
	r.readReported()
	if published := r.field(colTarget); published != "" && !r.def.IsZero() {
		if msg := targetDisagrees(r.def, r.label, published); msg != "" {
			r.warn(colTarget, "%s", msg)
		}
	}
	return r.readFigure()
}

// readPeriod reads the row's period: its month, or its KPI's measurement
// period; false if it cannot be read.
func (r *rowReader) readPeriod() (m period.Month, ok bool) {
	c, o := r.rd.Contract, &r.o
	ptext := r.field(colPeriod)
	m, err := period.ParseMonth(ptext)
	if err == nil {
		o.Month, r.label = m, m.Period()
	} else {
		// A KPI measured in the contract's periods reads its labels (P5
		// 2023/24, Q2 2023/24 for P4 to P6); any other reads them as before,
		// in the contract's years.
		cal := c.Periods()
		inPeriods := !cal.IsZero() && c.measuredInPeriods(o.KPI)
		p, lerr := c.Years().Parse(ptext)
		if inPeriods {
			p, lerr = cal.ParseIn(c.Years(), ptext)
		}
		switch {
		case lerr != nil && inPeriods:
			r.fail(colPeriod, "%s", reason(lerr))
			return m, false
		case lerr != nil && period.IsPeriodLabel(ptext) && cal.IsZero():
			r.fail(colPeriod, "%s is a rail period, but the contract states no period calendar (periods) to read it in", problems.Quote(ptext))
			return m, false
		case lerr != nil && period.IsPeriodLabel(ptext):
			r.fail(colPeriod, "%s is a period of the contract's calendar, but %s is not measured in periods: give its month or measurement period", problems.Quote(ptext), o.KPI)
			return m, false
		case lerr != nil:
			r.fail(colPeriod, "%s is not a month or a period (want 2016-05, May-16, Q1 2016/17, H1 2016/17, 2016/17 or 2016-04-01..2016-04-28)", problems.Quote(ptext))
			return m, false
		case p.Kind() == period.KindYearToDate || p.Kind() == period.KindMonths || p.Kind() == period.KindRailQuarter || p.Kind() == period.KindRailYear:
			r.fail(colPeriod, "%s is a %s: give the figure for its month or its KPI's measurement period", problems.Quote(ptext), p.Kind())
			return m, false
		}
		o.Period, r.label = p, p
		m = p.LastMonth()
	}
	return m, true
}

// readKPI checks the row's period against the contract and its KPI
// against the regime in force in month m (the month the period ends in),
// and keeps the KPI's definition; false if the period has not begun.
func (r *rowReader) readKPI(m period.Month) bool {
	c, o, label := r.rd.Contract, &r.o, r.label
	switch {
	case label.Start().After(r.rd.today):
		r.fail(colPeriod, "%s has not begun (the return is read on %s): a return reports periods that have begun", label.Label(period.Short), r.rd.today)
		return false
	case !c.Covers(m):
		r.fail(colPeriod, "%s is outside the contract's term (%s)", m.Label(period.Short), c.termText())
	default:
		rg, inForce := c.RegimeAt(m)
		// A month two regimes share, each rating its part: a monthly KPI's
		// figure is for a part, under the regime of that part.
		before, _, first, second, shared := c.History().Parts(m)
		part := shared && (label == first || label == second)
		if shared && label == first {
			rg = before
		}
		if !inForce {
			r.fail(colPeriod, "no regime of the contract is in force in %s", m.Label(period.Short))
		} else if o.KPI != "" {
			d, known := rg.KPI(o.KPI)
			if known && d.Ref() == o.KPI {
				// The definition's copy, not one that keeps the row's
				// text alive.
				o.KPI = d.Ref()
			}
			monthly := known && d.Frequency().Months() == 1
			if !known {
				r.fail(colKPI, "no KPI %s in regime %s %s%s", problems.Quote(o.KPI), rg.Name(), rg.Version(), nearestRef(o.KPI, rg))
			} else if d.IsCompound() {
				r.fail(colKPI, "%s is made of parts (%s): give its parts' figures, from which it is rated", o.KPI, strings.Join(d.Parts(), ", "))
			} else if shared && monthly && !part {
				r.fail(colPeriod, "%s is shared by two regimes, each rating its part on its own figure: give %s's figure for %s and for %s",
					m.Label(period.Short), o.KPI, first.Label(period.Short), second.Label(period.Short))
			} else if part && !monthly {
				r.fail(colPeriod, "%s is a part of %s, which only a monthly KPI is rated for; %s is %s", label.Label(period.Short), m.Label(period.Short), o.KPI, d.Frequency())
			} else if err := d.CheckPeriod(label); err != nil && !part {
				r.fail(colPeriod, "%v", err)
			} else if err := d.CheckYears(label); err != nil {
				r.fail(colPeriod, "%v", err)
			}
			r.def = d
		}
	}
	return true
}

// readReported reads the row's note, and who reported it and when.
func (r *rowReader) readReported() {
	o, label := &r.o, r.label
	o.Note = r.field(colNote)
	o.ReportedBy = r.field(colReportedBy)
	if on := r.field(colReportedOn); on != "" {
		d, err := period.ParseDate(on)
		switch {
		case err != nil:
			r.fail(colReportedOn, "cannot read %s as a date (want YYYY-MM-DD, such as 2019-09-12)", problems.Quote(on))
		case d.After(r.rd.today):
			r.fail(colReportedOn, "%s is after the day the return is read (%s): a figure is reported on a day that has come", d, r.rd.today)
		case d.Before(label.Start()):
			r.fail(colReportedOn, "%s is before %s begins: a figure is reported once its period has begun", d, label.Label(period.Short))
		default:
			o.ReportedOn = d
		}
	}

}

// readFigure reads the row's figure: a value, counts, or a status.
func (r *rowReader) readFigure() (regime.Observation, bool) {
	o, def, label := &r.o, r.def, r.label
	value, status := r.field(colValue), r.field(colStatus)
	// A value in words is a status; a status beside it must be the same.
	said, _ := statusInWords(value)
	if (said == kpi.NotMeasurable || said == kpi.NotDue) && o.Note == "" {
		o.Note = value
	}
	var st kpi.Status
	if status != "" {
		s, err := kpi.ParseStatus(status)
		if err != nil {
			r.fail(colStatus, "%s is not a status (want no_data, not_due, not_measurable, excluded, or a reported status such as met)", problems.Quote(status))
		}
		st = s
	}
	if said != 0 {
		if st != 0 && st != said {
			r.fail(colStatus, "the value says %q, which is %s, but the status is %s: give one or the other", value, said, st)
		}
		value, st = "", said
	}
	numText, denText := r.field(colNumerator), r.field(colDenominator)
	if (numText == "") != (denText == "") {
		r.fail(colDenominator, "give both a numerator and a denominator, or neither")
		return *o, false
	}
	if !r.ok {
		return *o, false
	}
	missing := st == kpi.NoData || st == kpi.NotDue || st == kpi.NotMeasurable || st == kpi.Excluded
	switch {
	case missing && (value != "" || numText != ""):
		r.fail(colStatus, "a row with status %s has no figure, but this one has %s", st, problems.Quote(firstNonEmpty(value, numText)))
		return *o, false
	case missing:
		o.Obs = kpi.Missing(st, o.Note)
		return *o, true
	case value == "" && numText == "" && st.IsPerformance():
		// The status as reported, with no figure: minutes that give
		// outcomes ("failed to meet the Minimum Service Level").
		o.Obs = kpi.Outcome(st, o.Note)
		if _, err := kpi.Evaluate(def, label, o.Obs); err != nil {
			r.fail(colStatus, "%v", unquoteKPI(err))
			return *o, false
		}
		return *o, true
	case def.OutcomesOnly():
		r.fail(colValue, "%s's target is not published, so a figure cannot be rated: leave the value empty and give the outcome reported as the status (met, missed, failed, ...)", o.KPI)
		return *o, false
	case value == "" && numText == "":
		r.fail(colValue, "no figure: give a value, counts, or a status such as no_data")
		return *o, false
	}
	return r.readValue(value, numText, denText, st)
}

// readValue reads the figure of a row with one: its counts (numText and
// denText) or its value, with the status st reported beside it, if any.
func (r *rowReader) readValue(value, numText, denText string, st kpi.Status) (regime.Observation, bool) {
	o, def, label := &r.o, r.def, r.label
	if numText != "" {
		if m := def.Measure(); !m.TakesCounts() {
			r.fail(colNumerator, "counts (a numerator and a denominator) are the figure of a percentage or a ratio, not of %s's measure in %s: give the figure as the value", o.KPI, m.Unit)
			return *o, false
		}
		num, err1 := wholeCount(numText)
		den, err2 := wholeCount(denText)
		if err1 != nil {
			r.fail(colNumerator, "%v", err1)
		}
		if err2 != nil {
			r.fail(colDenominator, "%v", err2)
		}
		if !r.ok {
			return *o, false
		}
		if num > den {
			r.fail(colNumerator, "%d is more than the denominator %d", num, den)
			return *o, false
		}
		o.Obs = kpi.Counts(num, den)
		if value != "" {
			if msg := contradicts(def, value, num, den); msg != "" {
				r.fail(colValue, "%s", msg)
				return *o, false
			}
		}
	} else {
		f, err := def.ParseFigure(value)
		if err != nil {
			r.fail(colValue, "%v", unquoteKPI(err))
			return *o, false
		}
		o.Obs = f
		if msg := fractionSlip(def, label, f); msg != "" {
			r.warn(colValue, "%s", msg)
		}
	}
	// What is read can be rated: a figure outside its measure's range (a
	// percent of 101) is refused here, with its line, not when it is scored.
	// (Counts were checked above: no more than their denominator, never
	// negative.)
	if _, isFigure := o.Obs.Value(); isFigure && !def.IsZero() {
		if _, err := kpi.Evaluate(def, label, o.Obs); err != nil {
			r.fail(colValue, "%v", unquoteKPI(err))
			return *o, false
		}
	}
	if st != 0 {
		o.Obs = o.Obs.WithReported(st)
	}
	return *o, true
}

// wordBreaks are the punctuation that may stand between a status's words.
var wordBreaks = strings.NewReplacer(":", " ", ";", " ", ",", " ", "-", " ")

// statusInWords reads a value written as words for a status, as returns
// and committee reports write them: "No Data" is no_data; "Not yet
// measurable" and "Not measurable" are not_measurable; "Not due", "No
// Survey Due" and "Not Measured in April No Survey Due" (with any
// punctuation between the words) are not_due. Case and spacing do not
// matter. ok is false for any other text.
func statusInWords(s string) (st kpi.Status, ok bool) {
	if strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return 0, false // a figure (95.8%, £1,000): no words to read, and no cost to a row
	}
	t := strings.Join(strings.Fields(strings.ToLower(wordBreaks.Replace(s))), " ")
	switch {
	case t == "no data":
		return kpi.NoData, true
	case t == "not yet measurable", t == "not measurable":
		return kpi.NotMeasurable, true
	case t == "not due", t == "no survey due",
		strings.HasPrefix(t, "not measured in ") && (strings.HasSuffix(t, " no survey due") || strings.HasSuffix(t, " not due")):
		return kpi.NotDue, true
	}
	return 0, false
}

// targetDisagrees compares the target a return publishes for a KPI's
// period (a committee report's "Target" column) with the contract's target
// for that period, its profile's for a profiled KPI, and says how they
// differ; "" where they agree. The contract's target is always the one
// used: the published one is only checked. A comparison written with the
// published target ("< 5%") must be the contract's, a target written with
// none taking its KPI's polarity (at least for higher is better, at most
// for lower).
func targetDisagrees(def kpi.Definition, p period.Period, text string) string {
	w, err := kpi.ParseWritten(text)
	if err != nil {
		return fmt.Sprintf("the published target %s cannot be read, so it is not checked against the contract's: %s", problems.Quote(text), unquoteKPI(err))
	}
	label := p.Label(period.Short)
	switch {
	case w.Comparison == kpi.NotPublished || w.Comparison == kpi.NoTarget:
		if def.HasTarget() && !def.OutcomesOnly() {
			return fmt.Sprintf("the published target for %s is %s, but the contract's is %s", label, problems.Quote(text), contractTarget(def, p))
		}
		return ""
	case !def.HasTarget():
		return fmt.Sprintf("the published target for %s is %s, but the contract gives %s no target", label, text, def.Ref())
	case def.OutcomesOnly():
		return fmt.Sprintf("the published target for %s is %s, but the contract's is not published: it is not used", label, text)
	}
	t, err := def.TargetFor(p)
	if err != nil {
		return "" // the period's own checks report it
	}
	m := def.Measure()
	switch {
	case !m.TakesUnit(w.Unit):
		return fmt.Sprintf("the published target for %s is %s, in %s, but %s is measured in %s", label, text, w.Unit, def.Ref(), m.Unit)
	case !w.Value.Equal(t), w.Comparison != kpi.Unstated && effective(w.Comparison, m.Polarity) != effective(def.Target().Comparison, m.Polarity):
		return fmt.Sprintf("the published target for %s is %s, but the contract's is %s: the contract's is used", label, text, contractTarget(def, p))
	}
	return ""
}

// effective is the comparison a target makes: as written, or, written with
// none, at least the target for a higher-is-better measure and at most it
// for a lower-is-better one.
func effective(c kpi.Comparison, pol kpi.Polarity) kpi.Comparison {
	if c != kpi.Unstated {
		return c
	}
	if pol == kpi.LowerIsBetter {
		return kpi.AtMost
	}
	return kpi.AtLeast
}

// contractTarget writes a KPI's target for a period as a message gives it:
// as the contract writes it ("< 5%"), or, for a profiled KPI, the
// profile's target for the period.
func contractTarget(def kpi.Definition, p period.Period) string {
	if def.Profile().IsZero() {
		return def.Target().String()
	}
	t, err := def.TargetFor(p)
	if err != nil {
		return def.Target().String()
	}
	w := def.Target()
	w.Value = t
	return w.String()
}

// contradicts checks a value against the counts behind it: the value must
// be the ratio (× 100 for a percent) rounded to the places it is written
// with.
func contradicts(def kpi.Definition, value string, num, den int64) string {
	w, err := kpi.ParseWritten(value)
	if err != nil || w.Comparison != kpi.Unstated {
		return fmt.Sprintf("%s is not a figure", problems.Quote(value))
	}
	if m := def.Measure(); !m.TakesUnit(w.Unit) {
		return fmt.Sprintf("%s is in %s, but %s is measured in %s", problems.Quote(value), w.Unit, def.Ref(), m.Unit)
	}
	if den == 0 {
		return fmt.Sprintf("%s of %d has no volume, so it has no figure, but the value is %s", fmt.Sprint(num), den, value)
	}
	n := decimal.NewFromInt(num)
	if def.Measure().Unit == kpi.Percent || w.Unit == kpi.Percent {
		n = n.Shift(2)
	}
	places := max(-w.Value.Exponent(), 0)
	ratio := n.DivRound(decimal.NewFromInt(den), places)
	if !ratio.Equal(w.Value) {
		return fmt.Sprintf("the counts %d of %d give %s, not %s", num, den, ratio.StringFixed(places), value)
	}
	return ""
}

// limitCount is 10^15, above every count a return may give.
var limitCount = decimal.New(1, 15)

func wholeCount(s string) (int64, error) {
	const most = 15 // digits: a count below 10^15 fits an int64 many times over
	bad := func() error {
		return fmt.Errorf("%s is not a whole number of zero or more below 10^%d", problems.Quote(s), most)
	}
	if n, ok := digits(s, most); ok {
		return n, nil // the common case, read without a decimal
	}
	if len(s) > most+1 || strings.ContainsAny(s, "eE") {
		return 0, bad() // not parsed: a long number costs time with the square of its digits
	}
	v, err := decimal.NewFromString(s)
	if err != nil || !v.IsInteger() || v.IsNegative() || !v.LessThan(limitCount) {
		return 0, bad()
	}
	return v.IntPart(), nil
}

// digits reads s where it is 1 to most ASCII decimal digits and nothing
// else (most at most 18, so that it fits an int64); ok is false otherwise.
func digits(s string, most int) (n int64, ok bool) {
	if len(s) == 0 || len(s) > most || most > 18 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int64(s[i]-'0') // below 10^18: no overflow
	}
	return n, true
}

// fractionSlip warns of a percentage given as a fraction: a figure of at
// most 1 for a higher-is-better percent KPI whose target is 10% or more
// (0.95 where 95% was meant). It says nothing of a figure that could be
// right (0.5% of calls abandoned against a target below 5%).
func fractionSlip(def kpi.Definition, p period.Period, f kpi.Observation) string {
	m := def.Measure()
	v, ok := f.Value()
	if !ok || m.Unit != kpi.Percent || m.Polarity != kpi.HigherIsBetter || v.GreaterThan(decimal.NewFromInt(1)) || !v.IsPositive() {
		return ""
	}
	t, err := def.TargetFor(p)
	if err != nil || t.LessThan(decimal.NewFromInt(10)) {
		return ""
	}
	target := t.String() + "%"
	if def.Profile().IsZero() {
		target = def.Target().String() // as written: 90.0%
	}
	return fmt.Sprintf("%s%% is far below the target of %s: is it a fraction (%s%%)?", v, target, v.Shift(2))
}

// nearestRef suggests the ref of r closest to an unknown one, or lists
// r's refs when none is close.
func nearestRef(ref string, r *regime.Regime) string {
	var refs []string
	for _, d := range r.KPIs() {
		refs = append(refs, d.Ref())
	}
	return problems.NearestRef(ref, refs)
}

// unquoteKPI drops the package prefix from a kpi parse error.
func unquoteKPI(err error) string { return strings.TrimPrefix(err.Error(), "kpi: ") }

func csvLine(err error, fallback int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) && pe.Line > 0 {
		return pe.Line
	}
	return fallback
}

func csvMessage(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("column %d: %v", pe.Column, pe.Err)
	}
	return err.Error()
}

// isText reports whether a header is printable text, not the start of a
// binary file.
func isText(rec []string) bool {
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return false
		}
		for _, r := range f {
			if r < ' ' && r != '\t' || r == 0x7f {
				return false
			}
		}
	}
	return true
}

// joinNonEmpty joins the parts that are not empty with ": ".
func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ": ")
}

func allEmpty(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// measuredInPeriods reports whether KPI ref is measured in the contract's
// period calendar in any of its regimes.
func (c *Contract) measuredInPeriods(ref string) bool {
	for _, r := range c.history.Regimes() {
		if d, ok := r.KPI(ref); ok && d.Frequency().IsPeriodic() {
			return true
		}
	}
	return false
}
