package contract

import (
	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
)

// bandsModel writes a KPI's bands as a file gives them: nothing for the
// target_only scheme a file takes when it gives no bands, the scheme that
// built them ([kpi.Bands.IsScheme]) with its levels and points, and else
// a ladder.
func bandsModel(s kpi.Spec) *fileBands {
	points, ok := schemePoints(s.Bands)
	if ok && s.Bands.IsScheme() {
		if fb, found := schemeOf(s, points); found {
			if fb.Scheme == "target_only" && len(fb.Points) == 0 {
				return nil
			}
			return fb
		}
	}
	fb := &fileBands{}
	for _, band := range s.Bands.List() {
		b := fileBand{Name: band.Name, Status: band.Status.String(), Points: dec(band.Points), Score: band.Score, OrBetterThan: band.OrBetterThan.String()}
		if !band.Reach.IsZero() {
			b.Level = band.Reach.String()
		}
		fb.Ladder = append(fb.Ladder, b)
	}
	return fb
}

// schemePoints returns the points of bs by status, in the ladder's order,
// as a scheme's points field gives them; false if two bands of one status
// have different points, which no scheme can say.
func schemePoints(bs kpi.Bands) (pairs, bool) {
	var out pairs
	seen := map[kpi.Status]decimal.Decimal{}
	for _, b := range bs.List() {
		if b.Points.IsZero() {
			continue
		}
		if p, ok := seen[b.Status]; ok {
			if !p.Equal(b.Points) {
				return nil, false
			}
			continue
		}
		seen[b.Status] = b.Points
		out = append(out, pair{Key: b.Status.String(), Value: string(numText(b.Points))})
	}
	return out, true
}

// schemeOf returns the scheme that gives s's bands with points, if one does.
// Only score_bands is read from a file without a target.
func schemeOf(s kpi.Spec, points pairs) (*fileBands, bool) {
	bs := s.Bands
	var candidates []*fileBands
	if s.Target.Comparison != kpi.NoTarget {
		candidates = levelSchemes(s, bs)
	}
	if fb, ok := scoreScheme(bs); ok {
		candidates = append(candidates, fb)
	}
	for _, fb := range candidates {
		fb.Points = points
		if schemeBands(fb, points).Equal(bs) {
			return fb, true
		}
	}
	return nil, false
}

// levelSchemes returns the schemes with levels that could give bs, their
// levels read from its bands.
func levelSchemes(s kpi.Spec, bs kpi.Bands) []*fileBands {
	out := []*fileBands{{Scheme: "target_only"}}
	if bs.Len() < 3 {
		return out
	}
	second, third := bs.Band(1).Reach, bs.Band(2).Reach
	out = append(out, &fileBands{Scheme: "target_tolerance", Tolerance: second.String()})
	switch second.Kind {
	case kpi.Absolute:
		out = append(out, &fileBands{Scheme: "target_and_minimum", Minimum: numText(second.Value)})
	case kpi.UnpublishedLevel:
		out = append(out, &fileBands{Scheme: "target_and_minimum", Minimum: "not published"})
	}
	if bs.Len() == 4 && second.Kind == kpi.Absolute && third.Kind == kpi.Absolute {
		name := "target_detriment_failure"
		if s.Measure.Unit == kpi.Failures && second.Value.IsInteger() && third.Value.IsInteger() &&
			second.Value.Exponent() == 0 && third.Value.Exponent() == 0 {
			name = "volume_of_failures"
		}
		out = append(out, &fileBands{Scheme: name, Detriment: numText(second.Value), Failure: numText(third.Value)})
	}
	return out
}

// scoreScheme reads bs as a score scale: each band but the last scoring
// one more than the band below it, met at the lowest score that meets.
func scoreScheme(bs kpi.Bands) (*fileBands, bool) {
	n := bs.Len()
	if n < 2 {
		return nil, false
	}
	fb := &fileBands{Scheme: "score_bands"}
	for k := 1; k < n; k++ {
		b := bs.Band(n - 1 - k)
		if b.Reach.Kind != kpi.Absolute {
			return nil, false
		}
		fb.Thresholds = append(fb.Thresholds, numText(b.Reach.Value))
		if b.Status == kpi.Met && fb.Met == 0 {
			fb.Met = k
		}
	}
	return fb, fb.Met != 0
}

// schemeBands builds the bands fb's scheme gives, as a file is read: the
// same constructors, with fb's levels and points.
func schemeBands(fb *fileBands, points pairs) kpi.Bands {
	d := func(n num) decimal.Decimal {
		v, _ := kpi.ParseDecimal(string(n))
		return v
	}
	var bs kpi.Bands
	switch fb.Scheme {
	case "target_only":
		bs = kpi.TargetOnly()
	case "target_tolerance":
		l, _ := kpi.ParseLevel(fb.Tolerance)
		bs = kpi.TargetTolerance(l)
	case "target_and_minimum":
		bs = kpi.TargetAndMinimum(d(fb.Minimum))
		if l, err := kpi.ParseLevel(string(fb.Minimum)); err == nil && l.Kind == kpi.UnpublishedLevel {
			bs = kpi.TargetAndMinimumAt(l)
		}
	case "target_detriment_failure":
		bs = kpi.TargetDetrimentFailure(d(fb.Detriment), d(fb.Failure))
	case "volume_of_failures":
		bs = kpi.VolumeOfFailures(d(fb.Detriment).IntPart(), d(fb.Failure).IntPart())
	case "score_bands":
		th := make([]decimal.Decimal, len(fb.Thresholds))
		for i, t := range fb.Thresholds {
			th[i] = d(t)
		}
		bs = kpi.ScoreBands(fb.Met, th...)
	}
	if len(points) == 0 {
		return bs
	}
	byStatus := map[kpi.Status]decimal.Decimal{}
	for _, p := range points {
		st, _ := kpi.ParseStatus(p.Key)
		byStatus[st] = d(num(p.Value))
	}
	return bs.WithPoints(byStatus)
}
