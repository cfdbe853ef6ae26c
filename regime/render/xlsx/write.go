// Package xlsx writes scorecards as an Excel workbook (.xlsx): a summary
// sheet, then a sheet per scorecard with a row per KPI. It is a package of
// its own, beside package render's text, Markdown, CSV, JSON and HTML, so
// that a program that imports package render does not compile the Excel
// library it uses (github.com/xuri/excelize/v2).
//
// Figures are numbers, never text, each with a number format for its unit:
// a percentage as Excel holds one (95.8% is stored 0.958 with the format
// 0.0%), days with "days", money in the scorecard's currency ("£"#,##0.00
// for GBP, "€"#,##0.00 for EUR, "USD "#,##0.00 for a currency with no
// symbol), and a target's comparison in its format ("< "0% for < 5%). The places shown are the
// figure's own (88.89 shows 88.89%, 90.0 shows 90.0%). Each value is
// written from its decimal's text, so nothing passes through a float64.
// Each Status cell is filled in its colour class, as the HTML page colours
// it ([render.Class], [render.Colour]); the Score column holds a score
// scale's score, and Band its band's name. Every sheet has its header row
// frozen, a filter on its columns and its columns' widths fitted to their
// contents.
package xlsx

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// SummarySheet is the name of the first sheet, a row per scorecard.
const SummarySheet = "Summary"

// Columns are the columns of a scorecard's sheet, in order.
var Columns = []string{"KPI", "Description", "Service area", "Period", "Target", "Actual", "Variance", "Status", "Score", "Band",
	"Points", "Credit", "Reason", "Notes"}

// SummaryColumns are the columns of the summary sheet, in order: the counts
// of each status follow Period, in the ladder's order, by canonical name.
var SummaryColumns = func() []string {
	cols := []string{"Sheet", "Contract", "Regime", "Version", "Period"}
	for st := kpi.Exceeded; st <= kpi.LastStatus; st++ {
		cols = append(cols, st.String())
	}
	return append(cols, "On target", "Share on target", "Points", "Credits before caps", "Credits", "Exceptions",
		"Held", "Earned back", "Repaid", "Forfeited", "Held at end", "Bonuses", "Incentive deductions", "Adjustments", "Events", "Plans")
}()

// Write writes the cards as a workbook: the summary sheet, then a sheet per
// card, named by its contract and period ("ICT May-16"). It needs at least
// one card.
func Write(w io.Writer, cards ...render.Card) error {
	if len(cards) == 0 {
		return fmt.Errorf("xlsx: a workbook needs at least one scorecard")
	}
	f := excelize.NewFile()
	defer f.Close()
	wb := &book{f: f, styles: map[styleKey]int{}}
	if err := f.SetSheetName("Sheet1", SummarySheet); err != nil {
		return err
	}
	names := map[string]bool{SummarySheet: true}
	var sheets []string
	for _, c := range cards {
		name := sheetName(c, names)
		names[name] = true
		sheets = append(sheets, name)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := wb.card(name, c); err != nil {
			return err
		}
	}
	if err := wb.summary(sheets, cards); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// sheetName is a card's sheet name: its contract and period, cut to
// Excel's 31 characters, without the characters Excel forbids, and made
// unique with a number.
func sheetName(c render.Card, taken map[string]bool) string {
	base := strings.TrimSpace(c.Contract + " " + c.Scorecard.Period.Label(period.Short))
	base = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) || r < ' ' {
			return '-'
		}
		return r
	}, base)
	if base == "" {
		base = "Scorecard"
	}
	name := cut(base, 31)
	for n := 2; taken[name]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		name = cut(base, 31-len(suffix)) + suffix
	}
	return name
}

// cut keeps the first n characters of s.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// book is a workbook being written, with its styles made once each.
type book struct {
	f      *excelize.File
	styles map[styleKey]int
}

// styleKey is a cell's style: its number format, fill class and whether it
// is a header.
type styleKey struct {
	numFmt, class string
	header        bool
}

func (b *book) style(k styleKey) (int, error) {
	if id, ok := b.styles[k]; ok {
		return id, nil
	}
	st := &excelize.Style{}
	if k.numFmt != "" {
		nf := k.numFmt
		st.CustomNumFmt = &nf
	}
	if k.class != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{render.Colour(k.class)}}
	}
	if k.header {
		st.Font = &excelize.Font{Bold: true}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#f2f2f2"}}
	}
	if !k.header && k.numFmt == "" && k.class == "" {
		st.Alignment = &excelize.Alignment{Vertical: "top"}
	}
	id, err := b.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	b.styles[k] = id
	return id, nil
}

