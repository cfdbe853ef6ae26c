package kpi_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// TestReasonsNameTheBandReached: where several bands share a status (two
// compensation tiers, both failed) or a band has a name, the reason names
// the band reached and its own level. Before, 85% against a target of 90%
// with tiers at 80% read "85% is below the target of 90% but at or above
// the failure level of 80%": above a failure level, yet failed.
func TestReasonsNameTheBandReached(t *testing.T) {
	l80, err := kpi.ParseLevel("80")
	require.NoError(t, err)
	target := kpi.Target()
	tiers := func(first, second string) kpi.Bands {
		b, err := kpi.NewBands(
			kpi.Band{Status: kpi.Met, Reach: target},
			kpi.Band{Name: first, Status: kpi.Failed, Reach: l80},
			kpi.Band{Name: second, Status: kpi.Failed},
		)
		require.NoError(t, err)
		return b
	}
	tests := []struct {
		name         string
		bands        kpi.Bands
		figure, want string
	}{
		{"named, first tier", tiers("Tier 1", "Tier 2"), "85",
			"85% is below the target of 90%: Tier 1 (failed), at or above 80%"},
		{"named, second tier", tiers("Tier 1", "Tier 2"), "75",
			"75% is below 80%, the level of Tier 1 (failed): Tier 2 (failed)"},
		{"unnamed, first tier", tiers("", ""), "85",
			"85% is below the target of 90%: the first failed band of 2, at or above 80%"},
		{"unnamed, second tier", tiers("", ""), "75",
			"75% is below 80%, the level of the first failed band of 2: the second failed band of 2"},
		{"at the level", tiers("", ""), "80",
			"80% is below the target of 90%: the first failed band of 2, at or above 80%"},
		{"met", tiers("Tier 1", "Tier 2"), "90", "90% meets the target of 90%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := validSpec(t)
			spec.Target = written(t, "90%")
			spec.Bands = tt.bands
			r, err := kpi.Evaluate(mustDef(t, spec), period.Must(period.ParseLabel("May-16")), kpi.Figure(dec(tt.figure)))
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Reason())
		})
	}
}

