// Package render writes scorecards for people and programs: an aligned text
// table like a committee report's, Markdown, CSV, JSON in a stable shape,
// and a single self-contained HTML page for a committee.
// Every renderer is deterministic byte for byte: the same scorecards always
// give the same output.
//
// Every renderer shows what a row holds beside its status. In the text and
// Markdown tables the Status cell reads "Met (interim)" for an interim
// figure (shown, never charged), and ends in " !" where the supplier's
// reported status disagrees with the row's or the return claimed a status
// the contract does not grant; a "Disagreements:" line under the table names
// those rows ("3 (reported met, rated missed), 5 (claimed not due, but
// due)"). A row whose period is not the scorecard's (a quarterly KPI's Q1
// row on the June card, two four-weekly rows in one month) has "for Q1
// 2016/17" as its first note. A result rated from a range of figures shows
// the range as its figure ("91%–95%"). The summary counts leave interim rows
// out, and say how many there were ("3 interim"). A card spanning more than
// one version of the regime names them all in its title ("ICT 2016 and
// 2017").
//
// The JSON shape is an object with a "scorecards" array; each scorecard has
// "contract", "regime", "version" (the version in force in its last month),
// "versions" (every version that rated it, in order), "period" (the card's
// period), "rows", "summary" and "events". Each row has "contract",
// "regime", "version" (the last version that rated it), "versions",
// "kpi", "description", "service_area", "tier", "period" (the period the
// row rates, in ISO form: 2016-05 for a month, Q1 2016/17 for a quarter,
// 2016-04-01..2016-04-28 for a four-weekly period), "status" (the
// canonical ladder name, "info" for a contextual measure's figure),
// "label", "target", "actual", "variance", "band" (the band's name),
// "score" (on a score scale, the band's score, else null), "max_score"
// (the scale's top score, present only on one), "reason", "interim", "deemed", "reported" (the status the supplier
// reported beside a figure, or null), "disagrees", "claim" (the status the
// return claimed instead of a figure, or null), "claim_refused",
// "relieved", "relief", "points", "credit", "trend" and "notes".
// "outcome" is true, and present, only for a status reported with no
// figure ([kpi.Outcome]); "range" ({"low": "91", "high": "95"}) is present
// only for a result rated from a range of figures, whose "actual" is null
// (its ends are rounded to the measure's precision where they have more
// places, as a figure is);
// "tally" ({"failed": 3, "met": 6}, by canonical status name) is present
// only in a view, counting the KPI's measurement periods by status. The
// summary has "total", "interim" (rows of interim figures, which the other
// counts leave out), "for_info" (rows of contextual measures, left out
// likewise), "rated", "on_target", "by_status",
// "by_service_area", "by_tier", "share_on_target" (of the rows that are not
// interim), "share_on_target_rated", "exceptions", "disagreements" (the
// references of rows that disagree or whose claim was refused), "points",
// "credits_before_caps", "credits" and "capped_by"; and, for a regime
// with a points remedy, "remedy", "points_over_baseline" and
// "remedy_notes"; and, where a row is on a score scale, "scored",
// "unscored", "score", "max_score", "score_share" (score as a percentage
// of the maximum) and "mean_score". Text, Markdown and HTML add a Score
// column ("4 Strong") to a card with a score scale, and a summary line
// "Score: 12 of 20 (60.00% of the maximum); mean 3.00 over 4 KPIs".
// Decimals are JSON strings, and absent figures are null.
//
// # Money and its currency
//
// Every amount of money is in the scorecard's currency
// ([regime.Scorecard.Currency], the contract's; GBP unless it says
// otherwise). Text, Markdown, HTML and the reports write it with its sign
// or code, as [regime.Currency.Format] does: "£2,000.00", "-£15.50",
// "€2,000.00", "USD 2,000.00". In JSON every money field is an object
// with the amount as a string to two places and the ISO 4217 code:
// "credit": {"amount": "2000.00", "currency": "GBP"} ([regime.Money]); so
// are "held", "earned_back", "repaid", "forfeited", "bonus" and
// "deduction" on a row, "credit" of a figure and of "year_before",
// "at_stake" and "charge" of "what_it_takes", "before", "after" and
// "amount" of an adjustment, and the summary's "credits_before_caps",
// "credits", "capped_by", "remedy", "adjustments_total", "held",
// "earned_back", "repaid", "forfeited", "held_balance", "bonuses" and
// "deductions". CSV keeps its money columns as bare numbers, so that a
// spreadsheet adds them, and names their currency in a "currency" column
// after "card_period". A report's total of credits across contracts in
// different currencies gives each currency's total apart ("£4,000.00 +
// €2,500.00").
//
// # One report for several contracts
//
// A committee report often covers several contracts (seed 000 is one
// report on two Serco contracts). [TextReport], [MarkdownReport] and
// [HTMLReport] write a [Report]: its title, a numbered contents list, a
// summary table across the contracts (each contract's KPIs, its counts by
// status under the statuses' default labels, how many are on target, its
// credits after caps and its number of events, then a row of totals), and
// each contract's scorecard as [Text], [Markdown] and [HTML] write it,
// under a numbered heading. The HTML report prints on A4: each contract
// starts a new page, and a table's header row is repeated on each page.
// The single-contract renderers are unchanged by it.
//
// Three further row fields are present only where a row has them.
// "forecast", on a KPI with a cumulative profile, is the library's own
// projection to the year end ([regime.Row.Forecast]): {"profiled",
// "projected", "annual", "on_track"}; "note_disagrees" is true where the
// return's note claims on track ([regime.ClaimsOnTrack]) and the
// projection says not, and such a row is in the summary's
// "disagreements". "what_it_takes", set by [regime.Ledger.WhatItTakes], has
// "needs" (for each better band up to the target, best first: "status",
// "band", "level", "strict", "reachable", "text", and for a ratio with
// counts "cases", "denominator" and "more", else null), "year" (null, or
// what the months left need: "annual", "so_far", "from", "to", "months",
// "per_month", "volume", "cases", "reached", "reachable", "text"), and
// "at_stake", "at_stake_for" (the next measurement period), "charge" and
// "charge_given" (null where there are no credit rules). "year_before",
// set by [regime.Ledger.CompareYearBefore], has "period", "found",
// "status", "label", "actual", "credit" and "travel" (improved, worsened,
// unchanged, or "" where nothing compares); the card then has
// "year_before", the period compared with.
//
// In text, Markdown and HTML the projection ("projection: 26.56% at the
// year end against the annual 30%, not on track") and what it takes
// ("needed for met: at least 90% (900 of 1000, 13 more)", "year: needs
// ...", "at stake in Jun-16 if it stays so: £2,000.00") follow the row's
// notes, a note that disagrees with the projection marks the row ! and is
// named under Disagreements ("R&B-K-008 (note says on track, projected
// 26.56% against the annual 30%)"), and a compared card has "Year before"
// and "Travel" columns before the notes and a line "Against May-15: 3
// improved, 1 worsened, 5 unchanged". CSV adds year_before_period,
// year_before_status, year_before_actual, year_before_credit and travel
// for a compared card, and nothing otherwise; likewise held, earned_back,
// repaid, forfeited, bonus and deduction where a row moved money by
// earn-back or incentives, and projected, annual and on_track where a row
// has a projection to the year end.
//
// # Text from the contract and the return
//
// Names, references, descriptions, labels and above all the supplier's
// notes are free text that reaches every output. Each renderer makes that
// text inert where it lands; the library's own text and markup are left as
// they are.
//
//   - Text: in a value from the input, a line break (LF, CR or CR LF) and a
//     tab become one space, so that a value never breaks a table's row or
//     column. Every other control character is written as a visible Go
//     escape: C0 and DEL as \x1b, \x07, \x7f; the C1 range U+0080–U+009F,
//     the line and paragraph separators U+2028 and U+2029 and the bidi
//     controls U+202A–U+202E and U+2066–U+2069 as \u0085, \u202e. Bytes
//     that are not UTF-8 become U+FFFD. No escape sequence reaches a
//     terminal, and no text is reordered on screen. [Table] treats its
//     cells the same way.
//   - Markdown: table cells, the title and the summary lines are first made
//     plain as for Text (so a line break is a space), then | is written \|,
//     the characters that could start markup (\, `, *, _, [, ]) are escaped
//     with a backslash, and <, > and & are written &lt;, &gt; and &amp;: no
//     raw HTML, link or emphasis comes from a value. The targets, figures,
//     points and credits, which the library writes from numbers, are left
//     as they are ("< 5%").
//   - CSV: a text cell that starts with =, +, -, @, a tab or a carriage
//     return, which a spreadsheet would read as a formula, gets a single
//     quote (') in front, as OWASP's CSV Injection guidance advises:
//     "=1+2" is written "'=1+2". The numeric columns, target, actual,
//     variance, points, credit, range_low and range_high, are the library's
//     own decimals and are never altered, so that a negative variance such
//     as -2.5 stays a number. Every other column is treated as text.
//   - HTML: every value is escaped for HTML (<, >, &, ' and "), after its
//     control characters are made plain as for Text, so the page stays
//     well-formed and nothing in it is reordered.
//   - JSON: encoding/json escapes what JSON needs; values are written as
//     they are.
package render

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// A Card is a scorecard with the contract it belongs to.
type Card struct {
	Contract  string
	Scorecard *regime.Scorecard
}

