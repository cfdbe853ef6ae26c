package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// A Format is the format of a contract file.
type Format uint8

// The formats. JSON is read with the same strictness and line numbers as
// YAML.
const (
	YAML Format = iota + 1
	JSON
)

// String returns YAML or JSON.
func (f Format) String() string {
	if f == JSON {
		return "JSON"
	}
	return "YAML"
}

// FormatOf returns the format a file's name implies: JSON for a name ending
// .json (in any case), YAML for any other.
func FormatOf(name string) Format {
	if strings.EqualFold(filepath.Ext(name), ".json") {
		return JSON
	}
	return YAML
}

// MaxContractSize is the largest contract file [Decode] reads: 8 MiB. A
// contract with five hundred profiled KPIs is well under one.
const MaxContractSize = 8 << 20

// ReadFile reads and validates the contract file name, in the format its
// extension implies ([FormatOf]). Problems are reported as by [Decode].
func ReadFile(name string) (*Contract, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Decode(f, name, FormatOf(name))
}

// Decode reads a contract file in format f from r and validates it into a
// [Contract]; file names it in messages. The format is described in
// docs/file-format.md, and a JSON Schema of it in docs/contract.schema.json.
//
// Decoding is strict: an unknown field (with the nearest known name
// suggested), a field given twice, a value of the wrong shape and every
// check of [New], [regime.New] and [kpi.New] are problems. Numbers are read
// from their text, so 99.50 is exactly 99.50 and "95,8" is an error, not
// 958. Every problem is reported at once, in line order, each a
// [*LineError] (file:line: path: message, the path naming the field as
// regimes[0].kpis[3].bands.failure) joined into the error, up to 100 of
// them. A file that is empty, binary, larger than [MaxContractSize] or not
// YAML (or JSON) at all is one problem, said plainly. Every such error
// matches [ErrInvalid], as a LineError does; an error reading r is returned
// wrapped as it came.
func Decode(r io.Reader, file string, f Format) (*Contract, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxContractSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	probs := &fileProblems{file: file}
	root := parseFile(data, f, probs)
	if root == nil {
		return nil, probs.err()
	}
	w := &walker{file: file, lines: map[string]int{"": root.Line}, probs: probs}
	var fc fileContract
	w.decode(root, reflect.ValueOf(&fc).Elem(), "", 0)
	if w.over {
		// Read in part: what is missing would only be reported as missing.
		return nil, probs.err()
	}
	b := &builder{w: w}
	b.years = b.yearStart(fc.YearStart)
	b.cal = b.periods(fc.Periods)
	c := b.contract(&fc)
	if err := probs.err(); err != nil {
		return nil, err
	}
	c.warnings = b.warnings
	return c, nil
}

// parseFile checks what can be wrong with the file as a whole and parses
// it, returning the root mapping, or nil with the problem recorded.
func parseFile(data []byte, f Format, probs *fileProblems) *yaml.Node {
	whole := func(format string, args ...any) *yaml.Node {
		probs.add(0, "", format, args...)
		return nil
	}
	if len(data) > MaxContractSize {
		return whole("the file is larger than %d MiB, far more than any contract needs: is it the right file?", MaxContractSize>>20)
	}
	data = contractText(data) // without a byte-order mark; UTF-16 decoded
	if bytes.IndexByte(data, 0) >= 0 {
		return whole("the file is not text (it holds binary data, as a spreadsheet or an image would): want a %s contract file", f)
	}
	if !utf8.Valid(data) {
		line, msg := notUTF8(data)
		probs.add(line, "", "%s", msg)
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return whole("the file is empty: a contract file needs at least id, start and regimes")
	}
	if f == JSON {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				probs.add(lineAt(data, se.Offset), "", "not valid JSON: %v", se)
				return nil
			}
			return whole("not valid JSON: %v", err)
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return whole("the file is empty: a contract file needs at least id, start and regimes")
		}
		line, msg := yamlError(err)
		if strings.Contains(msg, "tab character") {
			line = tabLine(data, line)
		}
		probs.add(line, "", "%s", msg)
		return nil
	}
	var next yaml.Node
	if err := dec.Decode(&next); err != io.EOF {
		line := next.Line
		if err != nil {
			line, _ = yamlError(err)
		}
		probs.add(line, "", "a contract file holds one document, but a second begins here (---): put each contract in a file of its own")
		return nil
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return whole("the file is empty: a contract file needs at least id, start and regimes")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		probs.add(root.Line, "", "a contract file is a mapping of fields (id: ..., regimes: ...), not %s", kindName(root))
		return nil
	}
	return root
}

