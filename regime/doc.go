// Package regime models a contract's performance regime: a schedule of KPI
// definitions in force from a month, with the rules that turn their results
// into consequences, and the scorecards a committee reads.
//
// # A regime
//
// [New] validates a [Spec] into an immutable [Regime]: a name and version,
// the months it is in force, its KPIs ([kpi.Definition]), display labels for each
// status ("Target Met", "Within 'Tolerance'", "Failed MSL"), an exceed rule
// and whether figures round before banding (for every KPI that does not set
// its own), what a missing figure means ([MissingRule]), which statuses count as
// failures, a repeat multiplier, [Relief], credit rules ([CreditRule]), a remedy for
// points over a baseline ([PointsRemedy]), [Caps], escalation rules ([Rule]), the
// tiers whose KPIs carry consequences ([Spec].Consequences: KPIs alone by
// default, so a PI is rated but earns nothing), how money is rounded to
// pence ([Rounding]) and the currency it is in ([Spec].Currency, an ISO 4217
// [Currency]: GBP unless it says otherwise; a contract's regimes share one,
// and its scorecards, notes and [Money] values carry it). Every problem is
// reported at once with its field's path. A [History] holds a contract's
// regimes in order, so that a regime revised mid-contract scores each month
// by the right version, in one ledger.
//
// # The ledger
//
// A contract's performance is one [Ledger], kept across all its regime
// versions: [History.Run] (or [Regime.Run] for one regime) walks the months
// in order, each under the regime in force in it, because repeat points,
// rolling caps and escalation depend on what went before. A KPI whose
// reference continues into a later regime keeps its history, unless that
// regime says it starts afresh ([Spec.Reset]).
//
// Entries are measurement periods. Each KPI is rated once per period of its
// own frequency (a month, a quarter, a half, a year, a four-weekly period,
// a rail period of a [period.PeriodCalendar]),
// and the consequences of a period accrue in the month it ends, against
// that month's charges. A figure for a month inside a longer period is
// interim: shown, marked [Row.Interim], never charged, and not seen by
// escalation; where no figure for the whole period is given, the period is
// rated on the aggregate of its interim figures. For each measurement
// period, in this fixed order:
//
//  1. claims and relief: the contract decides. A return's not_due for a
//     period that is due, or its excluded or not_measurable without relief
//     agreeing it, is a missing figure ([Row.ClaimRefused]); an [Exclusion]
//     makes the result excluded (and the period drops out of aggregates),
//     [AgreedNotMeasurable] not measurable; [Mitigation] and
//     [CustomerCause] let the status stand but mark the row relieved;
//  2. banding: the figure is rated by [kpi.Evaluate]; where the regime
//     deems a missing figure a failure, it becomes one ([Row.Deemed]);
//  3. repeat: a failure after a failure of the same KPI in its previous
//     measurement period has its points multiplied, once (not compounded);
//  4. points: the band's service points, none for a relieved row;
//  5. credits: each credit rule ([PointsCredit], [ShortfallCredit],
//     [FixedCredit], [AtRiskCredit], or your own) reads the row, and adds
//     to its credit, rounded to pence;
//  6. earn-back: where the regime has an [EarnBack], the period counts
//     toward the KPI's earlier credits (earning them back, or forfeiting
//     them), and the share of its own credit that can be earned back is
//     held (left out of the month's credits) or opened for repayment;
//  7. incentives: an [Incentive] on the KPI pays a bonus or takes a
//     deduction for the figure against its benchmark, beside the credits
//     and never capped by their caps;
//  8. remedy: where the regime has a [PointsRemedy], the month's points
//     over its baseline times the rate are added to the month's credits;
//  9. caps: the month's total (the rows' credits less what is held, held
//     credits forfeited this month, and the remedy) is capped per month and
//     over a rolling window of the actual charges of the window's months
//     (credits applied before the first month scored count through
//     [Input.OpeningCredits]); a cap that binds is rounded down, so it is
//     never exceeded by a penny; points are never capped; credits opened
//     for repayment are scaled down by a binding cap;
//  10. escalation: each rule ([NFailuresInM], [KConsecutive],
//     [PointsInWindow], [StatusReached]) is checked once per measurement
//     period and raises its named event;
//  11. plans: a rule's event may open a rectification plan ([PlanRule]),
//     one for each KPI and event; the council's log of plan updates
//     ([Input].PlanUpdates) moves it on, and it raises the rule's overdue
//     and repeat events ([Ledger.Plans]).
//
// A regime that takes effect part-way through a month ([Spec].Starts) says
// how that month is rated ([PartMonth]): whole, by the regime in force for
// most of it, or each regime its part on its own figure, against its share
// of the month's charge by days; longer periods, caps and escalation in
// that month follow the regime in force at its end.
//
// A KPI made of parts ([kpi.Spec].Parts) is rated after its parts, from
// their rows; the parts are shown ([Row.PartOf]) but carry no points,
// credits or escalation, and summaries count their KPI once. A KPI on a
// rolling window ([kpi.Spec].Rolling) is rated on the window's figures,
// with its own month's figure in a note.
//
// A row holds one truth: [Row.Status] is the status after deeming and
// relief, and it says why (deemed, relieved, interim, the status the
// supplier reported and whether it disagrees, a refused claim). Everything
// downstream reads the row. A regime with credit rules needs the charge of
// every month it scores; a month without one is a [*MissingChargeError],
// never £0.00.
//
// # Large returns
//
// A return of many KPIs over many years (a million rows) is held in a
// [Return] ([Input].Return), 24 bytes a plain row, not in Observations of
// over 200 bytes each; the ledger refers to its rows rather than copying
// them. [History.Score] runs the ledger only as far back as the scorecard
// can reach (its trends, escalation windows, repeats and measurement
// periods) where nothing the regimes keep carries from month to month
// without bound, so scoring the last month of a long return costs about
// what scoring it from a short one does; the earlier figures are checked,
// not scored.
//
// # Restatements
//
// A figure for a period already reported may be restated: a typing error
// corrected at the next meeting, or a result revised after rectification.
// Each [Observation] may carry the day it was reported ([Observation].ReportedOn),
// by whom, and where it was read. Versions of one KPI's figure for one
// period are ordered by that day (an undated version is the earliest); two
// on the same day, or both undated, are an error, as a duplicate always
// was. A ledger is run as at a day ([Input].AsAt; zero, the latest): it
// reads, of each figure, the latest version reported on or before that day,
// and none reported after it. A restated row keeps every version it had by
// then in [Row.Figures], each with its date, who, source and the row it
// made, and a note: "restated on 2019-09-12 by the council: was 82.1%
// (missed), now 92.1% (met)".
//
// The money rule. Every month is shown as it now stands: a restated
// period's month earns what its figure in force earns, and later months
// follow (a repeat ended, a rolling cap freed). Where the change in money
// goes is the regime's choice ([Spec].Restatements), that of the regime in
// force in the month of the restatement:
//
//   - [AdjustInMonthRestated], the default: for each day D restatements
//     were reported on, the ledger is run again as at the day before D and
//     as at D, and the difference in the credits after caps of every month
//     before D's month is posted in D's month as an [Adjustment]: After
//     less Before, so that caps and repeat multipliers are honoured
//     exactly. A positive adjustment is a further deduction from the
//     supplier's charges; a negative one gives credit back to the supplier.
//     Restatements in a period's own month, before any later month was
//     scored, change no earlier month and post nothing.
//   - [RestateInPlace]: the months are recomputed and nothing is posted.
//
// Adjustments are listed in the [Summary] of the scorecard whose months
// they are posted in (Summary.Adjustments, AdjustmentsTotal), and are not
// in its Credits, which are the months' credits as they now stand. A
// month's statement to the supplier is its Credits and its Adjustments; a
// view's Credits are what its months now accrue. Events are as they now
// stand, with no record of those a restatement took away. Each day with
// restatements costs two more runs of the ledger.
//
// # Scorecards
//
// [Ledger.Scorecard] reads a [Scorecard] for any period within the ledger:
// a month's rows, or a view of a quarter, a half, a year or a year to date
// that rates each KPI from its measurement periods (its own result where it
// is measured over exactly that period; otherwise the aggregate by its
// measure, never an average of percentages by default; percentages without
// counts are rated on the range they bound, [kpi.AggregateBounded]; a sum
// is not rated against levels written for one period) and takes its money
// and events as the sums of what accrued in its months. [History.Score]
// runs the ledger to the end of the period asked for, and no further. A
// scorecard names the regime versions that made it, has a [Row] per KPI
// (result, label, relief, points, credit, trends, notes), a [Summary]
// (counts by status, service area and tier; the share on target with and
// without the KPIs that could not be reported; the exceptions; the
// disagreements; points and credits before and after caps) and the
// events ([Event]) raised. It does not depend on the order of its inputs, and has
// an Equal method.
//
// # Forecasts, what it takes and the year before
//
// A row of a KPI with a cumulative profile projects its figure to the year
// end on request ([Row.Forecast]); a return note that claims the KPI is on
// track ([ClaimsOnTrack]) where the projection says not is flagged while
// scoring (Row.NoteDisagrees) and counted among the disagreements. Two
// steps run only when asked, after scoring, so that scoring pays nothing
// for them: [Ledger.WhatItTakes] says for each row short of its target the
// figure (with counts, the whole cases) each better band needed, what the
// months left in the year need, and the credit at stake next month if the
// KPI stays where it is (through the same credit rules, before caps); and
// [Ledger.CompareYearBefore] sets each row beside the same view a year
// before, with a direction of travel ([Travel]).
//
// Errors follow the model of package kpi: [New] and [NewHistory] report
// every problem at once as [*kpi.FieldError] values, wrapping [ErrInvalid], which
// is [kpi.ErrInvalid]; the Parse functions ([ParseRounding], [ParseAmount], ...)
// return a [*period.ParseError] naming what they want.
//
// Package [github.com/kpiregime/kpiregime/regime/regimetest] has assertions
// for test suites that pin a contract's rules.
package regime