// row is a scorecard row in the JSON and CSV shape.
type row struct {
	Contract     string         `json:"contract"`
	Regime       string         `json:"regime"`
	Version      string         `json:"version"`
	Versions     []string       `json:"versions"`
	KPI          string         `json:"kpi"`
	Description  string         `json:"description"`
	ServiceArea  string         `json:"service_area"`
	Tier         string         `json:"tier"`
	Period       string         `json:"period"`
	Status       string         `json:"status"`
	Label        string         `json:"label"`
	Target       *string        `json:"target"`
	Actual       *string        `json:"actual"`
	Range        *bounds        `json:"range,omitempty"`
	Outcome      bool           `json:"outcome,omitempty"`
	Variance     *string        `json:"variance"`
	Band         string         `json:"band"`
	Score        *int           `json:"score"`
	MaxScore     int            `json:"max_score,omitempty"`
	Reason       string         `json:"reason"`
	Interim      bool           `json:"interim"`
	Deemed       bool           `json:"deemed"`
	Reported     *string        `json:"reported"`
	Disagrees    bool           `json:"disagrees"`
	Claim        *string        `json:"claim"`
	ClaimRefused bool           `json:"claim_refused"`
	Relieved     bool           `json:"relieved"`
	Relief       string         `json:"relief"`
	Points       string         `json:"points"`
	Credit       regime.Money   `json:"credit"`
	Trend        string         `json:"trend"`
	Tally        map[string]int `json:"tally,omitempty"`
	Notes        []string       `json:"notes"`
	Restated     bool           `json:"restated,omitempty"`
	Figures      []figure       `json:"figures,omitempty"`
	// Earn-back and incentive moves, where there are any.
	Held       *regime.Money `json:"held,omitempty"`
	EarnedBack *regime.Money `json:"earned_back,omitempty"`
	Repaid     *regime.Money `json:"repaid,omitempty"`
	Forfeited  *regime.Money `json:"forfeited,omitempty"`
	Bonus      *regime.Money `json:"bonus,omitempty"`
	Deduction  *regime.Money `json:"deduction,omitempty"`
	// The projection of a cumulative KPI, the row's what-it-takes and its
	// year-before counterpart: each omitted where the row has none.
	Forecast      *forecast   `json:"forecast,omitempty"`
	NoteDisagrees bool        `json:"note_disagrees,omitempty"`
	WhatItTakes   *takes      `json:"what_it_takes,omitempty"`
	YearBefore    *yearBefore `json:"year_before,omitempty"`
}

// forecast is a cumulative KPI's projection to the year end.
type forecast struct {
	Profiled  string `json:"profiled"`
	Projected string `json:"projected"`
	Annual    string `json:"annual"`
	OnTrack   bool   `json:"on_track"`
}

// need is what one band needed.
type need struct {
	Status      string  `json:"status"`
	Band        string  `json:"band,omitempty"`
	Level       string  `json:"level"`
	Strict      bool    `json:"strict"`
	Cases       *string `json:"cases"`
	Denominator *string `json:"denominator"`
	More        *string `json:"more"`
	Reachable   bool    `json:"reachable"`
	Text        string  `json:"text"`
}

// yearNeed is what the months left in the year need.
type yearNeed struct {
	Annual    string  `json:"annual"`
	SoFar     string  `json:"so_far"`
	From      string  `json:"from"`
	To        string  `json:"to"`
	Months    int     `json:"months"`
	PerMonth  *string `json:"per_month"`
	Volume    *string `json:"volume"`
	Cases     *string `json:"cases"`
	Reached   bool    `json:"reached"`
	Reachable bool    `json:"reachable"`
	Text      string  `json:"text"`
}

// takes is a row's what-it-takes.
type takes struct {
	Needs       []need        `json:"needs"`
	Year        *yearNeed     `json:"year"`
	AtStake     *regime.Money `json:"at_stake"`
	AtStakeFor  *string       `json:"at_stake_for"`
	Charge      *regime.Money `json:"charge"`
	ChargeGiven bool          `json:"charge_given"`
}

// yearBefore is a row's counterpart a year before.
type yearBefore struct {
	Period string        `json:"period"`
	Found  bool          `json:"found"`
	Status *string       `json:"status"`
	Label  string        `json:"label"`
	Actual *string       `json:"actual"`
	Credit *regime.Money `json:"credit"`
	Travel string        `json:"travel"`
}

// figure is one version of a restated row's figure in the JSON shape.
type figure struct {
	Actual     *string      `json:"actual"`
	Outcome    bool         `json:"outcome,omitempty"`
	Status     *string      `json:"status"`
	Label      string       `json:"label"`
	Credit     regime.Money `json:"credit"`
	ReportedOn *string      `json:"reported_on"`
	ReportedBy string       `json:"reported_by"`
	File       string       `json:"file"`
	Sheet      string       `json:"sheet,omitempty"`
	Line       int          `json:"line"`
	Note       string       `json:"note"`
}

// adjustment is a restatement's adjustment in the JSON shape.
type adjustment struct {
	Month      string       `json:"month"`
	ReportedOn string       `json:"reported_on"`
	ReportedBy string       `json:"reported_by"`
	Restated   []string     `json:"restated"`
	Months     []string     `json:"months"`
	Before     regime.Money `json:"before"`
	After      regime.Money `json:"after"`
	Amount     regime.Money `json:"amount"`
}

// bounds are the ends of a range of figures a result was rated from.
type bounds struct {
	Low  string `json:"low"`
	High string `json:"high"`
}