// sheet writes one sheet's cells, row by row, fitting its widths.
type sheet struct {
	b      *book
	name   string
	widths []int
	row    int
	err    error
}

func (s *sheet) cellName(col int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, s.row)
	return name
}

func (s *sheet) fit(col int, shown string) {
	for len(s.widths) <= col {
		s.widths = append(s.widths, 0)
	}
	s.widths[col] = max(s.widths[col], utf8.RuneCountInString(shown))
}

// text writes a text cell, filled in class where it is not "".
func (s *sheet) text(col int, v, class string) {
	if s.err != nil || v == "" && class == "" {
		return
	}
	cell := s.cellName(col)
	s.err = s.b.f.SetCellStr(s.name, cell, v)
	s.fit(col, v)
	if class != "" && s.err == nil {
		s.apply(cell, styleKey{class: class})
	}
}

// number writes a number from its decimal text, with a number format.
// shown is the figure as the format shows it, for the column's width.
func (s *sheet) number(col int, d decimal.Decimal, numFmt, shown string) {
	if s.err != nil {
		return
	}
	cell := s.cellName(col)
	// SetCellDefault stores the text as the cell's number as it is: the
	// decimal's exact digits, with no float64 between.
	s.err = s.b.f.SetCellDefault(s.name, cell, d.String())
	s.fit(col, shown)
	if s.err == nil {
		s.apply(cell, styleKey{numFmt: numFmt})
	}
}

func (s *sheet) apply(cell string, k styleKey) {
	id, err := s.b.style(k)
	if err == nil {
		err = s.b.f.SetCellStyle(s.name, cell, cell, id)
	}
	s.err = err
}

// header writes the header row and moves to the next.
func (s *sheet) header(cols []string) {
	s.row = 1
	for i, h := range cols {
		s.text(i, h, "")
		if s.err == nil {
			s.apply(s.cellName(i), styleKey{header: true})
		}
	}
}

// finish freezes the header row, puts a filter on the columns and fits
// their widths.
func (s *sheet) finish(cols int) error {
	if s.err != nil {
		return s.err
	}
	f := s.b.f
	last, _ := excelize.CoordinatesToCellName(cols, max(s.row, 1))
	if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(s.name, "A1:"+last, nil); err != nil {
		return err
	}
	for i := 0; i < cols; i++ {
		w := 8
		if i < len(s.widths) {
			w = min(max(s.widths[i]+2, 8), 60)
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s.name, col, col, float64(w)); err != nil {
			return err
		}
	}
	return nil
}

// card writes a card's sheet: a row per scorecard row.
func (b *book) card(name string, c render.Card) error {
	s := &sheet{b: b, name: name}
	s.header(Columns)
	sc := c.Scorecard
	for _, r := range sc.Rows {
		s.row++
		res := r.Result
		m := res.Measure()
		s.text(0, r.KPI, "")
		s.text(1, r.Description, "")
		s.text(2, r.ServiceArea, "")
		p := r.Period
		if p.IsZero() {
			p = sc.Period
		}
		s.text(3, p.Label(period.Short), "")
		if w, ok := res.TargetWritten(); ok && w.Comparison != kpi.NotPublished && w.Comparison != kpi.NoTarget {
			if t, ok := res.Target(); ok {
				v, nf, shown := figure(m.Unit, t, w.Comparison, sc.Currency)
				s.number(4, v, nf, shown)
			}
		}
		if a, ok := res.Actual(); ok {
			v, nf, shown := figure(m.Unit, a, kpi.Unstated, sc.Currency)
			s.number(5, v, nf, shown)
		} else if text := render.RangeText(res); text != "" {
			s.text(5, text, "") // a range rated: two figures, so text
		}
		if v, ok := res.Variance(); ok {
			d, nf, shown := figure(m.Unit, v, kpi.Unstated, sc.Currency)
			s.number(6, d, nf, shown)
		}
		s.text(7, r.Label, render.Class(r.Status))
		if n, ok := res.Score(); ok {
			s.number(8, decimal.NewFromInt(int64(n)), "0", fmt.Sprint(n))
		}
		if band, ok := res.Band(); ok {
			s.text(9, band.Name, "")
		}
		s.number(10, r.Points, places(r.Points, ""), r.Points.String())
		s.money(11, r.Credit, sc.Currency)
		s.text(12, res.Reason(), "")
		s.text(13, strings.Join(r.Notes, "; "), "")
	}
	return s.finish(len(Columns))
}

