package regime

import (
	"fmt"
	"iter"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// A Return holds a return's observations compactly, for a ledger to read
// ([Input].Return) where a slice of [Observation]s would cost too much: a
// million rows of a large estate. A plain row (a KPI's figure or counts for
// a month, with no note, no reported-on date or reporter, read from a file
// and line or built in Go) takes 24 bytes; any other is kept as given. It
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
	// sources are the files and lines the compact rows were read from, as
	// runs of rows on successive lines (or with no line), by first row.
	sources []retSource
	// first and last are the first and last months of the rows' periods
	// (zero if none has a month or period); dated says whether any row
	// carries a reported-on date.
	first, last period.Month
	dated       bool

	// prevRef is 1 + the index of the last KPI looked up (0 if none), and
	// nextRef[i] 1 + the index of the KPI looked up after the last look-up
	// of KPI i: a return gives its KPIs in the same order month after
	// month, so that the next row's is found without hashing.
	prevRef int32
	nextRef []int32
}

// retChunk is how many rows a chunk holds: the store grows a chunk at a
// time, never copying what it holds.
const retChunk = 1 << 12

// retRow is one row of a Return: a figure's coefficient and exponent, or
// counts' numerator and denominator, or a full row's index (a); its month;
// and a tag of its kind, the status reported beside it and its KPI's
// index.
type retRow struct {
	a, b  int64
	month period.Month
	tag   uint32 // kind in bits 0-1, reported in bits 2-7, the KPI's index from bit 8
}

type retKind uint8

const (
	retFigure retKind = iota
	retCounts
	retFull // kept as given, in full[a]
)

// The tag's fields: what fits, and where.
const (
	tagReportedShift = 2
	tagKPIShift      = 8
	maxTagReported   = 1<<(tagKPIShift-tagReportedShift) - 1
	maxTagKPI        = 1<<(32-tagKPIShift) - 1
)

func (r *retRow) kind() retKind        { return retKind(r.tag & 3) }
func (r *retRow) reported() kpi.Status { return kpi.Status(r.tag >> tagReportedShift & maxTagReported) }
func (r *retRow) kpi() int32           { return int32(r.tag >> tagKPIShift) }
func tagOf(k retKind, rep kpi.Status, ref int32) uint32 {
	return uint32(k) | uint32(rep)<<tagReportedShift | uint32(ref)<<tagKPIShift
}

// retSource is a run of rows, from row from on, read from file, on
// successive lines from line (step 1), or all on line 0 (step 0: no line).
type retSource struct {
	from       int
	file       string
	line, step int
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
		row = retRow{a: int64(len(rt.full)), tag: tagOf(retFull, 0, 0)}
		rt.full = append(rt.full, o)
		rt.dated = rt.dated || !o.ReportedOn.IsZero()
	}
	// The months of o.For(), without making a month a period and back.
	first, last := o.Month, o.Month
	if !o.Period.IsZero() {
		first, last = o.Period.FirstMonth(), o.Period.LastMonth()
	}
	if !first.IsZero() {
		if rt.first.IsZero() || first.Before(rt.first) {
			rt.first = first
		}
		if rt.last.IsZero() || last.After(rt.last) {
			rt.last = last
		}
	}
	if rt.n%retChunk == 0 {
		rt.chunks = append(rt.chunks, make([]retRow, 0, retChunk))
	}
	c := &rt.chunks[len(rt.chunks)-1]
	*c = append(*c, row)
	if plain {
		rt.source(o.Source)
	}
	rt.n++
}

// compact returns o as a compact row, where it is plain: a figure whose
// coefficient fits an int64 (and exponent an int32), or counts made of
// int64s, for a month, with no note, reporter or date, and a source that is
// a file and line or none.
func (rt *Return) compact(o *Observation) (retRow, bool) {
	s := o.Source
	rep := o.Obs.Reported()
	if !o.Period.IsZero() || o.Month.IsZero() || o.Note != "" || o.ReportedBy != "" || !o.ReportedOn.IsZero() ||
		s.Sheet != "" || s.Line < 0 || (s.Line == 0) != (s.File == "") || rep > maxTagReported || len(rt.refs) > maxTagKPI {
		return retRow{}, false
	}
	row := retRow{month: o.Month}
	kind := retFigure
	if num, den, ok := o.Obs.SmallCounts(); ok {
		kind, row.a, row.b = retCounts, num, den
	} else if v, ok := o.Obs.Value(); ok && v.NumDigits() <= 18 {
		row.a, row.b = v.CoefficientInt64(), int64(v.Exponent())
	} else {
		return retRow{}, false
	}
	// A figure is its value and the status reported beside it, nothing
	// more, so it comes back equal (TestReturnGivesBackWhatWasAdded).
	row.tag = tagOf(kind, rep, rt.ref(o.KPI))
	return row, true
}

// ref returns the index of KPI reference ref, adding it if it is new:
// the KPI that followed the last one before, if it is ref, else the one
// found by ref.
func (rt *Return) ref(ref string) int32 {
	if p := rt.prevRef; p > 0 {
		if n := rt.nextRef[p-1]; n > 0 && rt.refs[n-1] == ref {
			rt.prevRef = n
			return n - 1
		}
	}
	i, ok := rt.refIdx[ref]
	if !ok {
		if rt.refIdx == nil {
			rt.refIdx = map[string]int32{}
		}
		i = int32(len(rt.refs))
		rt.refs = append(rt.refs, ref)
		rt.nextRef = append(rt.nextRef, 0)
		rt.refIdx[ref] = i
	}
	if p := rt.prevRef; p > 0 {
		rt.nextRef[p-1] = i + 1
	}
	rt.prevRef = i + 1
	return i
}

// source notes that row rt.n, compact, was read from s.
func (rt *Return) source(s Source) {
	if k := len(rt.sources) - 1; k >= 0 {
		if r := &rt.sources[k]; r.file == s.File && r.line+r.step*(rt.n-r.from) == s.Line {
			return // the run goes on
		}
	}
	step := 1
	if s.Line == 0 {
		step = 0
	}
	rt.sources = append(rt.sources, retSource{from: rt.n, file: s.File, line: s.Line, step: step})
}

// row returns row i.
func (rt *Return) row(i int) *retRow { return &rt.chunks[i/retChunk][i%retChunk] }

// observation returns the kpi observation of a compact row.
func (rt *Return) observation(r retRow) kpi.Observation {
	var o kpi.Observation
	if r.kind() == retCounts {
		o = kpi.Counts(r.a, r.b)
	} else {
		o = kpi.Figure(decimal.New(r.a, int32(r.b)))
	}
	if rep := r.reported(); rep != 0 {
		o = o.WithReported(rep)
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
	if r.kind() == retFull {
		return rt.full[r.a]
	}
	return Observation{KPI: rt.refs[r.kpi()], Month: r.month, Obs: rt.observation(*r), Source: rt.sourceOf(i)}
}

// sourceOf returns the source of compact row i.
func (rt *Return) sourceOf(i int) Source {
	k := sort.Search(len(rt.sources), func(k int) bool { return rt.sources[k].from > i }) - 1
	if k < 0 {
		return Source{}
	}
	r := &rt.sources[k]
	if r.step == 0 {
		return Source{}
	}
	return Source{File: r.file, Line: r.line + (i - r.from)}
}

// name names row i in a message: its file and line, or its index.
func (rt *Return) name(i int) string {
	if s := rt.sourceOf(i); s.Line > 0 {
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