type summary struct {
	Total              int                       `json:"total"`
	Interim            int                       `json:"interim"`
	ForInfo            int                       `json:"for_info"`
	Rated              int                       `json:"rated"`
	OnTarget           int                       `json:"on_target"`
	ByStatus           map[string]int            `json:"by_status"`
	ByServiceArea      map[string]map[string]int `json:"by_service_area"`
	ByTier             map[string]map[string]int `json:"by_tier"`
	ShareOnTarget      string                    `json:"share_on_target"`
	ShareOnTargetRated string                    `json:"share_on_target_rated"`
	Exceptions         []string                  `json:"exceptions"`
	Disagreements      []string                  `json:"disagreements"`
	Points             string                    `json:"points"`
	CreditsBeforeCaps  regime.Money              `json:"credits_before_caps"`
	Credits            regime.Money              `json:"credits"`
	CappedBy           regime.Money              `json:"capped_by"`
	// The score scale's totals, where a row is on one: omitted otherwise.
	Scored     int    `json:"scored,omitempty"`
	Unscored   int    `json:"unscored,omitempty"`
	Score      *int   `json:"score,omitempty"`
	MaxScore   int    `json:"max_score,omitempty"`
	ScoreShare string `json:"score_share,omitempty"`
	MeanScore  string `json:"mean_score,omitempty"`
	// The points remedy, for a regime with one: omitted otherwise.
	Remedy             *regime.Money `json:"remedy,omitempty"`
	PointsOverBaseline string        `json:"points_over_baseline,omitempty"`
	RemedyNotes        []string      `json:"remedy_notes,omitempty"`
	// Restatements' adjustments posted in the card's months: omitted where
	// there are none.
	Adjustments      []adjustment  `json:"adjustments,omitempty"`
	AdjustmentsTotal *regime.Money `json:"adjustments_total,omitempty"`
	// Earn-back and incentives, for a regime with them: omitted otherwise.
	Held        *regime.Money `json:"held,omitempty"`
	EarnedBack  *regime.Money `json:"earned_back,omitempty"`
	Repaid      *regime.Money `json:"repaid,omitempty"`
	Forfeited   *regime.Money `json:"forfeited,omitempty"`
	HeldBalance *regime.Money `json:"held_balance,omitempty"`
	Bonuses     *regime.Money `json:"bonuses,omitempty"`
	Deductions  *regime.Money `json:"deductions,omitempty"`
}

type event struct {
	Name   string `json:"name"`
	KPI    string `json:"kpi"`
	Period string `json:"period"`
	Rule   string `json:"rule"`
}

type card struct {
	Contract string   `json:"contract"`
	Regime   string   `json:"regime"`
	Version  string   `json:"version"`
	Versions []string `json:"versions"`
	Period   string   `json:"period"`
	AsAt     string   `json:"as_at,omitempty"`
	// YearBefore is the period the rows were compared with, where they were.
	YearBefore string  `json:"year_before,omitempty"`
	Rows       []row   `json:"rows"`
	Summary    summary `json:"summary"`
	Events     []event `json:"events"`
	// Plans are the rectification plans open in the card's period: omitted
	// where there are none.
	Plans []planJSON `json:"plans,omitempty"`
}

// planJSON is a rectification plan in the JSON shape.
type planJSON struct {
	KPI     string     `json:"kpi"`
	Event   string     `json:"event"`
	Opened  string     `json:"opened"`
	Due     string     `json:"due,omitempty"`
	Target  string     `json:"target,omitempty"`
	State   string     `json:"state"`
	Overdue bool       `json:"overdue"`
	Steps   []planStep `json:"steps"`
}

// planStep is a step of a plan in the JSON shape.
type planStep struct {
	Date   string `json:"date"`
	State  string `json:"state,omitempty"`
	Target string `json:"target,omitempty"`
	Note   string `json:"note,omitempty"`
}

