package contract

import (
	"math"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// The columns of a return by number, in the order of knownColumns, for a
// row's fields to be found without a map ([csvReturn.get]).
const (
	iKPI = iota
	iPeriod
	iValue
	iNumerator
	iDenominator
	iStatus
	iNote
	iReportedOn
	iReportedBy
	iTarget
	nColumns
)

// get returns the trimmed text of column i (iKPI, ...) in rec; "" where
// there is none.
func (f *csvReturn) get(rec []string, i int) string {
	if j := f.pos[i]; j > 0 && j <= len(rec) {
		return strings.TrimSpace(rec[j-1])
	}
	return ""
}

// fastCache is what the fast path of reading a row ([returnReader.fastRow])
// works out once rather than for each row: for each month a row was read
// for, what depends only on the month; for each KPI, its definition in
// each regime and the checks it takes.
type fastCache struct {
	text   string      // the period of the last row read as a month, as written
	month  *monthState // its month
	months map[period.Month]*monthState
	refs   map[string]*fastRef
	prev   *fastRef // the KPI of the last row read fast
	// figures holds the figures read lately, by their coefficient and
	// exponent, so that a figure a return gives again (94.37, in another
	// month or for another KPI) is not made again: a decimal is never
	// changed once made, and the Return keeps only its coefficient and
	// exponent.
	figures *[1 << 12]cachedFigure
}

// cachedFigure is a figure of fastCache.figures: c×10^e as a decimal.
type cachedFigure struct {
	c   int64
	e   int32
	set bool
	d   decimal.Decimal
}

// monthState is what the fast path knows of a month.
type monthState struct {
	m     period.Month
	label period.Period // m as a period
	start period.Date
	rg    *regime.Regime // the regime in force
	// ok says a row for the month passes every check of its period: the
	// month has begun, is in the contract's term, has a regime in force,
	// and is not shared by two.
	ok bool
}

// fastRef is what the fast path knows of a KPI: the latest period given
// for it, and its definition in each regime a row was read under.
type fastRef struct {
	ref  string
	last *latest
	defs []fastDef
	// next is the KPI of the row read fast after the last row for this
	// one: a return gives its KPIs in the same order month after month, so
	// that it is the next row's KPI, found without a look-up.
	next *fastRef
}

// fastDef is a KPI's definition in a regime, and what the fast path may
// take for granted of a row for it.
type fastDef struct {
	rg  *regime.Regime
	def kpi.Definition
	// ok says a month's row for the KPI passes the checks of its KPI and
	// period: it is monthly (not four-weekly or periodic), has a flat
	// target (not a profile, so its years need no check), is not made of
	// parts and is rated on figures (its target is published).
	ok     bool
	counts bool // its measure takes counts
	slips  bool // a higher-is-better percent KPI, whose figure may be a fraction (fractionSlip)
	unit   kpi.Unit
	// probed says rated was worked out: whether a figure of 0 is rated
	// without an error, so that any figure quickRange holds is (see
	// fastDef.inRange).
	probed, rated bool
}

// fastRow reads a row of the commonest kind, a KPI's figure or counts for
// a month with no other field, given once, with what depends only on its
// month or its KPI worked out once,
// and adds it to rd.rt; it returns false, having done nothing, for any
// other row, which [returnReader.take] then reads. A row it reads passes
// every check take would give it, as each step below says, and gets the
// warning take would give it: it is read as take reads it.
func (rd *returnReader) fastRow(f *csvReturn, rec []string, line int) bool {
	ref := f.get(rec, iKPI)
	if ref == "" {
		return false
	}
	// No status, note, reported_on, reported_by or published target: the
	// checks of those are take's.
	for _, i := range f.others {
		if f.get(rec, i) != "" {
			return false
		}
	}
	ms := rd.monthOf(f.get(rec, iPeriod))
	if ms == nil || !ms.ok {
		return false
	}
	fr, fd := rd.defOf(ref, ms.rg)
	if fd == nil {
		return false
	}
	// A row for a month after every period given for its KPI is no
	// duplicate; any other is looked for (versions.record), and a
	// duplicate is take's to report.
	if !fr.last.isNew(ms.start) {
		if _, dup := rd.has(rd.rt, obsKey{fr.ref, ms.start, ms.label.End()}, period.Date{}); dup {
			return false
		}
	}
	obs, ok := rd.fastFigure(f, rec, line, fd, ms)
	if !ok {
		return false
	}
	fr.last.given(ms.start)
	rd.rt.Add(regime.Observation{KPI: fd.def.Ref(), Month: ms.m, Obs: obs, Source: regime.Source{File: f.file, Line: line}})
	return true
}

// fastFigure reads the figure of a row fastRow reads, as readFigure
// would: counts of whole numbers (numerator no more than the denominator)
// with no value, or a plain number (plainNumber) that is rated without an
// error; false for anything else. It gives the warning of a percentage
// given as a fraction, on line line.
func (rd *returnReader) fastFigure(f *csvReturn, rec []string, line int, fd *fastDef, ms *monthState) (kpi.Observation, bool) {
	value, numText, denText := f.get(rec, iValue), f.get(rec, iNumerator), f.get(rec, iDenominator)
	if numText != "" || denText != "" {
		if value != "" || !fd.counts {
			return kpi.Observation{}, false // counts checked against a value, or refused: readValue's
		}
		num, ok1 := digits(numText, 15) // wholeCount's common case
		den, ok2 := digits(denText, 15)
		if !ok1 || !ok2 || num > den {
			return kpi.Observation{}, false
		}
		return kpi.Counts(num, den), true
	}
	c, e, ok := plainNumber(value)
	if !ok {
		return kpi.Observation{}, false
	}
	obs := rd.fast.figure(c, e)
	if !fd.inRange(c, e, ms.label) {
		if _, err := kpi.Evaluate(fd.def, ms.label, obs); err != nil {
			return kpi.Observation{}, false
		}
	}
	// fractionSlip warns only of a figure above 0 and at most 1.
	if fd.slips && c > 0 && atMost(c, e, 1) {
		if msg := fractionSlip(fd.def, ms.label, obs); msg != "" {
			rd.warnings = append(rd.warnings, Warning{File: f.file, Line: line, Column: colValue, Msg: msg})
		}
	}
	return obs, true
}

// figure returns the figure c×10^e, as def.ParseFigure reads it
// (FuzzPlainNumber).
func (fc *fastCache) figure(c int64, e int32) kpi.Observation {
	if fc.figures == nil {
		fc.figures = new([1 << 12]cachedFigure)
	}
	f := &fc.figures[uint64(c+int64(e)*7919)%uint64(len(fc.figures))]
	if !f.set || f.c != c || f.e != e {
		*f = cachedFigure{c: c, e: e, set: true, d: decimal.New(c, e)}
	}
	return kpi.Figure(f.d)
}

// monthOf returns what the fast path knows of the month a row's period
// text names, worked out once a month; nil if it is not a month.
func (rd *returnReader) monthOf(text string) *monthState {
	fc := &rd.fast
	if fc.month != nil && text == fc.text {
		return fc.month
	}
	m, err := period.ParseMonth(text)
	if err != nil {
		return nil
	}
	ms := fc.months[m]
	if ms == nil {
		// As readKPI checks a month's row, before its KPI.
		c := rd.Contract
		ms = &monthState{m: m, label: m.Period()}
		ms.start = ms.label.Start()
		rg, inForce := c.RegimeAt(m)
		_, _, _, _, shared := c.History().Parts(m)
		ms.rg, ms.ok = rg, !ms.start.After(rd.today) && c.Covers(m) && inForce && !shared
		if fc.months == nil {
			fc.months = map[period.Month]*monthState{}
		}
		fc.months[m] = ms
	}
	fc.text, fc.month = text, ms
	return ms
}

// defOf returns what the fast path knows of KPI ref, and of its
// definition in regime rg where a row for it may be read fast; nil for a
// KPI rg does not have, or one whose rows take take's checks.
func (rd *returnReader) defOf(ref string, rg *regime.Regime) (*fastRef, *fastDef) {
	fc := &rd.fast
	fr := fc.prev
	if fr != nil {
		fr = fr.next
	}
	if fr == nil || fr.ref != ref {
		if fr = fc.refs[ref]; fr == nil {
			d, ok := rg.KPI(ref)
			if !ok {
				return nil, nil
			}
			// Keyed by the definition's copy of ref, not the row's text.
			fr = &fastRef{ref: d.Ref(), last: rd.latestOf(d.Ref())}
			if fc.refs == nil {
				fc.refs = map[string]*fastRef{}
			}
			fc.refs[fr.ref] = fr
		}
		if fc.prev != nil {
			fc.prev.next = fr
		}
	}
	fc.prev = fr
	for i := range fr.defs {
		if fd := &fr.defs[i]; fd.rg == rg {
			return fr, fd.usable()
		}
	}
	fr.defs = append(fr.defs, newFastDef(rg, ref))
	return fr, fr.defs[len(fr.defs)-1].usable()
}

// usable returns fd, or nil if its rows take take's checks.
func (fd *fastDef) usable() *fastDef {
	if !fd.ok {
		return nil
	}
	return fd
}

// newFastDef works out what the fast path may take for granted of a row
// for KPI ref under regime rg: readKPI's checks of a month's row pass for
// a KPI rg has that is monthly (CheckPeriod passes any month), has no
// profile (CheckYears passes any year) and is not made of parts; and
// readFigure reads a figure for it where its target is published.
func newFastDef(rg *regime.Regime, ref string) fastDef {
	d, known := rg.KPI(ref)
	if !known {
		return fastDef{rg: rg}
	}
	f, m := d.Frequency(), d.Measure()
	return fastDef{
		rg: rg, def: d,
		ok:     f.Months() == 1 && !f.IsPeriodic() && !f.IsFourWeekly() && d.Profile().IsZero() && !d.IsCompound() && !d.OutcomesOnly(),
		counts: m.TakesCounts(),
		slips:  m.Unit == kpi.Percent && m.Polarity == kpi.HigherIsBetter,
		unit:   m.Unit,
	}
}

// inRange reports that a month's figure c×10^e for fd is certainly rated
// by [kpi.Evaluate] without an error, which it then need not be given to;
// false means "give it to Evaluate". Evaluate refuses a figure only for
// the zero Definition or Period, a KPI made of parts or whose target is
// not published (none of which fastRow reads), a figure outside its
// measure's range (kpi.Measure's inRange: for each unit, quickRange holds
// only of figures within it, and rounding to the measure's precision
// before banding keeps them within it), or a period its target cannot be
// found for, which for a KPI with no profile is no period or every one. So
// where Evaluate rates 0, within every unit's range, for one month, it
// rates every figure quickRange holds of for every month.
func (fd *fastDef) inRange(c int64, e int32, label period.Period) bool {
	if !quickRange(fd.unit, c, e) {
		return false
	}
	if !fd.probed {
		_, err := kpi.Evaluate(fd.def, label, kpi.Figure(decimal.Zero))
		fd.probed, fd.rated = true, err == nil
	}
	return fd.rated
}

// quickRange reports that c×10^e is within the range of a measure in unit
// u, whether or not it is signed: 0 to 100 for a percent, a whole number
// of zero or more for failures and counts, zero or more for a time, any
// figure for money or a plain number; false for a rating (whose scale is
// its own) and for anything it does not hold of.
func quickRange(u kpi.Unit, c int64, e int32) bool {
	switch u {
	case kpi.Percent:
		return c >= 0 && atMost(c, e, 100)
	case kpi.Failures, kpi.Count:
		return c >= 0 && e >= 0
	case kpi.Rating:
		return false
	case kpi.Money, kpi.Number:
		return true
	}
	return c >= 0
}

// atMost reports whether c×10^e is at most n, for c of zero or more and n
// from 1 to 100.
func atMost(c int64, e int32, n int64) bool {
	for ; e > 0; e-- {
		if c > n {
			return false
		}
		c *= 10 // at most 1,000: c was at most n
	}
	for ; e < 0; e++ {
		if n > math.MaxInt64/10 {
			return true // n×10 is above every c of 18 digits
		}
		n *= 10
	}
	return c <= n
}

// plainNumber reads s where it is a plain number: an optional minus sign,
// one or more digits, and optionally a point and one or more digits
// ("94.37", "100", "-2.5", "0.50"), with 18 digits at most; it returns
// the number's coefficient and exponent as [kpi.ParseWritten] reads them
// (the places kept: 0.50 is 50×10^-2). ok is false for anything else (a
// unit, %, a comma, an exponent, a plus sign, a space), which the full
// parser reads.
func plainNumber(s string) (c int64, e int32, ok bool) {
	i, neg := 0, strings.HasPrefix(s, "-")
	if neg {
		i = 1
	}
	n, point := 0, -1 // the digits read, and how many came before the point
	for ; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9' && n < 18:
			c = c*10 + int64(b-'0')
			n++
		case b == '.' && point < 0 && n > 0:
			point = n
		default:
			return 0, 0, false
		}
	}
	if n == 0 || point == n {
		return 0, 0, false // no digit, or none after the point
	}
	if point >= 0 {
		e = int32(point - n)
	}
	if neg {
		c = -c
	}
	return c, e, true
}
