package contract

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// A FieldError is one problem with the path of its field (regimes[0].from).
// Validation errors of [New] are made of them; use errors.As to find them.
// It is [kpi.FieldError], whose Path and Msg fields go doc shows there, so a
// *kpi.FieldError target finds the problems of every layer.
type FieldError = kpi.FieldError

// indexed matches a path that starts with a list index: regimes[2].from.
var indexed = regexp.MustCompile(`^([a-z_]+)\[(\d+)\](.*)$`)

// contract builds the contract from the model, or returns nil with the
// problems recorded.
func (b *builder) contract(fc *fileContract) *Contract {
	spec := Spec{ID: fc.ID, Name: fc.Name, Customer: fc.Customer, Supplier: fc.Supplier, Services: fc.Services, Years: b.years, Periods: b.cal}
	if strings.TrimSpace(fc.ID) == "" {
		b.bad("id", "a contract needs an identifier")
	}
	if fc.Start == "" {
		b.bad("start", "a contract needs its start date (YYYY-MM-DD)")
	}
	spec.Start, _ = b.date("start", fc.Start)
	b.start = spec.Start
	if end, ok := b.date("end", fc.End); ok && !end.IsZero() {
		spec.End = end.AddDays(1) // the file gives the last day; the term is half-open
		if !spec.Start.IsZero() && end.Before(spec.Start) {
			b.bad("end", "the last day %s is before the start %s", end, spec.Start)
		}
	}
	if fc.Currency != "" {
		c, err := regime.ParseCurrency(fc.Currency)
		if err != nil {
			b.bad("currency", "%s", reason(err))
		}
		b.currency = c
	}
	spec.MonthlyCharge, _ = b.decimal("monthly_charge", fc.MonthlyCharge)
	spec.Charges, _, _ = b.monthPairs("charges", fc.Charges)
	spec.OpeningCredits, _, _ = b.monthPairs("opening_credits", fc.OpeningCredits)
	if len(fc.Regimes) == 0 {
		b.bad("regimes", "a contract needs at least one regime")
	}
	// specIndex maps the index of a regime in spec.Regimes to its index in
	// the file, for regimes that could be built (or stood in for).
	var specIndex []int
	for i := range fc.Regimes {
		path := index("regimes", i)
		r, ok := b.regime(&fc.Regimes[i], path)
		if !ok {
			r = standIn(&fc.Regimes[i], b.currency)
		}
		if r != nil {
			spec.Regimes = append(spec.Regimes, r)
			specIndex = append(specIndex, i)
		}
	}
	c, err := New(spec)
	b.validation(err, func(p string) string {
		if m := indexed.FindStringSubmatch(p); m != nil && m[1] == "regimes" {
			k, _ := strconv.Atoi(m[2])
			if k < len(specIndex) {
				// The Go API's indicators are the file's kpis.
				rest := m[3]
				if r, ok := strings.CutPrefix(rest, ".indicators["); ok {
					rest = ".kpis[" + r
				}
				return index("regimes", specIndex[k]) + rest
			}
		}
		if strings.HasPrefix(p, "end") {
			return "end"
		}
		return p
	})
	if err != nil || b.failed("") {
		return nil
	}
	return c
}

// standIn is a regime with the name and months of one that failed, so
// that the contract's own checks (overlaps, the start) still run; nil if
// even that cannot be built.
func standIn(fr *fileRegime, c regime.Currency) *regime.Regime {
	from, errFrom := period.ParseMonth(string(fr.From))
	until, errUntil := period.ParseMonth(string(fr.Until))
	if errFrom != nil || (fr.Until != "" && errUntil != nil) || fr.Name == "" {
		return nil
	}
	r, err := regime.New(regime.Spec{Name: fr.Name, Version: fr.Version, From: from, Until: until, Currency: c, KPIs: []kpi.Definition{standInKPI("-")}})
	if err != nil {
		return nil
	}
	return r
}

// standInKPI is a valid definition with reference ref, standing in for one
// that failed so that the regime's own checks still run.
func standInKPI(ref string) kpi.Definition {
	d, _ := kpi.New(kpi.Spec{
		Ref:       ref,
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Aggregation: kpi.Latest},
		Frequency: period.Monthly(),
		Target:    kpi.Written{Value: decimal.NewFromInt(1)},
		Bands:     kpi.TargetOnly(),
	})
	return d
}

