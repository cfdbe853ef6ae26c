package regime

import (
	"fmt"
	"iter"
	"math"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// A Return holds a return's observations compactly, for a ledger to read
// ([Input].Return) where a slice of [Observation]s would cost too much: a
// million rows of a large estate. A plain row (a KPI's figure or counts for
// a month, with no note, no reported-on date or reporter, read from a file
// and line or built in Go) takes 32 bytes; any other is kept as given. It
// gives back each observation equal to the one added, in the order added.
//
// The zero Return is empty and ready to use. A Return is not safe for use
// by several goroutines while it is added to; once built, any number may
// read it.
type Return struct {
	chunks [][]retRow
	n      int
	refs   []string         // the KPI references, in order of first use
	refIdx map[string]int32 // index into refs
	full   []Observation    // the rows kept as given
	files  []retFile        // the files the rows were read from, by first row
	// first and last are the first and last months of the rows' periods
	// (zero if none has a month or period); dated says whether any row
	// carries a reported-on date.
	first, last period.Month
	dated       bool
}

// retChunk is how many rows a chunk holds: the store grows a chunk at a
// time, never copying what it holds.
const retChunk = 1 << 12

// retRow is one row of a Return.
type retRow struct {
	a, b     int64 // a figure's coefficient and exponent; counts' numerator and denominator; a full row's index
	month    period.Month
	kpi      int32 // index into refs
	line     int32 // the line it was read from, or 0
	kind     retKind
	reported kpi.Status
}

type retKind uint8

const (
	retFigure retKind = iota
	retCounts
	retFull // kept as given, in full[a]
)

// retFile is the file the rows from index from on were read from.
type retFile struct {
	from int
	name string
}

// Len returns the number of observations added.
func (rt *Return) Len() int { return rt.n }

// Months returns the first month any observation's period starts in and
// the last month any ends in; both zero where none has a month or period.
func (rt *Return) Months() (first, last period.Month) { return rt.first, rt.last }

// Add adds observation o.
func (rt *Return) Add(o Observation) {
	row, plain := rt.compact(&o)
	if !plain {
		row = retRow{kind: retFull, a: int64(len(rt.full))}
		rt.full = append(rt.full, o)
		rt.dated = rt.dated || !o.ReportedOn.IsZero()
	} else {
		rt.source(o.Source.File)
	}
	if f := o.For(); !f.IsZero() {
		if rt.first.IsZero() || f.FirstMonth().Before(rt.first) {
			rt.first = f.FirstMonth()
		}
		if rt.last.IsZero() || f.LastMonth().After(rt.last) {
			rt.last = f.LastMonth()
		}
	}
	if rt.n%retChunk == 0 {
		rt.chunks = append(rt.chunks, make([]retRow, 0, retChunk))
	}
	c := &rt.chunks[len(rt.chunks)-1]
	*c = append(*c, row)
	rt.n++
}

// compact returns o as a compact row, where it is plain: a figure whose
// coefficient fits an int64 (and exponent an int32), or counts made of
// int64s, for a month, with no note, reporter or date, and a source that is
// a file and line or none.
func (rt *Return) compact(o *Observation) (retRow, bool) {
	s := o.Source
	if !o.Period.IsZero() || o.Month.IsZero() || o.Note != "" || o.ReportedBy != "" || !o.ReportedOn.IsZero() ||
		s.Sheet != "" || s.Line < 0 || s.Line > math.MaxInt32 || (s.Line == 0) != (s.File == "") {
		return retRow{}, false
	}
	row := retRow{month: o.Month, line: int32(s.Line), reported: o.Obs.Reported()}
	if num, den, ok := o.Obs.SmallCounts(); ok {
		row.kind, row.a, row.b = retCounts, num, den
	} else if v, ok := o.Obs.Value(); ok && v.NumDigits() <= 18 {
		row.kind, row.a, row.b = retFigure, v.CoefficientInt64(), int64(v.Exponent())
	} else {
		return retRow{}, false
	}
	// A figure is its value and the status reported beside it, nothing
	// more, so it comes back equal (TestReturnGivesBackWhatWasAdded).
	row.kpi = rt.ref(o.KPI)
	return row, true
}

// ref returns the index of KPI reference ref, adding it if it is new.
func (rt *Return) ref(ref string) int32 {
	if i, ok := rt.refIdx[ref]; ok {
		return i
	}
	if rt.refIdx == nil {
		rt.refIdx = map[string]int32{}
	}
	i := int32(len(rt.refs))
	rt.refs = append(rt.refs, ref)
	rt.refIdx[ref] = i
	return i
}

// source notes that the row about to be added was read from file.
func (rt *Return) source(file string) {
	if len(rt.files) > 0 && rt.files[len(rt.files)-1].name == file {
		return
	}
	rt.files = append(rt.files, retFile{from: rt.n, name: file})
}

// row returns row i.
func (rt *Return) row(i int) *retRow { return &rt.chunks[i/retChunk][i%retChunk] }

// observation returns the kpi observation of a compact row.
func (rt *Return) observation(r retRow) kpi.Observation {
	var o kpi.Observation
	if r.kind == retCounts {
		o = kpi.Counts(r.a, r.b)
	} else {
		o = kpi.Figure(decimal.New(r.a, int32(r.b)))
	}
	if r.reported != 0 {
		o = o.WithReported(r.reported)
	}
	return o
}

// At returns observation i, equal to the one added i-th (from 0). It panics
// if i is out of range, as indexing a slice does.
func (rt *Return) At(i int) Observation {
	if i < 0 || i >= rt.n {
		panic("regime: Return.At index out of range")
	}
	r := rt.row(i)
	if r.kind == retFull {
		return rt.full[r.a]
	}
	return Observation{KPI: rt.refs[r.kpi], Month: r.month, Obs: rt.observation(*r), Source: rt.sourceOf(i, r)}
}

// sourceOf returns the source of compact row i.
func (rt *Return) sourceOf(i int, r *retRow) Source {
	if r.line == 0 {
		return Source{}
	}
	f := ""
	for k := len(rt.files) - 1; k >= 0; k-- {
		if rt.files[k].from <= i {
			f = rt.files[k].name
			break
		}
	}
	return Source{File: f, Line: int(r.line)}
}

// name names row i in a message: its file and line, or its index.
func (rt *Return) name(i int) string {
	r := rt.row(i)
	if s := rt.sourceOf(i, r); s.Line > 0 {
		return s.String()
	}
	return fmt.Sprintf("return[%d]", i)
}

// All returns the observations in the order added, with their indices.
func (rt *Return) All() iter.Seq2[int, Observation] {
	return func(yield func(int, Observation) bool) {
		for i := range rt.n {
			if !yield(i, rt.At(i)) {
				return
			}
		}
	}
}

// Observations returns the observations as a slice, in the order added.
func (rt *Return) Observations() []Observation {
	out := make([]Observation, 0, rt.n)
	for _, o := range rt.All() {
		out = append(out, o)
	}
	return out
}
