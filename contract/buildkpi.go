package contract

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// kpi builds one definition; ok is false if it has problems.
func (b *builder) kpi(fk *fileKPI, path string) (kpi.Definition, bool) {
	at := func(field string) string { return child(path, field) }
	spec := kpi.Spec{Ref: strings.TrimSpace(fk.Ref), Description: fk.Description, ServiceArea: fk.ServiceArea, Contractual: fk.Contractual}
	if fk.Tier != "" {
		t, err := kpi.ParseTier(fk.Tier)
		if err != nil {
			b.bad(at("tier"), "%s", reason(err))
		}
		spec.Tier = t
	}
	// A KPI made of parts has no measure or target of its own: what it is
	// given anyway, kpi.New refuses.
	compound := len(fk.Parts) > 0
	if compound {
		spec.Parts = make([]string, len(fk.Parts))
		for i, ref := range fk.Parts {
			spec.Parts[i] = strings.TrimSpace(ref)
		}
	}
	if fk.PartsRule != "" {
		r, err := kpi.ParsePartsRule(fk.PartsRule)
		if err != nil {
			b.bad(at("parts_rule"), "%s", reason(err))
		}
		spec.PartsRule = r
	}
	fm := fk.Measure
	if fm == nil && !compound {
		fm = &fileMeasure{} // kpi.New says what it lacks
	}
	if fm != nil {
		spec.Measure = b.measure(fm, at("measure"))
	}
	if fk.Frequency != "" {
		f, err := b.years.ParseFrequency(fk.Frequency)
		if !b.cal.IsZero() {
			f, err = b.cal.ParseFrequency(b.years, fk.Frequency)
		}
		if err != nil {
			b.bad(at("frequency"), "%s", reason(err))
		}
		spec.Frequency = f
	}
	targetOK := false
	if strings.TrimSpace(fk.Target) == "" {
		// A contextual measure, and a scale whose bands' levels are
		// figures, may have no target; kpi.New checks the levels.
		switch {
		case compound:
		case spec.Tier == kpi.TierContextual || (fk.Bands != nil && (fk.Bands.Ladder != nil || fk.Bands.Scheme == "score_bands")):
			spec.Target = kpi.Written{Comparison: kpi.NoTarget}
		default:
			b.bad(at("target"), "a KPI needs its target as the schedule writes it (90.0%%, < 5%%, 0 failures); only a contextual measure, or a ladder whose levels are figures, has none")
		}
	} else if t, err := kpi.ParseTarget(fk.Target); err != nil {
		b.bad(at("target"), "%s", reason(err))
	} else {
		spec.Target, targetOK = t, t.Comparison != kpi.NotPublished
		if pol := t.Comparison.Polarity(); pol != 0 && spec.Measure.Polarity != 0 && pol != spec.Measure.Polarity {
			// Said here, so that the bands are not checked against a target
			// that cannot be right.
			b.bad(at("target"), "%q says %s, but the measure is %s", t.String(), pol, spec.Measure.Polarity)
			targetOK = false
		}
	}
	var paths profilePaths
	if fk.Profile != nil {
		spec.Profile, paths = b.profile(fk.Profile, spec.Target, at("profile"))
	}
	bandPath := func(int, string) string { return "bands" }
	if spec.Tier != kpi.TierContextual || fk.Bands != nil {
		// A contextual measure is never rated: it has no bands.
		spec.Bands, bandPath = b.bands(fk.Bands, spec, targetOK, at("bands"))
	}
	spec.Rolling = fk.Rolling
	if fk.Exceed != "" {
		r, err := kpi.ParseExceed(fk.Exceed)
		if err != nil {
			b.bad(at("exceed"), "%s", reason(err))
		}
		spec.Exceed = r
	}
	if b.failed(path) {
		return kpi.Definition{}, false
	}
	d, err := kpi.New(spec)
	translate := func(p string) string {
		switch {
		case strings.HasPrefix(p, "bands["):
			i, rest, _ := strings.Cut(strings.TrimPrefix(p, "bands["), "]")
			k, _ := strconv.Atoi(i)
			return child(path, bandPath(k, rest))
		case strings.HasPrefix(p, "profile"):
			return child(path, paths.file(p))
		case p == "measure.scale":
			return at("measure.scale")
		}
		return child(path, p)
	}
	b.validation(err, translate)
	if err != nil {
		return kpi.Definition{}, false
	}
	for _, w := range d.Warnings() {
		p, msg, _ := strings.Cut(w, ": ")
		fpath := translate(p)
		b.warnings = append(b.warnings, Warning{File: b.w.file, Line: b.lineOf(fpath), Path: fpath, Msg: msg})
	}
	return d, true
}

