package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// plain is text written without quotes in YAML (dates and months), which a
// reader of the file takes as text anyway.
type plain string

// MarshalYAML writes the text unquoted where YAML allows.
func (p plain) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: string(p)}, nil
}

// MarshalYAML writes a number bare, with its written places: 99.50; and
// text in a number's place (not published) as text.
func (n num) MarshalYAML() (any, error) {
	if _, err := kpi.ParseDecimal(string(n)); err != nil {
		return string(n), nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: numberTag(string(n)), Value: string(n)}, nil
}

// numberTag is the YAML tag a number written bare resolves to.
func numberTag(n string) string {
	if strings.Contains(n, ".") {
		return "!!float"
	}
	return "!!int"
}

// MarshalJSON writes a number as a JSON number with its written places,
// and text in a number's place (not published) as a string.
func (n num) MarshalJSON() ([]byte, error) {
	if _, err := kpi.ParseDecimal(string(n)); err != nil {
		return json.Marshal(string(n))
	}
	if !json.Valid([]byte(n)) {
		return nil, fmt.Errorf("contract: %q is not a JSON number", string(n))
	}
	return []byte(n), nil
}

// numeric reports whether every value is a number, to be written bare.
func (ps pairs) numeric() bool {
	for _, p := range ps {
		if _, err := kpi.ParseDecimal(p.Value); err != nil {
			return false
		}
	}
	return true
}

// MarshalYAML writes the pairs as a mapping in their order.
func (ps pairs) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	numeric := ps.numeric()
	for _, p := range ps {
		var v any = p.Value
		if numeric {
			v = num(p.Value)
		}
		var kn, vn yaml.Node
		if err := kn.Encode(plain(p.Key)); err != nil {
			return nil, err
		}
		if err := vn.Encode(v); err != nil {
			return nil, err
		}
		n.Content = append(n.Content, &kn, &vn)
	}
	return n, nil
}