// dateText is a date, or "" for the zero Date.
func dateText(d period.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// moneyIf is the amount in the scorecard's currency, or nil for zero (a
// field omitted).
func moneyIf(sc *regime.Scorecard, d decimal.Decimal) *regime.Money {
	if d.IsZero() {
		return nil
	}
	m := sc.Money(d)
	return &m
}

// amount is a CSV money cell: the amount with its two places and no
// currency, which the currency column gives; "" for nil.
func amount(m *regime.Money) string {
	if m == nil {
		return ""
	}
	return m.Amount.StringFixed(2)
}

// moneyText writes an amount of the scorecard's for people, in its
// currency: £2,000.00, -£15.50, €2,000.00.
func moneyText(sc *regime.Scorecard, d decimal.Decimal) string { return sc.Currency.Format(d) }

// exact writes a decimal with the places it has (90.0 stays 90.0).
func exact(d decimal.Decimal) string { return kpi.Written{Value: d}.String() }

func ptr(d decimal.Decimal, ok bool) *string {
	if !ok {
		return nil
	}
	s := exact(d)
	return &s
}

func statusName(st kpi.Status) *string {
	if st == 0 {
		return nil
	}
	s := st.String()
	return &s
}

// versionsOf are the versions that rated r: its own, or the card's version
// for a row that names none.
func versionsOf(sc *regime.Scorecard, r regime.Row) []string {
	if len(r.Versions) > 0 {
		return slices.Clone(r.Versions)
	}
	return []string{sc.Version}
}

// periodOf is the period r rates: its own, or the card's for a row that
// names none.
func periodOf(sc *regime.Scorecard, r regime.Row) period.Period {
	if r.Period.IsZero() {
		return sc.Period
	}
	return r.Period
}

func rowOf(c Card, r regime.Row) row {
	sc := c.Scorecard
	target, tok := r.Result.Target()
	actual, aok := r.Result.Actual()
	variance, vok := r.Result.Variance()
	versions := versionsOf(sc, r)
	out := row{
		Contract: c.Contract, Regime: cmp.Or(r.Regime, sc.Regime), Version: versions[len(versions)-1], Versions: versions, KPI: r.KPI,
		Description: r.Description, ServiceArea: r.ServiceArea, Tier: r.Tier.String(), Period: periodOf(sc, r).String(),
		Status: r.Status.String(), Label: r.Label, Target: ptr(target, tok), Actual: ptr(actual, aok), Variance: ptr(variance, vok),
		Outcome: r.Result.IsOutcome(), Reason: r.Result.Reason(), Interim: r.Interim, Deemed: r.Deemed,
		Reported: statusName(r.Reported), Disagrees: r.Disagrees, Claim: statusName(r.Claim), ClaimRefused: r.ClaimRefused,
		Relieved: r.Relieved, Points: exact(r.Points), Credit: sc.Money(r.Credit), Notes: append([]string{}, r.Notes...),
	}
	if lo, hi, ok := rangeOf(r.Result); ok {
		out.Range = &bounds{Low: exact(lo), High: exact(hi)}
	}
	if b, ok := r.Result.Band(); ok {
		out.Band = b.Name
	}
	if sc, ok := r.Result.Score(); ok {
		out.Score, out.MaxScore = &sc, r.Result.MaxScore()
	}
	mv := r.Moves()
	out.Held, out.EarnedBack, out.Repaid = moneyIf(sc, mv.Held), moneyIf(sc, mv.EarnedBack), moneyIf(sc, mv.Repaid)
	out.Forfeited, out.Bonus, out.Deduction = moneyIf(sc, mv.Forfeited), moneyIf(sc, mv.Bonus), moneyIf(sc, mv.Deduction)
	if r.Relief.Kind != 0 {
		out.Relief = r.Relief.Kind.String()
	}
	if r.HasTrend {
		out.Trend = r.Trend.String()
	}
	if r.Tally != nil {
		out.Tally = names(r.Tally)
	}
	if r.Restated() {
		out.Restated = true
		for _, v := range r.Figures {
			actual, aok := v.Result.Actual()
			f := figure{Actual: ptr(actual, aok), Outcome: v.Obs.IsOutcome(), Status: statusName(v.Status), Label: v.Label,
				Credit: sc.Money(v.Credit), ReportedBy: v.ReportedBy, File: v.Source.File, Sheet: v.Source.Sheet, Line: v.Source.Line, Note: v.Note}
			if !v.ReportedOn.IsZero() {
				on := v.ReportedOn.String()
				f.ReportedOn = &on
			}
			out.Figures = append(out.Figures, f)
		}
	}
	if f, ok := r.Forecast(); ok {
		out.Forecast = &forecast{Profiled: exact(f.Profiled), Projected: exact(f.Projected), Annual: exact(f.Annual), OnTrack: f.OnTrack}
	}
	out.NoteDisagrees = r.NoteDisagrees
	out.WhatItTakes = takesOf(sc, r.Takes)
	out.YearBefore = yearBeforeOf(sc, r.YearBefore)
	return out
}

// takesOf is t in the JSON shape, or nil.
func takesOf(sc *regime.Scorecard, t *regime.Takes) *takes {
	if t.Empty() {
		return nil
	}
	out := &takes{Needs: []need{}, ChargeGiven: t.ChargeGiven}
	for _, n := range t.Needs {
		x := need{Status: n.Status.String(), Band: n.Band, Level: exact(n.Level), Strict: n.Strict, Reachable: n.Reachable, Text: n.String()}
		if n.HasCases {
			x.Cases, x.Denominator, x.More = ptr(n.Cases, true), ptr(n.Denominator, true), ptr(n.More, true)
		}
		out.Needs = append(out.Needs, x)
	}
	if t.HasYear {
		y := t.Year
		out.Year = &yearNeed{Annual: exact(y.Annual), SoFar: exact(y.SoFar), From: y.From.String(), To: y.To.String(), Months: y.Months,
			PerMonth: ptr(y.PerMonth, !y.Reached && y.Reachable), Volume: ptr(y.Volume, !y.Volume.IsZero()), Cases: ptr(y.Cases, y.HasCases),
			Reached: y.Reached, Reachable: y.Reachable, Text: y.String()}
	}
	if t.HasAtStake {
		stake, charge, of := sc.Money(t.AtStake), sc.Money(t.Charge), t.AtStakeFor.String()
		out.AtStake, out.Charge, out.AtStakeFor = &stake, &charge, &of
	}
	return out
}

// yearBeforeOf is y in the JSON shape, or nil.
func yearBeforeOf(sc *regime.Scorecard, y *regime.YearBefore) *yearBefore {
	if y == nil {
		return nil
	}
	out := &yearBefore{Period: y.Period.String(), Found: y.Found, Travel: y.Travel.String()}
	if y.Found {
		a, ok := y.Result.Actual()
		credit := sc.Money(y.Credit)
		out.Status, out.Label, out.Actual, out.Credit = statusName(y.Status), y.Label, ptr(a, ok), &credit
	}
	return out
}

func cardOf(c Card) card {
	sc := c.Scorecard
	out := card{Contract: c.Contract, Regime: sc.Regime, Version: sc.Version, Versions: append([]string{}, sc.Versions...),
		Period: sc.Period.String(), Rows: []row{}, Events: []event{}}
	if !sc.AsAt.IsZero() {
		out.AsAt = sc.AsAt.String()
	}
	if !sc.YearBefore.IsZero() {
		out.YearBefore = sc.YearBefore.String()
	}
	for _, r := range sc.Rows {
		out.Rows = append(out.Rows, rowOf(c, r))
	}
	s := sc.Summary
	out.Summary = summary{Total: s.Total, Interim: s.Interim, ForInfo: s.ForInfo, Rated: s.Rated, OnTarget: s.OnTarget,
		ByStatus: names(s.ByStatus), ByServiceArea: map[string]map[string]int{}, ByTier: map[string]map[string]int{},
		ShareOnTarget: s.ShareOnTarget.StringFixed(2), ShareOnTargetRated: s.ShareOnTargetRated.StringFixed(2),
		Exceptions: append([]string{}, s.Exceptions...), Disagreements: append([]string{}, s.Disagreements...),
		Points: s.Points.String(), CreditsBeforeCaps: sc.Money(s.CreditsBeforeCaps), Credits: sc.Money(s.Credits), CappedBy: sc.Money(s.CappedBy)}
	if s.MaxScore > 0 {
		score := s.Score
		out.Summary.Scored, out.Summary.Unscored, out.Summary.Score, out.Summary.MaxScore = s.Scored, s.Unscored, &score, s.MaxScore
		out.Summary.ScoreShare, out.Summary.MeanScore = s.ScoreShare.StringFixed(2), s.MeanScore.StringFixed(2)
	}
	if len(s.RemedyNotes) > 0 {
		remedy := sc.Money(s.Remedy)
		out.Summary.Remedy, out.Summary.PointsOverBaseline = &remedy, s.PointsOverBaseline.String()
		out.Summary.RemedyNotes = append([]string{}, s.RemedyNotes...)
	}
	for _, a := range s.Adjustments {
		months := make([]string, len(a.Months))
		for i, m := range a.Months {
			months[i] = m.String()
		}
		out.Summary.Adjustments = append(out.Summary.Adjustments, adjustment{Month: a.Month.String(), ReportedOn: a.ReportedOn.String(),
			ReportedBy: a.ReportedBy, Restated: append([]string{}, a.Restated...), Months: months, Before: sc.Money(a.Before),
			After: sc.Money(a.After), Amount: sc.Money(a.Amount)})
	}
	out.Summary.Held, out.Summary.EarnedBack, out.Summary.Repaid = moneyIf(sc, s.Held), moneyIf(sc, s.EarnedBack), moneyIf(sc, s.Repaid)
	out.Summary.Forfeited, out.Summary.HeldBalance = moneyIf(sc, s.Forfeited), moneyIf(sc, s.HeldBalance)
	out.Summary.Bonuses, out.Summary.Deductions = moneyIf(sc, s.Bonuses), moneyIf(sc, s.Deductions)
	if len(s.Adjustments) > 0 {
		total := sc.Money(s.AdjustmentsTotal)
		out.Summary.AdjustmentsTotal = &total
	}
	for area, m := range s.ByServiceArea {
		out.Summary.ByServiceArea[area] = names(m)
	}
	for tier, m := range s.ByTier {
		out.Summary.ByTier[tier.String()] = names(m)
	}
	for _, e := range sc.Events {
		out.Events = append(out.Events, event{Name: e.Name, KPI: e.KPI, Period: e.Period.String(), Rule: e.Rule})
	}
	for _, p := range sc.Plans {
		pj := planJSON{KPI: p.KPI, Event: p.Event, Opened: p.Opened.String(), Due: dateText(p.Due), Target: dateText(p.Target),
			State: p.State.String(), Overdue: p.Overdue, Steps: []planStep{}}
		for _, s := range p.Steps {
			st := ""
			if s.State != 0 {
				st = s.State.String()
			}
			pj.Steps = append(pj.Steps, planStep{Date: s.Date.String(), State: st, Target: dateText(s.Target), Note: s.Note})
		}
		out.Plans = append(out.Plans, pj)
	}
	return out
}

func names(m map[kpi.Status]int) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		out[k.String()] = v
	}
	return out
}

