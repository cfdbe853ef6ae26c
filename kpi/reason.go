package kpi

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// candidates lists the bands a figure could be in: their statuses,
// "tolerance, missed or failed", or, on a ladder that names its bands,
// the bands, "5 Exceptional (exceeded) or 4 Strong (met)".
func (x *defData) candidates(possible bands) string {
	var names []string
	for i := range x.ladder {
		if !possible.has(i) {
			continue
		}
		n := x.ladder[i].Status.String()
		if x.namesBand(i) {
			n = x.bandLabel(i)
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Reason returns a one-line explanation in plain English, built from the
// names of the band the figure reached and of the band above it, whose
// level it did not reach ([Bands.Name], [Bands.LevelName]): "88.89% is
// below the target of 90.0% but above the detriment level of 87.0%" on a
// scheme's ladder, "96% is below 98%, the level of 5 Exceptional
// (exceeded): 4 Strong (met), at or above 95%" on a ladder whose bands
// have names.
func (r Result) Reason() string {
	if r.def == nil {
		return ""
	}
	if r.flags&combined != 0 {
		return r.text
	}
	if x := r.def; x.partial && r.flags&hasActual != 0 && r.flags&ranged == 0 {
		if possible := x.bandKnown(r.figure(), r.target, r.cmp); !possible.one() {
			return r.undecidedReason(possible)
		}
	}
	if r.flags&window != 0 {
		w := r
		w.flags &^= window
		return fmt.Sprintf("rolling %d months to %s: %s", r.def.spec.Rolling, r.period.Label(period.Short), w.Reason())
	}
	switch {
	case r.status == Info:
		return r.infoReason()
	case r.flags&ranged != 0:
		return r.rangeReason()
	}
	if s, ok := r.noFigureReason(); ok {
		return s
	}
	if r.band < 0 {
		return ""
	}
	if r.IsOutcome() {
		return r.status.String() + " as reported, with no figure" + quoted(r.text)
	}
	a := r.shownActual()
	if r.def.compares != 0 {
		if s, ok := r.travelReason(int(r.band), a); ok {
			return s + r.interimNote()
		}
	}
	return a + " " + r.bandReason(int(r.band)) + r.interimNote()
}

// noFigureReason explains a result with no figure: not due, no data, not
// measurable or excluded; false for any other.
func (r Result) noFigureReason() (string, bool) {
	switch r.status {
	case NotDue:
		return fmt.Sprintf("not due: %s has no measurement in %s", measureOf(r.def.spec.Frequency), r.period.Label(period.Short)), true
	case NoData:
		return "no figure was reported" + quoted(r.text), true
	case NotMeasurable:
		return "not measurable" + quoted(r.text), true
	case Excluded:
		return "excluded by agreement" + quoted(r.text), true
	}
	return "", false
}

// interimNote says, for an interim figure, that the measure was not due.
func (r Result) interimNote() string {
	if !r.Interim() {
		return ""
	}
	return fmt.Sprintf(" (interim: %s is not due in %s)", measureOf(r.def.spec.Frequency), r.period.Label(period.Short))
}

// sides returns the words for worse and better than a level under the
// measure's polarity: "below" and "above" where higher is better.
func (x *defData) sides() (worse, better string) {
	if x.spec.Measure.Polarity == LowerIsBetter {
		return "above", "below"
	}
	return "below", "above"
}

// short says how a figure falls short of a level, strict or not: a figure
// exactly at a strict level is "at or below" it.
func (x *defData) short(strict bool) string {
	worse, _ := x.sides()
	if strict {
		return "at or " + worse
	}
	return worse
}

// reach says how a figure reaches a level, strict or not: "at or above"
// an inclusive level, "above" a strict one.
func (x *defData) reach(strict bool) string {
	_, better := x.sides()
	if strict {
		return better
	}
	return "at or " + better
}

// bandReason explains how a figure came to be in band b, after the figure:
// "is below the target of 90.0% but above the detriment level of 87.0%",
// or, where the bands have names, "is below 98%, the level of 5
// Exceptional (exceeded): 4 Strong (met), at or above 95%".
func (r Result) bandReason(b int) string {
	x := r.def
	if b == 0 {
		return r.topReason()
	}
	strict := x.spec.Target.Comparison.Strict()
	own, prev := x.rung(b), x.ladder[b-1]
	pv, ps := prev.Reach.resolve(r.target, strict)
	if b == 1 && x.spec.Exceed.kind == exceedStrict && x.ladder[1].Reach.Kind == AtTarget {
		// Exceeded is strictly better than the target; met is at it.
		_, better := x.sides()
		return fmt.Sprintf("meets the target of %s but does not exceed it (exceeded is %s the target)%s", r.format(pv), better, labelled(own))
	}
	s := "is " + x.short(ps) + " " + r.levelPhrase(b-1, pv) + labelled(own)
	if b < len(x.ladder)-1 {
		ov, os := x.ladder[b].Reach.resolve(r.target, strict)
		if own.label != "" {
			return s + ", " + x.reach(os) + " " + r.format(ov)
		}
		s += " but " + x.reach(os) + " " + r.levelPhrase(b, ov)
	}
	return s
}

// topReason explains a figure in the top band: "meets the target of 90%",
// "exceeds the target of 97%", "is at or above the stretch level of 99%",
// "is at or above 98%: 5 Exceptional (exceeded)".
func (r Result) topReason() string {
	x := r.def
	top, own := x.ladder[0], x.rung(0)
	v, strict := top.Reach.resolve(r.target, x.spec.Target.Comparison.Strict())
	switch {
	case x.spec.Exceed.kind == exceedStrict:
		return "exceeds the target of " + r.format(v)
	case top.Reach.Kind == AtTarget && own.level != "":
		return "meets the " + own.level + " of " + r.format(v)
	case top.Reach.Kind == AtTarget:
		return "meets the target of " + r.format(v) + labelled(own)
	case own.level != "":
		return "is " + x.reach(strict) + " the " + own.level + " of " + r.format(v)
	}
	return "is " + x.reach(strict) + " " + r.format(v) + labelled(own)
}

// labelled is ": " and the band's label, for a band named by its own name;
// "" for one named by its level.
func labelled(g rung) string {
	if g.label == "" {
		return ""
	}
	return ": " + g.label
}

// infoReason explains a figure reported for information: "12.3 days, for
// information (not rated)", with the target where the KPI gives one.
func (r Result) infoReason() string {
	var s string
	if r.flags&ranged != 0 {
		s = fmt.Sprintf("between %s and %s (figures without counts, so only their range is known)", r.format(r.actual), r.format(r.hi))
	} else {
		s = r.shownActual()
	}
	if r.flags&hasTarget != 0 {
		s += " against a target of " + r.format(r.target)
	}
	s += ", for information (not rated)"
	if r.Interim() {
		s += fmt.Sprintf(" (interim: %s is not due in %s)", measureOf(r.def.spec.Frequency), r.period.Label(period.Short))
	}
	return s
}

// undecidedReason explains a figure that unpublished levels (or earlier
// figures not known) leave in one of several bands: what the published
// levels say of it, and the bands it could be in, or the status reported
// and taken. "85% is below the target service level of 90%, and the
// minimum service level, which decides the rest, is not published: missed
// or failed cannot be told apart"; "96% is at or above 95%, the level of
// 4 Strong (met), and the level of 5 Exceptional (exceeded), which decides
// the rest, is not published: 5 Exceptional (exceeded) or 4 Strong (met)
// cannot be told apart".
func (r Result) undecidedReason(possible bands) string {
	x := r.def
	b, e := possible.first(), possible.last()
	strict := x.spec.Target.Comparison.Strict()
	var known []string
	if b > 0 {
		prev := x.ladder[b-1]
		pv, ps := prev.Reach.resolve(r.target, strict)
		known = append(known, x.short(ps && prev.Reach.Kind != AtTarget)+" "+r.levelPhrase(b-1, pv))
	}
	if e < len(x.ladder)-1 {
		ev, es := x.ladder[e].Reach.resolve(r.target, strict)
		known = append(known, x.reach(es)+" "+r.levelPhrase(e, ev))
	}
	head := r.shownActual()
	if len(known) > 0 {
		head += " is " + strings.Join(known, " and ")
	}
	if s, ok := r.unknownEarlier(possible, head); ok {
		return s
	}
	if r.flags&unverifiable != 0 {
		return fmt.Sprintf("%s: %s as reported, not verifiable from the published levels", head, r.status)
	}
	return fmt.Sprintf("%s, and %s, which decides the rest, is not published: %s cannot be told apart", head, x.unpublished(possible), x.candidates(possible))
}

// unknownEarlier explains a figure whose band an earlier figure not known
// would decide, rather than a level not published: "65% is below 81.00%,
// the level of Amber (tolerance), and there is no figure for May-15 to
// compare with: Amber (tolerance) or failed cannot be told apart". ok is
// false where no such comparison is among the bands possible.
func (r Result) unknownEarlier(possible bands, head string) (string, bool) {
	x := r.def
	for i := possible.first(); i < possible.last(); i++ {
		c := x.ladder[i].OrBetterThan
		if c == NoEarlier || !possible.has(i) {
			continue
		}
		desc, known := r.cmp.describe(c, r.period)
		if known {
			continue
		}
		if l := x.ladder[i].Reach; l.Kind != UnpublishedLevel {
			// Short of the band's own level: the condition decides.
			lv, _ := l.resolve(r.target, x.spec.Target.Comparison.Strict())
			head = r.shownActual() + " is " + x.short(l.Strict && l.Kind != AtTarget) + " " + r.levelPhrase(i, lv)
		}
		if r.flags&unverifiable != 0 {
			return fmt.Sprintf("%s, with %s to compare with: %s as reported, not verifiable", head, desc, r.status), true
		}
		return fmt.Sprintf("%s, and there is %s to compare with: %s cannot be told apart", head, desc, x.candidates(possible)), true
	}
	return "", false
}

// unpublished names the first level not published among the bands
// possible: "the minimum service level", "the level of 5 Exceptional
// (exceeded)".
func (x *defData) unpublished(possible bands) string {
	for i := range x.ladder {
		if possible.has(i) && x.ladder[i].Reach.Kind == UnpublishedLevel {
			if g := x.rung(i); g.level != "" {
				return "the " + g.level
			}
			return "the level of " + x.rung(i).label
		}
	}
	return "the level"
}

// travelReason explains a figure whose band the direction of travel
// decided: in band b by its condition, "75% is below 81.00%, the level of
// Amber (tolerance), but better than 60% in May-15: Amber (tolerance)", or
// below a band whose condition it failed, "72% is below 81.00%, the level
// of Amber (tolerance), and no better than 80% in May-15: Red (missed), at
// or above 70%". ok is false where no condition decided.
func (r Result) travelReason(b int, a string) (string, bool) {
	x := r.def
	strict := x.spec.Target.Comparison.Strict()
	label := func(i int) string {
		if g := x.rung(i); g.label != "" {
			return g.label
		}
		return x.ladder[i].Status.String()
	}
	short := func(l Level) string { return x.short(l.Strict && l.Kind != AtTarget) }
	by, in := r.travel(b)
	switch {
	case in:
		band := x.ladder[b]
		lv, _ := band.Reach.resolve(r.target, strict)
		return fmt.Sprintf("%s is %s %s, but %s: %s", a, short(band.Reach), r.levelPhrase(b, lv), by, label(b)), true
	case by == "":
		return "", false
	}
	prev := x.ladder[b-1]
	pv, _ := prev.Reach.resolve(r.target, strict)
	s := fmt.Sprintf("%s is %s %s, and %s: %s", a, short(prev.Reach), r.levelPhrase(b-1, pv), by, label(b))
	if b < len(x.ladder)-1 && x.ladder[b].Reach.Kind != UnpublishedLevel {
		ov, os := x.ladder[b].Reach.resolve(r.target, strict)
		s += ", " + x.reach(os) + " " + r.format(ov)
	}
	return s, true
}

// levelPhrase names the level v of band i: by its name, "the target of
// 90%", "the detriment level of 87%", "the minimum service level of 85%";
// or, for a band named by its own name, "95%, the level of 4 Strong (met)".
func (r Result) levelPhrase(i int, v decimal.Decimal) string {
	g := r.def.rung(i)
	switch {
	case g.level != "":
		return "the " + g.level + " of " + r.format(v)
	case r.def.ladder[i].Reach.Kind == AtTarget:
		return "the target of " + r.format(v)
	}
	return r.format(v) + ", the level of " + g.label
}

// rangeReason explains a result rated from a range of figures.
func (r Result) rangeReason() string {
	d := r.def
	span := fmt.Sprintf("between %s and %s", r.format(r.actual), r.format(r.hi))
	if r.band >= 0 {
		s := fmt.Sprintf("%s (figures without counts, so only their range is known): all of it %s", span, r.bandReason(int(r.band)))
		if !d.namesBand(int(r.band)) {
			s += ", so " + r.status.String()
		}
		return s
	}
	if pl, ph := d.bandKnown(r.actual, r.target, r.cmp), d.bandKnown(r.hi, r.target, r.cmp); pl == ph && !pl.one() {
		// Both ends could be in the same bands: the counts would not
		// settle it; a level not published, or an earlier figure, would.
		why := d.unpublished(pl) + ", which decides it, is not published"
		for i := range d.ladder {
			if c := d.ladder[i].OrBetterThan; c != NoEarlier && pl.has(i) {
				if desc, known := r.cmp.describe(c, r.period); !known {
					why = "there is " + desc + " to compare with"
				}
			}
		}
		return fmt.Sprintf("%s (figures without counts, so only their range is known): %s cannot be told apart, as %s",
			span, d.candidates(pl), why)
	}
	lo, hi := d.band(r.actual, r.target), d.band(r.hi, r.target)
	a, b := d.ladder[min(lo, hi)].Status, d.ladder[max(lo, hi)].Status
	return fmt.Sprintf("%s (figures without counts, so only their range is known), which spans %s to %s: the counts are needed to rate it",
		span, a, b)
}

// measureOf describes a measure of frequency f with its article and, where
// it is due in some months only, the months in its years' order: "a
// quarterly measure (due Jun, Sep, Dec and Mar)", "an annual measure (due
// Mar)". Every due month is named, so a frequency written "quarterly due
// Oct" reads as written.
func measureOf(f period.Frequency) string {
	name := f.String()
	if i := strings.Index(name, " "); i > 0 {
		name = name[:i] // "quarterly" of "quarterly due Jan"
	}
	s := "a " + name + " measure"
	if strings.ContainsRune("aeiou", rune(name[0])) {
		s = "an " + name + " measure"
	}
	due := f.DueMonths()
	if len(due) == 0 || len(due) == 12 {
		return s
	}
	// In the order of the frequency's years: from its year start.
	start := slices.IndexFunc(due, func(m time.Month) bool { return m >= f.YearStart() })
	if start > 0 {
		due = append(due[start:], due[:start]...)
	}
	names := make([]string, len(due))
	for i, m := range due {
		names[i] = m.String()[:3]
	}
	list := names[0]
	if n := len(names); n > 1 {
		list = strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	return s + " (due " + list + ")"
}

func quoted(text string) string {
	if text == "" {
		return ""
	}
	return fmt.Sprintf(" (%q)", text)
}