// TestReasonsNameTheFrequency: "an annual measure", not "a annual"; and the
// months a measure is due in, every one, in its years' order, so that a
// frequency written "quarterly due Oct" is not described as due in January.
func TestReasonsNameTheFrequency(t *testing.T) {
	tests := []struct{ freq, month, want string }{
		{"annual", "Apr-16", "not due: an annual measure (due Mar) has no measurement in Apr-16"},
		// Quarters ending Jan, Apr, Jul and Oct: in years from April, Apr first.
		{"quarterly due Oct", "May-16", "not due: a quarterly measure (due Apr, Jul, Oct and Jan) has no measurement in May-16"},
		{"quarterly", "May-16", "not due: a quarterly measure (due Jun, Sep, Dec and Mar) has no measurement in May-16"},
		{"six-monthly due Sep", "Apr-16", "not due: a six-monthly measure (due Sep and Mar) has no measurement in Apr-16"},
		{"every 2 months due Feb", "Mar-16", "not due: a two-monthly measure (due Apr, Jun, Aug, Oct, Dec and Feb) has no measurement in Mar-16"},
	}
	for _, tt := range tests {
		t.Run(tt.freq, func(t *testing.T) {
			spec := validSpec(t)
			spec.Frequency = period.Must(period.ParseFrequency(tt.freq))
			r, err := kpi.Evaluate(mustDef(t, spec), period.Must(period.ParseLabel(tt.month)), kpi.Observation{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Reason())
		})
	}
}

// TestEvaluateWindow: the result of a rolling window says so, and its
// reason names the window; a KPI with no window refuses to be rated as one.
func TestEvaluateWindow(t *testing.T) {
	spec := validSpec(t)
	spec.Rolling = 3
	d := mustDef(t, spec)
	may := period.Must(period.ParseLabel("May-16"))
	r, err := kpi.EvaluateWindow(d, may, kpi.Counts(265, 300))
	require.NoError(t, err)
	n, ok := r.Window()
	assert.True(t, ok)
	assert.Equal(t, 3, n)
	// 265/300 = 88.33%: below 90.0%, above the detriment level of 87.0%.
	assert.Equal(t, "rolling 3 months to May-16: 88.33% is below the target of 90.0% but above the detriment level of 87.0%", r.Reason())

	_, err = kpi.EvaluateWindow(mustDef(t, validSpec(t)), may, kpi.Counts(265, 300))
	assert.EqualError(t, err, "kpi: 3 has no rolling window")
	plain, err := kpi.Evaluate(d, may, kpi.Counts(265, 300))
	require.NoError(t, err)
	_, ok = plain.Window()
	assert.False(t, ok)
}

// TestShownFigureNeverContradictsItsStatus: 22,499 of 28,124 is missed
// against a target of 80%. Rounded to the measure's two places it would
// print as 80.00% beside Missed; it keeps the fewest further places that
// stay below 80. Worked by hand:
//
//	22499 / 28124 = 0.79999288...; x 100 = 79.999288...%
//	2 places: 80.00  (reaches 80: contradicts Missed)
//	3 places: 79.999 (below 80)  <- shown
//
// A figure whose two-place rounding bands as the figure does is shown to
// two places, as before: 22,000 of 28,124 = 78.2250...% is 78.23%, and
// 22,500 of 28,124 = 80.00355...% is 80.00%, met.
func TestShownFigureNeverContradictsItsStatus(t *testing.T) {
	spec := validSpec(t)
	spec.Target = written(t, "80%")
	spec.Bands = kpi.TargetOnly()
	d := mustDef(t, spec)
	may := period.Must(period.ParseLabel("May-16"))
	for _, c := range []struct {
		num, den      int64
		shown, status string
	}{
		{22499, 28124, "79.999", "missed"},
		{22000, 28124, "78.23", "missed"},
		{22500, 28124, "80.00", "met"}, // 80.003555...: met, and 80.00 reaches 80
	} {
		r, err := kpi.Evaluate(d, may, kpi.Counts(c.num, c.den))
		require.NoError(t, err)
		v, ok := r.Actual()
		require.True(t, ok)
		assert.Equal(t, c.shown, v.StringFixed(-v.Exponent()), "%d of %d", c.num, c.den)
		assert.Equal(t, c.status, r.Status().String())
	}
}

// reasonDef builds a monthly percent KPI (higher is better, two places)
// with the target and bands given, for the reason tests and example.
func reasonDef(target string, bands kpi.Bands, exceed kpi.ExceedRule) kpi.Definition {
	w, err := kpi.ParseWritten(target)
	if err != nil {
		panic(err)
	}
	m := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	if w.Unit == kpi.Failures {
		m = kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}
	}
	d, err := kpi.New(kpi.Spec{Ref: "R", Measure: m, Frequency: period.Monthly(), Target: w, Bands: bands, Exceed: exceed})
	if err != nil {
		panic(err)
	}
	return d
}

// ladderOf builds a ladder band by band, for the reason tests and example.
func ladderOf(list ...kpi.Band) kpi.Bands {
	bs, err := kpi.NewBands(list...)
	if err != nil {
		panic(err)
	}
	return bs
}

// namedScale is a 1 to 5 scale whose bands have names: 5 Exceptional
// (exceeded) at 98%, 4 Strong (met) at 95%, 3 Acceptable (met) at the
// target of 90%, 2 Weak (missed) at 80%, 1 Poor (failed) below.
func namedScale() kpi.Bands {
	return ladderOf(
		kpi.Band{Name: "Exceptional", Status: kpi.Exceeded, Reach: kpi.Abs(decimal.RequireFromString("98")), Score: 5},
		kpi.Band{Name: "Strong", Status: kpi.Met, Reach: kpi.Abs(decimal.RequireFromString("95")), Score: 4},
		kpi.Band{Name: "Acceptable", Status: kpi.Met, Reach: kpi.Target(), Score: 3},
		kpi.Band{Name: "Weak", Status: kpi.Missed, Reach: kpi.Abs(decimal.RequireFromString("80")), Score: 2},
		kpi.Band{Name: "Poor", Status: kpi.Failed, Score: 1},
	)
}

