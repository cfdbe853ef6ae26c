package contract

// The file model: what a contract file says, field by field, before it is
// checked. Every scalar is kept as its text (num for numbers) so that
// nothing passes through a float; file.go turns the model into specs and
// encode.go turns a contract back into the model. The tags give each field's
// name in YAML and JSON, its description for the JSON Schema (doc), the
// values it takes (enum), what a data-keyed mapping holds (values) and
// whether it is required (req).

type fileContract struct {
	ID             string       `yaml:"id" json:"id" req:"1" doc:"The contract's identifier (ICT, PSSP, CSSC)."`
	Name           string       `yaml:"name,omitempty" json:"name,omitempty" doc:"The contract's title."`
	Customer       string       `yaml:"customer,omitempty" json:"customer,omitempty" doc:"The customer: the council."`
	Supplier       string       `yaml:"supplier,omitempty" json:"supplier,omitempty" doc:"The supplier (Serco, Capita, BT)."`
	Start          plain        `yaml:"start" json:"start" req:"1" fmt:"date" doc:"The first day of the contract, YYYY-MM-DD."`
	End            plain        `yaml:"end,omitempty" json:"end,omitempty" fmt:"date" doc:"The last day of the contract, YYYY-MM-DD; omit for an open-ended contract."`
	YearStart      string       `yaml:"year_start,omitempty" json:"year_start,omitempty" enum:"months" doc:"The month the contract's years start in (April, the UK financial year, if omitted; October for years from October). Frequencies (annual falls due in the month before it), profile years (2016/17) and the years profile months fall in are read in these years."`
	Periods        *filePeriods `yaml:"periods,omitempty" json:"periods,omitempty" doc:"The contract's period calendar, for KPIs measured in thirteen periods a year (frequency: periodic) and returns and reports labelled P1 2023/24 to P13 2023/24: a year_start day with the period that absorbs the odd days, or the periods' start dates."`
	Currency       string       `yaml:"currency,omitempty" json:"currency,omitempty" doc:"The ISO 4217 code of the currency the contract's charges, credits, caps and incentives are in (GBP if omitted; EUR)."`
	Services       []string     `yaml:"services,omitempty" json:"services,omitempty" doc:"The services or service areas the contract covers."`
	MonthlyCharge  num          `yaml:"monthly_charge,omitempty" json:"monthly_charge,omitempty" doc:"The service charge of every month that charges does not list, in the contract's currency."`
	Charges        pairs        `yaml:"charges,omitempty" json:"charges,omitempty" values:"num" keys:"month" doc:"The service charges of particular months (2016-04: 18306.52), which credit rules take percentages of."`
	OpeningCredits pairs        `yaml:"opening_credits,omitempty" json:"opening_credits,omitempty" values:"num" keys:"month" doc:"Credits already applied (after caps) in months before the first scored (2016-03: 1500.00), which rolling caps count against their window."`
	Regimes        []fileRegime `yaml:"regimes" json:"regimes" req:"1" doc:"The performance regimes, effective-dated and not overlapping."`
}

type filePeriods struct {
	YearStart string  `yaml:"year_start,omitempty" json:"year_start,omitempty" doc:"The day each year of periods starts on (04-01, 1 April): thirteen 28-day periods from it. Its month is the month the years are labelled from (2023/24 for April, 2023 for January)."`
	Absorb    string  `yaml:"absorb,omitempty" json:"absorb,omitempty" enum:"first,last" doc:"With year_start: the period that takes the day (two in a year with 29 February) by which the year is longer than 364 days: first (P1) or last (P13)."`
	Starts    []plain `yaml:"starts,omitempty" json:"starts,omitempty" fmt:"date" doc:"Or the periods' start dates (YYYY-MM-DD), each year's thirteen in turn from P1, then the day after the last period: 14 dates for one year, 27 for two. Years are labelled in the contract's years (year_start)."`
}