// measure reads the measure; what is missing, kpi.New reports.
func (b *builder) measure(fm *fileMeasure, path string) kpi.Measure {
	m := kpi.Measure{Precision: int32(fm.Precision), RoundBeforeBanding: fm.RoundBeforeBanding, Signed: fm.Signed}
	if fm.Precision < 0 || fm.Precision > 10 {
		// Said here, with the places as written: the int32 kpi.New would
		// see may not be them.
		b.bad(child(path, "precision"), "%d decimal places is outside 0 to 10", fm.Precision)
		m.Precision = 0
	}
	if fm.Unit != "" {
		u, err := kpi.ParseUnit(fm.Unit)
		if err != nil {
			b.bad(child(path, "unit"), "%s", reason(err))
		}
		m.Unit = u
	}
	if fm.Polarity != "" {
		p, err := kpi.ParsePolarity(fm.Polarity)
		if err != nil {
			b.bad(child(path, "polarity"), "%s", reason(err))
		}
		m.Polarity = p
	}
	if fm.Aggregation != "" {
		a, err := kpi.ParseAggregation(fm.Aggregation)
		if err != nil {
			b.bad(child(path, "aggregation"), "%s", reason(err))
		}
		m.Aggregation = a
	}
	if fm.Scale != nil {
		if len(fm.Scale) != 2 {
			b.bad(child(path, "scale"), "a scale is two numbers, its minimum and maximum ([1, 5]), not %d", len(fm.Scale))
		} else {
			m.ScaleMin, _ = b.decimal(index(child(path, "scale"), 0), fm.Scale[0])
			m.ScaleMax, _ = b.decimal(index(child(path, "scale"), 1), fm.Scale[1])
		}
	}
	return m
}

// standInCalendar stands in for a period calendar the file states wrongly,
// so that its periodic KPIs are read and checked without a second error
// for the calendar; the contract is not made.
var standInCalendar = period.Must(period.NewPeriodCalendar(time.April, 1, period.AbsorbLast))

// periods reads the contract's period calendar, or returns the zero one
// if the file states none.
func (b *builder) periods(fp *filePeriods) period.PeriodCalendar {
	if fp == nil {
		return period.PeriodCalendar{}
	}
	rule := fp.YearStart != "" || fp.Absorb != ""
	switch {
	case rule && len(fp.Starts) > 0:
		b.bad("periods.starts", "give either year_start and absorb (a rule) or starts (a list), not both")
		return standInCalendar
	case len(fp.Starts) > 0:
		starts := make([]period.Date, len(fp.Starts))
		ok := true
		for i, s := range fp.Starts {
			d, good := b.date(index("periods.starts", i), s)
			starts[i], ok = d, ok && good
		}
		if !ok {
			return standInCalendar
		}
		c, err := period.ListedPeriodCalendar(b.years, starts)
		if err != nil {
			b.bad("periods.starts", "%s", strings.TrimPrefix(err.Error(), period.ErrOutOfRange.Error()+": "))
			return standInCalendar
		}
		return c
	case !rule:
		b.bad("periods", "a period calendar needs year_start and absorb (1 April, last), or the periods' starts")
		return standInCalendar
	}
	m, day, err := period.ParseYearStartDay(fp.YearStart)
	switch {
	case fp.YearStart == "":
		b.bad("periods.year_start", "give the day the years of periods start on (04-01, 1 April)")
	case err != nil:
		b.bad("periods.year_start", "%s", reason(err))
	}
	a, aerr := period.ParseAbsorb(fp.Absorb)
	switch {
	case fp.Absorb == "":
		b.bad("periods.absorb", "say which period absorbs the day or two over 364 days: first or last")
	case aerr != nil:
		b.bad("periods.absorb", "%s", reason(aerr))
	}
	if fp.YearStart == "" || err != nil || fp.Absorb == "" || aerr != nil {
		return standInCalendar
	}
	c, _ := period.NewPeriodCalendar(m, day, a) // both read and checked above
	return c
}

