package regime

import (
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/parallel"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// An Observation is what was reported for one KPI for one period, with the
// supplier's note, if any, which the scorecard row keeps.
//
// A figure is for a measurement period of the KPI's frequency: a month for
// a monthly KPI, a quarter, a half or a year for a quarterly, six-monthly
// or annual one, a 28-day period for a four-weekly one. Give a figure for a
// month in Month; give one for a longer period in Period. A figure for a
// month inside a longer measurement period (a six-monthly KPI reported each
// month) is interim: it is shown, marked interim, and earns nothing; where
// no figure for the whole period is given, the period is rated on the
// aggregate of its interim figures.
type Observation struct {
	KPI string
	// Month is the month the figure is for, where Period is zero.
	Month period.Month
	// Period, if not zero, is the measurement period the figure is for
	// (Q1 2016/17, H1 2016/17, 2016/17, a four-weekly period); it takes the
	// place of Month.
	Period period.Period
	Obs    kpi.Observation
	Note   string
	// ReportedOn, if not zero, is the day this version of the figure was
	// reported, and ReportedBy who reported it. A figure for a period
	// already reported may be restated: reported again with a later
	// ReportedOn (an undated version counts as the earliest). The ledger
	// reads the latest version reported by its as-at date ([Input].AsAt),
	// shows the earlier ones on the row ([Row].Figures), and settles the
	// change in money by the regime's [RestatementRule]. Two versions with
	// the same ReportedOn, or both undated, are an error.
	ReportedOn period.Date
	ReportedBy string
	// Source is where the observation was read (a file and line, or a
	// workbook, its sheet and row), for the audit trail of a restated
	// figure; zero for one built in Go.
	Source Source
}

// For returns the period the observation is for: Period, or Month as a
// period.
func (o Observation) For() period.Period {
	if !o.Period.IsZero() {
		return o.Period
	}
	if o.Month.IsZero() {
		return period.Period{}
	}
	return o.Month.Period()
}

// Input is what a ledger is run from: the observations, in any order, and
// the charges of each month that credit rules and caps take percentages of.
type Input struct {
	Observations []Observation
	// Return, if not nil, holds more observations, compactly ([Return]): a
	// large return read from a file. They are read as though they were
	// in Observations. A ledger refers to the Return's rows, not copies
	// of them, for as long as it is used; adding rows to the Return
	// afterwards changes nothing the ledger reads.
	Return *Return
	// Charges are the service charges by month. A regime with credit rules
	// needs the charge of every month it scores; a rolling cap written as a
	// percentage of charges takes the charges of the months in its window
	// that are given here (so give the months before the first scored, too,
	// where the window reaches back into them).
	Charges map[period.Month]decimal.Decimal
	// OpeningCredits are the credits already applied (after caps) in months
	// before the first one scored, which rolling caps count against their
	// window: the opening balance.
	OpeningCredits map[period.Month]decimal.Decimal
	// PlanUpdates are the council's log of its rectification plans: each
	// submitted, agreed (with a target date), completed or closed on a day
	// ([PlanRule]). Updates dated after the last month run are not read.
	PlanUpdates []PlanUpdate
	// Years is how the contract counts its years (the zero Years, from
	// April), for an earn-back to the year end and the yearly limits of
	// earn-back and incentive funds ([EarnBack], [Incentive]).
	Years period.Years
	// Through, if not zero, is the last month the ledger runs to:
	// observations for periods ending after it are not read. Zero runs to
	// the end of the last period with an observation.
	Through period.Month
	// AsAt, if not zero, is the day the ledger is run as at: of each
	// figure's versions ([Observation].ReportedOn), the latest reported on
	// or before it is read, and those reported after it are not, as though
	// they had not yet been reported. Zero reads the latest of each.
	AsAt period.Date
}

// A Row is one line of a scorecard: one KPI's result for one measurement
// period, or, in a longer view, for the view's period. The row holds the
// one truth about it: Status is the status after deeming and relief, and
// everything downstream (credit rules, caps, escalation, renderers) reads
// it.
type Row struct {
	KPI         string
	Description string
	ServiceArea string
	Tier        kpi.Tier
	Contractual bool
	// Regime names the regime that rated the row: in a month two regimes
	// share, each rating its part ([EachPart]), the first part's is the
	// regime before, not the scorecard's.
	Regime string
	// PartOf is the KPI made of parts this row's KPI is a part of, or "".
	// A part is shown, and its figure rated, but it carries no points,
	// credits or escalation of its own (its KPI does), and summaries count
	// it apart.
	PartOf string
	// Status is the row's status, after deeming and relief; Failing says
	// whether it counts as a failure in this regime.
	Status  kpi.Status
	Failing bool
	// Deemed is true where a missing figure was deemed a failure.
	Deemed bool
	// Interim is true for a figure for a month inside a longer measurement
	// period: shown, never charged, and not counted by escalation.
	Interim bool
	// Relieved is true under a mitigation or customer cause (Relief says
	// which): the status stands and nothing accrues.
	Relieved bool
	// Reported is the status the supplier reported beside a figure, or 0;
	// Disagrees is true where it is not Status.
	Reported  kpi.Status
	Disagrees bool
	// NoteDisagrees is true where the return's note claims the KPI is on
	// track ([ClaimsOnTrack]) and the library's own projection of its
	// cumulative figure ([Row.Forecast]) says it is not.
	NoteDisagrees bool
	// Claim is the status the return gave instead of a figure (not_due,
	// no_data, not_measurable, excluded), or 0. ClaimRefused is true where
	// the contract does not grant it: a not_due for a period that is due,
	// an exclusion or "not measurable" no relief covers. The figure is
	// then missing, under the regime's missing rule.
	Claim        kpi.Status
	ClaimRefused bool
	// Trend against the KPI's previous measurement period and the same
	// period a year before, where both have figures.
	Trend, TrendYear       kpi.Trend
	HasTrend, HasTrendYear bool
	// Period is the period the row rates: the KPI's measurement period (a
	// month, a quarter, a four-weekly period), the month of an interim
	// figure, or a view's period.
	Period period.Period
	// Versions are the versions of the regimes that rated the row; more
	// than one only in a view that spans a change of regime.
	Versions []string
	// Result is the evaluation of the figure reported (or aggregated). Its
	// status differs from Status where the figure was missing and the
	// regime deems that a failure (Deemed), or the return claimed a status
	// the contract does not grant (ClaimRefused).
	Result kpi.Result
	Label  string
	// Relief is the relief applied, if any: an exclusion, a mitigation or
	// customer cause (Relieved), or agreement that the period is not
	// measurable.
	Relief Relief
	// Points are the service points that accrue (zero when relieved or
	// interim), after the repeat Multiplier; Credit the row's credit in
	// the regime's currency ([Scorecard.Currency]; pounds unless it says
	// otherwise), rounded to pence, before caps. In a view they are the sums of
	// what accrued in the view's months, and the notes say where from.
	Points     decimal.Decimal
	Multiplier decimal.Decimal
	Credit     decimal.Decimal
	// moves are the row's earn-back and incentive moves ([Row.Moves]);
	// nil where there are none, as for most rows.
	moves *Moves
	// Tally counts, in a view, the statuses of the KPI's measurement
	// periods that ended in it; nil for a single period.
	Tally map[kpi.Status]int
	Notes []string
	// Figures are the versions of a restated row's figure reported by the
	// as-at date, oldest first, the last the one the row rates; nil for a
	// figure reported once. Each says when, by whom and where it was
	// reported, and what the row was with it; a note on the row says what
	// each restatement changed ("restated on 2019-09-12 by the council:
	// was 82.1% (missed), now 92.1% (met)").
	Figures []FigureVersion
	// Takes is what the row needed and what is at stake next month, set by
	// [Ledger.WhatItTakes] where there is something to show; nil
	// otherwise, and always after scoring alone.
	Takes *Takes
	// YearBefore is the row's counterpart in the same view a year before,
	// set by [Ledger.CompareYearBefore]; nil otherwise.
	YearBefore *YearBefore
}

// Restated reports whether the row's figure was restated: reported again,
// with a later date, after it was first reported.
func (r Row) Restated() bool { return len(r.Figures) > 1 }

// Moves are a row's earn-back and incentive moves, in the regime's
// currency ([Scorecard.Currency]; pounds unless it says otherwise). Held is the
// part of its Credit held rather than deducted ([EarnBack]); EarnedBack the
// held credits of earlier periods this period released, and Repaid those it
// repaid; Forfeited those it forfeited (under Hold, deducted with this
// month's credits). Bonus is the incentive paid to the supplier for the
// period, and Deduction the incentive taken from it ([Incentive]): never
// both for one period. In a view, each is the sum of its periods'.
type Moves struct {
	Held, EarnedBack, Repaid, Forfeited decimal.Decimal
	Bonus, Deduction                    decimal.Decimal
}

// IsZero reports whether nothing moved.
func (m Moves) IsZero() bool {
	return m.Held.IsZero() && m.EarnedBack.IsZero() && m.Repaid.IsZero() && m.Forfeited.IsZero() && m.Bonus.IsZero() && m.Deduction.IsZero()
}

// Equal reports whether m and o are the same moves.
func (m Moves) Equal(o Moves) bool {
	return m.Held.Equal(o.Held) && m.EarnedBack.Equal(o.EarnedBack) && m.Repaid.Equal(o.Repaid) && m.Forfeited.Equal(o.Forfeited) &&
		m.Bonus.Equal(o.Bonus) && m.Deduction.Equal(o.Deduction)
}

// add returns m + o.
func (m Moves) add(o Moves) Moves {
	return Moves{plus(m.Held, o.Held), plus(m.EarnedBack, o.EarnedBack), plus(m.Repaid, o.Repaid), plus(m.Forfeited, o.Forfeited),
		plus(m.Bonus, o.Bonus), plus(m.Deduction, o.Deduction)}
}

// Moves returns the row's earn-back and incentive moves: zero for a regime
// with neither, and for most rows of one that has them.
func (r Row) Moves() Moves {
	if r.moves == nil {
		return Moves{}
	}
	return *r.moves
}

// move changes the row's moves with f, on a copy of its own.
func (r *Row) move(f func(*Moves)) {
	m := r.Moves()
	f(&m)
	r.moves = &m
}

// Equal reports whether r and o are the same row.
func (r Row) Equal(o Row) bool {
	return r.KPI == o.KPI && r.Description == o.Description && r.ServiceArea == o.ServiceArea && r.Tier == o.Tier &&
		r.Contractual == o.Contractual && r.Period == o.Period && slices.Equal(r.Versions, o.Versions) &&
		r.Result.Equal(o.Result) && r.Status == o.Status && r.Deemed == o.Deemed && r.Interim == o.Interim &&
		r.Label == o.Label && r.Relief == o.Relief && r.Relieved == o.Relieved && r.Reported == o.Reported &&
		r.Disagrees == o.Disagrees && r.Claim == o.Claim && r.ClaimRefused == o.ClaimRefused && r.Points.Equal(o.Points) &&
		r.Multiplier.Equal(o.Multiplier) && r.Credit.Equal(o.Credit) && r.Failing == o.Failing && r.Trend == o.Trend &&
		r.TrendYear == o.TrendYear && r.HasTrend == o.HasTrend && r.HasTrendYear == o.HasTrendYear &&
		equalCounts(r.Tally, o.Tally) && slices.Equal(r.Notes, o.Notes) && r.Regime == o.Regime && r.PartOf == o.PartOf &&
		r.Moves().Equal(o.Moves()) &&
		slices.EqualFunc(r.Figures, o.Figures, FigureVersion.Equal) && r.NoteDisagrees == o.NoteDisagrees &&
		r.Takes.Equal(o.Takes) && r.YearBefore.Equal(o.YearBefore)
}

// Summary totals a scorecard.
type Summary struct {
	// Total is the number of rows; Interim those of interim figures, and
	// ForInfo those of contextual measures reported for information, which
	// the counts below leave out; Rated those with a performance status (a
	// figure was rated); OnTarget those exceeded or met.
	Total, Interim, ForInfo, Rated, OnTarget int
	// Scored is the number of rows rated on a score scale (a ladder whose
	// bands carry scores), Score the total of their scores and MaxScore
	// the total of their scales' top scores; ScoreShare is Score as a
	// percentage of MaxScore, as rail regimes publish it, and MeanScore
	// the mean score, both to two places; Unscored counts the rows on a
	// score scale with no score (no figure, or one the published levels
	// cannot place), which the totals leave out. All are zero with no
	// score scale.
	Scored, Unscored, Score, MaxScore int
	ScoreShare, MeanScore             decimal.Decimal
	ByStatus                          map[kpi.Status]int
	ByServiceArea                     map[string]map[kpi.Status]int
	ByTier                            map[kpi.Tier]map[kpi.Status]int
	// ShareOnTarget is OnTarget as a percentage of the rows that are not
	// interim; ShareOnTargetRated of the rated rows only, leaving out those
	// that could not be reported. Both to two places; zero with no rows.
	ShareOnTarget, ShareOnTargetRated decimal.Decimal
	// Exceptions are the references of rows worse than met (deemed
	// failures included), of rows with no data where a figure was due, of
	// rows not measurable whose figure is short of target whatever band it
	// is in (a level not published: "tolerance or missed"), and, in a view,
	// of rows with any such period, in report order; interim rows and
	// measures for information are never exceptions.
	Exceptions []string
	// Disagreements are the references of rows whose reported status
	// disagrees with the one the contract gives, whose claim it refused,
	// or whose note claims on track against the projection
	// (Row.NoteDisagrees).
	Disagreements []string
	// Points are the service points accrued, never capped.
	Points decimal.Decimal
	// CreditsBeforeCaps is the rows' credits, and any remedy, added up;
	// Credits the total after the caps; CappedBy the difference.
	CreditsBeforeCaps, Credits, CappedBy decimal.Decimal
	// Remedy is what the regime's [PointsRemedy] charges, before the caps
	// (it is part of CreditsBeforeCaps), and PointsOverBaseline the points
	// it charges for; RemedyNotes say how, month by month: "May-16: 14
	// points, 4 over the baseline of 10: £4,000.00". All are zero or nil
	// for a regime with no remedy.
	Remedy, PointsOverBaseline decimal.Decimal
	RemedyNotes                []string
	// Adjustments are those posted in the scorecard's months for
	// restatements of months before each ([AdjustInMonthRestated]), and
	// AdjustmentsTotal their sum. They are not in Credits, which is what
	// the scorecard's months accrue with their figures as they now stand:
	// an adjustment settles a change to a month already reported. A
	// month's statement to the supplier carries its Credits and its
	// Adjustments.
	Adjustments      []Adjustment
	AdjustmentsTotal decimal.Decimal
	// The earn-back moves of the scorecard's months ([EarnBack]): credits
	// Held (left out of CreditsBeforeCaps), EarnedBack (held credits
	// released, never deducted), Repaid (deducted credits repaid to the
	// supplier, not netted from Credits), and Forfeited (credits that can no
	// longer be earned back: under Hold deducted in their month, and part of
	// its CreditsBeforeCaps); HeldBalance is what is held at the end of the
	// scorecard's last month. All zero for a regime with no earn-back.
	Held, EarnedBack, Repaid, Forfeited, HeldBalance decimal.Decimal
	// Bonuses are the incentives paid to the supplier and Deductions those
	// taken from it in the scorecard's months ([Incentive]): apart from the
	// service credits, each a sum of what it is, never netted.
	Bonuses, Deductions decimal.Decimal
}

// A Scorecard is a contract's results for a period: a row per KPI (a row
// per measurement period for a four-weekly KPI with two ending in one
// month), a summary, and the escalation events raised. Regime and Version
// name the regime in force in its last month; Versions every version that
// rated it, in order.
type Scorecard struct {
	Regime, Version string
	Versions        []string
	// Names are the names of the regimes of Versions, one each, where they
	// differ from Regime (a month shared by two regimes); nil otherwise.
	Names  []string
	Period period.Period
	// AsAt is the day the scorecard was made as at ([Input].AsAt): zero
	// for the latest version of every figure.
	AsAt period.Date
	// YearBefore is the period the rows were compared with
	// ([Ledger.CompareYearBefore]), or zero where they were not.
	YearBefore period.Period
	// Currency is the currency of every amount of money in the scorecard:
	// its rows' credits and moves, its summary's credits, caps, remedy,
	// adjustments and incentives, and its notes ([Scorecard.Money]).
	Currency Currency
	Rows     []Row
	Summary  Summary
	Events   []Event
	// Plans are the rectification plans open at any time in the
	// scorecard's period, each as it stands at its end ([PlanRule]).
	Plans []Plan
}

// Money is an amount of the scorecard's with its currency: sc.Money(row.Credit)
// is the row's credit as Money, which writes itself "£2,000.00" and to JSON
// with its currency.
func (s *Scorecard) Money(v decimal.Decimal) Money { return Money{Amount: v, Currency: s.Currency} }

// Row returns the first row for KPI ref.
func (s *Scorecard) Row(ref string) (Row, bool) {
	for _, r := range s.Rows {
		if r.KPI == ref {
			return r, true
		}
	}
	return Row{}, false
}

// RowsFor returns every row for KPI ref, in order: more than one for a
// four-weekly KPI with two periods ending in a month.
func (s *Scorecard) RowsFor(ref string) []Row {
	var out []Row
	for _, r := range s.Rows {
		if r.KPI == ref {
			out = append(out, r)
		}
	}
	return out
}

// Equal reports whether s and o are the same scorecard.
func (s *Scorecard) Equal(o *Scorecard) bool {
	if s == nil || o == nil {
		return s == o
	}
	return s.Regime == o.Regime && s.Version == o.Version && slices.Equal(s.Versions, o.Versions) && slices.Equal(s.Names, o.Names) &&
		s.Period == o.Period && s.AsAt == o.AsAt && s.YearBefore == o.YearBefore && s.Currency == o.Currency &&
		slices.EqualFunc(s.Rows, o.Rows, Row.Equal) && s.Summary.equal(o.Summary) && slices.Equal(s.Events, o.Events) &&
		slices.EqualFunc(s.Plans, o.Plans, Plan.Equal)
}

func equalCounts[K comparable](a, b map[K]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func (s Summary) equal(o Summary) bool {
	if len(s.ByServiceArea) != len(o.ByServiceArea) || len(s.ByTier) != len(o.ByTier) {
		return false
	}
	for k, v := range s.ByServiceArea {
		if !equalCounts(v, o.ByServiceArea[k]) {
			return false
		}
	}
	for k, v := range s.ByTier {
		if !equalCounts(v, o.ByTier[k]) {
			return false
		}
	}
	return s.Total == o.Total && s.Interim == o.Interim && s.ForInfo == o.ForInfo && s.Rated == o.Rated && s.OnTarget == o.OnTarget &&
		s.Scored == o.Scored && s.Unscored == o.Unscored && s.Score == o.Score && s.MaxScore == o.MaxScore && s.ScoreShare.Equal(o.ScoreShare) &&
		s.MeanScore.Equal(o.MeanScore) &&
		equalCounts(s.ByStatus, o.ByStatus) && s.ShareOnTarget.Equal(o.ShareOnTarget) &&
		s.ShareOnTargetRated.Equal(o.ShareOnTargetRated) && slices.Equal(s.Exceptions, o.Exceptions) &&
		slices.Equal(s.Disagreements, o.Disagreements) && s.Points.Equal(o.Points) &&
		s.CreditsBeforeCaps.Equal(o.CreditsBeforeCaps) && s.Credits.Equal(o.Credits) && s.CappedBy.Equal(o.CappedBy) &&
		s.Remedy.Equal(o.Remedy) && s.PointsOverBaseline.Equal(o.PointsOverBaseline) && slices.Equal(s.RemedyNotes, o.RemedyNotes) &&
		slices.EqualFunc(s.Adjustments, o.Adjustments, Adjustment.Equal) && s.AdjustmentsTotal.Equal(o.AdjustmentsTotal) &&
		s.Held.Equal(o.Held) && s.EarnedBack.Equal(o.EarnedBack) && s.Repaid.Equal(o.Repaid) && s.Forfeited.Equal(o.Forfeited) &&
		s.HeldBalance.Equal(o.HeldBalance) && s.Bonuses.Equal(o.Bonuses) && s.Deductions.Equal(o.Deductions)
}

// shortOfTarget reports whether a result that cannot be placed (a level
// not published, an earlier figure not known) is short of target whatever
// its band: every status it could have is worse than met.
func shortOfTarget(res kpi.Result) bool {
	possible := res.Possible()
	return len(possible) > 0 && !slices.ContainsFunc(possible, kpi.Status.OnTarget)
}

// tallyShort reports whether a view row's periods include one worse than
// met, or one with no figure: the view is an exception even where it
// cannot be rated as a whole.
func tallyShort(t map[kpi.Status]int) bool {
	for st, n := range t {
		if n > 0 && ((st.IsPerformance() && !st.OnTarget()) || st == kpi.NoData) {
			return true
		}
	}
	return false
}

// summarise counts rows by status, service area and tier.
func summarise(rows []Row) Summary {
	s := Summary{ByStatus: map[kpi.Status]int{}, ByServiceArea: map[string]map[kpi.Status]int{}, ByTier: map[kpi.Tier]map[kpi.Status]int{},
		Points: decimal.Zero}
	var points sum
	for _, r := range rows {
		if r.PartOf != "" {
			continue // shown under its KPI, counted with it
		}
		s.Total++
		if !r.Points.IsZero() {
			points.add(r.Points)
		}
		if r.Disagrees || r.ClaimRefused || r.NoteDisagrees {
			s.Disagreements = append(s.Disagreements, r.KPI)
		}
		if r.Interim {
			s.Interim++
			continue
		}
		if r.Tier == kpi.TierContextual {
			s.ForInfo++
			continue
		}
		if sc, ok := r.Result.Score(); ok {
			s.Scored++
			s.Score += sc
			s.MaxScore += r.Result.MaxScore()
		} else if r.Result.MaxScore() > 0 {
			s.Unscored++
		}
		s.ByStatus[r.Status]++
		if s.ByServiceArea[r.ServiceArea] == nil {
			s.ByServiceArea[r.ServiceArea] = map[kpi.Status]int{}
		}
		s.ByServiceArea[r.ServiceArea][r.Status]++
		if s.ByTier[r.Tier] == nil {
			s.ByTier[r.Tier] = map[kpi.Status]int{}
		}
		s.ByTier[r.Tier][r.Status]++
		if r.Status.IsPerformance() {
			s.Rated++
		}
		if r.Status.OnTarget() {
			s.OnTarget++
		}
		if (r.Status.IsPerformance() && !r.Status.OnTarget()) || r.Status == kpi.NoData || tallyShort(r.Tally) || shortOfTarget(r.Result) {
			s.Exceptions = append(s.Exceptions, r.KPI)
		}
	}
	share := func(n, of int) decimal.Decimal {
		if of == 0 {
			return decimal.Zero
		}
		return decimal.NewFromInt(int64(n*100)).DivRound(decimal.NewFromInt(int64(of)), 2)
	}
	s.ShareOnTarget, s.ShareOnTargetRated = share(s.OnTarget, s.Total-s.Interim-s.ForInfo), share(s.OnTarget, s.Rated)
	if s.MaxScore > 0 {
		// Scored > 0 here: MaxScore sums the top scores of scored rows.
		s.ScoreShare = share(s.Score, s.MaxScore)
		s.MeanScore = decimal.NewFromInt(int64(s.Score)).DivRound(decimal.NewFromInt(int64(s.Scored)), 2)
	}
	s.Points = points.total()
	s.Exceptions = slices.Compact(s.Exceptions)
	s.Disagreements = slices.Compact(s.Disagreements)
	return s
}

// A Job is one scorecard of a portfolio: Regime's ledger run over Input to
// the end of Period, as [Regime.Score] scores it.
type Job struct {
	Regime *Regime
	Input  Input
	Period period.Period
}

// ScoreEach scores independent jobs, such as the regimes of a portfolio's
// contracts, each as [Regime.Score] does, concurrently on all cores (up to
// runtime.GOMAXPROCS at once). The scorecards come in the order of jobs,
// each the one [Regime.Score] gives: a job depends on nothing but itself,
// so the result is the same as scoring them one after another. Jobs may
// share regimes and maps of charges, which scoring only reads.
//
// Where jobs fail, the error joins each one's, in the order of jobs, as
// "jobs[i]: ..."; a failed job's scorecard is nil, and the others are
// still scored.
func ScoreEach(jobs []Job) ([]*Scorecard, error) {
	out := make([]*Scorecard, len(jobs))
	errs := make([]error, len(jobs))
	parallel.Each(len(jobs), func(i int) {
		j := &jobs[i]
		if j.Regime == nil {
			errs[i] = fmt.Errorf("jobs[%d]: no regime", i)
			return
		}
		sc, err := j.Regime.Score(j.Input, j.Period)
		if err != nil {
			errs[i] = fmt.Errorf("jobs[%d]: %w", i, err)
			return
		}
		out[i] = sc
	})
	return out, errors.Join(errs...)
}