// TestReasonsForEveryScheme checks the reason of a figure on every scheme
// against text written from the rule: a scheme's ladder names its levels
// (the target, the tolerance, detriment and failure levels, the target and
// minimum service levels, the stretch level); a ladder whose bands have
// names, or that is built band by band, names the band reached and the
// level of the band above it by that band's name. "Below" a level is short
// of it; "at or below" a strict level (TDF's detriment and failure levels,
// which a figure must beat) is short of it too.
func TestReasonsForEveryScheme(t *testing.T) {
	none := kpi.NoExceed()
	only := reasonDef("90%", kpi.TargetOnly(), none)
	tol := reasonDef("95%", kpi.TargetTolerance(kpi.Abs(dec("93"))), none)
	tdf := reasonDef("90%", kpi.TargetDetrimentFailure(dec("87"), dec("84")), none)
	tam := reasonDef("90%", kpi.TargetAndMinimum(dec("85")), none)
	tamHidden := reasonDef("90%", kpi.TargetAndMinimumAt(kpi.Unpublished()), none)
	vol := reasonDef("0 failures", kpi.VolumeOfFailures(1, 2), none)
	score := reasonDef("60%", kpi.ScoreBands(3, dec("20"), dec("40"), dec("60"), dec("80"), dec("90")), none)
	named := reasonDef("90%", namedScale(), none)
	better := reasonDef("97%", kpi.TargetOnly(), kpi.ExceedWhenBetter())
	stretch := reasonDef("97%", kpi.TargetOnly(), kpi.ExceedAt(kpi.Abs(dec("99"))))
	custom := reasonDef("90%", ladderOf(
		kpi.Band{Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Status: kpi.Tolerance, Reach: kpi.Abs(dec("85"))},
		kpi.Band{Status: kpi.Missed},
	), none)
	// docs/file-format.md's ladder: Good at the target, Close at target-2.5.
	goodClosePoor := reasonDef("90%", ladderOf(
		kpi.Band{Name: "Good", Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Name: "Close", Status: kpi.Tolerance, Reach: kpi.Offset(dec("-2.5"))},
		kpi.Band{Name: "Poor", Status: kpi.Failed, Points: dec("4")},
	), none)
	f := func(s string) kpi.Observation { return kpi.Figure(dec(s)) }
	tests := []struct {
		name string
		def  kpi.Definition
		obs  kpi.Observation
		want string
	}{
		// Target only: met at the target; below it, the last band has no level of its own.
		{"target only, met", only, f("92"), "92% meets the target of 90%"},
		{"target only, missed", only, f("88"), "88% is below the target of 90%"},
		// Target and tolerance 95/93: 94 is short of 95 and reaches 93; 92.99 is short of 93.
		{"tolerance", tol, f("94"), "94% is below the target of 95% but at or above the tolerance level of 93%"},
		{"beyond tolerance", tol, f("92.99"), "92.99% is below the tolerance level of 93%"},
		// ICT 90/87/84: missed beats 87 (strict), detriment beats 84, failed at 84 or below.
		{"TDF missed", tdf, f("88.89"), "88.89% is below the target of 90% but above the detriment level of 87%"},
		{"TDF detriment", tdf, f("87"), "87% is at or below the detriment level of 87% but above the failure level of 84%"},
		{"TDF failed", tdf, f("84"), "84% is at or below the failure level of 84%"},
		// TSL 90, MSL 85: the scheme's own names for its levels.
		{"TSL met", tam, f("91"), "91% meets the target service level of 90%"},
		{"failed TSL", tam, f("87"), "87% is below the target service level of 90% but at or above the minimum service level of 85%"},
		{"failed MSL", tam, f("84.9"), "84.9% is below the minimum service level of 85%"},
		// MSL not published: below the TSL, missed or failed, and the reason names the MSL.
		{"MSL not published", tamHidden, f("85"), "85% is below the target service level of 90%, and the minimum service level, which decides the rest, is not published: missed or failed cannot be told apart"},
		// 0 failures / 1 failure / 2 failures, lower is better: 1 does not beat the detriment
		// count of 1, and beats the failure count of 2.
		{"volume met", vol, f("0"), "0 failures meets the target of 0 failures"},
		{"volume detriment", vol, f("1"), "1 failure is at or above the detriment level of 1 failure but below the failure level of 2 failures"},
		{"volume failed", vol, f("3"), "3 failures is at or above the failure level of 2 failures"},
		// Scores at 20/40/60/80/90, met from 3: 85 is short of Score 5's 90 and reaches Score 4's 80.
		{"score 4", score, f("85"), "85% is below 90%, the level of Score 5 (met): Score 4 (met), at or above 80%"},
		{"score 5", score, f("95"), "95% is at or above 90%: Score 5 (met)"},
		{"score 0", score, f("10"), "10% is below 20%, the level of Score 1 (missed): Score 0 (failed)"},
		// The named scale: 96 is short of Exceptional's 98 and reaches Strong's 95 (the issue's example).
		{"named scale, Strong", named, f("96"), "96% is below 98%, the level of 5 Exceptional (exceeded): 4 Strong (met), at or above 95%"},
		{"named scale, at target", named, f("92"), "92% is below 95%, the level of 4 Strong (met): 3 Acceptable (met), at or above 90%"},
		{"named scale, top", named, f("99"), "99% is at or above 98%: 5 Exceptional (exceeded)"},
		{"named scale, bottom", named, f("70"), "70% is below 80%, the level of 2 Weak (missed): 1 Poor (failed)"},
		// Exceed when better than 97: strictly better exceeds; at 97 it is met, and the
		// reason says why it is not exceeded (before: "at or below the stretch level").
		{"exceeds", better, f("98.15"), "98.15% exceeds the target of 97%"},
		{"at target, not exceeded", better, f("97"), "97% meets the target of 97% but does not exceed it (exceeded is above the target)"},
		{"below target, exceed rule", better, f("96"), "96% is below the target of 97%"},
		// Exceed at a stretch level of 99 above a target of 97.
		{"stretch reached", stretch, f("99"), "99% is at or above the stretch level of 99%"},
		{"short of the stretch", stretch, f("98"), "98% is below the stretch level of 99% but at or above the target of 97%"},
		// Built band by band with no names: each band by its status, 85% as the level of tolerance.
		{"custom, tolerance", custom, f("87"), "87% is below the target of 90%: tolerance, at or above 85%"},
		{"custom, missed", custom, f("80"), "80% is below 85%, the level of tolerance: missed"},
		// Named bands: the band reached by its name; 90 - 2.5 = 87.5.
		{"named ladder, met", goodClosePoor, f("91"), "91% meets the target of 90%: Good (met)"},
		{"named ladder, Close", goodClosePoor, f("88"), "88% is below the target of 90%: Close (tolerance), at or above 87.5%"},
		{"named ladder, Poor", goodClosePoor, f("85"), "85% is below 87.5%, the level of Close (tolerance): Poor (failed)"},
		// Counts: 265/300 = 88.333...%, shown to two places, missed on ICT's ladder.
		{"counts", tdf, kpi.Counts(265, 300), "88.33% is below the target of 90% but above the detriment level of 87%"},
		// Ranges: both ends in one band.
		{"range met", only, kpi.Between(dec("91"), dec("95")), "between 91% and 95% (figures without counts, so only their range is known): all of it meets the target of 90%, so met"},
		{"range missed", tdf, kpi.Between(dec("88"), dec("89")), "between 88% and 89% (figures without counts, so only their range is known): all of it is below the target of 90% but above the detriment level of 87%, so missed"},
		{"range named", named, kpi.Between(dec("96"), dec("97")), "between 96% and 97% (figures without counts, so only their range is known): all of it is below 98%, the level of 5 Exceptional (exceeded): 4 Strong (met), at or above 95%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := kpi.Evaluate(tt.def, month("May-16"), tt.obs)
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Reason())
		})
	}
}