type fileRegime struct {
	Name               string          `yaml:"name" json:"name" req:"1" doc:"The regime's name (ICT, PSSP)."`
	Version            string          `yaml:"version,omitempty" json:"version,omitempty" doc:"The regime's version, which every scorecard names (2016)."`
	From               plain           `yaml:"from" json:"from" req:"1" doc:"The first month the regime is in force (2016-04), or the day it takes effect where that is part-way through a month (2019-11-30), with part_month."`
	PartMonth          string          `yaml:"part_month,omitempty" json:"part_month,omitempty" enum:"majority,each_part" doc:"How the month a regime takes effect part-way through is rated: majority (whole, by the regime in force for most of it) or each_part (each regime its part, on its own figure, against its share of the charge by days)."`
	Until              plain           `yaml:"until,omitempty" json:"until,omitempty" fmt:"month" doc:"The first month the regime is no longer in force; omit while it runs."`
	Labels             pairs           `yaml:"labels,omitempty" json:"labels,omitempty" keys:"status" doc:"Display labels by status (met: Target Met)."`
	Exceed             string          `yaml:"exceed,omitempty" json:"exceed,omitempty" doc:"The regime's exceed rule for KPIs that give none: none, better than target, or a stretch level (at 98)."`
	RoundBeforeBanding bool            `yaml:"round_before_banding,omitempty" json:"round_before_banding,omitempty" doc:"Round every figure to its KPI's precision before banding, as a printed report would."`
	Missing            *fileMissing    `yaml:"missing,omitempty" json:"missing,omitempty" doc:"What a missing figure means where one was due."`
	Failing            string          `yaml:"failing,omitempty" json:"failing,omitempty" enum:"statuses" doc:"The best status that counts as a failure for repeat points and escalation (missed if omitted)."`
	Repeat             num             `yaml:"repeat,omitempty" json:"repeat,omitempty" doc:"Multiplier for the points of a failure that follows a failure of the same KPI (2)."`
	MitigatedCount     bool            `yaml:"mitigated_count,omitempty" json:"mitigated_count,omitempty" doc:"A failure under mitigation still counts for repeat points and escalation."`
	Reset              bool            `yaml:"reset,omitempty" json:"reset,omitempty" doc:"Start the history afresh when this regime takes over: repeats, escalation and rolling caps count from its first month. Otherwise a KPI whose ref continues keeps its history."`
	Rounding           string          `yaml:"rounding,omitempty" json:"rounding,omitempty" enum:"half_up,half_even,down" doc:"How money is rounded to pence (half_up if omitted)."`
	Restatements       string          `yaml:"restatements,omitempty" json:"restatements,omitempty" enum:"adjust_in_month_restated,restate_in_place" doc:"How the change in money a restated figure makes is settled: adjust_in_month_restated (the default) posts the difference in the restated months' credits after caps as an adjustment in the month the restatement was reported in; restate_in_place recomputes those months with no adjustment."`
	KPIs               []fileKPI       `yaml:"kpis" json:"kpis" req:"1" doc:"The regime's KPIs, in report order."`
	Relief             []fileRelief    `yaml:"relief,omitempty" json:"relief,omitempty" doc:"Exclusions, mitigations and customer-cause relief."`
	Credits            []fileCredit    `yaml:"credits,omitempty" json:"credits,omitempty" doc:"Service credit rules, applied in order and added."`
	Consequences       []string        `yaml:"consequences,omitempty" json:"consequences,omitempty" doc:"The tiers whose KPIs carry points, credits and escalation ([kpi, pi]); omitted, kpi alone: a PI or contextual measure is rated and reported, but earns nothing."`
	Remedy             *fileRemedy     `yaml:"remedy,omitempty" json:"remedy,omitempty" doc:"A remedy for the service points a month accrues over a baseline: (points - baseline) x rate, nothing at or below it."`
	Caps               *fileCaps       `yaml:"caps,omitempty" json:"caps,omitempty" doc:"Limits on the credits."`
	EarnBack           *fileEarnBack   `yaml:"earn_back,omitempty" json:"earn_back,omitempty" doc:"Lets the supplier earn back a KPI's credits by meeting it afterwards: held (not deducted) or repaid once earned back."`
	Incentives         []fileIncentive `yaml:"incentives,omitempty" json:"incentives,omitempty" doc:"Bonuses paid to the supplier for performance better than a benchmark, and deductions for performance worse, per unit of performance."`
	Escalation         []fileRule      `yaml:"escalation,omitempty" json:"escalation,omitempty" doc:"Rules that raise named events from the history."`
}