// MarshalJSON writes the pairs as an object in their order.
func (ps pairs) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	numeric := ps.numeric()
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.Key)
		b.Write(k)
		b.WriteByte(':')
		if numeric {
			b.WriteString(p.Value)
		} else {
			v, _ := json.Marshal(p.Value)
			b.Write(v)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Encode writes c as a contract file in format f, which [Decode] reads back
// into a contract [Contract.Equal] to c. Bands are written as a file gives
// them: nothing for the target_only scheme a KPI takes when its file gives
// no bands, the scheme that built them ([kpi.Bands.IsScheme]) with its
// levels and points (volume_of_failures, target_detriment_failure, ...),
// and else a ladder, band by band;
// a KPI's exceed rule only where it is not its regime's; a target in the
// words it was written in ("Not greater than 3%", [kpi.Written.Text]), or
// for one built in Go as [kpi.Written.String] writes it ("<= 3%"); the
// contract's currency where it is not GBP, and its amounts in it (€5000.00,
// [regime.Amount.Format]). A mapping or list
// of plain values short enough is written on one line (measure: {unit:
// percent, ...}). Profiles for one year or given month by month are
// written as their months; a linear
// or weighted shape applied to each year's annual target is written as the
// shape, with every_year or its annual_targets. The file's year_start is the
// month the KPIs' profiles and frequencies count years from; a frequency or
// profile year in years from another month says so (quarterly from Apr,
// 2016/17 from Apr). A credit rule other than the package regime's own four
// cannot be written, and is an error, as are two shapes applied every year
// in years that start in different months.
func Encode(w io.Writer, c *Contract, f Format) error {
	fc, err := modelOf(c)
	if err != nil {
		return err
	}
	var out []byte
	if f == JSON {
		out, err = json.MarshalIndent(fc, "", "  ")
		out = append(out, '\n')
	} else {
		out, err = yamlText(fc)
	}
	if err != nil {
		return fmt.Errorf("contract %q: %w", c.ID(), err)
	}
	_, err = w.Write(out)
	return err
}

// yamlText writes a contract file as YAML, each mapping and list of plain
// values on one line, as the repository's files give them: measure: {unit:
// percent, ...}, services: [ICT].
func yamlText(fc *fileContract) ([]byte, error) {
	var n yaml.Node
	if err := n.Encode(fc); err != nil {
		return nil, err
	}
	flowLeaves(&n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// flowWidth is the longest a mapping or list is written on one line.
const flowWidth = 120

// flowLeaves sets the flow style on every list of scalars and every
// mapping whose values are scalars or such one-line lists and mappings,
// where the whole fits in flowWidth; a ladder's bands stay one to a line.
// It writes a level given as a number bare (level: 98). It returns the
// length of n on one line and how deeply it nests, or -1 if n is not on
// one line.
func flowLeaves(n *yaml.Node) (width, depth int) {
	if n.Kind == yaml.ScalarNode {
		return len(n.Value) + 2, 0
	}
	width = 2
	for i, c := range n.Content {
		w, d := flowLeaves(c)
		if n.Kind == yaml.MappingNode && i%2 == 0 && c.Value == "level" && i+1 < len(n.Content) {
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
				if _, err := kpi.ParseDecimal(v.Value); err == nil {
					v.Tag, v.Style = numberTag(v.Value), 0
				}
			}
		}
		if w < 0 || width < 0 || d > 1 || (n.Kind == yaml.SequenceNode && d > 0) {
			width = -1
			continue
		}
		width += w
		depth = max(depth, d+1)
	}
	if (n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode) || len(n.Content) == 0 || width < 0 || width > flowWidth {
		return -1, 0
	}
	n.Style = yaml.FlowStyle
	return width, depth
}

// numText writes a decimal with its places: 99.50, not 99.5.
func numText(d decimal.Decimal) num { return num(kpi.Written{Value: d}.String()) }

// dec is numText for an optional field: nothing for zero.
func dec(d decimal.Decimal) num {
	if d.IsZero() {
		return ""
	}
	return numText(d)
}

func monthText(m period.Month) plain {
	if m.IsZero() {
		return ""
	}
	return plain(m.String())
}

// modelOf turns a contract back into the file model.
func modelOf(c *Contract) (*fileContract, error) {
	s := c.Spec()
	fc := &fileContract{ID: s.ID, Name: s.Name, Customer: s.Customer, Supplier: s.Supplier, Services: s.Services,
		Start: plain(s.Start.String()), MonthlyCharge: dec(s.MonthlyCharge)}
	if !s.End.IsZero() {
		fc.End = plain(s.End.AddDays(-1).String())
	}
	if cur := c.Currency(); cur != regime.GBP {
		fc.Currency = cur.Code()
	}
	for _, m := range slices.SortedFunc(maps.Keys(s.Charges), period.Month.Compare) {
		fc.Charges = append(fc.Charges, pair{Key: m.String(), Value: string(numText(s.Charges[m]))})
	}
	for _, m := range slices.SortedFunc(maps.Keys(s.OpeningCredits), period.Month.Compare) {
		fc.OpeningCredits = append(fc.OpeningCredits, pair{Key: m.String(), Value: string(numText(s.OpeningCredits[m]))})
	}
	ys, err := contractYears(s)
	if err != nil {
		return nil, fmt.Errorf("contract %q: %w", s.ID, err)
	}
	if ys.Start() != time.April {
		fc.YearStart = ys.Start().String()
	}
	if cal := s.Periods; cal.IsListed() {
		if cal.Years() != ys {
			// A file reads listed starts in its year_start's years.
			return nil, fmt.Errorf("contract %q: its listed period calendar labels years from %s, and a file from its year_start, %s",
				s.ID, cal.Years().Start(), ys.Start())
		}
		fc.Periods = &filePeriods{}
		for _, d := range cal.Starts() {
			fc.Periods.Starts = append(fc.Periods.Starts, plain(d.String()))
		}
	} else if !cal.IsZero() {
		m, day := cal.YearStart()
		fc.Periods = &filePeriods{YearStart: fmt.Sprintf("%02d-%02d", int(m), day), Absorb: cal.Absorb().String()}
	}
	for _, r := range s.Regimes {
		fr, err := regimeModel(r, ys)
		if err != nil {
			return nil, fmt.Errorf("contract %q: regime %q: %w", s.ID, r.Name(), err)
		}
		fc.Regimes = append(fc.Regimes, *fr)
	}
	return fc, nil
}

func statusText(s kpi.Status) string {
	if s == 0 {
		return ""
	}
	return s.String()
}

func regimeModel(r *regime.Regime, ys period.Years) (*fileRegime, error) {
	s := r.Spec()
	fr := &fileRegime{Name: s.Name, Version: s.Version, From: monthText(s.From), Until: monthText(s.Until),
		RoundBeforeBanding: s.RoundBeforeBanding, Failing: statusText(s.Failing), Repeat: dec(s.Repeat),
		MitigatedCount: s.MitigatedCount, Reset: s.Reset}
	for _, st := range slices.Sorted(maps.Keys(s.Labels)) {
		fr.Labels = append(fr.Labels, pair{Key: st.String(), Value: s.Labels[st]})
	}
	if !s.Exceed.Equal(kpi.NoExceed()) {
		t, _ := s.Exceed.MarshalText()
		fr.Exceed = string(t)
	}
	if s.Missing.DeemFailed || s.Missing.Status != 0 || !s.Missing.Points.IsZero() {
		fr.Missing = &fileMissing{DeemFailed: s.Missing.DeemFailed, Status: statusText(s.Missing.Status), Points: dec(s.Missing.Points)}
	}
	if s.Rounding != regime.HalfUp {
		fr.Rounding = s.Rounding.String()
	}
	if s.Restatements != regime.AdjustInMonthRestated {
		fr.Restatements = s.Restatements.String()
	}
	for _, d := range s.KPIs {
		fr.KPIs = append(fr.KPIs, kpiModel(d, ys, s.Exceed))
	}
	for _, rl := range s.Relief {
		fr.Relief = append(fr.Relief, fileRelief{Kind: rl.Kind.String(), KPI: rl.KPI, From: monthText(rl.From), Through: monthText(rl.Through), Reason: rl.Reason})
	}
	for i, c := range s.Credits {
		fc, err := creditModel(c, s.Currency)
		if err != nil {
			return nil, fmt.Errorf("credits[%d]: %w", i, err)
		}
		fr.Credits = append(fr.Credits, fc)
	}
	if !s.Starts.IsZero() {
		fr.From, fr.PartMonth = plain(s.Starts.String()), s.PartMonth.String()
	}
	if s.Consequences != nil {
		fr.Consequences = []string{}
		for _, t := range s.Consequences {
			fr.Consequences = append(fr.Consequences, t.String())
		}
	}
	if !s.Remedy.IsZero() {
		fr.Remedy = &fileRemedy{Rate: amountText(s.Remedy.Rate, s.Currency)}
		for _, bl := range s.Remedy.Baselines {
			fr.Remedy.Baseline = append(fr.Remedy.Baseline, pair{Key: bl.From.String(), Value: bl.Points.String()})
		}
	}
	if !s.Caps.PerPeriod.IsZero() || !s.Caps.Rolling.IsZero() || s.Caps.Window != 0 {
		fr.Caps = &fileCaps{PerPeriod: amountText(s.Caps.PerPeriod, s.Currency), Rolling: amountText(s.Caps.Rolling, s.Currency), Window: s.Caps.Window}
	}
	for _, rule := range s.Escalation {
		fr.Escalation = append(fr.Escalation, ruleModel(rule))
	}
	if e := s.EarnBack; !e.IsZero() {
		fr.EarnBack = &fileEarnBack{Mode: e.Mode.String(), Periods: e.Periods, RestOfYear: e.RestOfYear, Limit: poundsText(e.Limit, s.Currency)}
		if !e.Share.IsZero() {
			fr.EarnBack.Share = e.Share.String() + "%"
		}
	}
	for _, in := range s.Incentives {
		fi := fileIncentive{KPI: in.KPI, Benchmark: numText(in.Benchmark), Per: dec(in.Per), Fund: poundsText(in.Fund, s.Currency), DeductionCap: poundsText(in.DeductionCap, s.Currency)}
		if in.Bonus.Equal(in.Deduction) {
			fi.Rate = poundsText(in.Bonus, s.Currency)
		} else {
			fi.Bonus, fi.Deduction = poundsText(in.Bonus, s.Currency), poundsText(in.Deduction, s.Currency)
		}
		for _, st := range in.Index {
			fi.Index = append(fi.Index, pair{Key: st.From.String(), Value: st.Factor.String()})
		}
		fr.Incentives = append(fr.Incentives, fi)
	}
	return fr, nil
}

// poundsText writes an amount of money in currency c for a file, or "" for
// zero.
func poundsText(v decimal.Decimal, c regime.Currency) string {
	if v.IsZero() {
		return ""
	}
	return regime.Pounds(v).Format(c)
}

func amountText(a regime.Amount, c regime.Currency) string {
	if a.IsZero() {
		return ""
	}
	return a.Format(c)
}

func creditModel(c regime.CreditRule, cur regime.Currency) (fileCredit, error) {
	switch c := c.(type) {
	case regime.PointsCredit:
		return fileCredit{Type: "points", Rate: dec(c.Rate)}, nil
	case regime.ShortfallCredit:
		return fileCredit{Type: "shortfall", KPIs: c.Indicators}, nil
	case regime.FixedCredit:
		fc := fileCredit{Type: "fixed", KPI: c.KPI, PerFailure: dec(c.PerFailure)}
		for _, st := range slices.Sorted(maps.Keys(c.PerStatus)) {
			fc.PerStatus = append(fc.PerStatus, pair{Key: st.String(), Value: string(numText(c.PerStatus[st]))})
		}
		return fc, nil
	case regime.AtRiskCredit:
		fc := fileCredit{Type: "at_risk", Pool: amountText(c.Pool, cur)}
		for _, ref := range slices.Sorted(maps.Keys(c.Allocation)) {
			fc.Allocation = append(fc.Allocation, pair{Key: ref, Value: string(numText(c.Allocation[ref]))})
		}
		return fc, nil
	}
	return fileCredit{}, fmt.Errorf("%T is not one of the package regime's credit rules, so it cannot be written to a file", c)
}

func ruleModel(r regime.Rule) fileRule {
	fr := fileRule{Event: r.Event, KPI: r.KPI, Rule: r.Kind.String()}
	switch r.Kind {
	case regime.FailuresInWindow:
		fr.Failures, fr.Periods = r.N, r.M
	case regime.Consecutive:
		fr.Failures = r.N
	case regime.RollingPoints:
		fr.Periods, fr.Points = r.M, dec(r.Level)
	case regime.Reached:
		fr.Status = statusText(r.Status)
	}
	if p := r.Plan; !p.IsZero() {
		fr.Plan = &filePlan{SubmitWithinDays: p.SubmitWithin, CloseAfter: p.CloseAfter, OverdueEvent: p.Overdue, RepeatEvent: p.Repeat}
	}
	return fr
}

// contractYears returns the year start a file of the contract states once:
// that of the KPIs whose profile applies a shape every year, which cannot
// say their own; else that of the first profile with years of its own; else
// that of the first frequency measured in years from another month than
// April; else April. Profiles and frequencies in other years say so
// themselves (2016/17 from Sep, quarterly from Sep). It is an error for two
// KPIs to apply shapes every year in years that start in different months.
func contractYears(s Spec) (period.Years, error) {
	if s.Years.Start() != time.April {
		return s.Years, nil
	}
	var shape, profile, freq time.Month
	shapeRef := ""
	for _, r := range s.Regimes {
		for _, d := range r.Spec().KPIs {
			p := d.Profile()
			switch {
			case p.IsZero() || p.IsFlat():
			case p.EveryYear() && shape == 0:
				shape, shapeRef = p.YearStart(), d.Ref()
			case p.EveryYear() && p.YearStart() != shape:
				return period.Years{}, fmt.Errorf("KPI %s's profile applies every year in years from %s, and KPI %s's in years from %s: a contract file has one year_start",
					shapeRef, shape, d.Ref(), p.YearStart())
			case profile == 0:
				profile = p.YearStart()
			}
			if f := d.Frequency(); freq == 0 && f.YearStart() != time.April {
				freq = f.YearStart()
			}
		}
	}
	for _, m := range []time.Month{shape, profile, freq} {
		if m != 0 {
			return period.YearsStarting(m)
		}
	}
	return period.Years{}, nil
}

// yearText writes year y as a file in years ys reads it back: 2016/17 for
// one of ys's years, 2016/17 from Sep (or from Apr) for a year that starts
// in another month, 2016 for a calendar year.
func yearText(y period.Year, ys period.Years) string {
	t := y.String()
	switch start := y.First().Month(); {
	case start == ys.Start():
		t = strings.TrimSuffix(t, " from "+start.String()[:3])
	case start == time.April:
		t += " from Apr"
	}
	return t
}

// annualText writes an annual target, or nothing if it is the KPI's target
// as written (with its places).
func annualText(a decimal.Decimal, target kpi.Written) num {
	if a.Equal(target.Value) && a.Exponent() == target.Value.Exponent() {
		return ""
	}
	return numText(a)
}

// profileModel writes a profile in the contract's years ys: a shape with
// the years it covers, or explicit months with one annual target or each
// year's.
func profileModel(p kpi.Profile, target kpi.Written, ys period.Years) *fileProfile {
	if p.IsFlat() {
		return &fileProfile{Flat: true}
	}
	fp := &fileProfile{}
	years := p.Years()
	targets := func() {
		for _, y := range years {
			a, _ := p.AnnualOf(y)
			fp.AnnualTargets = append(fp.AnnualTargets, pair{Key: yearText(y, ys), Value: string(numText(a))})
		}
	}
	if ws := p.Weights(); p.Linear() || ws != nil {
		fp.Linear = p.Linear()
		for _, w := range ws {
			fp.Weights = append(fp.Weights, numText(w))
		}
		fp.Cumulative = p.Cumulative() && !p.Linear()
		if places := int(p.Places()); places != 2 {
			fp.Places = &places
		}
		if p.EveryYear() {
			fp.EveryYear, fp.Annual = true, annualText(p.Annual(), target)
		} else {
			targets()
		}
		return fp
	}
	fp.Cumulative = p.Cumulative()
	same := len(years) > 0
	for _, y := range years {
		a, _ := p.AnnualOf(y)
		same = same && a.Equal(p.Annual()) && a.Exponent() == p.Annual().Exponent()
	}
	switch {
	case same && p.YearStart() == ys.Start():
		fp.Annual = annualText(p.Annual(), target)
	case same && len(years) == 1:
		fp.Annual, fp.Year = annualText(p.Annual(), target), yearText(years[0], ys)
	default:
		targets()
	}
	for _, mo := range p.Months() {
		v, _ := p.Target(mo)
		fp.Months = append(fp.Months, pair{Key: mo.String(), Value: string(numText(v))})
	}
	return fp
}

// kpiModel writes a KPI, with its exceed rule where it is not the
// regime's, which a KPI with none takes.
func kpiModel(d kpi.Definition, ys period.Years, regimeExceed kpi.ExceedRule) fileKPI {
	s := d.Spec()
	fk := fileKPI{Ref: s.Ref, Description: s.Description, ServiceArea: s.ServiceArea, Contractual: s.Contractual,
		Frequency: ys.FormatFrequency(s.Frequency), Target: s.Target.Text()}
	if s.Tier != kpi.TierKPI {
		fk.Tier = s.Tier.String()
	}
	if s.Target.Comparison == kpi.NoTarget {
		fk.Target = "" // read back as none: the KPI is contextual, or its bands are a ladder
	}
	if len(s.Parts) > 0 {
		fk.Target, fk.Parts = "", s.Parts
		if s.PartsRule != kpi.AllParts {
			fk.PartsRule = s.PartsRule.String()
		}
	} else {
		m := s.Measure
		fk.Measure = &fileMeasure{Unit: m.Unit.String(), Polarity: m.Polarity.String(), Precision: int(m.Precision),
			RoundBeforeBanding: m.RoundBeforeBanding, Aggregation: m.Aggregation.String(), Signed: m.Signed}
		if m.Unit == kpi.Rating {
			fk.Measure.Scale = []num{numText(m.ScaleMin), numText(m.ScaleMax)}
		}
	}
	if !s.Profile.IsZero() {
		fk.Profile = profileModel(s.Profile, s.Target, ys)
	}
	if s.Bands.Len() == 0 {
		return fk // a contextual measure: never rated, no bands
	}
	fk.Bands = bandsModel(s)
	if !s.Exceed.Equal(kpi.NoExceed()) && !s.Exceed.Equal(regimeExceed) {
		t, _ := s.Exceed.MarshalText()
		fk.Exceed = string(t)
	}
	fk.Rolling = s.Rolling
	return fk
}