// TestBandAndLevelNames: every band and level has a name, from the scheme
// that built the ladder or from the band's Name; the last band has no
// level, so its level has no name.
func TestBandAndLevelNames(t *testing.T) {
	names := func(bs kpi.Bands) (bands, levels []string) {
		for i := 0; i < bs.Len(); i++ {
			bands, levels = append(bands, bs.Name(i)), append(levels, bs.LevelName(i))
		}
		return bands, levels
	}
	for _, c := range []struct {
		name          string
		bs            kpi.Bands
		bands, levels []string
	}{
		{"target only", kpi.TargetOnly(), []string{"met", "missed"}, []string{"target", ""}},
		{"tolerance", kpi.TargetTolerance(kpi.Offset(dec("-2"))), []string{"met", "tolerance", "missed"}, []string{"target", "tolerance level", ""}},
		{"TDF", kpi.TargetDetrimentFailure(dec("87"), dec("84")), []string{"met", "missed", "detriment", "failed"}, []string{"target", "detriment level", "failure level", ""}},
		{"volume", kpi.VolumeOfFailures(1, 2), []string{"met", "missed", "detriment", "failed"}, []string{"target", "detriment level", "failure level", ""}},
		{"TSL/MSL", kpi.TargetAndMinimum(dec("85")), []string{"met TSL", "failed TSL", "failed MSL"}, []string{"target service level", "minimum service level", ""}},
		{"TSL/MSL with points", kpi.TargetAndMinimum(dec("85")).WithPoints(map[kpi.Status]decimal.Decimal{kpi.Failed: dec("3")}),
			[]string{"met TSL", "failed TSL", "failed MSL"}, []string{"target service level", "minimum service level", ""}},
		{"scores", kpi.ScoreBands(1, dec("50"), dec("75")), []string{"Score 2", "Score 1", "Score 0"}, []string{"level of Score 2", "level of Score 1", ""}},
		{"named", namedScale(), []string{"Exceptional", "Strong", "Acceptable", "Weak", "Poor"},
			[]string{"level of Exceptional", "level of Strong", "target", "level of Weak", ""}},
		{"band by band", ladderOf(kpi.Band{Status: kpi.Met, Reach: kpi.Target()}, kpi.Band{Status: kpi.Tolerance, Reach: kpi.Abs(dec("85"))}, kpi.Band{Status: kpi.Missed}),
			[]string{"met", "tolerance", "missed"}, []string{"target", "level of tolerance", ""}},
	} {
		bands, levels := names(c.bs)
		assert.Equal(t, c.bands, bands, c.name)
		assert.Equal(t, c.levels, levels, c.name)
	}
	// The exceed rule's band: a stretch level, or the target itself (a
	// figure strictly better than it exceeds).
	assert.Equal(t, "stretch level", kpi.ExceedAt(kpi.Abs(dec("99"))).LevelName())
	assert.Equal(t, "target", kpi.ExceedWhenBetter().LevelName())
	assert.Equal(t, "", kpi.NoExceed().LevelName())
}