type fileMissing struct {
	DeemFailed bool   `yaml:"deem_failed,omitempty" json:"deem_failed,omitempty" doc:"Treat no data where a figure was due as a failure."`
	Status     string `yaml:"status,omitempty" json:"status,omitempty" enum:"performance" doc:"The status no data is deemed to have (failed if omitted)."`
	Points     num    `yaml:"points,omitempty" json:"points,omitempty" doc:"The service points no data earns."`
}

type fileKPI struct {
	Ref         string       `yaml:"ref" json:"ref" req:"1" doc:"The KPI's reference, unique in the regime (STS-K-009, CSC_KPI_04, 3)."`
	Description string       `yaml:"description,omitempty" json:"description,omitempty" doc:"What the KPI measures."`
	ServiceArea string       `yaml:"service_area,omitempty" json:"service_area,omitempty" doc:"The service area it belongs to."`
	Tier        string       `yaml:"tier,omitempty" json:"tier,omitempty" enum:"kpi,pi,contextual" doc:"kpi (the default), pi or contextual."`
	Contractual bool         `yaml:"contractual,omitempty" json:"contractual,omitempty" doc:"The KPI is contractual, not only reported."`
	Measure     *fileMeasure `yaml:"measure,omitempty" json:"measure,omitempty" doc:"What the figures are and how to treat them (required, but for a KPI made of parts, which has none)."`
	Frequency   string       `yaml:"frequency" json:"frequency" req:"1" doc:"How often it is measured: monthly, quarterly, six-monthly due Sep, annual, four-weekly from 2016-04-01, or periodic (in the periods of the contract's period calendar, periods)."`
	Target      string       `yaml:"target,omitempty" json:"target,omitempty" doc:"The target as the schedule writes it: 90.0%, < 5%, 0 failures, 25 secs; not published where the public papers give only outcomes. For a profiled target, the annual target. Required, but for a KPI made of parts, a contextual measure, or a ladder whose levels are figures (a score scale), which may have none."`
	Profile     *fileProfile `yaml:"profile,omitempty" json:"profile,omitempty" doc:"A target that varies through the year."`
	Bands       *fileBands   `yaml:"bands,omitempty" json:"bands,omitempty" doc:"The ladder of bands: a scheme with its levels, or a ladder band by band. Omitted, the KPI is target only; a contextual measure has none."`
	Exceed      string       `yaml:"exceed,omitempty" json:"exceed,omitempty" doc:"When a figure exceeds the target: none, better than target, or a stretch level (at 98)."`
	Rolling     int          `yaml:"rolling,omitempty" json:"rolling,omitempty" doc:"Measure a monthly KPI over a rolling window of this many months (3): each month is rated on the aggregate of the window's figures."`
	Parts       []string     `yaml:"parts,omitempty" json:"parts,omitempty" doc:"Make the KPI one of parts, each a KPI of the regime with its own measure, target and figure ([Q1a, Q1b]); it then has no measure or target of its own."`
	PartsRule   string       `yaml:"parts_rule,omitempty" json:"parts_rule,omitempty" enum:"all,worst" doc:"How a KPI made of parts takes its status: all (met only when every part is on target; the default) or worst (the worst part's status)."`
}

type fileMeasure struct {
	Unit               string `yaml:"unit" json:"unit" req:"1" enum:"units" doc:"The unit of the figures."`
	Polarity           string `yaml:"polarity" json:"polarity" req:"1" enum:"higher_is_better,lower_is_better" doc:"Whether a higher figure is better."`
	Precision          int    `yaml:"precision,omitempty" json:"precision,omitempty" doc:"The decimal places figures are reported to."`
	RoundBeforeBanding bool   `yaml:"round_before_banding,omitempty" json:"round_before_banding,omitempty" doc:"Round figures to the precision before banding."`
	Signed             bool   `yaml:"signed,omitempty" json:"signed,omitempty" doc:"Figures and levels may be negative (a variance in days: -28); money and plain numbers may be without it."`
	Aggregation        string `yaml:"aggregation" json:"aggregation" req:"1" enum:"aggregations" doc:"How figures of several months combine into a quarter or year."`
	Scale              []num  `yaml:"scale,omitempty" json:"scale,omitempty" doc:"The minimum and maximum of a rating ([1, 5])."`
}