// yearStart reads the contract's year_start: a month name, full or
// abbreviated; April, the UK financial year, if omitted.
func (b *builder) yearStart(s string) period.Years {
	if s == "" {
		return period.Years{}
	}
	for m := time.January; m <= time.December; m++ {
		if name := strings.TrimSpace(s); strings.EqualFold(name, m.String()) || strings.EqualFold(name, m.String()[:3]) {
			ys, _ := period.YearsStarting(m) // a valid month
			return ys
		}
	}
	b.bad("year_start", "%s is not a month: write the month the contract's years start in (April, October)", problems.Quote(s))
	return period.Years{}
}

// profilePaths maps the paths kpi.New gives a profile's problems to the
// file's fields.
type profilePaths struct {
	months  map[string]string // canonical month (2016-04) -> key as written
	years   map[string]string // year label (2016/17) -> annual_targets key as written
	annual  string            // where a single annual target came from: profile.annual or target
	targets bool              // annual_targets was given
}

// file returns the file's path, under the KPI, for kpi.New's path p.
func (pp profilePaths) file(p string) string {
	switch {
	case strings.HasPrefix(p, "profile["):
		m, rest, _ := strings.Cut(strings.TrimPrefix(p, "profile["), "]")
		if w, ok := pp.months[m]; ok {
			m = w
		}
		return "profile.months[" + m + "]" + rest
	case strings.HasPrefix(p, "profile.annual["):
		y, rest, _ := strings.Cut(strings.TrimPrefix(p, "profile.annual["), "]")
		if w, ok := pp.years[y]; ok {
			return "profile.annual_targets[" + w + "]" + rest
		}
		if pp.targets {
			return "profile.annual_targets"
		}
		return pp.annual
	case p == "profile.annual":
		if pp.targets {
			return "profile.annual_targets"
		}
		return pp.annual
	}
	return p
}

