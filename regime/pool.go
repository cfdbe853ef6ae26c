package regime

import (
	"sync"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
)

// ledgerMem is the memory of a ledger run for one scorecard and then
// dropped ([History.Score]): when the scorecard is made, its arrays go to
// a pool for the next run, so that scoring many contracts (a portfolio,
// [ScoreEach]) reuses a few runs' memory rather than taking new memory for
// each, and leaves the garbage collector little to do. A ledger handed to
// a caller ([History.Run]) has none: its memory is its own.
type ledgerMem struct {
	slots  []slot
	months []monthEntry
	tracks []trackState
	fails  []bool
	refs   []rowRef
	// spare are arrays of a month's rows, free to hold another's; esc
	// arrays of a month's escalation points.
	spare []spareRows
	esc   [][]decimal.Decimal
	view  viewMem
	// viewBusy is set while a view uses view.
	viewBusy bool
}

// spareRows are the arrays of a month's rows, free.
type spareRows struct {
	rows []Row
	meta []rowMeta
}

// maxSpare bounds the free arrays the pool keeps of each kind.
const maxSpare = 64

var memPool = sync.Pool{New: func() any { return new(ledgerMem) }}

// reuse returns s with length n, all zero, reusing its array where it is
// large enough.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// rowsFor returns empty slices for a month's rows, of a regime of k KPIs:
// free arrays where there are some large enough.
func (run *runner) rowsFor(k int) ([]Row, []rowMeta) {
	if mem := run.l.mem; mem != nil {
		for n := len(mem.spare); n > 0; n = len(mem.spare) {
			s := mem.spare[n-1]
			mem.spare = mem.spare[:n-1]
			if cap(s.rows) >= k && cap(s.meta) >= k {
				return s.rows[:0], s.meta[:0]
			}
		}
	}
	return make([]Row, 0, k), make([]rowMeta, 0, k)
}

// free makes the arrays of a month's rows free to hold another's.
func (mem *ledgerMem) free(rows []Row, meta []rowMeta) {
	if mem != nil && len(mem.spare) < maxSpare && cap(rows) > 0 {
		mem.spare = append(mem.spare, spareRows{rows[:0], meta[:0]})
	}
}

// escFor returns zero escalation points for a month of k tracks.
func (run *runner) escFor(k int) []decimal.Decimal {
	if mem := run.l.mem; mem != nil {
		if n := len(mem.esc); n > 0 {
			e := mem.esc[n-1]
			mem.esc = mem.esc[:n-1]
			return reuse(e, k)
		}
	}
	return make([]decimal.Decimal, k)
}

// release puts the memory of a ledger dropped after making scorecard sc in
// the pool, but for the rows sc holds.
func (l *Ledger) release(sc *Scorecard) {
	mem := l.mem
	if mem == nil {
		return
	}
	l.mem = nil
	for k := range l.months {
		mo := &l.months[k]
		if len(mo.rows) > 0 && sc != nil && len(sc.Rows) > 0 && &mo.rows[0] == &sc.Rows[0] {
			continue // the scorecard's own rows
		}
		mem.free(mo.rows, mo.meta)
		if mo.escPoints != nil && len(mem.esc) < maxSpare {
			mem.esc = append(mem.esc, mo.escPoints)
		}
	}
	mem.slots, mem.months = l.obs[:0], l.months[:0]
	clear(mem.months[:cap(mem.months)]) // nothing of this run stays alive through them
	*l = Ledger{}
	memPool.Put(mem)
}

// arrays returns mem's arrays to reuse, or none where mem is nil (a ledger
// whose memory is its own).
func (mem *ledgerMem) arrays() ledgerMem {
	if mem == nil {
		return ledgerMem{}
	}
	return *mem
}

// viewKPI is a KPI of a view: its definition and regime, from the regime
// in force last that has it.
type viewKPI struct {
	def kpi.Definition
	r   *Regime
	set bool
}

// viewMem is the scratch memory of making a view's rows.
type viewMem struct {
	defs               []viewKPI
	order, start, next []int
	refs               []viewRef
	sc                 scratch
}

// viewMem returns the scratch memory for a view: the pool's, for a ledger
// run for one scorecard, or new (as for a view made while another is,
// which a direction of travel compares with); done gives it back.
func (l *Ledger) viewMem() (vm *viewMem, done func()) {
	if l.mem != nil && !l.mem.viewBusy {
		l.mem.viewBusy = true
		return &l.mem.view, func() { l.mem.viewBusy = false }
	}
	return new(viewMem), func() {}
}