// regime builds one regime; ok is false if it has problems.
func (b *builder) regime(fr *fileRegime, path string) (*regime.Regime, bool) {
	at := func(field string) string { return child(path, field) }
	spec := regime.Spec{Name: fr.Name, Version: fr.Version, RoundBeforeBanding: fr.RoundBeforeBanding, MitigatedCount: fr.MitigatedCount,
		Reset: fr.Reset, Currency: b.currency}
	if strings.TrimSpace(fr.Name) == "" {
		b.bad(at("name"), "a regime needs a name")
	}
	if fr.From == "" {
		b.bad(at("from"), "a regime needs the month it takes effect (2016-04)")
	}
	spec.From, spec.Starts, spec.PartMonth = b.regimeFrom(fr, at)
	spec.Until, _ = b.month(at("until"), fr.Until)
	if len(fr.Labels) > 0 {
		spec.Labels = map[kpi.Status]string{}
		for _, p := range fr.Labels {
			if st, ok := b.status(index(at("labels"), p.Key), p.Key, false); ok {
				spec.Labels[st] = p.Value
			}
		}
	}
	if fr.Exceed != "" {
		r, err := kpi.ParseExceed(fr.Exceed)
		if err != nil {
			b.bad(at("exceed"), "%s", reason(err))
		}
		spec.Exceed = r
	}
	if fr.Missing != nil {
		spec.Missing.DeemFailed = fr.Missing.DeemFailed
		spec.Missing.Status, _ = b.status(at("missing.status"), fr.Missing.Status, true)
		spec.Missing.Points, _ = b.decimal(at("missing.points"), fr.Missing.Points)
	}
	spec.Failing, _ = b.status(at("failing"), fr.Failing, true)
	spec.Repeat, _ = b.decimal(at("repeat"), fr.Repeat)
	if fr.Rounding != "" {
		r, err := regime.ParseRounding(fr.Rounding)
		if err != nil {
			b.bad(at("rounding"), "%s", reason(err))
		}
		spec.Rounding = r
	}
	if fr.Restatements != "" {
		r, err := regime.ParseRestatementRule(fr.Restatements)
		if err != nil {
			b.bad(at("restatements"), "%s", reason(err))
		}
		spec.Restatements = r
	}
	if len(fr.KPIs) == 0 {
		b.bad(at("kpis"), "a regime needs at least one KPI")
	}
	standIns := map[int]bool{}
	for j := range fr.KPIs {
		kpath := index(at("kpis"), j)
		d, ok := b.kpi(&fr.KPIs[j], kpath)
		if !ok {
			ref := fr.KPIs[j].Ref
			if strings.TrimSpace(ref) == "" {
				ref = "\x00" + kpath // a reference no rule can name
			}
			d, standIns[j] = standInKPI(ref), true
		}
		spec.KPIs = append(spec.KPIs, d)
	}
	for i, fl := range fr.Relief {
		rpath := index(at("relief"), i)
		rl := regime.Relief{KPI: fl.KPI, Reason: fl.Reason}
		if fl.Kind == "" {
			b.bad(child(rpath, "kind"), "relief needs its kind: exclusion, mitigation, customer_cause or not_measurable")
		} else if k, err := regime.ParseReliefKind(fl.Kind); err != nil {
			b.bad(child(rpath, "kind"), "%s", reason(err))
		} else {
			rl.Kind = k
		}
		rl.From, _ = b.month(child(rpath, "from"), fl.From)
		rl.Through, _ = b.month(child(rpath, "through"), fl.Through)
		spec.Relief = append(spec.Relief, rl)
	}
	var creditIndex []int // spec.Credits index -> file index
	for i := range fr.Credits {
		if c := b.credit(&fr.Credits[i], index(at("credits"), i)); c != nil {
			spec.Credits = append(spec.Credits, c)
			creditIndex = append(creditIndex, i)
		}
	}
	if fr.Remedy != nil {
		spec.Remedy = b.remedy(fr.Remedy, at("remedy"))
	}
	if fr.Consequences != nil {
		spec.Consequences = []kpi.Tier{}
		for i, s := range fr.Consequences {
			t, err := kpi.ParseTier(s)
			if err != nil {
				b.bad(index(at("consequences"), i), "%s", reason(err))
				continue
			}
			spec.Consequences = append(spec.Consequences, t)
		}
	}
	if fr.Caps != nil {
		spec.Caps.PerPeriod = b.amount(at("caps.per_period"), fr.Caps.PerPeriod)
		spec.Caps.Rolling = b.amount(at("caps.rolling"), fr.Caps.Rolling)
		spec.Caps.Window = fr.Caps.Window
	}
	for i, fe := range fr.Escalation {
		spec.Escalation = append(spec.Escalation, b.rule(fe, index(at("escalation"), i)))
	}
	if fr.EarnBack != nil {
		spec.EarnBack = b.earnBack(fr.EarnBack, at("earn_back"))
	}
	for i := range fr.Incentives {
		spec.Incentives = append(spec.Incentives, b.incentive(&fr.Incentives[i], index(at("incentives"), i)))
	}
	r, err := regime.New(spec)
	b.validation(err, func(p string) string {
		if p == "part_month" && fr.PartMonth == "" {
			return child(path, "from") // the day given, and nothing said of its month
		}
		if strings.HasPrefix(p, "remedy.baselines") && fr.Remedy != nil {
			// The file gives baselines as a mapping or a list by year.
			if fr.Remedy.Baseline != nil {
				return child(path, "remedy.baseline")
			}
			return child(path, "remedy.baseline_by_contract_year")
		}
		m := indexed.FindStringSubmatch(p)
		if m == nil {
			if rest, ok := strings.CutPrefix(p, "indicators"); ok {
				return child(path, "kpis"+rest)
			}
			return child(path, p)
		}
		k, _ := strconv.Atoi(m[2])
		switch m[1] {
		case "indicators":
			if standIns[k] {
				return "-" // its own problems are reported
			}
			return child(path, index("kpis", k)+m[3])
		case "credits":
			if k < len(creditIndex) {
				return child(path, index("credits", creditIndex[k])+m[3])
			}
		}
		return child(path, p)
	})
	if err != nil || b.failed(path) {
		return nil, false
	}
	return r, true
}