type fileProfile struct {
	Flat          bool   `yaml:"flat,omitempty" json:"flat,omitempty" doc:"The same target every period."`
	Cumulative    bool   `yaml:"cumulative,omitempty" json:"cumulative,omitempty" doc:"Targets are cumulative to date (collected so far this year)."`
	Annual        num    `yaml:"annual,omitempty" json:"annual,omitempty" doc:"The annual target the profile builds to, the same in every year it covers; the KPI's target if omitted."`
	AnnualTargets pairs  `yaml:"annual_targets,omitempty" json:"annual_targets,omitempty" keys:"year" values:"num" doc:"Each year's own annual target (2016/17: 95.8, 2017/18: 96.0), instead of annual: for months over several years, or for a linear or weighted shape applied to each of these years."`
	Months        pairs  `yaml:"months,omitempty" json:"months,omitempty" keys:"month" values:"num" doc:"The target of each month (Apr-16: 11.36), of one year or several; each year builds to its own annual target."`
	Linear        bool   `yaml:"linear,omitempty" json:"linear,omitempty" doc:"A cumulative path rising evenly to the annual target over the year; give its year, every_year: true or annual_targets."`
	Year          string `yaml:"year,omitempty" json:"year,omitempty" doc:"The one year of a linear or weighted profile (2016/17)."`
	EveryYear     bool   `yaml:"every_year,omitempty" json:"every_year,omitempty" doc:"Apply the linear or weighted shape to the annual target in every year, instead of in one year."`
	Weights       []num  `yaml:"weights,omitempty" json:"weights,omitempty" doc:"Twelve weights shaping the year, its first month first (last year's figures); give its year, every_year: true or annual_targets."`
	Places        *int   `yaml:"places,omitempty" json:"places,omitempty" doc:"Decimal places of a linear or weighted profile's targets (2 if omitted)."`
}

type fileBands struct {
	Scheme     string     `yaml:"scheme,omitempty" json:"scheme,omitempty" enum:"target_only,target_tolerance,target_detriment_failure,volume_of_failures,target_and_minimum,score_bands" doc:"A named scheme; give its levels beside it."`
	Tolerance  string     `yaml:"tolerance,omitempty" json:"tolerance,omitempty" doc:"target_tolerance: the tolerance level (85, target-2, 95% of target)."`
	Detriment  num        `yaml:"detriment,omitempty" json:"detriment,omitempty" doc:"target_detriment_failure, volume_of_failures: the detriment level."`
	Failure    num        `yaml:"failure,omitempty" json:"failure,omitempty" doc:"target_detriment_failure, volume_of_failures: the failure level."`
	Minimum    num        `yaml:"minimum,omitempty" json:"minimum,omitempty" alt:"not published" doc:"target_and_minimum: the minimum service level, or not published where the public papers give only outcomes against it."`
	Met        int        `yaml:"met,omitempty" json:"met,omitempty" doc:"score_bands: the lowest score that meets the target."`
	Thresholds []num      `yaml:"thresholds,omitempty" json:"thresholds,omitempty" doc:"score_bands: the level of each score from 1 up."`
	Points     pairs      `yaml:"points,omitempty" json:"points,omitempty" keys:"status" values:"num" doc:"Service points by status (detriment: 1, failed: 3)."`
	Ladder     []fileBand `yaml:"ladder,omitempty" json:"ladder,omitempty" doc:"The bands one by one, best first, instead of a scheme."`
}