// profile reads a profile in one of its four forms, for one year, several
// years or every year. It returns, too, how kpi.New's paths map to the
// file's.
func (b *builder) profile(fp *fileProfile, target kpi.Written, path string) (kpi.Profile, profilePaths) {
	at := func(field string) string { return child(path, field) }
	paths := profilePaths{annual: "profile.annual", targets: fp.AnnualTargets != nil}
	if fp.Annual == "" {
		paths.annual = "target"
	}
	if b.failed("year_start") {
		return kpi.Profile{}, paths // read in the wrong years, it would only mislead
	}
	forms := []string{}
	for _, f := range []struct {
		name  string
		given bool
	}{{"flat", fp.Flat}, {"months", fp.Months != nil}, {"linear", fp.Linear}, {"weights", fp.Weights != nil}} {
		if f.given {
			forms = append(forms, f.name)
		}
	}
	if len(forms) != 1 {
		if len(forms) == 0 {
			b.bad(path, "give the profile's months, linear: true with its year, weights with its year, or flat: true")
		} else {
			b.bad(path, "give one of months, linear, weights or flat, not %s", strings.Join(forms, " and "))
		}
		return kpi.Profile{}, paths
	}
	annual := target.Value
	if fp.Annual != "" {
		annual, _ = b.decimal(at("annual"), fp.Annual)
	}
	places := int32(2)
	if fp.Places != nil {
		if *fp.Places < 0 || *fp.Places > 10 {
			b.bad(at("places"), "%d decimal places is outside 0 to 10", *fp.Places)
		}
		places = int32(*fp.Places)
	}
	only := func(form string, allowed ...string) {
		given := map[string]bool{"cumulative": fp.Cumulative, "annual": fp.Annual != "", "annual_targets": fp.AnnualTargets != nil,
			"year": fp.Year != "", "every_year": fp.EveryYear, "places": fp.Places != nil}
		for _, f := range []string{"cumulative", "annual", "annual_targets", "year", "every_year", "places"} {
			if given[f] && !contains(allowed, f) {
				b.bad(at(f), "a %s profile does not take %s", form, f)
			}
		}
	}
	if fp.Annual != "" && fp.AnnualTargets != nil {
		b.bad(at("annual_targets"), "give annual (one target for every year) or annual_targets (one for each year), not both")
	}
	annuals, written, annualsOK := b.yearPairs(at("annual_targets"), fp.AnnualTargets)
	paths.years = written
	// The profile's years are the contract's, unless its year labels say
	// they start in another month (2016/17 from Sep).
	ys := b.years
	for y := range annuals {
		ys = y.Years()
		break
	}
	// span says which years a profile covers: its one year, every year, or
	// the years of annual_targets; ok is false if that cannot be said.
	span := func(form string) (y period.Year, ok bool) {
		switch {
		case fp.Year != "" && fp.EveryYear:
			b.bad(at("every_year"), "give the %s profile's one year or every_year: true, not both", form)
		case fp.Year != "" && fp.AnnualTargets != nil:
			b.bad(at("annual_targets"), "a %s profile for one year (year: %s) takes annual, not annual_targets", form, fp.Year)
		case fp.EveryYear && fp.AnnualTargets != nil:
			b.bad(at("annual_targets"), "a %s profile for every year takes one annual target (annual, or the KPI's target), not annual_targets", form)
		case fp.Year != "":
			y, ok = b.year(at("year"), fp.Year)
			if ok {
				ys = y.Years()
			}
			return y, ok
		case fp.EveryYear || fp.AnnualTargets != nil || form == "months":
			return period.Year{}, annualsOK
		default:
			b.bad(at("year"), "a %s profile needs its year (2016/17)", form)
		}
		return period.Year{}, false
	}
	switch forms[0] {
	case "flat":
		only("flat")
		return kpi.Flat(target.Value), paths
	case "months":
		only("months", "cumulative", "annual", "annual_targets", "year")
		byMonth, months, monthsOK := b.monthPairs(at("months"), fp.Months)
		paths.months = months
		for _, p := range fp.Months {
			b.w.note(index(at("months"), p.Key), p.Line) // the key as written, for kpi.New's problems
		}
		y, ok := span("months")
		if !ok || !monthsOK {
			return kpi.Profile{}, paths
		}
		switch {
		case !y.IsZero():
			annuals = map[period.Year]decimal.Decimal{y: annual}
		case fp.AnnualTargets == nil:
			// One annual target for every year the months fall in.
			annuals = map[period.Year]decimal.Decimal{}
			for m := range byMonth {
				annuals[ys.Of(m)] = annual
			}
		}
		return kpi.ExplicitYears(ys, fp.Cumulative, annuals, byMonth), paths
	case "linear":
		only("linear", "annual", "annual_targets", "year", "every_year", "places", "cumulative")
		y, ok := span("linear")
		switch {
		case !ok:
			return kpi.Profile{}, paths
		case fp.EveryYear:
			return kpi.LinearCumulativeEveryYear(ys, annual, places), paths
		case fp.AnnualTargets != nil:
			return kpi.LinearCumulativeByYear(ys, annuals, places), paths
		}
		return kpi.LinearCumulative(y, annual, places), paths
	}
	only("weighted", "cumulative", "annual", "annual_targets", "year", "every_year", "places")
	if len(fp.Weights) != 12 {
		b.bad(at("weights"), "want twelve weights, one a month, not %d", len(fp.Weights))
		return kpi.Profile{}, paths
	}
	var ws [12]decimal.Decimal
	for i, w := range fp.Weights {
		ws[i], _ = b.decimal(index(at("weights"), i), w)
	}
	y, ok := span("weighted")
	if !ok {
		return kpi.Profile{}, paths
	}
	var p kpi.Profile
	var err error
	switch {
	case fp.EveryYear:
		p, err = kpi.WeightedEveryYear(ys, annual, ws, fp.Cumulative, places)
	case fp.AnnualTargets != nil:
		p, err = kpi.WeightedByYear(ys, annuals, ws, fp.Cumulative, places)
	default:
		p, err = kpi.Weighted(y, annual, ws, fp.Cumulative, places)
	}
	if err != nil {
		b.validation(err, func(p string) string { return child(strings.TrimSuffix(path, ".profile"), p) })
	}
	return p, paths
}