// ExampleResult_Reason shows the reason for a figure on each scheme: each
// names the band reached and the level of the band above, which the figure
// did not reach.
func ExampleResult_Reason() {
	dec := decimal.RequireFromString
	none := kpi.NoExceed()
	may := period.Must(period.ParseMonth("May-16")).Period()
	for _, c := range []struct {
		def    kpi.Definition
		figure kpi.Observation
	}{
		{reasonDef("90%", kpi.TargetOnly(), none), kpi.Figure(dec("88"))},
		{reasonDef("95%", kpi.TargetTolerance(kpi.Abs(dec("93"))), none), kpi.Figure(dec("94"))},
		{reasonDef("90%", kpi.TargetDetrimentFailure(dec("87"), dec("84")), none), kpi.Counts(265, 300)},
		{reasonDef("90%", kpi.TargetAndMinimum(dec("85")), none), kpi.Figure(dec("87"))},
		{reasonDef("90%", kpi.TargetAndMinimumAt(kpi.Unpublished()), none), kpi.Figure(dec("85"))},
		{reasonDef("0 failures", kpi.VolumeOfFailures(1, 2), none), kpi.Figure(dec("1"))},
		{reasonDef("60%", kpi.ScoreBands(3, dec("20"), dec("40"), dec("60"), dec("80"), dec("90")), none), kpi.Figure(dec("85"))},
		{reasonDef("90%", namedScale(), none), kpi.Figure(dec("96"))},
		{reasonDef("97%", kpi.TargetOnly(), kpi.ExceedWhenBetter()), kpi.Figure(dec("97"))},
		{reasonDef("97%", kpi.TargetOnly(), kpi.ExceedAt(kpi.Abs(dec("99")))), kpi.Figure(dec("98"))},
		{reasonDef("90%", kpi.TargetOnly(), none), kpi.Between(dec("91"), dec("95"))},
	} {
		r, err := kpi.Evaluate(c.def, may, c.figure)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %s\n", r.Status(), r.Reason())
	}

	// The direction of travel: Amber at 81% (90% of the target) or better
	// than the same month last year.
	bands := ladderOf(
		kpi.Band{Name: "Green", Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Name: "Amber", Status: kpi.Tolerance, Reach: kpi.PercentOf(dec("90")), OrBetterThan: kpi.SamePeriodLastYear},
		kpi.Band{Name: "Red", Status: kpi.Missed, Reach: kpi.Abs(dec("70"))},
		kpi.Band{Status: kpi.Failed},
	)
	d := reasonDef("90%", bands, none)
	last, _ := kpi.Evaluate(d, period.Must(period.ParseMonth("May-15")).Period(), kpi.Figure(dec("60")))
	r, _ := kpi.EvaluateCompared(d, may, kpi.Figure(dec("75")), kpi.Compared{LastYear: last})
	fmt.Printf("%s: %s\n", r.Status(), r.Reason())
	// Output:
	// missed: 88% is below the target of 90%
	// tolerance: 94% is below the target of 95% but at or above the tolerance level of 93%
	// missed: 88.33% is below the target of 90% but above the detriment level of 87%
	// missed: 87% is below the target service level of 90% but at or above the minimum service level of 85%
	// not_measurable: 85% is below the target service level of 90%, and the minimum service level, which decides the rest, is not published: missed or failed cannot be told apart
	// detriment: 1 failure is at or above the detriment level of 1 failure but below the failure level of 2 failures
	// met: 85% is below 90%, the level of Score 5 (met): Score 4 (met), at or above 80%
	// met: 96% is below 98%, the level of 5 Exceptional (exceeded): 4 Strong (met), at or above 95%
	// met: 97% meets the target of 97% but does not exceed it (exceeded is above the target)
	// met: 98% is below the stretch level of 99% but at or above the target of 97%
	// met: between 91% and 95% (figures without counts, so only their range is known): all of it meets the target of 90%, so met
	// tolerance: 75% is below 81.00%, the level of Amber (tolerance), but better than 60% in May-15: Amber (tolerance)
}

