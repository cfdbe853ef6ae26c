package contract

import (
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// versions is where each KPI's periods were given, for the check across
// rows: a second row for a KPI's period is a duplicate, or a restatement
// where it is reported on a later day. It holds no entry for the rows of
// the usual return, given month by month or KPI by KPI: a row for a period
// that starts after every period already given for its KPI is new, which
// one number a KPI tells. Only a row that is not (a month given again, or
// out of order) is looked for among the rows before it, exactly:
//
//   - a row from a table, or with a reported_on, is kept in eager (with
//     the cell it came from and the day it was reported on), as it is read;
//   - any other, a CSV row with no reported_on, is found in the return the
//     rows are read into ([regime.Return]), through index, a map of the
//     return's undated rows built only when such a row is looked for, and
//     then only over the rows added since it was last built.
//
// A row's versions are told apart by the day each was reported on, so
// that a KPI's period has at most one undated version: where eager and
// index both hold it, they hold the same row, eager with its cell.
type versions struct {
	last map[string]*latest
	// eager holds the first version of each period kept eagerly, and more
	// the later ones (restatements, which are rare).
	eager map[obsKey]fileLine
	more  map[obsKey][]fileLine
	// index maps each undated row of the return among its first indexed
	// rows to the row's position in it.
	index   map[obsKey]int
	indexed int
}

// latest is the start of the latest period given for a KPI.
type latest struct {
	start period.Date
	any   bool
}

// obsKey identifies a KPI's period; fileLine where a version of its figure
// was given, and the day it was reported on (zero if undated).
type (
	obsKey struct {
		ref        string
		start, end period.Date
	}
	fileLine struct {
		file  string
		line  int
		place string // the cell, in a table; "" in a CSV file
		on    period.Date
	}
)

// latestOf returns the latest period given for KPI ref, made if new.
func (vs *versions) latestOf(ref string) *latest {
	l := vs.last[ref]
	if l == nil {
		if vs.last == nil {
			vs.last = map[string]*latest{}
		}
		l = &latest{}
		vs.last[ref] = l
	}
	return l
}

// isNew reports whether a period starting on start is later than every
// period given for the KPI so far: then no row before has its key.
func (l *latest) isNew(start period.Date) bool { return !l.any || start.After(l.start) }

// given notes a period starting on start as given.
func (l *latest) given(start period.Date) {
	if l.isNew(start) {
		l.start, l.any = start, true
	}
}

// record records version v of KPI ref's period p, unless a version
// reported on the same day was already given: then it returns where (dup),
// and records nothing. rt holds every row recorded before, in order; csv
// says the row is from a CSV file (not a table). The row, if it is new,
// is to be added to rt before the next is recorded.
func (vs *versions) record(rt *regime.Return, ref string, p period.Period, v fileLine, csv bool) (prev fileLine, dup bool) {
	l := vs.latestOf(ref)
	k := obsKey{ref, p.Start(), p.End()}
	if !l.isNew(k.start) {
		if prev, ok := vs.has(rt, k, v.on); ok {
			return prev, true
		}
	}
	if !csv || !v.on.IsZero() {
		vs.keep(k, v)
	}
	l.given(k.start)
	return fileLine{}, false
}

// has returns the version of k reported on on given before, if any: kept
// eagerly, or, undated, a row of rt.
func (vs *versions) has(rt *regime.Return, k obsKey, on period.Date) (fileLine, bool) {
	if prev, ok := vs.find(k, on); ok {
		return prev, true
	}
	if on.IsZero() {
		return vs.findIndexed(rt, k)
	}
	return fileLine{}, false
}

// find returns the version of k reported on on kept eagerly, if any.
func (vs *versions) find(k obsKey, on period.Date) (fileLine, bool) {
	first, ok := vs.eager[k]
	if !ok {
		return fileLine{}, false
	}
	if first.on == on {
		return first, true
	}
	for _, w := range vs.more[k] {
		if w.on == on {
			return w, true
		}
	}
	return fileLine{}, false
}

// keep keeps version v of k eagerly.
func (vs *versions) keep(k obsKey, v fileLine) {
	if _, ok := vs.eager[k]; !ok {
		if vs.eager == nil {
			vs.eager = map[obsKey]fileLine{}
		}
		vs.eager[k] = v
		return
	}
	if vs.more == nil {
		vs.more = map[obsKey][]fileLine{}
	}
	vs.more[k] = append(vs.more[k], v)
}

// findIndexed returns the undated row of rt for k, if any, indexing the
// rows added since the index was last brought up to date.
func (vs *versions) findIndexed(rt *regime.Return, k obsKey) (fileLine, bool) {
	if vs.index == nil {
		vs.index = map[obsKey]int{}
	}
	for ; vs.indexed < rt.Len(); vs.indexed++ {
		if o := rt.At(vs.indexed); o.ReportedOn.IsZero() {
			p := o.For()
			vs.index[obsKey{o.KPI, p.Start(), p.End()}] = vs.indexed
		}
	}
	i, ok := vs.index[k]
	if !ok {
		return fileLine{}, false
	}
	s := rt.At(i).Source
	return fileLine{file: s.File, line: s.Line}, true
}
