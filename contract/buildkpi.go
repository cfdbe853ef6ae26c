package contract

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// kpi builds one definition; ok is false if it has problems.
func (b *builder) kpi(fk *fileKPI, path string) (kpi.Definition, bool) {
	at := func(field string) string { return child(path, field) }
	spec := kpi.Spec{Ref: fk.Ref, Description: fk.Description, ServiceArea: fk.ServiceArea, Contractual: fk.Contractual}
	if fk.Tier != "" {
		t, err := kpi.ParseTier(fk.Tier)
		if err != nil {
			b.bad(at("tier"), "%s", reason(err))
		}
		spec.Tier = t
	}
	spec.Measure = b.measure(&fk.Measure, at("measure"))
	if fk.Frequency != "" {
		f, err := period.ParseFrequency(fk.Frequency)
		if err != nil {
			b.bad(at("frequency"), "%s", reason(err))
		}
		spec.Frequency = f
	}
	targetOK := false
	if strings.TrimSpace(fk.Target) == "" {
		b.bad(at("target"), "a KPI needs its target as the schedule writes it (90.0%%, < 5%%, 0 failures)")
	} else if t, err := kpi.ParseWritten(fk.Target); err != nil {
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
	months := map[string]string{}
	if fk.Profile != nil {
		spec.Profile, months = b.profile(fk.Profile, spec.Target, at("profile"))
	}
	bands, bandPath := b.bands(fk.Bands, spec, targetOK, at("bands"))
	spec.Bands = bands
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
	b.validation(err, func(p string) string {
		switch {
		case strings.HasPrefix(p, "bands["):
			i, rest, _ := strings.Cut(strings.TrimPrefix(p, "bands["), "]")
			k, _ := strconv.Atoi(i)
			return child(path, bandPath(k, rest))
		case strings.HasPrefix(p, "profile["):
			m, rest, _ := strings.Cut(strings.TrimPrefix(p, "profile["), "]")
			if w, ok := months[m]; ok {
				m = w
			}
			return child(path, "profile.months["+m+"]"+rest)
		case p == "measure.scale":
			return at("measure.scale")
		}
		return child(path, p)
	})
	if err != nil {
		return kpi.Definition{}, false
	}
	return d, true
}

// measure reads the measure; what is missing, kpi.New reports.
func (b *builder) measure(fm *fileMeasure, path string) kpi.Measure {
	m := kpi.Measure{Precision: int32(fm.Precision), RoundBeforeBanding: fm.RoundBeforeBanding}
	if fm.Precision < 0 || fm.Precision > 10 {
		m.Precision = -1 // kpi.New reports it
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

// profile reads a profile in one of its four forms. It returns, too, the
// months as written by their canonical form, for mapping kpi.New's paths.
func (b *builder) profile(fp *fileProfile, target kpi.Written, path string) (kpi.Profile, map[string]string) {
	at := func(field string) string { return child(path, field) }
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
		return kpi.Profile{}, nil
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
		given := map[string]bool{"cumulative": fp.Cumulative, "annual": fp.Annual != "", "year": fp.Year != "", "places": fp.Places != nil}
		for _, f := range []string{"cumulative", "annual", "year", "places"} {
			if given[f] && !contains(allowed, f) {
				b.bad(at(f), "a %s profile does not take %s", form, f)
			}
		}
	}
	year := func() (period.Year, bool) {
		if fp.Year == "" {
			b.bad(at("year"), "a %s profile needs its year (2016/17)", forms[0])
			return period.Year{}, false
		}
		p, err := period.ParseLabel(fp.Year)
		y, ok := p.Year()
		if err != nil || p.Kind() != period.KindYear || !ok {
			b.bad(at("year"), "cannot read %q as a year (want 2016/17, or 2016/17 from Sep)", fp.Year)
			return period.Year{}, false
		}
		return y, true
	}
	switch forms[0] {
	case "flat":
		only("flat")
		return kpi.Flat(target.Value), nil
	case "months":
		only("months", "cumulative", "annual")
		byMonth, written, _ := b.monthPairs(at("months"), fp.Months)
		return kpi.Explicit(annual, fp.Cumulative, byMonth), written
	case "linear":
		only("linear", "annual", "year", "places", "cumulative")
		y, ok := year()
		if !ok {
			return kpi.Profile{}, nil
		}
		return kpi.LinearCumulative(y, annual, places), nil
	}
	only("weighted", "cumulative", "annual", "year", "places")
	if len(fp.Weights) != 12 {
		b.bad(at("weights"), "want twelve weights, one a month, not %d", len(fp.Weights))
		return kpi.Profile{}, nil
	}
	var ws [12]decimal.Decimal
	for i, w := range fp.Weights {
		ws[i], _ = b.decimal(index(at("weights"), i), w)
	}
	y, ok := year()
	if !ok {
		return kpi.Profile{}, nil
	}
	p, err := kpi.Weighted(y, annual, ws, fp.Cumulative, places)
	if err != nil {
		b.validation(err, func(p string) string { return child(strings.TrimSuffix(path, ".profile"), p) })
	}
	return p, nil
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
		b.bad(at("scheme"), "unknown scheme %q (want target_only, target_tolerance, target_detriment_failure, volume_of_failures, target_and_minimum or score_bands)", fb.Scheme)
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
			band.Reach = &l
		}
		band.Points, _ = b.decimal(child(bpath, "points"), fb.Points)
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
