// Package period is calendar time as contracts and committee reports use it:
// civil dates, months, financial and contract years with their quarters and
// halves, years to date, measurement frequencies, and the labels reports print
// ("Apr-16", "2016/17", "Q1 2016/17", "YTD 2016/17").
//
// # Values
//
// Every value type here ([Date], [Month], [Year], [Years], [Period],
// [Frequency], [PeriodCalendar], [Kind], [Style], [Absorb]) is a small
// immutable value, safe to copy, compare with == and use from many
// goroutines; those with unexported fields also have an Equal method, which
// [github.com/google/go-cmp/cmp.Equal] uses. Constructors validate and return
// an error; [Must] turns a known-good result into a plain value for tests and
// examples. Each type's zero value is documented.
//
// [Date], [Month], [Year], [Years], [Period], [Frequency] and [Absorb]
// implement [encoding.TextMarshaler] and [encoding.TextUnmarshaler], so they
// read and write themselves in JSON, YAML and CSV as their labels (a [Years]
// as the month its years start in, an [Absorb] as first or last). A [Kind]
// has a String method but no text form to read back, and a [Style] and a
// [PeriodCalendar] (below) have no text form. Text that does not parse is a
// [*ParseError]: the one parse error of the library, which the parsers of
// kpi, regime and period/ukholiday return too, so one errors.As target
// catches them all.
//
//   - [Date]: a civil date with no time of day and no zone.
//   - [Month]: a year and a month.
//   - [Year]: twelve months from a start month. [Years] says which month years
//     start in; its zero value is the UK financial year, April to March, so
//     Years{}.Of(m) is the financial year of m and [FinancialYear](2016) is
//     2016/17.
//   - [Period]: a half-open span of days [Start, End) with a shape ([Kind]):
//     a month, quarter, half, year, year to date, run of months or run of
//     days. Periods iterate their months and days, and convert to instants in
//     an explicit [time.Location] with [Period.Interval].
//   - [Frequency]: how often a measure is taken, which months a measurement
//     falls due in ([Frequency.Due]) and which measurement period a month
//     belongs to ([Frequency.PeriodOf]). Quarterly, six-monthly and annual
//     frequencies belong to a way of counting years: [Quarterly] measures the
//     quarters of UK financial years, and [Years.Quarterly] or
//     [Years.ParseFrequency] those of years from another month (annual in
//     years from October falls due in September).
//     A [Periodic] frequency measures in a [PeriodCalendar]'s periods
//     (below), and writes itself as "periodic", which only
//     [PeriodCalendar.ParseFrequency] reads back.
//
// # Periods of thirteen
//
// Rail contracts report in thirteen periods a year (P1 2023/24 to P13
// 2023/24), not in months. A [PeriodCalendar] holds them, by a rule
// ([NewPeriodCalendar]: 28-day periods from a day of the year, the first or
// last absorbing the odd day or two) or from listed start dates
// ([ListedPeriodCalendar]). It gives the period containing a day, the
// periods, quarters (P1-P3, P4-P6, P7-P9, P10-P13) and years of a year, as
// Periods of kinds [KindRailPeriod], [KindRailQuarter] and [KindRailYear],
// and reads their labels ([PeriodCalendar.Parse]). A PeriodCalendar is a
// comparable value with [PeriodCalendar.Equal], but has no text form of its
// own (a contract file states it field by field); and since its labels need
// the calendar, [Period.UnmarshalText] and [ParseLabel] do not read them.
//
// # Working time
//
// Working-time calendars, business hours, deadlines and SLA clocks are in
// package [github.com/kpiregime/kpiregime/period/worktime], which builds on
// the dates here; UK bank holidays are in package
// [github.com/kpiregime/kpiregime/period/ukholiday].
//
// # Calendar periods are not durations
//
// A month is a month, not 30 days, and a day is a civil date, not 24 hours.
// Instants are built per civil date in an explicit location ([Date.In]), never
// as midnight plus a duration, so a month that contains a clock change is 743
// or 745 hours long, as it should be.
//
// # Labels
//
// [ParseLabel] reads the forms the seed reports use (Apr-16, April 2016,
// 2016-04, 2016/17, 2016/2017, Q1 2016/17, Quarter One 2016/2017, YTD
// 2016/17) and [Period.Label] writes them in three styles ([ISO], [Short],
// [Long]). Parsing is strict: a label that does not match is a [*ParseError]
// that quotes the input and says what was expected. Whatever parses formats
// back, in every style, to a label that parses to the same period.
package period