// year reads a year label in the contract's years: 2016/17 (or 2016 where
// they are calendar years), or 2016/17 from Sep for a year that starts in
// another month.
func (b *builder) year(path, s string) (period.Year, bool) {
	p, err := b.years.Parse(s)
	y, ok := p.Year()
	if err != nil || p.Kind() != period.KindYear || !ok {
		b.bad(path, "cannot read %s as a year (want %s)", problems.Quote(s), yearExample(b.years))
		return period.Year{}, false
	}
	return y, true
}

// yearExample is how a year of ys is written, and one from another month.
func yearExample(ys period.Years) string {
	switch ys.Start() {
	case time.January:
		return "2016, or 2016/17 from Apr"
	case time.September:
		return "2016/17, or 2016/17 from Apr"
	}
	return "2016/17, or 2016/17 from Sep"
}

// yearPairs reads a mapping keyed by year, noting each year's line under
// its label (annual_targets[2016/17]) as well as the key as written; it
// returns the years' labels mapped to their keys. The years must all start
// in the same month.
func (b *builder) yearPairs(path string, ps pairs) (map[period.Year]decimal.Decimal, map[string]string, bool) {
	if ps == nil {
		return nil, nil, true
	}
	out := map[period.Year]decimal.Decimal{}
	written := map[string]string{} // y.String() -> key as written
	ok := true
	var first period.Year
	for _, p := range ps {
		kpath := index(path, p.Key)
		y, yok := b.year(kpath, p.Key)
		if !yok {
			ok = false
			continue
		}
		if first.IsZero() {
			first = y
		} else if y.First().Month() != first.First().Month() {
			b.bad(kpath, "%s starts in %s, but %s starts in %s: a profile's years all start in the same month",
				p.Key, y.First().Month(), written[first.String()], first.First().Month())
			ok = false
			continue
		}
		if prev, dup := written[y.String()]; dup {
			b.bad(kpath, "%s is the same year as %s", p.Key, prev)
			ok = false
			continue
		}
		written[y.String()] = p.Key
		b.w.note(index(path, y.String()), p.Line)
		b.w.note(kpath, p.Line)
		v, vok := b.decimal(kpath, num(p.Value))
		ok = ok && vok
		out[y] = v
	}
	return out, written, ok
}

// A scheme is a named ladder and the levels it takes.
type scheme struct {
	levels []string // the fields it takes, besides points
	// field names the file field that sets kpi band i, or "".
	field func(i, bands int) string
}

var schemes = map[string]scheme{
	"target_only":      {nil, func(int, int) string { return "" }},
	"target_tolerance": {[]string{"tolerance"}, byIndex("", "tolerance")},
	"target_detriment_failure": {[]string{"detriment", "failure"},
		byIndex("", "detriment", "failure")},
	"volume_of_failures": {[]string{"detriment", "failure"}, byIndex("", "detriment", "failure")},
	"target_and_minimum": {[]string{"minimum"}, byIndex("", "minimum")},
	"score_bands": {[]string{"met", "thresholds"}, func(i, n int) string {
		// Band i is score n-1-i, set by thresholds[n-2-i].
		if i >= n-1 {
			return "thresholds"
		}
		return index("thresholds", n-2-i)
	}},
}

