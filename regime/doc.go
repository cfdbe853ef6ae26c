// Package regime models a contract's performance regime: a schedule of KPI
// definitions in force from a month, with the rules that turn their results
// into consequences, and the scorecards a committee reads.
//
// # A regime
//
// [New] validates a [Spec] into an immutable [Regime]: a name and version,
// the months it is in force, its [kpi.Definition]s, display labels for each
// status ("Target Met", "Within 'Tolerance'", "Failed MSL"), an exceed rule
// and whether figures round before banding (for every KPI that does not set
// its own), what a missing figure means ([Missing]), which statuses count as
// failures, a repeat multiplier, [Relief], [CreditRule]s, [Caps], escalation
// [Rule]s and how money is rounded to pence ([Rounding]). Every problem is
// reported at once with its field's path. A [History] holds a contract's
// regimes in order, so that a regime revised mid-contract scores each month
// by the right version.
//
// # The order consequences are worked out in
//
// [Regime.Run] walks the months in order, because repeat points, rolling caps
// and escalation depend on what went before. For each month and KPI:
//
//  1. relief: an [Exclusion] makes the result excluded (and the month drops
//     out of aggregates); [Mitigation] and [CustomerCause] let the status
//     stand but mark the row relieved;
//  2. banding: the observation is rated by [kpi.Evaluate]; where the regime
//     deems a missing figure a failure, it becomes one;
//  3. repeat: a failure after a failure of the same KPI in its previous
//     measurement period has its points multiplied, once (not compounded);
//  4. points: the band's service points, none for a relieved row;
//  5. credits: each credit rule ([PointsCredit], [ShortfallCredit],
//     [FixedCredit], [AtRiskCredit], or your own) adds to the row's credit,
//     rounded to pence;
//  6. caps: the month's total is capped per period and over a rolling
//     window; points are never capped;
//  7. escalation: each rule ([NFailuresInM], [KConsecutive],
//     [PointsInWindow], [StatusReached]) is checked and raises its named
//     event.
//
// # Scorecards
//
// [Ledger.Scorecard] reads a month's [Scorecard], or aggregates each KPI over
// a longer period (a quarter, a year to date) by its measure's rule. A
// scorecard names the regime version that made it, has a [Row] per KPI
// (result, label, relief, points, credit, trends against the previous month
// and the same month a year before, notes), a [Summary] (counts by status,
// service area and tier; the share on target with and without the KPIs that
// could not be reported; the exceptions; points and credits before and
// after caps) and the [Event]s raised. It does not depend on the order of
// its inputs, and has an Equal method.
//
// Package [github.com/kpiregime/kpiregime/regime/regimetest] has assertions
// for test suites that pin a contract's rules.
package regime