func (b *builder) amount(path, s string) regime.Amount {
	if s == "" {
		return regime.Amount{}
	}
	a, err := regime.ParseAmountIn(s, b.currency)
	if err != nil {
		b.bad(path, "%s", reason(err))
	}
	return a
}

// regimeFrom reads a regime's from: a month, or the day it takes effect
// part-way through a month with part_month saying how that month is rated.
// Under majority the month goes whole to the regime in force for more of
// its days; regime.New says what is missing or wrong.
func (b *builder) regimeFrom(fr *fileRegime, at func(string) string) (period.Month, period.Date, regime.PartMonth) {
	var pm regime.PartMonth
	if fr.PartMonth != "" {
		p, err := regime.ParsePartMonth(fr.PartMonth)
		if err != nil {
			b.bad(at("part_month"), "%s", reason(err))
		}
		pm = p
	}
	if len(fr.From) != len("2019-11-30") || strings.Count(string(fr.From), "-") != 2 {
		// A month (2016-04, Apr-16), or not a date: said as a month.
		m, ok := b.month(at("from"), fr.From)
		if ok && pm != 0 {
			b.bad(at("part_month"), "is for a regime that starts part-way through a month: give from as its first day (2019-11-30)")
		}
		return m, period.Date{}, 0
	}

	d, ok := b.date(at("from"), fr.From)
	if !ok {
		return period.Month{}, period.Date{}, 0
	}
	if d.Day() == 1 {
		return d.YearMonth(), period.Date{}, pm // the first of a month: no part to rate
	}
	if pm == regime.Majority {
		return regime.MajorityMonth(d), d, pm
	}
	return d.YearMonth(), d, pm
}