func byIndex(fields ...string) func(i, n int) string {
	return func(i, _ int) string {
		if i < len(fields) {
			return fields[i]
		}
		return ""
	}
}

// bands reads a scheme or a ladder. It returns, too, how kpi.New's path for
// band i (and the rest of the path, such as .level) maps to the file's.
func (b *builder) bands(fb *fileBands, spec kpi.Spec, targetOK bool, path string) (kpi.Bands, func(int, string) string) {
	at := func(field string) string { return child(path, field) }
	if fb == nil {
		return kpi.TargetOnly(), func(int, string) string { return "bands" }
	}
	given := map[string]bool{"tolerance": fb.Tolerance != "", "detriment": fb.Detriment != "", "failure": fb.Failure != "",
		"minimum": fb.Minimum != "", "met": fb.Met != 0, "thresholds": fb.Thresholds != nil}
	levelFields := []string{"tolerance", "detriment", "failure", "minimum", "met", "thresholds"}
	if fb.Ladder != nil {
		if fb.Scheme != "" {
			b.bad(at("ladder"), "give a scheme or a ladder, not both")
		}
		for _, f := range levelFields {
			if given[f] {
				b.bad(at(f), "a ladder's levels go on its bands, not beside it")
			}
		}
		if fb.Points != nil {
			b.bad(at("points"), "a ladder's points go on its bands (points: 3), not beside it")
		}
		return b.ladder(fb.Ladder, at("ladder")), func(i int, rest string) string { return index("bands.ladder", i) + rest }
	}
	name := fb.Scheme
	if name == "" {
		name = "target_only"
	}
	sc, ok := schemes[name]
	if !ok {
		b.bad(at("scheme"), "unknown scheme %s (want target_only, target_tolerance, target_detriment_failure, volume_of_failures, target_and_minimum or score_bands)", problems.Quote(fb.Scheme))
		return kpi.Bands{}, func(int, string) string { return "bands" }
	}
	for _, f := range levelFields {
		switch {
		case given[f] && !contains(sc.levels, f):
			if len(sc.levels) == 0 {
				b.bad(at(f), "the %s scheme takes no levels", name)
			} else {
				b.bad(at(f), "the %s scheme does not take %s (it takes %s)", name, f, strings.Join(sc.levels, " and "))
			}
		case !given[f] && contains(sc.levels, f):
			b.bad(at(f), "the %s scheme needs its %s level", name, f)
		}
	}
	var bands kpi.Bands
	pol := spec.Measure.Polarity
	t := spec.Target.Value
	// worse checks that level v (at field) is beyond the level above it, so
	// that no band is empty, with a message in the file's terms.
	worse := func(field string, v decimal.Decimal, aboveName string, above decimal.Decimal) {
		if !targetOK || pol == 0 || b.failed(at(field)) || pol.Better(above, v) > 0 {
			return
		}
		side := "below"
		if pol == kpi.LowerIsBetter {
			side = "above"
		}
		b.bad(at(field), "must be %s the %s %s for a %s measure", side, aboveName, above, strings.ReplaceAll(pol.String(), "_", "-"))
	}
	switch name {
	case "target_only":
		bands = kpi.TargetOnly()
	case "target_tolerance":
		l, err := kpi.ParseLevel(fb.Tolerance)
		if err != nil && fb.Tolerance != "" {
			b.bad(at("tolerance"), "%s", reason(err))
		}
		if err == nil {
			worse("tolerance", l.At(t), "target", t)
		}
		bands = kpi.TargetTolerance(l)
	case "target_detriment_failure", "target_and_minimum":
		first, second := "detriment", "failure"
		fv1, fv2 := fb.Detriment, fb.Failure
		if name == "target_and_minimum" {
			first, fv1 = "minimum", fb.Minimum
			if l, err := kpi.ParseLevel(string(fv1)); err == nil && l.Kind == kpi.UnpublishedLevel {
				bands = kpi.TargetAndMinimumAt(l)
				break
			}
		}
		v1, ok1 := b.decimal(at(first), fv1)
		if ok1 && fv1 != "" {
			worse(first, v1, "target", t)
		}
		if name == "target_and_minimum" {
			bands = kpi.TargetAndMinimum(v1)
			break
		}
		v2, ok2 := b.decimal(at(second), fv2)
		if ok1 && ok2 && fv1 != "" && fv2 != "" {
			worse(second, v2, "detriment level", v1)
		}
		bands = kpi.TargetDetrimentFailure(v1, v2)
	case "volume_of_failures":
		count := func(field string, s num) int64 {
			if s == "" {
				return 0
			}
			n, err := strconv.ParseInt(string(s), 10, 64)
			if err != nil || n < 0 {
				b.bad(at(field), "a number of failures is a whole number of zero or more, not %s", s)
				return 0
			}
			return n
		}
		d, f := count("detriment", fb.Detriment), count("failure", fb.Failure)
		if fb.Detriment != "" {
			worse("detriment", decimal.NewFromInt(d), "target", t)
		}
		if fb.Failure != "" && fb.Detriment != "" && !b.failed(at("detriment")) {
			worse("failure", decimal.NewFromInt(f), "detriment level", decimal.NewFromInt(d))
		}
		bands = kpi.VolumeOfFailures(d, f)
	case "score_bands":
		th := make([]decimal.Decimal, len(fb.Thresholds))
		for i, s := range fb.Thresholds {
			th[i], _ = b.decimal(index(at("thresholds"), i), s)
		}
		if fb.Met < 1 || fb.Met > len(th) {
			b.bad(at("met"), "the score that meets the target must be 1 to %d, the scores the thresholds give, not %d", len(th), fb.Met)
		}
		bands = kpi.ScoreBands(fb.Met, th...)
	}
	if fb.Points != nil {
		points := map[kpi.Status]decimal.Decimal{}
		for _, p := range fb.Points {
			ppath := index(at("points"), p.Key)
			st, ok := b.status(ppath, p.Key, true)
			v, vok := b.decimal(ppath, num(p.Value))
			if ok && vok {
				points[st] = v
			}
		}
		bands = bands.WithPoints(points)
	}
	n := bands.Len()
	return bands, func(i int, rest string) string {
		f := sc.field(i, n)
		if f == "" {
			return "bands"
		}
		if strings.HasPrefix(rest, ".points") {
			return "bands.points"
		}
		return "bands." + f
	}
}

