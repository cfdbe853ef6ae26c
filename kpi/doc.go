// Package kpi models one performance indicator and how a figure for one
// period becomes a status.
//
// # Defining an indicator
//
// A [Spec] describes an indicator: its reference and description, its
// [Measure] (unit, polarity, reporting precision, whether figures are
// rounded before banding, and how it aggregates), its [period.Frequency],
// its target as written ("90.0%", "< 5%", "Not greater than 3%", "0
// failures"; see [ParseWritten]), an optional [Profile] that varies the
// target through the year, and its [Bands]. A profile is per year: explicit
// months year by year, each year with its own annual target
// ([ExplicitYears]), or one shape applied to each year's annual target
// ([LinearCumulativeEveryYear], [WeightedByYear]); years may start in any
// month. [Definition.CheckYear] reports a year a profile does not cover, for
// checking a contract when it is loaded. [New] validates a Spec into an
// immutable [Definition], reporting every problem at once with its field's
// path. Nothing is guessed: polarity and aggregation must be stated, and a
// written target that contradicts the polarity is an error.
//
// # Bands and the status ladder
//
// Bands run from best to worst; a figure falls in the first band whose level
// it reaches, and the last band takes every other figure, so exactly one band
// applies. Each band maps to a [Status] on the ladder: [Exceeded], [Met],
// [Tolerance], [Missed], [Detriment], [Failed]; figures that are absent are
// [NotDue], [NoData], [NotMeasurable] or [Excluded]. Levels are absolute or
// set from the period's target, so they move with a profile. The common
// schemes are one line each (dec is decimal.RequireFromString, thresholds
// a []decimal.Decimal):
//
//	kpi.TargetOnly()                          // met at the target, missed below
//	kpi.TargetTolerance(kpi.Offset(dec("-2"))) // met, within tolerance, missed
//	kpi.TargetDetrimentFailure(dec("87"), dec("84")) // seed 000's ICT table
//	kpi.TargetAndMinimum(dec("85"))           // target and minimum service levels
//	kpi.VolumeOfFailures(1, 2)                // "0 failures / 1 failure / 2 failures"
//	kpi.ScoreBands(3, thresholds...)          // a numbered score scale
//
// An [ExceedRule] adds an exceeded band: [ExceedWhenBetter] or [ExceedAt].
//
// A ladder of its own is written band by band with [NewBands], each band's
// Reach a [Level] value and the last band's left out (the zero Level is no
// level):
//
//	kpi.NewBands(
//		kpi.Band{Name: "Met", Status: kpi.Met, Reach: kpi.Target()},
//		kpi.Band{Name: "Minor", Status: kpi.Missed, Reach: kpi.Abs(dec("97")), Points: dec("1")},
//		kpi.Band{Name: "Severe", Status: kpi.Failed, Points: dec("3")},
//	)
//
// Bands, levels and definitions are values: a [Definition] copies what it is
// built from and hands out copies, so nothing done to either changes how it
// rates.
//
// # Evaluating
//
// [Evaluate] rates an [Observation] (a figure, counts, a mean, or no figure
// with its reason) for a period, and returns a [Result] with the status, the
// band, the target and deciding level, the figure, the variance and a
// polarity-aware margin, and a one-line [Result.Reason]: "88.89% is below the
// target of 90.0% but above the detriment level of 87.0%". The reason is
// built from the names of the band reached and of the band above it, whose
// level the figure did not reach: a scheme names its levels (the target,
// the tolerance, detriment and failure levels, the target and minimum
// service levels), and a ladder names its bands ("96% is below 98%, the
// level of 5 Exceptional (exceeded): 4 Strong (met), at or above 95%");
// [Bands.Name] and [Bands.LevelName] give the names. A measure not due
// in the period (a six-monthly survey in April) with nothing reported is not
// due. Evaluating a figure against a flat target allocates nothing.
//
// # Outcomes without figures
//
// Some sources publish outcomes and not figures: committee minutes saying a
// KPI "failed to meet the Minimum Service Level in September". An [Outcome]
// records such a status as reported; [Evaluate] places it in the ladder's
// band with that status and marks the result ([Result.IsOutcome]), with no
// figure, variance or margin. Where the target itself is not public, write
// it as "not published" ([NotPublished]): the definition then rates outcomes
// only, and a figure for it is an error rather than a status against a
// guessed level. Where only a lower level is not public ([Unpublished]), a
// figure is rated as far as the published levels decide: below the target,
// where the unpublished level would decide, it is not measurable, unless
// the status reported with it is one the figure could have, which is taken
// and marked ([Result.Unverifiable]). An unpublished level lies between
// its published neighbours, so only the bands between them are in doubt.
//
// # Score scales and measures for information
//
// A ladder whose bands carry scores is a score scale ("5 Exceptional at 98%
// or more, 4 Strong at 95%, ..."): [Result.Score] is the band's score and
// [Result.MaxScore] the scale's top. Where the scale's own levels are
// figures, the KPI needs no target ([NoTarget]). A contextual measure
// ([TierContextual]) is reported for information: [Evaluate] gives its
// figure the status [Info], never a band, points or a score, and [TrendOf]
// compares its figures.
//
// # Direction of travel
//
// A band may depend on the direction of travel ([Band].OrBetterThan): a
// figure short of its level still falls in it where it is better than the
// KPI's figure for an earlier period ([Earlier]: the previous period, or
// the same period last year). [EvaluateCompared] takes the earlier results
// ([Compared]); where one that would decide is not known, the figure is
// rated as far as what is known decides, as for a level not published.
//
// # Parts, rolling windows and signs
//
// A KPI may be made of parts ([Spec].Parts), each a KPI with its own figure
// ("no more than 3% unacceptable, and at least 85% acceptable"): [Combine]
// rates it from its parts' results, all of them holding or the worst of
// them ([PartsRule]), and its reason names the part that decided it. A
// monthly KPI may be judged on a rolling window of months ([Spec].Rolling):
// [EvaluateWindow] rates the window's aggregate and names the window in the
// reason. A measure whose figures can be negative, a variance in days, says
// so ([Measure].Signed); money and plain numbers may be negative anyway.
// [Definition.ParseFigure] reads a figure for a definition, refusing a unit
// that is not the measure's ("95 days" for a percentage).
//
// # Across periods
//
// [Aggregate] combines a run of observations by the measure's rule: counts
// add as numerators over denominators, never as a mean of percentages; means
// as totals over counts; cumulative stocks take the latest. Excluded periods
// drop out. Percentages given without their counts cannot be combined:
// Aggregate says so with [ErrNeedsCounts] rather than average them. [TrendOf] compares two results; [Definition.Forecast] projects a
// cumulative figure to the year end.
//
// # Errors
//
// The errors of the library follow one model, defined here and below.
// Text that cannot be read is a [*period.ParseError], with Package "kpi",
// quoting the input and saying what was expected. Every validation error, of
// [New], [NewBands] and of the regime and contract packages, wraps
// [ErrInvalid] (regime.ErrInvalid and contract.ErrInvalid are the same
// value) and is made of [*FieldError] values, each with the path of its field:
//
//	var fe *kpi.FieldError
//	if errors.Is(err, kpi.ErrInvalid) && errors.As(err, &fe) {
//		fmt.Println(fe.Path, fe.Msg)
//	}
//
// # Tallies
//
// [CountPassing], [CountFailures], [MeanCalendarDays] and [MeanWorkingDays]
// turn raw records ([Record]: tickets, claims) into observations, using a working-time
// [worktime.Calendar] for tests such as [WithinWorkingTime] ("resolved within
// 16 business hours") and [WithinWorkingDays] ("within two working days").
package kpi