// remedy builds a points remedy: its rate, and its baselines from months
// or by contract year, counted from the contract's start.
func (b *builder) remedy(fr *fileRemedy, path string) regime.PointsRemedy {
	at := func(field string) string { return child(path, field) }
	p := regime.PointsRemedy{Rate: b.amount(at("rate"), fr.Rate)}
	switch {
	case fr.Baseline != nil && fr.ByContractYear != nil:
		b.bad(at("baseline_by_contract_year"), "give baseline or baseline_by_contract_year, not both")
	case fr.Baseline != nil:
		byMonth, _, _ := b.monthPairs(at("baseline"), fr.Baseline)
		for _, m := range slices.SortedFunc(maps.Keys(byMonth), period.Month.Compare) {
			p.Baselines = append(p.Baselines, regime.Baseline{From: m, Points: byMonth[m]})
		}
	case fr.ByContractYear != nil:
		if b.start.IsZero() {
			return p // the contract's start is missing, and said so
		}
		first := b.start.YearMonth()
		for i, n := range fr.ByContractYear {
			v, _ := b.decimal(index(at("baseline_by_contract_year"), i), n)
			p.Baselines = append(p.Baselines, regime.Baseline{From: first.AddMonths(12 * i), Points: v})
		}
	}
	if len(p.Baselines) == 0 && !b.failed(path) {
		b.bad(path, "a remedy needs a baseline (baseline: {2016-04: 10}) or baseline_by_contract_year: [10, 8]")
	}
	return p
}

// earnBack builds an earn-back rule.
func (b *builder) earnBack(fe *fileEarnBack, path string) regime.EarnBack {
	at := func(field string) string { return child(path, field) }
	var e regime.EarnBack
	if fe.Mode == "" {
		b.bad(at("mode"), "an earn-back rule needs its mode: hold or repay")
	} else if m, err := regime.ParseEarnBackMode(fe.Mode); err != nil {
		b.bad(at("mode"), "%s", reason(err))
	} else {
		e.Mode = m
	}
	e.Periods, e.RestOfYear = fe.Periods, fe.RestOfYear
	if fe.Share != "" {
		e.Share, _ = b.decimal(at("share"), num(strings.TrimSuffix(strings.TrimSpace(fe.Share), "%")))
	}
	e.Limit = b.pounds(at("limit"), fe.Limit)
	return e
}

// incentive builds an incentive: a rate both ways, or a bonus and a
// deduction.
func (b *builder) incentive(fi *fileIncentive, path string) regime.Incentive {
	at := func(field string) string { return child(path, field) }
	in := regime.Incentive{KPI: strings.TrimSpace(fi.KPI)}
	in.Benchmark, _ = b.decimal(at("benchmark"), fi.Benchmark)
	in.Per, _ = b.decimal(at("per"), fi.Per)
	if fi.Rate != "" && (fi.Bonus != "" || fi.Deduction != "") {
		b.bad(at("rate"), "give a rate (both ways), or a bonus and a deduction, not both")
	}
	in.Bonus, in.Deduction = b.pounds(at("bonus"), fi.Bonus), b.pounds(at("deduction"), fi.Deduction)
	if fi.Rate != "" {
		in.Bonus = b.pounds(at("rate"), fi.Rate)
		in.Deduction = in.Bonus
	}
	in.Fund, in.DeductionCap = b.pounds(at("fund"), fi.Fund), b.pounds(at("deduction_cap"), fi.DeductionCap)
	if fi.Index != nil {
		byMonth, _, _ := b.monthPairs(at("index"), fi.Index)
		for _, m := range slices.SortedFunc(maps.Keys(byMonth), period.Month.Compare) {
			in.Index = append(in.Index, regime.IndexStep{From: m, Factor: byMonth[m]})
		}
	}
	return in
}

// pounds reads an amount of money (£1,000, 1000.50); a share of the
// charges is refused, as the field takes money.
func (b *builder) pounds(path, s string) decimal.Decimal {
	a := b.amount(path, s)
	if a.PercentOfCharges {
		b.bad(path, "%s is a share of the charges; this is an amount of money (%s)", problems.Quote(s), strings.TrimSuffix(regime.Pounds(decimal.NewFromInt(1000)).Format(b.currency), ".00"))
		return decimal.Zero
	}
	return a.Value
}

