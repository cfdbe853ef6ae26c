// Package kpiregime models the performance regimes of outsourcing contracts:
// the key performance indicators that councils and other public bodies hold
// suppliers to, and the rules that turn each month's figures into statuses,
// service credits and escalation.
//
// This root package holds documentation only. Import the layer you need.
//
// # What a performance regime is
//
// A council that outsources ICT, payroll, revenues and benefits or customer
// services writes a schedule of indicators into the contract. Each month the
// supplier reports a figure for each; the council checks it against the
// indicator's target and bands, applies any agreed relief, works out the
// financial consequence, and reports the result to a committee. kpiregime
// makes those rules code: exact decimals, calendar periods, and results that
// explain themselves.
//
// # Vocabulary
//
//   - KPI: a key performance indicator, such as "% of telephone calls
//     answered" or "resolution of severity 3 incidents within 2 business
//     days". A PI is a performance indicator that carries no consequence.
//   - Target: the level the supplier must reach in a period (90%, "< 5%",
//     "0 failures").
//   - Profile: a target that varies through the year, such as a council tax
//     collection rate of 11.36% by April and 20.31% by May toward 95.8% for the
//     year.
//   - Tolerance: a margin below the target that is reported, but not treated
//     as a failure.
//   - Detriment and failure: levels worse than the target at which the
//     performance counts against the supplier; some contracts name a target
//     service level and a minimum service level instead.
//   - Relief: figures taken out of the regime by agreement (an exclusion or
//     suspension), or a failure excused (mitigation): the status stands, but
//     no consequence follows.
//   - Service credit: the money deducted from the supplier's charges for
//     poor performance, often through service points, with caps.
//   - Escalation: what repeated or severe failure triggers, such as a
//     rectification plan or a material failure.
//
// # The layers
//
// The packages import strictly downwards:
//
//	period    calendar time: dates, months, financial years, quarters, labels,
//	          measurement frequencies; working-time calendars and SLA clocks
//	kpi       one indicator: measures, bands, profiles, evaluation of a figure
//	regime    a schedule of indicators: relief, credits, escalation, scorecards
//	contract  the agreement: parties, charges, regime history, contract files
//
// Import [github.com/kpiregime/kpiregime/period] to work with reporting
// periods and labels; [github.com/kpiregime/kpiregime/kpi] to evaluate single
// indicators; [github.com/kpiregime/kpiregime/regime] for scorecards and
// consequences; [github.com/kpiregime/kpiregime/contract] to load a contract
// file and a CSV of figures.
//
// The examples directory holds runnable programs, each reproducing a public
// council report: examples/peterborough (the main one: two Serco contracts,
// April and May 2016), examples/lancashire (quarter one and the year to date
// checked against their parts), examples/lincolnshire (outcomes reported
// without figures), examples/servicedesk (a million tickets on their SLA
// clocks), and examples/scorecard, the command that scores a contract file
// and a CSV of figures.
//
// # A worked example
//
// Seed 000, Peterborough's report on its Serco contracts, heads its columns
// "Apr-16" and "May-16" and measures customer satisfaction six-monthly, so the
// survey is "Not Measured in April, No Survey Due". In period terms:
//
//	survey := period.Must(period.ParseFrequency("6 Monthly"))
//	april := period.Must(period.ParseMonth("Apr-16"))
//	survey.Due(april)              // false: due in September and March
//	survey.PeriodOf(april)         // H1 2016/17, April to September 2016
//	period.Years{}.Quarter(april)  // Q1 2016/17
package kpiregime