// TestEqualLaddersExplainAlike: bands Equal to a scheme's, built band by
// band, give the same reasons: target only's missed band has no level, and
// the band above it is the target, so neither names the band reached
// ("88% is below the target of 90%"). A ladder that is not Equal (the
// tolerance scheme's, against the same bands built band by band) may
// explain otherwise: the one names the tolerance level, the other the
// band.
func TestEqualLaddersExplainAlike(t *testing.T) {
	reason := func(bs kpi.Bands, figure string) string {
		r, err := kpi.Evaluate(reasonDef("90%", bs, kpi.NoExceed()), month("May-16"), kpi.Figure(dec(figure)))
		require.NoError(t, err)
		return r.Reason()
	}
	byHand := ladderOf(kpi.TargetOnly().List()...)
	require.True(t, byHand.Equal(kpi.TargetOnly()))
	for _, figure := range []string{"88", "90"} {
		assert.Equal(t, reason(kpi.TargetOnly(), figure), reason(byHand, figure), figure)
	}
	assert.Equal(t, "88% is below the target of 90%", reason(byHand, "88"))

	tol := kpi.TargetTolerance(kpi.Abs(dec("85")))
	tolByHand := ladderOf(tol.List()...)
	require.False(t, tolByHand.Equal(tol))
	assert.Equal(t, "87% is below the target of 90% but at or above the tolerance level of 85%", reason(tol, "87"))
	assert.Equal(t, "87% is below the target of 90%: tolerance, at or above 85%", reason(tolByHand, "87"))
}