type fileBand struct {
	Name   string `yaml:"name,omitempty" json:"name,omitempty" doc:"The band's name in the contract."`
	Status string `yaml:"status" json:"status" req:"1" enum:"performance" doc:"The status a figure in the band has."`
	Level  string `yaml:"level,omitempty" json:"level,omitempty" doc:"The level a figure must reach (87, target, target-2, 95% of target, with (exclusive) for strict); the last band has none."`
	Points num    `yaml:"points,omitempty" json:"points,omitempty" doc:"Service points of the band."`
	Score  int    `yaml:"score,omitempty" json:"score,omitempty" doc:"The band's score on a score scale."`
	// OrBetterThan makes the band depend on the direction of travel.
	OrBetterThan string `yaml:"or_better_than,omitempty" json:"or_better_than,omitempty" enum:"previous_period,same_period_last_year" doc:"A figure short of the band's level still falls in it where it is better than the KPI's figure for this earlier period: previous_period or same_period_last_year."`
}

type fileRelief struct {
	Kind    string `yaml:"kind" json:"kind" req:"1" enum:"exclusion,mitigation,customer_cause,not_measurable" doc:"What the relief does: exclusion takes the months out; mitigation and customer_cause keep the status but nothing accrues; not_measurable agrees that the KPI cannot be measured."`
	KPI     string `yaml:"kpi" json:"kpi" req:"1" doc:"The KPI relieved."`
	From    plain  `yaml:"from" json:"from" req:"1" fmt:"month" doc:"The first month relieved."`
	Through plain  `yaml:"through,omitempty" json:"through,omitempty" fmt:"month" doc:"The last month relieved; omit for an open-ended exclusion."`
	Reason  string `yaml:"reason" json:"reason" req:"1" doc:"Why, for the report."`
}

type fileCredit struct {
	Type       string   `yaml:"type" json:"type" req:"1" enum:"points,shortfall,fixed,at_risk" doc:"The rule: points, shortfall, fixed or at_risk."`
	Rate       num      `yaml:"rate,omitempty" json:"rate,omitempty" doc:"points: each point is this percent of the charges."`
	KPIs       []string `yaml:"kpis,omitempty" json:"kpis,omitempty" doc:"shortfall: the KPIs whose shortfall is a percentage of the charges."`
	KPI        string   `yaml:"kpi,omitempty" json:"kpi,omitempty" doc:"fixed: the KPI."`
	PerStatus  pairs    `yaml:"per_status,omitempty" json:"per_status,omitempty" keys:"status" values:"num" doc:"fixed: money by status (failed: 500), in the contract's currency."`
	PerFailure num      `yaml:"per_failure,omitempty" json:"per_failure,omitempty" doc:"fixed: money per failure counted."`
	Pool       string   `yaml:"pool,omitempty" json:"pool,omitempty" doc:"at_risk: the amount at risk (12% of charges, £5000)."`
	Allocation pairs    `yaml:"allocation,omitempty" json:"allocation,omitempty" values:"num" doc:"at_risk: percent of the pool by KPI."`
}

type fileRemedy struct {
	Rate           string `yaml:"rate" json:"rate" req:"1" doc:"The amount charged a point over the baseline (£1000, or 0.5% of charges)."`
	Baseline       pairs  `yaml:"baseline,omitempty" json:"baseline,omitempty" keys:"month" values:"num" doc:"The points allowed before the remedy charges, each from its month (2016-04: 10, 2017-04: 8); the first from the regime's first month or before."`
	ByContractYear []num  `yaml:"baseline_by_contract_year,omitempty" json:"baseline_by_contract_year,omitempty" doc:"Or the baseline for each contract year in turn, counted from the contract's start (10, 8, 6); the last holds for the years after."`
}

type fileEarnBack struct {
	Mode       string `yaml:"mode" json:"mode" req:"1" enum:"hold,repay" doc:"hold: a credit is held, not deducted, and deducted only if forfeited; repay: deducted, and repaid when earned back."`
	Periods    int    `yaml:"periods,omitempty" json:"periods,omitempty" doc:"The KPI's following measurement periods it must be on target (exceeded or met) in for a credit to be earned back (3)."`
	RestOfYear bool   `yaml:"rest_of_year,omitempty" json:"rest_of_year,omitempty" doc:"Instead of periods: on target in every period to the end of the year the credit accrued in."`
	Share      string `yaml:"share,omitempty" json:"share,omitempty" doc:"The share of each credit that can be earned back (50%); the rest is deducted as ever. 100% if omitted."`
	Limit      string `yaml:"limit,omitempty" json:"limit,omitempty" doc:"The most earned back in a year (£10000); beyond it a credit earned back is forfeited."`
}