// credit builds one credit rule, refusing fields its type does not take.
func (b *builder) credit(fc *fileCredit, path string) regime.CreditRule {
	given := map[string]bool{
		"rate": fc.Rate != "", "kpis": fc.KPIs != nil, "kpi": fc.KPI != "", "per_status": fc.PerStatus != nil,
		"per_failure": fc.PerFailure != "", "pool": fc.Pool != "", "allocation": fc.Allocation != nil,
	}
	takes := map[string][]string{
		"points":    {"rate"},
		"shortfall": {"kpis"},
		"fixed":     {"kpi", "per_status", "per_failure"},
		"at_risk":   {"pool", "allocation"},
	}
	fields, known := takes[fc.Type]
	switch {
	case fc.Type == "":
		b.bad(child(path, "type"), "a credit rule needs its type: points, shortfall, fixed or at_risk")
		return nil
	case !known:
		b.bad(child(path, "type"), "unknown credit rule %s (want points, shortfall, fixed or at_risk)", problems.Quote(fc.Type))
		return nil
	}
	for _, f := range []string{"rate", "kpis", "kpi", "per_status", "per_failure", "pool", "allocation"} {
		if given[f] && !contains(fields, f) {
			b.bad(child(path, f), "a %s rule does not take %s (it takes %s)", fc.Type, f, strings.Join(fields, ", "))
		}
	}
	switch fc.Type {
	case "points":
		rate, _ := b.decimal(child(path, "rate"), fc.Rate)
		return regime.PointsCredit{Rate: rate}
	case "shortfall":
		return regime.ShortfallCredit{Indicators: fc.KPIs}
	case "fixed":
		c := regime.FixedCredit{KPI: fc.KPI}
		c.PerFailure, _ = b.decimal(child(path, "per_failure"), fc.PerFailure)
		if fc.PerStatus != nil {
			c.PerStatus = map[kpi.Status]decimal.Decimal{}
			for _, p := range fc.PerStatus {
				ppath := index(child(path, "per_status"), p.Key)
				st, ok := b.status(ppath, p.Key, true)
				v, vok := b.decimal(ppath, num(p.Value))
				if ok && vok {
					c.PerStatus[st] = v
				}
			}
		}
		return c
	default: // at_risk
		c := regime.AtRiskCredit{Pool: b.amount(child(path, "pool"), fc.Pool), Allocation: map[string]decimal.Decimal{}}
		for _, p := range fc.Allocation {
			if v, ok := b.decimal(index(child(path, "allocation"), p.Key), num(p.Value)); ok {
				c.Allocation[p.Key] = v
			}
		}
		return c
	}
}

// rule builds one escalation rule, refusing fields its kind does not take.
func (b *builder) rule(fe fileRule, path string) regime.Rule {
	r := regime.Rule{Event: fe.Event, KPI: fe.KPI}
	if fe.Rule == "" {
		b.bad(child(path, "rule"), "an escalation rule needs its rule: failures_in_window, consecutive, rolling_points or reached")
		return r
	}
	kind, err := regime.ParseRuleKind(fe.Rule)
	if err != nil {
		b.bad(child(path, "rule"), "%s", reason(err))
		return r
	}
	r.Kind = kind
	takes := map[regime.RuleKind][]string{
		regime.FailuresInWindow: {"failures", "periods"},
		regime.Consecutive:      {"failures"},
		regime.RollingPoints:    {"points", "periods"},
		regime.Reached:          {"status"},
	}[kind]
	given := map[string]bool{"failures": fe.Failures != 0, "periods": fe.Periods != 0, "points": fe.Points != "", "status": fe.Status != ""}
	for _, f := range []string{"failures", "periods", "points", "status"} {
		if given[f] && !contains(takes, f) {
			b.bad(child(path, f), "a %s rule does not take %s (it takes %s)", fe.Rule, f, strings.Join(takes, " and "))
		}
	}
	switch kind {
	case regime.FailuresInWindow:
		r.N, r.M = fe.Failures, fe.Periods
	case regime.Consecutive:
		r.N = fe.Failures
	case regime.RollingPoints:
		r.M = fe.Periods
		r.Level, _ = b.decimal(child(path, "points"), fe.Points)
	case regime.Reached:
		r.Status, _ = b.status(child(path, "status"), fe.Status, true)
	}
	if fp := fe.Plan; fp != nil {
		r.Plan = regime.PlanRule{SubmitWithin: fp.SubmitWithinDays, CloseAfter: fp.CloseAfter,
			Overdue: strings.TrimSpace(fp.OverdueEvent), Repeat: strings.TrimSpace(fp.RepeatEvent)}
		if r.Plan.IsZero() {
			b.bad(child(path, "plan"), "a plan says when it is due (submit_within_days), when it closes (close_after) or what it raises (overdue_event, repeat_event)")
		}
	}
	return r
}
