package contract_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
	xlsxout "github.com/kpiregime/kpiregime/regime/render/xlsx"
)

// earnFile has two KPIs, A and B, target 90%, 2 points when missed, at 1%
// of the £100,000 monthly charge a point: a missed month's credit is
// £2,000. EARN_BACK is replaced by each case's rule, CAPS by its caps.
const earnFile = `
id: EARN
start: 2016-04-01
monthly_charge: 100000
regimes:
  - name: R
    from: 2016-04
    kpis:
      - {ref: A, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly,
         target: 90%, bands: {scheme: target_only, points: {missed: 2}}}
      - {ref: B, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly,
         target: 90%, bands: {scheme: target_only, points: {missed: 2}}}
    credits:
      - {type: points, rate: 1}
    EARN_BACK
    CAPS
`

// earnReturn: A missed in April and met from May; B missed in April, met
// in May, missed in June and met from July.
const earnReturn = "kpi,period,value\n" +
	"A,Apr-16,80\nA,May-16,91\nA,Jun-16,92\nA,Jul-16,93\nA,Aug-16,91\nA,Sep-16,91\n" +
	"B,Apr-16,80\nB,May-16,91\nB,Jun-16,85\nB,Jul-16,91\nB,Aug-16,91\nB,Sep-16,91\n"