// JSON writes the cards in the stable JSON shape, indented, with a final
// newline. Map keys are sorted, so the output is the same every time.
func JSON(w io.Writer, cards ...Card) error {
	doc := struct {
		Scorecards []card `json:"scorecards"`
	}{Scorecards: []card{}}
	for _, c := range cards {
		doc.Scorecards = append(doc.Scorecards, cardOf(c))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// csvColumns are the CSV renderer's columns, one row per scorecard row per
// card. "period" is the period the row rates and "card_period" the card's;
// "versions" are joined with "; ", and "tally" is written "failed 3; met 6".
// The money columns (credit, and year_before_credit and the moves where
// they are added) are bare amounts to two places, in the ISO 4217 currency
// of the "currency" column (GBP).
var csvColumns = []string{"contract", "regime", "version", "period", "kpi", "description", "service_area", "tier",
	"status", "label", "target", "actual", "variance", "band", "score", "relieved", "relief", "points", "credit", "trend", "reason", "notes",
	"interim", "deemed", "reported", "disagrees", "claim", "claim_refused", "range_low", "range_high", "tally", "versions",
	"card_period", "currency"}

// csvYearBefore are the columns added where a card was compared with a
// year before: the period compared with, the status, figure and credit
// then, and the direction of travel (improved, worsened, unchanged, or
// empty where there is nothing to compare).
var csvYearBefore = []string{"year_before_period", "year_before_status", "year_before_actual", "year_before_credit", "travel"}

// csvMoves are the columns added where a row moved money by earn-back or
// incentives ([regime.Moves]): each an amount in the card's currency (the
// currency column), empty for none,
// and never netted, so that a bonus and a deduction are never confused.
var csvMoves = []string{"held", "earned_back", "repaid", "forfeited", "bonus", "deduction"}

// csvForecast are the columns added where a row has a projection to the
// year end: the projected figure, the annual target and whether it is on
// track.
var csvForecast = []string{"projected", "annual", "on_track"}

// csvNumbers are the CSV columns of decimals the library writes itself,
// which are never altered: every other column is text, and is protected
// against formula injection ([csvText]).
var csvNumbers = map[string]bool{"target": true, "actual": true, "variance": true, "score": true, "points": true, "credit": true,
	"range_low": true, "range_high": true, "year_before_actual": true, "year_before_credit": true,
	"held": true, "earned_back": true, "repaid": true, "forfeited": true, "bonus": true, "deduction": true,
	"projected": true, "annual": true}

// csvText protects a text cell against formula injection as OWASP advises:
// a cell that starts with =, +, -, @, a tab or a carriage return gets a
// single quote in front, so that a spreadsheet reads it as text.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSV writes one line per scorecard row per card under a header, for
// spreadsheets. Text cells that a spreadsheet would take for a formula get a
// single quote in front; the numeric columns are left as they are (see the
// package documentation).
func CSV(w io.Writer, cards ...Card) error {
	cw := csv.NewWriter(w)
	compared := slices.ContainsFunc(cards, func(c Card) bool { return !c.Scorecard.YearBefore.IsZero() })
	moved := slices.ContainsFunc(cards, func(c Card) bool {
		return slices.ContainsFunc(c.Scorecard.Rows, func(r regime.Row) bool { return !r.Moves().IsZero() })
	})
	projected := slices.ContainsFunc(cards, func(c Card) bool {
		return slices.ContainsFunc(c.Scorecard.Rows, func(r regime.Row) bool { _, ok := r.Forecast(); return ok })
	})
	cols := csvColumns
	if compared {
		cols = append(slices.Clone(cols), csvYearBefore...)
	}
	if moved {
		cols = append(slices.Clone(cols), csvMoves...)
	}
	if projected {
		cols = append(slices.Clone(cols), csvForecast...)
	}
	if err := cw.Write(cols); err != nil {
		return err
	}
	for _, c := range cards {
		for _, r := range c.Scorecard.Rows {
			x := rowOf(c, r)
			lo, hi := "", ""
			if x.Range != nil {
				lo, hi = x.Range.Low, x.Range.High
			}
			rec := []string{x.Contract, x.Regime, x.Version, x.Period, x.KPI, x.Description, x.ServiceArea, x.Tier,
				x.Status, x.Label, deref(x.Target), deref(x.Actual), deref(x.Variance), x.Band, scoreText(x.Score), fmt.Sprint(x.Relieved),
				x.Relief, x.Points, amount(&x.Credit), x.Trend, x.Reason, strings.Join(x.Notes, "; "),
				fmt.Sprint(x.Interim), fmt.Sprint(x.Deemed), deref(x.Reported), fmt.Sprint(x.Disagrees), deref(x.Claim),
				fmt.Sprint(x.ClaimRefused), lo, hi, tallyText(r.Tally), strings.Join(x.Versions, "; "), c.Scorecard.Period.String(), c.Scorecard.Currency.Code()}
			if compared {
				var yb yearBefore
				if x.YearBefore != nil {
					yb = *x.YearBefore
				}
				rec = append(rec, yb.Period, deref(yb.Status), deref(yb.Actual), amount(yb.Credit), yb.Travel)
			}
			if moved {
				rec = append(rec, amount(x.Held), amount(x.EarnedBack), amount(x.Repaid), amount(x.Forfeited), amount(x.Bonus), amount(x.Deduction))
			}
			if projected {
				if f := x.Forecast; f != nil {
					rec = append(rec, f.Projected, f.Annual, fmt.Sprint(f.OnTrack))
				} else {
					rec = append(rec, "", "", "")
				}
			}
			for i, col := range cols {
				if !csvNumbers[col] {
					rec[i] = csvText(rec[i])
				}
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// scoreText writes a score, or nothing.
func scoreText(n *int) string {
	if n == nil {
		return ""
	}
	return fmt.Sprint(*n)
}

// tallyText writes a tally in the order of the statuses: "met 6; failed 3".
func tallyText(t map[kpi.Status]int) string {
	var parts []string
	for st := kpi.Exceeded; st <= kpi.LastStatus; st++ {
		if n := t[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", st, n))
		}
	}
	return strings.Join(parts, "; ")
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// tableRow is a row of the text and Markdown tables: the target and the
// figure (or the range rated) as a report writes them, the status
// ([statusCell]), points and credit where there are any, and the notes, led
// by "for" and the row's period where it is not the card's. esc is applied
// to every part that comes from the contract or the return (names,
// references, labels, texts, notes), and not to the targets, figures,
// points and credits the library writes from numbers.
func tableRow(sc *regime.Scorecard, r regime.Row, esc func(string) string) []string {
	cells := baseRow(sc, r, esc)
	if !sc.YearBefore.IsZero() {
		// Compared with a year before: its status, figure and credit, and
		// the direction of travel, before the notes.
		cells = slices.Insert(cells, len(cells)-1, esc(yearBeforeCell(sc, r)), r.YearBefore.Travel.String())
	}
	if !scaled(sc) {
		return cells
	}
	// On a score scale, the score and its band's name after the status.
	return slices.Insert(cells, scoreColumn, esc(scoreCell(r)))
}

// yearBeforeCell is a row's figure, status and credit a year before:
// "87.00% Detriment £2,000.00", or "none" where there was no row.
func yearBeforeCell(sc *regime.Scorecard, r regime.Row) string {
	y := r.YearBefore
	if y == nil || !y.Found {
		return "none"
	}
	var parts []string
	if w, ok := y.Result.ActualWritten(); ok {
		parts = append(parts, w.String())
	}
	parts = append(parts, cmp.Or(y.Label, regime.DefaultLabel(y.Status)))
	if !y.Credit.IsZero() {
		parts = append(parts, moneyText(sc, y.Credit))
	}
	return strings.Join(parts, " ")
}

// forecastNote says what the library projects for a cumulative KPI:
// "projection: 26.56% at the year end against the annual 30%, not on
// track".
func forecastNote(r regime.Row) (string, bool) {
	f, ok := r.Forecast()
	if !ok {
		return "", false
	}
	in := func(v decimal.Decimal) string {
		switch u := r.Result.Measure().Unit; u {
		case kpi.Number, kpi.Count, kpi.Rating:
			return kpi.Written{Value: v}.String()
		default:
			return kpi.Written{Value: v, Unit: u}.String()
		}
	}
	track := "on track"
	if !f.OnTrack {
		track = "not on track"
	}
	return fmt.Sprintf("projection: %s at the year end against the annual %s, %s", in(f.Projected), in(f.Annual), track), true
}

// projectedShort is the projection as a disagreement gives it: "projected
// 26.56% against the annual 30%".
func projectedShort(r regime.Row) string {
	f, ok := r.Forecast()
	if !ok {
		return "projected otherwise"
	}
	w := func(v decimal.Decimal) string {
		if u := r.Result.Measure().Unit; u != kpi.Number && u != kpi.Count && u != kpi.Rating {
			return kpi.Written{Value: v, Unit: u}.String()
		}
		return kpi.Written{Value: v}.String()
	}
	return fmt.Sprintf("projected %s against the annual %s", w(f.Projected), w(f.Annual))
}

// scoreColumn is the place of the Score column, after Status, in a card
// with a score scale.
const scoreColumn = 6

// scaled reports whether a card has a row on a score scale, and so a Score
// column.
func scaled(sc *regime.Scorecard) bool {
	return slices.ContainsFunc(sc.Rows, func(r regime.Row) bool { return r.Result.MaxScore() > 0 })
}

// head returns the table's column names for a card.
func head(sc *regime.Scorecard) []string {
	cols := tableHead
	if !sc.YearBefore.IsZero() {
		cols = slices.Insert(slices.Clone(cols), len(cols)-1, "Year before ("+sc.YearBefore.Label(period.Short)+")", "Travel")
	}
	if !scaled(sc) {
		return cols
	}
	return slices.Insert(slices.Clone(cols), scoreColumn, "Score")
}

// scoreCell is a row's score with its band's name, "4 Strong", or the
// score alone where the band is named for it ("Score 4"); empty for a row
// with no score.
func scoreCell(r regime.Row) string {
	n, ok := r.Result.Score()
	if !ok {
		return ""
	}
	b, _ := r.Result.Band()
	if b.Name == "" || b.Name == fmt.Sprintf("Score %d", n) || b.Name == fmt.Sprint(n) {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d %s", n, b.Name)
}

func baseRow(sc *regime.Scorecard, r regime.Row, esc func(string) string) []string {
	target, figure := "", ""
	if w, ok := r.Result.TargetWritten(); ok {
		target = w.String()
	}
	switch w, ok := r.Result.ActualWritten(); {
	case ok:
		figure = w.String()
	case isRange(r.Result):
		figure = rangeWritten(r.Result)
	case r.Result.IsOutcome():
		// A status reported with no figure: the column must not look as
		// though a figure was rated.
		figure = "outcome reported"
	case r.Result.Text() != "" && !slices.Contains(r.Notes, r.Result.Text()):
		figure = esc(r.Result.Text())
	case r.Label != "":
		// The text is already in the notes: the column says what the
		// status is, as a report's "No Data" does, and the note says why.
		figure = esc(r.Label)
	default:
		figure = regime.DefaultLabel(r.Status)
	}
	points, credit := "", ""
	if !r.Points.IsZero() {
		points = r.Points.String()
	}
	if !r.Credit.IsZero() {
		credit = moneyText(sc, r.Credit)
	}
	notes := r.Notes
	_, _, ranged := r.Result.Range()
	_, hasFigure := r.Result.Actual()
	if (ranged || hasFigure) && r.Status == kpi.NotMeasurable && !r.Deemed {
		// Only the range is known, and it spans bands; or a level not
		// published, or an earlier figure not known, leaves the figure
		// between bands: the reason says so, where the table shows it.
		notes = append([]string{r.Result.Reason()}, notes...)
	}
	if f, ok := forecastNote(r); ok {
		// Beside the return's note, the library's own projection.
		notes = append(slices.Clone(notes), f)
	}
	if t := r.Takes.Notes(); len(t) > 0 {
		notes = append(slices.Clone(notes), t...)
	}
	if p, ok := ownPeriod(sc, r); ok && !slices.ContainsFunc(notes, func(n string) bool { return strings.HasPrefix(n, p+" ") }) {
		// Unless a note already starts with it ("Q1 2016/17 from the
		// monthly figures of ...").
		notes = append([]string{"for " + p}, notes...)
	}
	escaped := make([]string, len(notes))
	for i, n := range notes {
		escaped[i] = esc(n)
	}
	return []string{esc(r.ServiceArea), esc(r.KPI), esc(r.Description), target, figure, statusCell(r, esc), points, credit,
		strings.Join(escaped, "; ")}
}

// statusCell is the row's label (through esc), with " (interim)" for an
// interim figure and " !" where the row disagrees with what the supplier
// reported or refuses what the return claimed: "Met (interim)", "Missed !".
func statusCell(r regime.Row, esc func(string) string) string {
	s := esc(r.Label)
	if r.Interim {
		s += " (interim)"
	}
	if r.Disagrees || r.ClaimRefused || r.NoteDisagrees {
		s += " !"
	}
	return s
}

// ownPeriod returns the short label of the period r rates ("Q1 2016/17",
// "2016-04-01 to 2016-04-28") where it covers other days than the card's.
func ownPeriod(sc *regime.Scorecard, r regime.Row) (string, bool) {
	p := r.Period
	if p.IsZero() || (p.Start() == sc.Period.Start() && p.End() == sc.Period.End()) {
		return "", false
	}
	return p.Label(period.Short), true
}

func isRange(res kpi.Result) bool {
	_, _, ok := res.Range()
	return ok
}

// rangeOf returns the bounds of the range a result was rated from, each
// rounded to the measure's precision where it has more places (a ratio of
// counts), as a report prints a figure and the result's reason writes them.
func rangeOf(res kpi.Result) (lo, hi decimal.Decimal, ok bool) {
	lo, hi, ok = res.Range()
	p := res.Measure().Precision
	if -lo.Exponent() > p {
		lo = lo.Round(p)
	}
	if -hi.Exponent() > p {
		hi = hi.Round(p)
	}
	return lo, hi, ok
}

// RangeText writes the range of figures a result was rated from, as every
// renderer shows it in place of a figure ("91%–95%"); "" for a result rated
// from one figure, or none.
func RangeText(res kpi.Result) string {
	if !isRange(res) {
		return ""
	}
	return rangeWritten(res)
}

// rangeWritten writes the range a result was rated from in its measure's
// unit, as [kpi.Result.ActualWritten] writes a figure: "91%–95%".
func rangeWritten(res kpi.Result) string {
	lo, hi, _ := rangeOf(res)
	in := func(v decimal.Decimal) string {
		switch u := res.Measure().Unit; u {
		case kpi.Number, kpi.Count, kpi.Rating:
			return kpi.Written{Value: v}.String()
		default:
			return kpi.Written{Value: v, Unit: u}.String()
		}
	}
	return in(lo) + "–" + in(hi)
}

// disagreement says how a row disagrees with the return: "reported met,
// rated missed", "claimed not due, but due", "claimed excluded, not
// granted"; empty where it does not.
func disagreement(sc *regime.Scorecard, r regime.Row) string {
	var parts []string
	if r.Disagrees {
		rated := r.Label
		if rated == "" {
			rated = regime.DefaultLabel(r.Status)
		}
		parts = append(parts, fmt.Sprintf("reported %s, rated %s", strings.ToLower(labelFor(sc, r.Reported)), strings.ToLower(rated)))
	}
	if r.ClaimRefused {
		if r.Claim == kpi.NotDue {
			parts = append(parts, "claimed not due, but due")
		} else {
			parts = append(parts, fmt.Sprintf("claimed %s, not granted", strings.ReplaceAll(r.Claim.String(), "_", " ")))
		}
	}
	if r.NoteDisagrees {
		parts = append(parts, "note says on track, "+projectedShort(r))
	}
	return strings.Join(parts, "; ")
}

// disagreements names the rows of the summary's disagreements, in its
// order: "3 (reported met, rated missed), 5 (claimed not due, but due)",
// with a row's period where it is not the card's.
func disagreements(sc *regime.Scorecard) string {
	var out []string
	for _, ref := range sc.Summary.Disagreements {
		var why []string
		for _, r := range sc.RowsFor(ref) {
			d := disagreement(sc, r)
			if d == "" {
				continue
			}
			if p, ok := ownPeriod(sc, r); ok {
				d = p + ": " + d
			}
			if !slices.Contains(why, d) {
				why = append(why, d)
			}
		}
		if len(why) == 0 {
			out = append(out, ref)
			continue
		}
		out = append(out, fmt.Sprintf("%s (%s)", ref, strings.Join(why, "; ")))
	}
	return strings.Join(out, ", ")
}

var tableHead = []string{"Service area", "Ref", "Description", "Target", "Actual", "Status", "Points", "Credit", "Notes"}

// title heads a card: "ICT: ICT 2009, May 2016", or "ICT: ICT 2016 and
// 2017, YTD 2017/2018 to June 2017" for a card spanning versions.
func title(c Card) string {
	t := baseTitle(c)
	if at := c.Scorecard.AsAt; !at.IsZero() {
		t += ", as at " + at.String()
	}
	return t
}

// baseTitle is the title without the as-at date.
func baseTitle(c Card) string {
	sc := c.Scorecard
	if len(sc.Names) == len(sc.Versions) && len(sc.Names) > 1 {
		// Regimes of different names (a month two regimes share): each
		// with its version, "Old 1 and New 2".
		each := make([]string, len(sc.Names))
		for i := range sc.Names {
			each[i] = strings.TrimSpace(sc.Names[i] + " " + sc.Versions[i])
		}
		n := len(each)
		return fmt.Sprintf("%s: %s and %s, %s", c.Contract, strings.Join(each[:n-1], ", "), each[n-1], sc.Period.Label(period.Long))
	}
	version := sc.Version
	if n := len(sc.Versions); n > 1 {
		version = strings.Join(sc.Versions[:n-1], ", ") + " and " + sc.Versions[n-1]
	}
	return fmt.Sprintf("%s: %s, %s", c.Contract, strings.TrimSpace(sc.Regime+" "+version), sc.Period.Label(period.Long))
}

// Text writes each card as an aligned table like a committee report's, with
// the regime's status labels, followed by its summary and events.
func Text(w io.Writer, cards ...Card) error {
	return writeCards(w, cards, writeTextCard)
}

// writeCards writes each card with write under its title, a blank line
// between cards, as [Text] and [Markdown] do.
func writeCards(w io.Writer, cards []Card, write func(*strings.Builder, Card, string)) error {
	var b strings.Builder
	for i, c := range cards {
		if i > 0 {
			b.WriteString("\n")
		}
		write(&b, c, title(c))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTextCard writes a card as [Text] does, under the heading given.
func writeTextCard(b *strings.Builder, c Card, heading string) {
	sc := c.Scorecard
	b.WriteString(plain(heading) + "\n\n")
	rows := [][]string{head(sc)}
	for _, r := range sc.Rows {
		rows = append(rows, tableRow(sc, r, plain))
	}
	writeAligned(b, rows)
	b.WriteString("\n")
	writeSummary(b, sc, plain)
}

// Table writes rows as an aligned text table in the style of [Text]: each
// column padded to its widest cell, two spaces apart, no trailing spaces.
// It is for tables of a program's own beside the scorecards (a comparison
// with published figures, say). Rows may differ in length. Cells are made
// plain as [Text] makes values from the input: a line break or tab is a
// space, and other control characters are written as escapes (\x1b).
func Table(w io.Writer, rows [][]string) error {
	var b strings.Builder
	safe := make([][]string, len(rows))
	for i, r := range rows {
		safe[i] = make([]string, len(r))
		for j, cell := range r {
			safe[i][j] = plain(cell)
		}
	}
	writeAligned(&b, safe)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeAligned pads columns to their widest cell, two spaces apart, with no
// trailing spaces.
func writeAligned(b *strings.Builder, rows [][]string) {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	widths := make([]int, n)
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], len([]rune(cell)))
		}
	}
	for _, r := range rows {
		var line strings.Builder
		for i, cell := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			line.WriteString(cell)
			if i < len(r)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-len([]rune(cell))))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

// writeSummary writes the summary lines under a card's table, each through
// esc: the lines are the library's words around references, labels and
// event names from the contract, none of which may break a line.
func writeSummary(b *strings.Builder, sc *regime.Scorecard, esc func(string) string) {
	s := sc.Summary
	lines := []string{countsLine(sc) + ".", onTargetLine(s) + "."}
	if s.MaxScore > 0 {
		lines = append(lines, scoreLine(s)+".")
	}
	if len(s.Exceptions) > 0 {
		lines = append(lines, fmt.Sprintf("Exceptions: %s.", strings.Join(s.Exceptions, ", ")))
	}
	if len(s.Disagreements) > 0 {
		lines = append(lines, fmt.Sprintf("Disagreements (marked !): %s.", disagreements(sc)))
	}
	money := fmt.Sprintf("Service points: %s. Credits: %s", s.Points, moneyText(sc, s.Credits))
	switch {
	case !s.CappedBy.IsZero() && len(s.RemedyNotes) == 0:
		money += fmt.Sprintf(" (%s before caps, as the rows show them)", moneyText(sc, s.CreditsBeforeCaps))
	case !s.CappedBy.IsZero():
		money += fmt.Sprintf(" (%s before caps: the rows' credits and the remedy)", moneyText(sc, s.CreditsBeforeCaps))
	}
	lines = append(lines, money+".")
	if len(s.RemedyNotes) > 0 {
		lines = append(lines, remedyLine(sc)+".")
	}
	if len(s.Adjustments) > 0 {
		lines = append(lines, adjustmentsLine(sc)+".")
	}
	if l := earnBackLine(sc); l != "" {
		lines = append(lines, l+".")
	}
	if l := incentivesLine(sc); l != "" {
		lines = append(lines, l+".")
	}
	if !sc.YearBefore.IsZero() {
		lines = append(lines, travelLine(sc)+".")
	}
	for _, e := range sc.Events {
		who := "KPI " + e.KPI
		if e.KPI == "" {
			who = "the regime"
		}
		lines = append(lines, fmt.Sprintf("Event: %s for %s (%s).", e.Name, who, strings.TrimSuffix(e.Rule, ": "+e.Name)))
	}
	for _, p := range sc.Plans {
		lines = append(lines, "Plan: "+p.String()+".")
	}
	for _, l := range lines {
		b.WriteString(esc(l) + "\n")
	}
}

// travelLine counts the rows by direction of travel against the year
// before: "Against May-15: 1 improved, 1 worsened, 0 unchanged, 2 not
// compared".
func travelLine(sc *regime.Scorecard) string {
	var n [4]int
	for _, r := range sc.Rows {
		if r.PartOf != "" {
			continue
		}
		t := regime.NotCompared
		if r.YearBefore != nil {
			t = r.YearBefore.Travel
		}
		n[t]++
	}
	s := fmt.Sprintf("Against %s: %d improved, %d worsened, %d unchanged", sc.YearBefore.Label(period.Short),
		n[regime.Improved], n[regime.Worsened], n[regime.Unchanged])
	if n[regime.NotCompared] > 0 {
		s += fmt.Sprintf(", %d not compared", n[regime.NotCompared])
	}
	return s
}

// remedyLine says what the regime's points remedy charged: "Remedy: 3
// points over the baseline, £3,000.00 (Apr-16: 5 points, 3 over the
// baseline of 2: £3,000.00)".
func remedyLine(sc *regime.Scorecard) string {
	s := sc.Summary
	return fmt.Sprintf("Remedy: %s points over the baseline, %s (%s)", s.PointsOverBaseline, moneyText(sc, s.Remedy), strings.Join(s.RemedyNotes, "; "))
}

// earnBackLine says what earn-back moved, where anything did: "Earn-back:
// £6,000.00 held (not in the credits above), £4,000.00 earned back,
// £2,000.00 forfeited (deducted); £0.00 held at the end", or, where
// credits are repaid, "£4,000.00 repaid to the supplier (not netted from
// the credits above)".
func earnBackLine(sc *regime.Scorecard) string {
	s := sc.Summary
	var parts []string
	add := func(v decimal.Decimal, what string) {
		if !v.IsZero() {
			parts = append(parts, moneyText(sc, v)+" "+what)
		}
	}
	add(s.Held, "held (not in the credits above)")
	add(s.EarnedBack, "earned back")
	add(s.Repaid, "repaid to the supplier (not netted from the credits above)")
	add(s.Forfeited, "forfeited")
	if len(parts) == 0 && s.HeldBalance.IsZero() {
		return ""
	}
	line := "Earn-back: " + strings.Join(parts, ", ")
	if len(parts) == 0 {
		line = "Earn-back: nothing moved"
	}
	if !s.HeldBalance.IsZero() || !s.Held.IsZero() || !s.EarnedBack.IsZero() {
		line += "; " + moneyText(sc, s.HeldBalance) + " held at the end"
	}
	return line
}

// incentivesLine gives the incentives, each way: "Incentives: £10,300.00
// paid to the supplier; £3,000.00 deducted from the supplier (apart from
// the credits)".
func incentivesLine(sc *regime.Scorecard) string {
	s := sc.Summary
	if s.Bonuses.IsZero() && s.Deductions.IsZero() {
		return ""
	}
	return fmt.Sprintf("Incentives: %s paid to the supplier; %s deducted from the supplier (apart from the credits)", moneyText(sc, s.Bonuses), moneyText(sc, s.Deductions))
}

// adjustmentsLine says what restatements of earlier months were posted in
// the card's months: "Adjustments for restated months, not in the credits
// above: -£2,000.00 (Sep-19: -£2,000.00 for 3 Jun-19, restated on
// 2019-09-12 by the council (credits after caps of Jun-19 were £2,000.00,
// now £0.00))".
func adjustmentsLine(sc *regime.Scorecard) string {
	s := sc.Summary
	parts := make([]string, len(s.Adjustments))
	for i, a := range s.Adjustments {
		parts[i] = a.String()
	}
	return fmt.Sprintf("Adjustments for restated months, not in the credits above: %s (%s)", moneyText(sc, s.AdjustmentsTotal), strings.Join(parts, "; "))
}

// countsLine counts the rows by status, leaving out the interim ones and
// then saying how many there were, and those for information: "21 KPIs:
// 13 Met, 1 Missed, 4 No Data, 3 interim, 1 for information".
func countsLine(sc *regime.Scorecard) string {
	s := sc.Summary
	var counts []string
	for st := kpi.Exceeded; st <= kpi.LastStatus; st++ {
		if n := s.ByStatus[st]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, labelFor(sc, st)))
		}
	}
	if s.Interim > 0 {
		counts = append(counts, fmt.Sprintf("%d interim", s.Interim))
	}
	if s.ForInfo > 0 {
		counts = append(counts, fmt.Sprintf("%d for information", s.ForInfo))
	}
	kpis := "KPIs"
	if s.Total == 1 {
		kpis = "KPI"
	}
	return fmt.Sprintf("%d %s: %s", s.Total, kpis, strings.Join(counts, ", "))
}

// onTargetLine gives the share on target of the rows that are not interim,
// and of the rated ones.
func onTargetLine(s regime.Summary) string {
	line := fmt.Sprintf("On target: %d of %d (%s%%)", s.OnTarget, s.Total-s.Interim-s.ForInfo, s.ShareOnTarget.StringFixed(2))
	if s.Rated == 0 {
		return line + "; none rated"
	}
	return line + fmt.Sprintf("; of the %d rated, %s%%", s.Rated, s.ShareOnTargetRated.StringFixed(2))
}

// scoreLine totals a score scale as rail regimes publish it: "Score: 17
// of 25 (68.00% of the maximum); mean 3.40 over 5 KPIs".
func scoreLine(s regime.Summary) string {
	kpis := "KPIs"
	if s.Scored == 1 {
		kpis = "KPI"
	}
	line := fmt.Sprintf("Score: %d of %d (%s%% of the maximum); mean %s over %d %s", s.Score, s.MaxScore,
		s.ScoreShare.StringFixed(2), s.MeanScore.StringFixed(2), s.Scored, kpis)
	if s.Unscored > 0 {
		line += fmt.Sprintf("; %d on the scale not scored", s.Unscored)
	}
	return line
}

// labelFor is the label the scorecard's rows give a status, or the default.
func labelFor(sc *regime.Scorecard, st kpi.Status) string {
	i := slices.IndexFunc(sc.Rows, func(r regime.Row) bool { return r.Status == st })
	if i >= 0 {
		return sc.Rows[i].Label
	}
	return regime.DefaultLabel(st)
}

// Markdown writes each card as a Markdown section with a table and its
// summary. Values from the input are escaped so that they show as written
// and never become markup (see the package documentation).
func Markdown(w io.Writer, cards ...Card) error {
	return writeCards(w, cards, writeMarkdownCard)
}

// writeMarkdownCard writes a card as [Markdown] does, under the heading
// given.
func writeMarkdownCard(b *strings.Builder, c Card, heading string) {
	sc := c.Scorecard
	b.WriteString("## " + markdownText(heading) + "\n\n")
	cols := head(sc)
	b.WriteString("| " + strings.Join(cols, " | ") + " |\n")
	b.WriteString("|" + strings.Repeat("---|", len(cols)) + "\n")
	for _, r := range sc.Rows {
		cells := tableRow(sc, r, markdownText)
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\n")
	var sum strings.Builder
	writeSummary(&sum, sc, markdownText)
	for _, line := range strings.Split(strings.TrimRight(sum.String(), "\n"), "\n") {
		b.WriteString("- " + line + "\n")
	}
}

// plain makes a value from the input safe to print in a line of text: a
// line break (LF, CR, CR LF) or a tab becomes a space; any other C0
// control or DEL is written \x1b; a C1 control, U+2028, U+2029 or a bidi
// control (U+202A–U+202E, U+2066–U+2069) is written \u202e; a byte that is
// not UTF-8 becomes U+FFFD.
func plain(s string) string {
	clean := true
	for _, c := range s {
		if c == utf8.RuneError || unsafeRune(c) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			b.WriteByte(' ')
			n = 2
		case c == '\r' || c == '\n' || c == '\t':
			b.WriteByte(' ')
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", c)
		case unsafeRune(c):
			fmt.Fprintf(&b, "\\u%04x", c)
		default:
			// An invalid byte decodes as utf8.RuneError, written U+FFFD.
			b.WriteRune(c)
		}
		i += n
	}
	return b.String()
}

// unsafeRune reports whether c is a control character, a line or paragraph
// separator, or a bidi control: one that [plain] replaces.
func unsafeRune(c rune) bool {
	switch {
	case c < 0x20, c == 0x7f, c >= 0x80 && c <= 0x9f:
		return true
	case c == 0x2028, c == 0x2029, c >= 0x202a && c <= 0x202e, c >= 0x2066 && c <= 0x2069:
		return true
	}
	return false
}

// markdownText makes a value from the input safe in a Markdown table cell
// or line: [plain] first, then | as \|, the characters that could start
// markup (\ ` * _ [ ]) with a backslash, and < > & as entities.
func markdownText(s string) string {
	s = plain(s)
	if !strings.ContainsAny(s, "|\\`*_[]<>&") {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		switch c {
		case '|', '\\', '`', '*', '_', '[', ']':
			b.WriteByte('\\')
			b.WriteRune(c)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