// lineAt returns the line of byte offset off.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// tabLine returns the first line from line on that is indented with a tab:
// the YAML parser reports the line before it.
func tabLine(data []byte, line int) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
		if i+1 >= line && bytes.IndexByte(indent, '\t') >= 0 {
			return i + 1
		}
	}
	return line
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError splits a YAML syntax error into its line and message, with a
// hint for the commonest mistake.
func yamlError(err error) (int, string) {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if strings.Contains(msg, "tab character") {
		msg += ": indent with spaces, not tabs"
	}
	return line, "not valid YAML: " + msg
}

// fileProblems gathers a file's problems.
type fileProblems struct {
	file  string
	list  []*LineError
	more  int             // problems past maxKept, counted only
	seen  map[string]bool // paths with a problem, so validators do not repeat them
	under map[string]bool // those paths and every ancestor of them
}

// maxKept is how many problems a file keeps, to sort into line order
// before the first maxErrors are reported; past it the walk stops.
const maxKept = 1000

func (p *fileProblems) add(line int, path, format string, args ...any) {
	if p.seen == nil {
		p.seen, p.under = map[string]bool{}, map[string]bool{"": true}
	}
	p.seen[path] = true
	for q := path; q != "" && !p.under[q]; {
		p.under[q] = true
		i := strings.LastIndexAny(q, ".[")
		if i < 0 {
			break
		}
		q = q[:i]
	}
	if len(p.list) >= maxKept {
		p.more++
		return
	}
	p.list = append(p.list, &LineError{File: p.file, Line: line, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// full reports whether no more problems are kept.
func (p *fileProblems) full() bool { return len(p.list) >= maxKept }

// err returns the problems in line order, at most maxErrors of them.
func (p *fileProblems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	slices.SortStableFunc(p.list, func(a, b *LineError) int { return a.Line - b.Line })
	var errs []error
	for i, e := range p.list {
		if i == maxErrors {
			errs = append(errs, fmt.Errorf("%s: and %d more problems", p.file, len(p.list)+p.more-maxErrors))
			break
		}
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}

// builder turns the model into specs, reporting problems at the lines the
// walker recorded.
type builder struct {
	w        *walker
	warnings []Warning             // likely mistakes, with their lines
	years    period.Years          // the contract's years (year_start), in which frequencies and profiles are read
	cal      period.PeriodCalendar // the contract's period calendar (periods), or the zero one
	start    period.Date           // the contract's start, from which its contract years count
	currency regime.Currency       // the contract's currency (currency), which its regimes' money is in
}

// lineOf returns the line of path, or of its nearest ancestor the file has.
func (b *builder) lineOf(path string) int {
	for p := path; ; {
		if l, ok := b.w.lines[p]; ok {
			return l
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return b.w.lines[""]
		}
		p = p[:i]
	}
}

func (b *builder) bad(path, format string, args ...any) {
	b.w.probs.add(b.lineOf(path), path, format, args...)
}

// failed reports whether a problem is already recorded at prefix or under
// it ("" for anywhere in the file).
func (b *builder) failed(prefix string) bool { return b.w.probs.under[prefix] }

// validation records the problems a constructor (kpi.New, regime.New, New)
// found, their paths mapped to the file's by translate (which returns ""
// to drop one), skipping paths the builder has already reported.
func (b *builder) validation(err error, translate func(string) string) {
	for _, fe := range fieldErrors(err) {
		path := translate(fe.Path)
		if path == "-" {
			continue
		}
		if b.w.probs.seen[path] {
			continue
		}
		b.bad(path, "%s", strings.ReplaceAll(fe.Msg, "indicators[", "kpis["))
	}
}

// fieldErrors flattens a validation error into its field problems; an error
// without a path becomes a problem with an empty one.
func fieldErrors(err error) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(e error) {
		fe, isField := e.(*FieldError)
		switch {
		case e == nil || e == ErrInvalid:
		case isField:
			out = append(out, fe)
		default:
			switch u := e.(type) {
			case interface{ Unwrap() []error }:
				for _, x := range u.Unwrap() {
					walk(x)
				}
			case interface{ Unwrap() error }:
				walk(u.Unwrap())
			default:
				out = append(out, &FieldError{Msg: e.Error()})
			}
		}
	}
	walk(err)
	return out
}

// reason is a parse error's message without its package prefix:
// cannot read "95,8" as a number: "95,8" has a comma: write a decimal point (95.8).
func reason(err error) string {
	var pe *period.ParseError // kpi's and regime's too
	if !errors.As(err, &pe) {
		return err.Error()
	}
	if pe.Err != nil {
		return fmt.Sprintf("cannot read %s as %s: %s", problems.Quote(pe.Input), problems.Article(pe.What), strings.TrimPrefix(pe.Err.Error(), period.ErrOutOfRange.Error()+": "))
	}
	return fmt.Sprintf("cannot read %s as %s (want %s)", problems.Quote(pe.Input), problems.Article(pe.What), pe.Expected)
}

// scalar reads optional text with parse, reporting a problem at path and
// returning ok false if it does not parse; empty text is the zero value.
func scalar[T any](b *builder, path, s string, parse func(string) (T, error)) (T, bool) {
	var zero T
	if s == "" {
		return zero, true
	}
	v, err := parse(s)
	if err != nil {
		b.bad(path, "%s", reason(err))
		return zero, false
	}
	return v, true
}

func (b *builder) decimal(path string, s num) (decimal.Decimal, bool) {
	return scalar(b, path, string(s), kpi.ParseDecimal)
}

func (b *builder) date(path string, s plain) (period.Date, bool) {
	return scalar(b, path, string(s), period.ParseDate)
}

func (b *builder) month(path string, s plain) (period.Month, bool) {
	return scalar(b, path, string(s), period.ParseMonth)
}

func (b *builder) status(path, s string, performance bool) (kpi.Status, bool) {
	if s == "" {
		return 0, true
	}
	st, err := kpi.ParseStatus(s)
	if err == nil && performance && !st.IsPerformance() {
		b.bad(path, "%s is not a status a figure can have (want exceeded, met, tolerance, missed, detriment or failed)", st)
		return 0, false
	}
	if err != nil {
		b.bad(path, "%s", reason(err))
		return 0, false
	}
	return st, true
}

// monthPairs reads a mapping keyed by month, noting each month's line under
// its canonical path (charges[2016-04]) as well as the key as written.
func (b *builder) monthPairs(path string, ps pairs) (map[period.Month]decimal.Decimal, map[string]string, bool) {
	if ps == nil {
		return nil, nil, true
	}
	out := map[period.Month]decimal.Decimal{}
	written := map[string]string{} // canonical key -> key as written
	ok := true
	for _, p := range ps {
		kpath := index(path, p.Key)
		m, err := period.ParseMonth(p.Key)
		if err != nil {
			b.bad(kpath, "%s", reason(err))
			ok = false
			continue
		}
		canon := index(path, m.String())
		if prev, dup := written[m.String()]; dup {
			b.bad(kpath, "%s is the same month as %s", p.Key, prev)
			ok = false
			continue
		}
		written[m.String()] = p.Key
		b.w.note(canon, p.Line)
		v, vok := b.decimal(kpath, num(p.Value))
		ok = ok && vok
		out[m] = v
	}
	return out, written, ok
}