// moneyFormat is the number format of money in currency c:
// "£"#,##0.00;-"£"#,##0.00 for GBP, the same with "€" for EUR, and with the
// code ("USD ") for a currency with no symbol ([regime.Currency.Symbol]).
func moneyFormat(c regime.Currency) string {
	sign := c.Symbol()
	if sign == "" {
		sign = c.Code() + " "
	}
	q := `"` + sign + `"`
	return q + "#,##0.00;-" + q + "#,##0.00"
}

// money writes v, an amount in currency c, at col, as a number with its
// currency's format.
func (s *sheet) money(col int, v decimal.Decimal, c regime.Currency) {
	s.number(col, v, moneyFormat(c), c.Format(v))
}

// figure is a figure of a measure in unit as a cell holds it: the number
// (a percentage as a fraction: 95.8 is 0.958, by moving the decimal point,
// which is exact), its number format, with the comparison of a target in
// front ("< "), and the figure as the format shows it; money is in
// currency cur.
func figure(unit kpi.Unit, d decimal.Decimal, c kpi.Comparison, cur regime.Currency) (decimal.Decimal, string, string) {
	prefix, shownPrefix := "", ""
	if c != kpi.Unstated {
		prefix, shownPrefix = `"`+c.String()+` "`, c.String()+" "
	}
	switch unit {
	case kpi.Percent:
		return d.Shift(-2), prefix + places(d, "%"), shownPrefix + exact(d) + "%"
	case kpi.Days:
		return d, prefix + places(d, ` "days"`), shownPrefix + exact(d) + " days"
	case kpi.Money:
		return d, prefix + moneyFormat(cur), shownPrefix + cur.Format(d)
	}
	return d, prefix + places(d, ""), shownPrefix + exact(d)
}

// places is a number format showing d's own decimal places, then suffix:
// 88.89 gives 0.00, 90.0 gives 0.0, 100 gives 0.
func places(d decimal.Decimal, suffix string) string {
	n := max(-int(d.Exponent()), 0)
	if n == 0 {
		return "0" + suffix
	}
	return "0." + strings.Repeat("0", n) + suffix
}

// exact writes d with its own places.
func exact(d decimal.Decimal) string { return kpi.Written{Value: d}.String() }

// summary writes the summary sheet: a row per card.
func (b *book) summary(sheets []string, cards []render.Card) error {
	s := &sheet{b: b, name: SummarySheet}
	s.header(SummaryColumns)
	for i, c := range cards {
		s.row++
		sc := c.Scorecard
		sum := sc.Summary
		s.text(0, sheets[i], "")
		s.text(1, c.Contract, "")
		s.text(2, sc.Regime, "")
		s.text(3, sc.Version, "")
		s.text(4, sc.Period.Label(period.Short), "")
		col := 5
		for st := kpi.Exceeded; st <= kpi.LastStatus; st++ {
			if n := sum.ByStatus[st]; n > 0 {
				s.number(col, decimal.NewFromInt(int64(n)), "0", fmt.Sprint(n))
				if s.err == nil {
					s.apply(s.cellName(col), styleKey{numFmt: "0", class: render.Class(st)})
				}
			}
			col++
		}
		s.number(col, decimal.NewFromInt(int64(sum.OnTarget)), "0", fmt.Sprint(sum.OnTarget))
		s.number(col+1, sum.ShareOnTarget.Shift(-2), "0.00%", sum.ShareOnTarget.StringFixed(2)+"%")
		s.number(col+2, sum.Points, places(sum.Points, ""), sum.Points.String())
		s.money(col+3, sum.CreditsBeforeCaps, sc.Currency)
		s.money(col+4, sum.Credits, sc.Currency)
		s.text(col+5, strings.Join(sum.Exceptions, ", "), "")
		// Earn-back, incentives and restatements' adjustments, each apart
		// from the credits and never netted; blank where nothing moved.
		for i, v := range []decimal.Decimal{sum.Held, sum.EarnedBack, sum.Repaid, sum.Forfeited, sum.HeldBalance, sum.Bonuses, sum.Deductions, sum.AdjustmentsTotal} {
			if !v.IsZero() {
				s.money(col+6+i, v, sc.Currency)
			}
		}
		var events, plans []string
		for _, e := range sc.Events {
			events = append(events, e.Name+" for "+cmp.Or(e.KPI, "the regime"))
		}
		for _, p := range sc.Plans {
			plans = append(plans, p.String())
		}
		s.text(col+14, strings.Join(events, "; "), "")
		s.text(col+15, strings.Join(plans, "; "), "")
	}
	if err := s.finish(len(SummaryColumns)); err != nil {
		return err
	}
	b.f.SetActiveSheet(0)
	return nil
}
