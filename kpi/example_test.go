package kpi_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/worktime"
)

// Define a KPI as seed 000's ICT table does: a target, a detriment level and
// a failure level.
func ExampleNew() {
	target, _ := kpi.ParseWritten("90.0%")
	sev3, err := kpi.New(kpi.Spec{
		Ref:         "3",
		Description: "Resolution of severity 3 incidents (2 business days)",
		ServiceArea: "ICT",
		Measure:     kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums},
		Frequency:   period.Monthly(),
		Target:      target,
		Bands:       kpi.TargetDetrimentFailure(decimal.RequireFromString("87.0"), decimal.RequireFromString("84.0")),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sev3.Ref(), sev3.Target(), sev3.Bands())
	// Output:
	// 3 90.0% met at target; missed at 87.0 (exclusive); detriment at 84.0 (exclusive); failed
}

// Bad definitions are reported field by field, all at once.
func ExampleNew_invalid() {
	target, _ := kpi.ParseWritten("90%")
	_, err := kpi.New(kpi.Spec{
		Ref:       "3",
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Aggregation: kpi.RatioOfSums},
		Frequency: period.Monthly(),
		Target:    target,
		Bands:     kpi.TargetDetrimentFailure(decimal.RequireFromString("92"), decimal.RequireFromString("84")),
	})
	fmt.Println(err)
	// Output:
	// invalid: bands[1].level: 92 must be below the target 90 for a higher-is-better measure: the missed band would be empty
}

// Evaluate a month's figures and explain them.
func ExampleEvaluate() {
	target, _ := kpi.ParseWritten("90.0%")
	sev3, _ := kpi.New(kpi.Spec{
		Ref: "3", Frequency: period.Monthly(), Target: target,
		Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums},
		Bands:   kpi.TargetDetrimentFailure(decimal.RequireFromString("87.0"), decimal.RequireFromString("84.0")),
	})
	for _, c := range []struct{ month, figure string }{{"Apr-16", "88.89"}, {"May-16", "93.18"}, {"Jun-16", "86.5"}} {
		obs, _ := kpi.ParseFigure(c.figure)
		r, _ := kpi.Evaluate(sev3, period.Must(period.ParseMonth(c.month)).Period(), obs)
		fmt.Printf("%s %-9s %s\n", c.month, r.Status(), r.Reason())
	}
	// Output:
	// Apr-16 missed    88.89% is below the target of 90.0% but above the detriment level of 87.0%
	// May-16 met       93.18% meets the target of 90.0%
	// Jun-16 detriment 86.5% is at or below the detriment level of 87.0% but above the failure level of 84.0%
}