func earnContract(t *testing.T, rule, caps string) (*contract.Contract, []regime.Observation) {
	t.Helper()
	file := strings.Replace(strings.Replace(earnFile, "EARN_BACK", rule, 1), "CAPS", caps, 1)
	c, err := contract.Decode(strings.NewReader(file), "earn.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader(earnReturn), "earn.csv", c)
	require.NoError(t, err)
	return c, obs
}

// money is one month's (or view's) earn-back figures, in pounds.
type money struct{ credits, held, earnedBack, repaid, forfeited, balance string }

func moneyOf(s regime.Summary) money {
	return money{s.Credits.StringFixed(2), s.Held.StringFixed(2), s.EarnedBack.StringFixed(2), s.Repaid.StringFixed(2),
		s.Forfeited.StringFixed(2), s.HeldBalance.StringFixed(2)}
}

// TestEarnBack, worked by hand, month by month (credits after caps; held;
// earned back; repaid; forfeited; held at the month's end):
//
// Held, earned back after three periods on target:
//
//	Apr A and B missed: each £2,000 held, none deducted   0     4000  0     0  0     4000
//	May both met (1 of 3)                                  0     0     0     0  0     4000
//	Jun A met (2 of 3); B missed: April's £2,000
//	    forfeited, deducted now; June's £2,000 held       2000  2000  0     0  2000  4000
//	Jul A met (3 of 3): April's £2,000 earned back;
//	    B met (1 of 3)                                     0     0     2000  0  0     2000
//	Aug B met (2 of 3)                                     0     0     0     0  0     2000
//	Sep B met (3 of 3): June's £2,000 earned back          0     0     2000  0  0     0
//	Apr-Sep (YTD): 2000 deducted, 6000 held, 4000 earned back, 2000 forfeited, 0 held at the end.
//
// Repaid instead: the same credits are deducted when they accrue (Apr
// £4,000, Jun £2,000), A's April credit is repaid in July, B's June credit
// in September; B's April credit is forfeited in June (it stays deducted).
//
// Repaid under a cap of £3,000 a month: April's £4,000 is capped to
// £3,000, so each April credit repayable is £2,000 × 3,000 / 4,000 =
// £1,500: July repays £1,500; June's £2,000 (under the cap) is repaid in
// full in September.
//
// Half held: each credit is half held (£1,000) and half deducted: April
// deducts £2,000 and holds £2,000; June deducts B's half (£1,000) and
// B's forfeited April half (£1,000).
//
// Held with a limit of £1,000 a year: July earns back £1,000 of A's April
// £2,000, and the other £1,000 is forfeited, deducted in July; in
// September, the limit spent, B's June £2,000 is forfeited and deducted.
func TestEarnBack(t *testing.T) {
	for _, c := range []struct {
		name, rule, caps string
		months           map[string]money
		ytd              money
	}{
		{"held", "earn_back: {mode: hold, periods: 3}", "", map[string]money{
			"Apr-16": {"0.00", "4000.00", "0.00", "0.00", "0.00", "4000.00"},
			"May-16": {"0.00", "0.00", "0.00", "0.00", "0.00", "4000.00"},
			"Jun-16": {"2000.00", "2000.00", "0.00", "0.00", "2000.00", "4000.00"},
			"Jul-16": {"0.00", "0.00", "2000.00", "0.00", "0.00", "2000.00"},
			"Aug-16": {"0.00", "0.00", "0.00", "0.00", "0.00", "2000.00"},
			"Sep-16": {"0.00", "0.00", "2000.00", "0.00", "0.00", "0.00"},
		}, money{"2000.00", "6000.00", "4000.00", "0.00", "2000.00", "0.00"}},
		{"repaid", "earn_back: {mode: repay, periods: 3}", "", map[string]money{
			"Apr-16": {"4000.00", "0.00", "0.00", "0.00", "0.00", "0.00"},
			"Jun-16": {"2000.00", "0.00", "0.00", "0.00", "2000.00", "0.00"},
			"Jul-16": {"0.00", "0.00", "0.00", "2000.00", "0.00", "0.00"},
			"Sep-16": {"0.00", "0.00", "0.00", "2000.00", "0.00", "0.00"},
		}, money{"6000.00", "0.00", "0.00", "4000.00", "2000.00", "0.00"}},
		{"repaid under a cap", "earn_back: {mode: repay, periods: 3}", "caps: {per_period: £3000}", map[string]money{
			"Apr-16": {"3000.00", "0.00", "0.00", "0.00", "0.00", "0.00"},
			"Jun-16": {"2000.00", "0.00", "0.00", "0.00", "1500.00", "0.00"},
			"Jul-16": {"0.00", "0.00", "0.00", "1500.00", "0.00", "0.00"},
			"Sep-16": {"0.00", "0.00", "0.00", "2000.00", "0.00", "0.00"},
		}, money{"5000.00", "0.00", "0.00", "3500.00", "1500.00", "0.00"}},
		{"half held", "earn_back: {mode: hold, periods: 3, share: 50%}", "", map[string]money{
			"Apr-16": {"2000.00", "2000.00", "0.00", "0.00", "0.00", "2000.00"},
			"Jun-16": {"2000.00", "1000.00", "0.00", "0.00", "1000.00", "2000.00"},
			"Jul-16": {"0.00", "0.00", "1000.00", "0.00", "0.00", "1000.00"},
			"Sep-16": {"0.00", "0.00", "1000.00", "0.00", "0.00", "0.00"},
		}, money{"4000.00", "3000.00", "2000.00", "0.00", "1000.00", "0.00"}},
		{"held with a yearly limit", "earn_back: {mode: hold, periods: 3, limit: £1000}", "", map[string]money{
			"Jul-16": {"1000.00", "0.00", "1000.00", "0.00", "1000.00", "2000.00"},
			"Sep-16": {"2000.00", "0.00", "0.00", "0.00", "2000.00", "0.00"},
		}, money{"5000.00", "6000.00", "1000.00", "0.00", "5000.00", "0.00"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ct, obs := earnContract(t, c.rule, c.caps)
			for m, want := range c.months {
				sc, err := ct.Score(obs, period.Must(period.ParseLabel(m)))
				require.NoError(t, err)
				assert.Equal(t, want, moneyOf(sc.Summary), m)
			}
			sc, err := ct.Score(obs, period.Must(period.ParseLabel("YTD 2016/17 to Sep-16")))
			require.NoError(t, err)
			assert.Equal(t, c.ytd, moneyOf(sc.Summary), "Apr to Sep")
		})
	}
}

// TestEarnBackNotes: the rows say what was held, earned back and
// forfeited, and when.
func TestEarnBackNotes(t *testing.T) {
	ct, obs := earnContract(t, "earn_back: {mode: hold, periods: 3}", "")
	for _, w := range []struct{ month, kpi, note string }{
		{"Apr-16", "A", "£2,000.00 held: earned back with 3 periods on target, deducted if not"},
		{"Jun-16", "B", "forfeited: £2,000.00 held for Apr-16, deducted"},
		{"Jul-16", "A", "earned back: £2,000.00 held for Apr-16"},
	} {
		sc, err := ct.Score(obs, period.Must(period.ParseLabel(w.month)))
		require.NoError(t, err)
		row, _ := sc.Row(w.kpi)
		assert.Contains(t, row.Notes, w.note, "%s %s", w.kpi, w.month)
	}
}

// TestEarnBackRestOfYear: a credit is earned back when the KPI is on
// target in every period to the end of the year it accrued in. Worked by
// hand: A misses April 2016 (£2,000 held) and meets every month to March
// 2017, so its credit is earned back with March, the year's last period. B
// misses April (£2,000 held) and February: April's credit is forfeited in
// February and deducted then, February's own £2,000 is held, and B meets
// March, so February's credit too is earned back with March. February:
// £2,000 deducted, £2,000 held, £2,000 forfeited, £4,000 held at its end;
// March: £4,000 earned back, nothing held.
func TestEarnBackRestOfYear(t *testing.T) {
	file := strings.Replace(strings.Replace(earnFile, "EARN_BACK", "earn_back: {mode: hold, rest_of_year: true}", 1), "CAPS", "", 1)
	c, err := contract.Decode(strings.NewReader(file), "earn.yaml", contract.YAML)
	require.NoError(t, err)
	var b strings.Builder
	b.WriteString("kpi,period,value\nA,Apr-16,80\nB,Apr-16,80\n")
	for _, m := range []string{"May-16", "Jun-16", "Jul-16", "Aug-16", "Sep-16", "Oct-16", "Nov-16", "Dec-16", "Jan-17", "Feb-17", "Mar-17"} {
		b.WriteString("A," + m + ",91\n")
		v := "91"
		if m == "Feb-17" {
			v = "85"
		}
		b.WriteString("B," + m + "," + v + "\n")
	}
	obs, err := contract.ReadObservations(strings.NewReader(b.String()), "earn.csv", c)
	require.NoError(t, err)
	feb, err := c.Score(obs, period.Must(period.ParseLabel("Feb-17")))
	require.NoError(t, err)
	assert.Equal(t, money{"2000.00", "2000.00", "0.00", "0.00", "2000.00", "4000.00"}, moneyOf(feb.Summary), "B's April credit forfeited and deducted, February's held; A's and B's February held")
	mar, err := c.Score(obs, period.Must(period.ParseLabel("Mar-17")))
	require.NoError(t, err)
	assert.Equal(t, money{"0.00", "0.00", "4000.00", "0.00", "0.00", "0.00"}, moneyOf(mar.Summary), "A's April and B's February credits earned back with March")
}

// TestEarnBackErrors: a rule without its mode, or with both periods and
// rest_of_year, names the field.
func TestEarnBackErrors(t *testing.T) {
	for rule, want := range map[string]string{
		"earn_back: {periods: 3}":                                   "regimes[0].earn_back.mode: an earn-back rule needs its mode: hold or repay",
		"earn_back: {mode: keep, periods: 3}":                       `regimes[0].earn_back.mode: cannot read "keep" as an earn-back mode (want hold or repay)`,
		"earn_back: {mode: hold, periods: 3, rest_of_year: true}":   "regimes[0].earn_back.periods: give periods or rest_of_year, not both",
		"earn_back: {mode: hold}":                                   "regimes[0].earn_back.periods: a credit is earned back after 1 to 36 periods on target, not 0 (or give rest_of_year)",
		"earn_back: {mode: hold, periods: 3, share: 150%}":          "regimes[0].earn_back.share: a share is 0 to 100%, not 150%",
		"earn_back: {mode: hold, periods: 3, limit: 5% of charges}": `regimes[0].earn_back.limit: "5% of charges" is a share of the charges; this is an amount of money (£1000)`,
	} {
		file := strings.Replace(strings.Replace(earnFile, "EARN_BACK", rule, 1), "CAPS", "", 1)
		_, err := contract.Decode(strings.NewReader(file), "earn.yaml", contract.YAML)
		require.Error(t, err, rule)
		assert.Contains(t, err.Error(), want, rule)
	}
}

// TestEarnBackAndIncentivesInEveryOutput: June of the held case, worked
// above (£2,000 deducted, £2,000 held, £2,000 forfeited, £4,000 held at
// its end), and the incentives of 2016/17 to August (bonuses £10,300,
// deductions £3,000), each in text and JSON, never netted.
func TestEarnBackAndIncentivesInEveryOutput(t *testing.T) {
	ct, obs := earnContract(t, "earn_back: {mode: hold, periods: 3}", "")
	sc, err := ct.Score(obs, period.Must(period.ParseLabel("Jun-16")))
	require.NoError(t, err)
	card := render.Card{Contract: "EARN", Scorecard: sc}
	var text, js bytes.Buffer
	require.NoError(t, render.Text(&text, card))
	assert.Contains(t, text.String(), "Service points: 2. Credits: £2,000.00.\n")
	assert.Contains(t, text.String(), "Earn-back: £2,000.00 held (not in the credits above), £2,000.00 forfeited; £4,000.00 held at the end.\n")
	require.NoError(t, render.JSON(&js, card))
	var doc struct {
		Scorecards []struct {
			Rows []struct {
				KPI       string        `json:"kpi"`
				Held      *regime.Money `json:"held"`
				Forfeited *regime.Money `json:"forfeited"`
			} `json:"rows"`
			Summary struct {
				Held, Forfeited, HeldBalance, Credits regime.Money
			} `json:"summary"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &doc))
	s := doc.Scorecards[0]
	assert.Equal(t, "£2,000.00", s.Summary.Held.String())
	assert.Equal(t, "£2,000.00", s.Summary.Forfeited.String())
	assert.Equal(t, "£2,000.00", s.Summary.Credits.String())
	require.NotNil(t, s.Rows[1].Held)
	require.NotNil(t, s.Rows[1].Forfeited)
	assert.Equal(t, "£2,000.00", s.Rows[1].Held.String(), "B's June credit")
	assert.Equal(t, "£2,000.00", s.Rows[1].Forfeited.String(), "B's April credit")
	assert.Nil(t, s.Rows[0].Held, "A met: nothing")
	// CSV: the moves as columns of their own, empty where none.
	var csvOut bytes.Buffer
	require.NoError(t, render.CSV(&csvOut, card))
	lines := strings.Split(strings.TrimSpace(csvOut.String()), "\n")
	require.Len(t, lines, 3)
	assert.True(t, strings.HasSuffix(lines[0], ",card_period,currency,held,earned_back,repaid,forfeited,bonus,deduction"), lines[0])
	assert.True(t, strings.HasSuffix(lines[1], ",2016-06,GBP,,,,,,"), "A: nothing moved: "+lines[1])
	assert.True(t, strings.HasSuffix(lines[2], ",2016-06,GBP,2000.00,,,2000.00,,"), "B: June's held, April's forfeited: "+lines[2])

	c, err := contract.Decode(strings.NewReader(incentiveFile), "inc.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err = contract.ReadObservations(strings.NewReader("kpi,period,value\nP,Apr-16,92.37\nP,May-16,91.85\nP,Jun-16,94.00\nP,Jul-16,90.00\nP,Aug-16,95.00\nC,May-16,17\n"), "inc.csv", c)
	require.NoError(t, err)
	sc, err = c.Score(obs, period.Must(period.ParseLabel("YTD 2016/17 to Aug-16")))
	require.NoError(t, err)
	text.Reset()
	require.NoError(t, render.Text(&text, render.Card{Contract: "INC", Scorecard: sc}))
	assert.Contains(t, text.String(), "Incentives: £10,300.00 paid to the supplier; £3,000.00 deducted from the supplier (apart from the credits).\n")
}

// TestEarnBackInAWorkbook: the workbook's summary sheet shows June's
// earn-back moves (worked above: £2,000 held, £2,000 forfeited, £4,000
// held at the end) as money, apart from the credits (£2,000).
func TestEarnBackInAWorkbook(t *testing.T) {
	ct, obs := earnContract(t, "earn_back: {mode: hold, periods: 3}", "")
	sc, err := ct.Score(obs, period.Must(period.ParseLabel("Jun-16")))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, xlsxout.Write(&b, render.Card{Contract: "EARN", Scorecard: sc}))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows(xlsxout.SummarySheet, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	require.Len(t, rows, 2)
	got := map[string]string{}
	for i, name := range rows[0] {
		if i < len(rows[1]) {
			got[name] = rows[1][i]
		}
	}
	assert.Equal(t, "2000", got["Credits"])
	assert.Equal(t, "2000", got["Held"])
	assert.Equal(t, "2000", got["Forfeited"])
	assert.Equal(t, "4000", got["Held at end"])
	assert.Equal(t, "", got["Earned back"])
}