type fileIncentive struct {
	KPI          string `yaml:"kpi" json:"kpi" req:"1" doc:"The KPI whose figures earn the incentive."`
	Benchmark    num    `yaml:"benchmark" json:"benchmark" req:"1" doc:"The figure at which nothing is paid or deducted (92.0)."`
	Per          num    `yaml:"per,omitempty" json:"per,omitempty" doc:"The unit of performance (0.1); 1 if omitted. Only whole units count."`
	Rate         string `yaml:"rate,omitempty" json:"rate,omitempty" doc:"Paid per unit better than the benchmark and deducted per unit worse (£1000): a symmetric incentive."`
	Bonus        string `yaml:"bonus,omitempty" json:"bonus,omitempty" doc:"Or: paid per unit better than the benchmark."`
	Deduction    string `yaml:"deduction,omitempty" json:"deduction,omitempty" doc:"Or: deducted per unit worse than the benchmark."`
	Fund         string `yaml:"fund,omitempty" json:"fund,omitempty" doc:"The most paid in bonuses in a year (£50000)."`
	DeductionCap string `yaml:"deduction_cap,omitempty" json:"deduction_cap,omitempty" doc:"The most deducted in a year."`
	Index        pairs  `yaml:"index,omitempty" json:"index,omitempty" keys:"month" values:"num" doc:"Factors the rates are multiplied by from each month on (2017-04: 1.032)."`
}

type fileCaps struct {
	PerPeriod string `yaml:"per_period,omitempty" json:"per_period,omitempty" doc:"At most this in one period (£5000, 10% of charges); money in the contract's currency (€5000 in a contract in EUR)."`
	Rolling   string `yaml:"rolling,omitempty" json:"rolling,omitempty" doc:"At most this over a rolling window."`
	Window    int    `yaml:"window,omitempty" json:"window,omitempty" doc:"The rolling window in periods (12 if omitted)."`
}

type fileRule struct {
	Event    string    `yaml:"event" json:"event" req:"1" doc:"The event raised (material failure)."`
	Rule     string    `yaml:"rule" json:"rule" req:"1" enum:"failures_in_window,consecutive,rolling_points,reached" doc:"The predicate."`
	KPI      string    `yaml:"kpi,omitempty" json:"kpi,omitempty" doc:"Restrict the rule to one KPI."`
	Failures int       `yaml:"failures,omitempty" json:"failures,omitempty" doc:"failures_in_window, consecutive: the number of failures."`
	Periods  int       `yaml:"periods,omitempty" json:"periods,omitempty" doc:"failures_in_window, rolling_points: the window in periods."`
	Points   num       `yaml:"points,omitempty" json:"points,omitempty" doc:"rolling_points: the level the window's points reach."`
	Status   string    `yaml:"status,omitempty" json:"status,omitempty" enum:"performance" doc:"reached: the status that raises the event."`
	Plan     *filePlan `yaml:"plan,omitempty" json:"plan,omitempty" doc:"The event opens a rectification plan: one for each KPI and event while it is open."`
}

type filePlan struct {
	SubmitWithinDays int    `yaml:"submit_within_days,omitempty" json:"submit_within_days,omitempty" doc:"The plan is due for submission this many days after the end of the month its event was raised in."`
	CloseAfter       int    `yaml:"close_after,omitempty" json:"close_after,omitempty" doc:"Once agreed, the plan closes when the KPI is on target in this many of its periods in a row."`
	OverdueEvent     string `yaml:"overdue_event,omitempty" json:"overdue_event,omitempty" doc:"The event raised when the plan is overdue: not submitted by its due date, or not completed by its agreed target date (critical failure)."`
	RepeatEvent      string `yaml:"repeat_event,omitempty" json:"repeat_event,omitempty" doc:"The event raised when the KPI fails again while the plan is agreed and open (termination right)."`
}