// Profile a target through the year: council tax collected to date against
// a cumulative profile toward 95.8% (seed 000's R&B-K-001), with a forecast.
func ExampleExplicit() {
	apr, may := period.Must(period.ParseMonth("Apr-16")), period.Must(period.ParseMonth("May-16"))
	ctax, err := kpi.New(kpi.Spec{
		Ref:       "R&B-K-001",
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.Latest},
		Frequency: period.Monthly(),
		Target:    kpi.Written{Value: decimal.RequireFromString("95.8"), Unit: kpi.Percent},
		Profile: kpi.Explicit(decimal.RequireFromString("95.8"), true, map[period.Month]decimal.Decimal{
			apr: decimal.RequireFromString("11.36"),
			may: decimal.RequireFromString("20.31"),
		}),
		Bands: kpi.TargetOnly(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := kpi.Evaluate(ctax, may.Period(), kpi.Figure(decimal.RequireFromString("20.32")))
	f, _ := ctax.Forecast(may, decimal.RequireFromString("20.32"))
	fmt.Println(r.Reason())
	fmt.Printf("on track: %v, projected %s%% against %s%%\n", f.OnTrack, f.Projected, f.Annual)
	// Output:
	// 20.32% meets the target of 20.31%
	// on track: true, projected 95.85% against 95.8%
}

// Aggregate a year from monthly counts: calls answered of calls offered,
// summed, never the mean of the monthly percentages. Excluded months drop
// out.
func ExampleAggregate() {
	target, _ := kpi.ParseWritten("80%")
	m := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	calls, _ := kpi.New(kpi.Spec{Ref: "calls", Measure: m, Frequency: period.Monthly(), Target: target, Bands: kpi.TargetOnly()})
	year := period.Must(period.FinancialYear(2016))
	var entries []kpi.Entry
	for mo := range year.Months() {
		answered, offered := int64(800), int64(1000)
		switch mo.Month() {
		case time.April:
			answered = 700 // a bad month
		case time.May:
			answered, offered = 90, 100
		case time.June:
			answered = 850
		}
		entries = append(entries, kpi.Entry{Period: mo.Period(), Obs: kpi.Counts(answered, offered)})
	}
	// 8840 of 11100 calls: 79.64%.
	all, _ := kpi.Aggregate(m, entries, nil)
	r, _ := kpi.Evaluate(calls, year.Period(), all)
	fmt.Println(all, "-", r.Status(), r.Reason())
	// Without April: 8140 of 10100 calls, 80.59%.
	april := entries[0].Period
	rest, _ := kpi.Aggregate(m, entries, func(p period.Period) bool { return p == april })
	r, _ = kpi.Evaluate(calls, year.Period(), rest)
	fmt.Println(rest, "-", r.Status(), r.Reason())
	// Output:
	// 8840 of 11100 - missed 79.64% is below the target of 80%
	// 8140 of 10100 - met 80.59% meets the target of 80%
}

// Tally tickets into an observation: resolved within 2 business days (16
// working hours) on a 09:00-17:00 calendar.
func ExampleCountPassing() {
	cal, err := worktime.NewCalendar(worktime.CalendarSpec{
		Hours: period.Must(worktime.ParseHours("Mon-Fri 09:00-17:00")),
		From:  period.Must(period.ParseDate("2016-04-01")),
		To:    period.Must(period.ParseDate("2016-06-01")),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := func(day, h int) time.Time { return time.Date(2016, time.April, day, h, 0, 0, 0, cal.Location()) }
	tickets := []kpi.Record{
		{Start: at(8, 16), End: at(11, 10)}, // Friday to Monday: 2 working hours
		{Start: at(11, 9), End: at(13, 9)},  // 16 working hours exactly
		{Start: at(11, 9), End: at(14, 9)},  // 24 working hours
	}
	obs, err := kpi.CountPassing(tickets, kpi.WithinWorkingTime(cal, 16*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(obs)
	// Output:
	// 2 of 3
}

// Targets in the words contracts use, each with the comparison it means:
// a figure exactly at the level meets ">=" and "<=", not ">" or "<".
func ExampleParseWritten_words() {
	for _, s := range []string{"88 per cent or more", "fewer than three per cent", "not exceeding 5%", "a minimum of 85%", ">= -2 days"} {
		w, err := kpi.ParseWritten(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-26s %s\n", s, w)
	}
	// Output:
	// 88 per cent or more        >= 88%
	// fewer than three per cent  < 3%
	// not exceeding 5%           <= 5%
	// a minimum of 85%           >= 85%
	// >= -2 days                 >= -2 days
}

// A KPI made of two parts that takes its worst part's status (parts_rule:
// worst in a file): part A failed (80% against failure at 84%) and part B
// missed (88%), so the KPI is failed, with A's reason.
func ExampleCombine() {
	levels := kpi.TargetDetrimentFailure(decimal.RequireFromString("87"), decimal.RequireFromString("84"))
	target, _ := kpi.ParseWritten("90%")
	part := func(ref string) kpi.Definition {
		d, err := kpi.New(kpi.Spec{Ref: ref, Frequency: period.Monthly(), Target: target, Bands: levels,
			Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Aggregation: kpi.RatioOfSums}})
		if err != nil {
			panic(err)
		}
		return d
	}
	q, err := kpi.New(kpi.Spec{Ref: "Q", Frequency: period.Monthly(), Parts: []string{"A", "B"}, PartsRule: kpi.WorstPart, Bands: levels})
	if err != nil {
		fmt.Println(err)
		return
	}
	may := period.Must(period.ParseLabel("May-16"))
	a, _ := kpi.Evaluate(part("A"), may, kpi.Figure(decimal.RequireFromString("80")))
	b, _ := kpi.Evaluate(part("B"), may, kpi.Figure(decimal.RequireFromString("88")))
	r, err := kpi.Combine(q, may, []kpi.PartResult{{Ref: "A", Result: a}, {Ref: "B", Result: b}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Status(), "-", r.Reason())
	// Output:
	// failed - failed: part A, 80% is at or below the failure level of 84%
}

// A band that depends on the direction of travel: Amber at 90% of the
// target, or below it but better than the same month a year before.
func ExampleEvaluateCompared() {
	bands, err := kpi.NewBands(
		kpi.Band{Name: "Green", Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Name: "Amber", Status: kpi.Tolerance, Reach: kpi.PercentOf(decimal.NewFromInt(90)), OrBetterThan: kpi.SamePeriodLastYear},
		kpi.Band{Name: "Red", Status: kpi.Missed}, // the last band: no level
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	t, _ := kpi.ParseWritten("90%")
	d, err := kpi.New(kpi.Spec{Ref: "K1", Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Aggregation: kpi.RatioOfSums},
		Frequency: period.Monthly(), Target: t, Bands: bands})
	if err != nil {
		fmt.Println(err)
		return
	}
	may15, _ := period.ParseMonth("May-15")
	may16, _ := period.ParseMonth("May-16")
	last, _ := kpi.Evaluate(d, may15.Period(), kpi.Figure(decimal.NewFromInt(70)))
	for _, v := range []int64{75, 65} {
		r, _ := kpi.EvaluateCompared(d, may16.Period(), kpi.Figure(decimal.NewFromInt(v)), kpi.Compared{LastYear: last})
		fmt.Println(r.Status(), "-", r.Reason())
	}
	// Output:
	// tolerance - 75% is below 81%, the level of Amber (tolerance), but better than 70% in May-15: Amber (tolerance)
	// missed - 65% is below 81%, the level of Amber (tolerance), and no better than 70% in May-15: Red (missed)
}

// A status reported with no figure, as committee minutes give it: the
// result takes the status as given and says it is an outcome, not a rating
// the library computed, and has no figure.
func ExampleOutcome() {
	target, _ := kpi.ParseWritten("90.0%")
	sev3, _ := kpi.New(kpi.Spec{
		Ref: "3", Frequency: period.Monthly(), Target: target,
		Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums},
		Bands:   kpi.TargetDetrimentFailure(decimal.RequireFromString("87.0"), decimal.RequireFromString("84.0")),
	})
	sep := period.Must(period.ParseMonth("Sep-19")).Period()
	r, err := kpi.Evaluate(sev3, sep, kpi.Outcome(kpi.Failed, "failed to meet the Minimum Service Level"))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, hasFigure := r.Actual()
	fmt.Println(r.Status(), r.IsOutcome(), hasFigure, r.Text())
	// Output:
	// failed true false failed to meet the Minimum Service Level
}
