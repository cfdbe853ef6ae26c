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

// kpiSpec reads a KPI's reference, tier, parts, measure and frequency.
func (b *builder) kpiSpec(fk *fileKPI, path string) kpi.Spec {
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
	return spec
}

// target reads a KPI's target into spec: as the schedule writes it, or
// none where a KPI may have none.
func (b *builder) target(fk *fileKPI, spec *kpi.Spec, path string) {
	if strings.TrimSpace(fk.Target) == "" {
		// A contextual measure, and a scale whose bands' levels are
		// figures, may have no target; kpi.New checks the levels.
		switch {
		case len(fk.Parts) > 0: // made of parts: no target of its own
		case spec.Tier == kpi.TierContextual || (fk.Bands != nil && (fk.Bands.Ladder != nil || fk.Bands.Scheme == "score_bands")):
			spec.Target = kpi.Written{Comparison: kpi.NoTarget}
		default:
			b.bad(path, "a KPI needs its target as the schedule writes it (90.0%%, < 5%%, 0 failures); only a contextual measure, or a ladder whose levels are figures, has none")
		}
	} else if t, err := kpi.ParseTarget(fk.Target); err != nil {
		b.bad(path, "%s", reason(err))
	} else {
		spec.Target = t
	}
}

// kpi builds one definition; ok is false if it has problems.
func (b *builder) kpi(fk *fileKPI, path string) (kpi.Definition, bool) {
	at := func(field string) string { return child(path, field) }
	spec := b.kpiSpec(fk, path)
	b.target(fk, &spec, at("target"))
	var paths profilePaths
	if fk.Profile != nil {
		spec.Profile, paths = b.profile(fk.Profile, spec.Target, at("profile"))
	}
	bandPath := func(int, string) string { return "bands" }
	if spec.Tier != kpi.TierContextual || fk.Bands != nil {
		// A contextual measure is never rated: it has no bands.
		spec.Bands, bandPath = b.bands(fk.Bands, at("bands"))
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
	pr := &profileReader{b: b, fp: fp, path: path, paths: profilePaths{annual: "profile.annual", targets: fp.AnnualTargets != nil}}
	if fp.Annual == "" {
		pr.paths.annual = "target"
	}
	if b.failed("year_start") {
		return kpi.Profile{}, pr.paths // read in the wrong years, it would only mislead
	}
	form := pr.form()
	if form == "" {
		return kpi.Profile{}, pr.paths
	}
	pr.readAnnuals(target)
	switch form {
	case "flat":
		pr.only("flat")
		return kpi.Flat(target.Value), pr.paths
	case "months":
		return pr.months(), pr.paths
	case "linear":
		return pr.linear(), pr.paths
	}
	return pr.weighted(), pr.paths
}

// profileReader reads one profile: its form and the annual targets and
// years its form shares.
type profileReader struct {
	b     *builder
	fp    *fileProfile
	path  string
	paths profilePaths
	// annual is the one annual target (annual, or the KPI's target);
	// annuals those of annual_targets, by year; annualsOK is false if
	// they could not be read.
	annual    decimal.Decimal
	annuals   map[period.Year]decimal.Decimal
	annualsOK bool
	ys        period.Years // the profile's years
	places    int32
}

func (pr *profileReader) at(field string) string { return child(pr.path, field) }

// form returns the profile's one form (flat, months, linear or weights),
// or "" having said that there is none or more than one.
func (pr *profileReader) form() string {
	fp := pr.fp
	forms := []string{}
	for _, f := range []struct {
		name  string
		given bool
	}{{"flat", fp.Flat}, {"months", fp.Months != nil}, {"linear", fp.Linear}, {"weights", fp.Weights != nil}} {
		if f.given {
			forms = append(forms, f.name)
		}
	}
	switch len(forms) {
	case 1:
		return forms[0]
	case 0:
		pr.b.bad(pr.path, "give the profile's months, linear: true with its year, weights with its year, or flat: true")
	default:
		pr.b.bad(pr.path, "give one of months, linear, weights or flat, not %s", strings.Join(forms, " and "))
	}
	return ""
}

// readAnnuals reads the annual target or targets, the places and the years.
func (pr *profileReader) readAnnuals(target kpi.Written) {
	b, fp := pr.b, pr.fp
	pr.annual = target.Value
	if fp.Annual != "" {
		pr.annual, _ = b.decimal(pr.at("annual"), fp.Annual)
	}
	pr.places = 2
	if fp.Places != nil {
		if *fp.Places < 0 || *fp.Places > 10 {
			b.bad(pr.at("places"), "%d decimal places is outside 0 to 10", *fp.Places)
		}
		pr.places = int32(*fp.Places)
	}
	if fp.Annual != "" && fp.AnnualTargets != nil {
		b.bad(pr.at("annual_targets"), "give annual (one target for every year) or annual_targets (one for each year), not both")
	}
	var written map[string]string
	pr.annuals, written, pr.annualsOK = b.yearPairs(pr.at("annual_targets"), fp.AnnualTargets)
	pr.paths.years = written
	// The profile's years are the contract's, unless its year labels say
	// they start in another month (2016/17 from Sep).
	pr.ys = b.years
	for y := range pr.annuals {
		pr.ys = y.Years()
		break
	}
}

// only refuses the fields a profile of form does not take.
func (pr *profileReader) only(form string, allowed ...string) {
	fp := pr.fp
	given := map[string]bool{"cumulative": fp.Cumulative, "annual": fp.Annual != "", "annual_targets": fp.AnnualTargets != nil,
		"year": fp.Year != "", "every_year": fp.EveryYear, "places": fp.Places != nil}
	for _, f := range []string{"cumulative", "annual", "annual_targets", "year", "every_year", "places"} {
		if given[f] && !contains(allowed, f) {
			pr.b.bad(pr.at(f), "a %s profile does not take %s", form, f)
		}
	}
}

// span says which years a profile covers: its one year, every year, or
// the years of annual_targets; ok is false if that cannot be said.
func (pr *profileReader) span(form string) (y period.Year, ok bool) {
	b, fp := pr.b, pr.fp
	switch {
	case fp.Year != "" && fp.EveryYear:
		b.bad(pr.at("every_year"), "give the %s profile's one year or every_year: true, not both", form)
	case fp.Year != "" && fp.AnnualTargets != nil:
		b.bad(pr.at("annual_targets"), "a %s profile for one year (year: %s) takes annual, not annual_targets", form, fp.Year)
	case fp.EveryYear && fp.AnnualTargets != nil:
		b.bad(pr.at("annual_targets"), "a %s profile for every year takes one annual target (annual, or the KPI's target), not annual_targets", form)
	case fp.Year != "":
		y, ok = b.year(pr.at("year"), fp.Year)
		if ok {
			pr.ys = y.Years()
		}
		return y, ok
	case fp.EveryYear || fp.AnnualTargets != nil || form == "months":
		return period.Year{}, pr.annualsOK
	default:
		b.bad(pr.at("year"), "a %s profile needs its year (2016/17)", form)
	}
	return period.Year{}, false
}

// months reads an explicit profile.
func (pr *profileReader) months() kpi.Profile {
	b, fp := pr.b, pr.fp
	pr.only("months", "cumulative", "annual", "annual_targets", "year")
	byMonth, months, monthsOK := b.monthPairs(pr.at("months"), fp.Months)
	pr.paths.months = months
	for _, p := range fp.Months {
		b.w.note(index(pr.at("months"), p.Key), p.Line) // the key as written, for kpi.New's problems
	}
	y, ok := pr.span("months")
	if !ok || !monthsOK {
		return kpi.Profile{}
	}
	annuals := pr.annuals
	switch {
	case !y.IsZero():
		annuals = map[period.Year]decimal.Decimal{y: pr.annual}
	case fp.AnnualTargets == nil:
		// One annual target for every year the months fall in.
		annuals = map[period.Year]decimal.Decimal{}
		for m := range byMonth {
			annuals[pr.ys.Of(m)] = pr.annual
		}
	}
	return kpi.ExplicitYears(pr.ys, fp.Cumulative, annuals, byMonth)
}

// linear reads a linear cumulative profile.
func (pr *profileReader) linear() kpi.Profile {
	pr.only("linear", "annual", "annual_targets", "year", "every_year", "places", "cumulative")
	y, ok := pr.span("linear")
	switch {
	case !ok:
		return kpi.Profile{}
	case pr.fp.EveryYear:
		return kpi.LinearCumulativeEveryYear(pr.ys, pr.annual, pr.places)
	case pr.fp.AnnualTargets != nil:
		return kpi.LinearCumulativeByYear(pr.ys, pr.annuals, pr.places)
	}
	return kpi.LinearCumulative(y, pr.annual, pr.places)
}

// weighted reads a profile weighted by month.
func (pr *profileReader) weighted() kpi.Profile {
	b, fp := pr.b, pr.fp
	pr.only("weighted", "cumulative", "annual", "annual_targets", "year", "every_year", "places")
	if len(fp.Weights) != 12 {
		b.bad(pr.at("weights"), "want twelve weights, one a month, not %d", len(fp.Weights))
		return kpi.Profile{}
	}
	var ws [12]decimal.Decimal
	for i, w := range fp.Weights {
		ws[i], _ = b.decimal(index(pr.at("weights"), i), w)
	}
	y, ok := pr.span("weighted")
	if !ok {
		return kpi.Profile{}
	}
	var p kpi.Profile
	var err error
	switch {
	case fp.EveryYear:
		p, err = kpi.WeightedEveryYear(pr.ys, pr.annual, ws, fp.Cumulative, pr.places)
	case fp.AnnualTargets != nil:
		p, err = kpi.WeightedByYear(pr.ys, pr.annuals, ws, fp.Cumulative, pr.places)
	default:
		p, err = kpi.Weighted(y, pr.annual, ws, fp.Cumulative, pr.places)
	}
	if err != nil {
		b.validation(err, func(p string) string { return child(strings.TrimSuffix(pr.path, ".profile"), p) })
	}
	return p
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
func (b *builder) bands(fb *fileBands, path string) (kpi.Bands, func(int, string) string) {
	at := func(field string) string { return child(path, field) }
	if fb == nil {
		return kpi.TargetOnly(), func(int, string) string { return "bands" }
	}
	given := map[string]bool{"tolerance": fb.Tolerance != "", "detriment": fb.Detriment != "", "failure": fb.Failure != "",
		"minimum": fb.Minimum != "", "met": fb.Met != 0, "thresholds": fb.Thresholds != nil}
	if fb.Ladder != nil {
		return b.ladderBands(fb, given, path), func(i int, rest string) string { return index("bands.ladder", i) + rest }
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
	// The scheme's own rules (levels in order, counts of failures, the
	// score that meets the target) are kpi.New's, reported at the paths
	// the second result maps to the file's.
	bands := b.scheme(name, fb, at)
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

// levelFields are the fields of bands that give a scheme its levels.
var levelFields = []string{"tolerance", "detriment", "failure", "minimum", "met", "thresholds"}

// ladderBands reads a ladder, refusing a scheme's fields beside it.
func (b *builder) ladderBands(fb *fileBands, given map[string]bool, path string) kpi.Bands {
	at := func(field string) string { return child(path, field) }
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
	return b.ladder(fb.Ladder, at("ladder"))
}

// scheme builds the bands of the scheme name from its levels as the file
// gives them; what the levels make (their order, say) kpi.New checks.
func (b *builder) scheme(name string, fb *fileBands, at func(string) string) kpi.Bands {
	switch name {
	case "target_tolerance":
		l, err := kpi.ParseLevel(fb.Tolerance)
		if err != nil && fb.Tolerance != "" {
			b.bad(at("tolerance"), "%s", reason(err))
		}
		return kpi.TargetTolerance(l)
	case "target_and_minimum":
		if l, err := kpi.ParseLevel(string(fb.Minimum)); err == nil && l.Kind == kpi.UnpublishedLevel {
			return kpi.TargetAndMinimumAt(l)
		}
		v, _ := b.decimal(at("minimum"), fb.Minimum)
		return kpi.TargetAndMinimum(v)
	case "target_detriment_failure":
		v1, _ := b.decimal(at("detriment"), fb.Detriment)
		v2, _ := b.decimal(at("failure"), fb.Failure)
		return kpi.TargetDetrimentFailure(v1, v2)
	case "volume_of_failures":
		count := func(field string, s num) int64 {
			if s == "" {
				return 0
			}
			n, err := strconv.ParseInt(string(s), 10, 64)
			if err != nil {
				b.bad(at(field), "a number of failures is a whole number of zero or more, not %s", s)
			}
			return n
		}
		return kpi.VolumeOfFailures(count("detriment", fb.Detriment), count("failure", fb.Failure))
	case "score_bands":
		th := make([]decimal.Decimal, len(fb.Thresholds))
		for i, s := range fb.Thresholds {
			th[i], _ = b.decimal(index(at("thresholds"), i), s)
		}
		return kpi.ScoreBands(fb.Met, th...)
	}
	return kpi.TargetOnly()
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