// ladder reads explicit bands.
func (b *builder) ladder(fbs []fileBand, path string) kpi.Bands {
	list := make([]kpi.Band, len(fbs))
	for i, fb := range fbs {
		bpath := index(path, i)
		band := kpi.Band{Name: fb.Name, Score: fb.Score}
		if fb.Status == "" {
			b.bad(child(bpath, "status"), "a band needs its status (met, tolerance, missed, detriment, failed)")
		}
		band.Status, _ = b.status(child(bpath, "status"), fb.Status, true)
		if fb.Level != "" {
			l, err := kpi.ParseLevel(fb.Level)
			if err != nil {
				b.bad(child(bpath, "level"), "%s", reason(err))
			}
			band.Reach = l
		}
		band.Points, _ = b.decimal(child(bpath, "points"), fb.Points)
		if fb.OrBetterThan != "" {
			e, err := kpi.ParseEarlier(fb.OrBetterThan)
			if err != nil {
				b.bad(child(bpath, "or_better_than"), "%s", reason(err))
			}
			band.OrBetterThan = e
		}
		list[i] = band
	}
	bands, err := kpi.NewBands(list...)
	if err != nil {
		b.validation(err, func(p string) string {
			return strings.Replace(p, "bands", path, 1)
		})
	}
	return bands
}
