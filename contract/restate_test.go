package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// restateContract is the contract the restatement cases are scored under:
// a charge of £100,000 a month; KPI 3, a percent, met at 90% or more and
// missed below it, with 2 service points when missed; each point 1% of the
// month's charge. So a missed month is 2 × 1% × £100,000 = £2,000. The
// cases add a repeat multiplier, a cap or the restate_in_place rule where
// they say.
const restateContract = `id: RS
start: 2019-04-01
monthly_charge: 100000
regimes:
  - name: R
    version: "1"
    from: 2019-04
    kpis:
      - ref: "3"
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_only, points: {missed: 2}}
    credits:
      - {type: points, rate: 1}
`

// readRestated reads the contract, with extra regime fields after its
// version line, and the return, on a fixed day.
func readRestated(t *testing.T, extra, csv string) (*contract.Contract, []regime.Observation) {
	t.Helper()
	text := strings.Replace(restateContract, "    version: \"1\"\n", "    version: \"1\"\n"+extra, 1)
	c, err := contract.Decode(strings.NewReader(text), "rs.yaml", contract.YAML)
	require.NoError(t, err)
	obs, _, err := contract.ReturnReader{Contract: c, Today: day("2026-12-02")}.Read(strings.NewReader(csv), "rs.csv")
	require.NoError(t, err)
	return c, obs
}

func day(s string) period.Date { return period.Must(period.ParseDate(s)) }

// A scored month: its KPI 3 row's status and credit, and the adjustments
// posted in it (amount, and the months they are for), as at a day (""
// for the latest).
type restatedMonth struct {
	month, asAt string
	status      kpi.Status
	credit      string   // the row's credit (before caps)
	credits     string   // the month's credits after caps
	adjust      string   // the month's adjustments, added up ("" for none)
	months      []string // the months the adjustments are for
	versions    int      // versions of the row's figure shown (0: reported once)
}

// TestRestatements scores restated returns through a contract file and a
// CSV return, each month worked by hand beside it.
func TestRestatements(t *testing.T) {
	const head = "kpi,period,value,reported_on,reported_by,note\n"
	cases := []struct {
		name, extra, csv string
		want             []restatedMonth
	}{
		{
			// Seed 002's kind of case: a typing error corrected at a later
			// meeting. June reported 82.1% on 5 July: missed, 2 points,
			// £2,000, applied in June. Restated to 92.1% on 12 September:
			// met, £0. June now stands at £0; the £2,000 June carried is
			// given back in September: an adjustment of £0 − £2,000 =
			// −£2,000. As at 11 September, June is as it was reported.
			name: "typing error corrected: credit given back in the month restated",
			csv: head + "3,Jun-19,82.1,2019-07-05,Serco,\n3,Jul-19,95,2019-08-05,Serco,\n3,Aug-19,95,2019-09-05,Serco,\n" +
				"3,Sep-19,95,2019-10-05,Serco,\n3,Jun-19,92.1,2019-09-12,the council,typing error corrected at the meeting\n",
			want: []restatedMonth{
				{month: "Jun-19", status: kpi.Met, credit: "0", credits: "0", versions: 2},
				{month: "Jun-19", asAt: "2019-09-11", status: kpi.Missed, credit: "2000", credits: "2000"},
				{month: "Jul-19", status: kpi.Met, credit: "0", credits: "0"},
				{month: "Aug-19", status: kpi.Met, credit: "0", credits: "0"},
				{month: "Sep-19", status: kpi.Met, credit: "0", credits: "0", adjust: "-2000", months: []string{"Jun-19"}},
				// As at 11 September the restatement has not been made:
				// nothing is posted; nor has September's figure (5
				// October) been reported: no data.
				{month: "Sep-19", asAt: "2019-09-11", status: kpi.NoData, credit: "0", credits: "0"},
			},
		},
		{
			// The other way: June reported met (95%) on 5 July, £0;
			// restated to 85% on 20 August: missed, £2,000. The adjustment
			// in August is £2,000 − £0 = +£2,000, a further deduction.
			name: "restated to a failure: a further credit in the month restated",
			csv:  head + "3,Jun-19,95,2019-07-05,Serco,\n3,Jul-19,95,2019-08-05,Serco,\n3,Aug-19,95,2019-09-05,Serco,\n3,Jun-19,85,2019-08-20,the council,audit\n",
			want: []restatedMonth{
				{month: "Jun-19", status: kpi.Missed, credit: "2000", credits: "2000", versions: 2},
				{month: "Aug-19", status: kpi.Met, credit: "0", credits: "0", adjust: "2000", months: []string{"Jun-19"}},
			},
		},
		{
			// Repeats: with repeat: 2, June missed earns 2 points (£2,000)
			// and July missed, a repeat, 4 points (£4,000). June restated to
			// met on 15 August: June £0, and July is no longer a repeat: 2
			// points, £2,000. Before: £2,000 + £4,000 = £6,000; after: £0 +
			// £2,000 = £2,000; adjustment in August −£4,000, for June and
			// July.
			name:  "a restatement that ends a repeat changes the month after too",
			extra: "    repeat: 2\n",
			csv:   head + "3,Jun-19,85,2019-07-05,,\n3,Jul-19,85,2019-08-05,,\n3,Aug-19,95,2019-09-05,,\n3,Jun-19,95,2019-08-15,Serco,\n",
			want: []restatedMonth{
				{month: "Jun-19", status: kpi.Met, credit: "0", credits: "0", versions: 2},
				{month: "Jul-19", status: kpi.Missed, credit: "2000", credits: "2000"},
				{month: "Jul-19", asAt: "2019-08-14", status: kpi.Missed, credit: "4000", credits: "4000"},
				{month: "Aug-19", status: kpi.Met, credit: "0", credits: "0", adjust: "-4000", months: []string{"Jun-19", "Jul-19"}},
			},
		},
		{
			// Caps: with repeat: 2 and a cap of £3,000 a month, July
			// missed as a repeat earns 4 points, £4,000, capped to £3,000.
			// July restated to met on 10 August: £0. The adjustment is of
			// the credits after caps: £0 − £3,000 = −£3,000, not −£4,000.
			name:  "the adjustment is of the credits after caps",
			extra: "    repeat: 2\n    caps: {per_period: £3000}\n",
			csv:   head + "3,Jun-19,85,2019-07-05,,\n3,Jul-19,85,2019-08-05,,\n3,Aug-19,95,2019-09-05,,\n3,Jul-19,95,2019-08-10,Serco,rectified\n",
			want: []restatedMonth{
				{month: "Jul-19", asAt: "2019-08-09", status: kpi.Missed, credit: "4000", credits: "3000"},
				{month: "Jul-19", status: kpi.Met, credit: "0", credits: "0", versions: 2},
				{month: "Aug-19", status: kpi.Met, credit: "0", credits: "0", adjust: "-3000", months: []string{"Jul-19"}},
			},
		},
		{
			// restate_in_place: June restated from 82.1% to 92.1% on 12
			// September stands at £0 and nothing is posted in September.
			name:  "restate in place: no adjustment",
			extra: "    restatements: restate_in_place\n",
			csv:   head + "3,Jun-19,82.1,2019-07-05,Serco,\n3,Sep-19,95,2019-10-05,Serco,\n3,Jun-19,92.1,2019-09-12,the council,\n",
			want: []restatedMonth{
				{month: "Jun-19", status: kpi.Met, credit: "0", credits: "0", versions: 2},
				{month: "Sep-19", status: kpi.Met, credit: "0", credits: "0"},
			},
		},
		{
			// Restated twice: 82.1% (5 July, missed, £2,000), 86% (10
			// August, still missed: £2,000, so nothing to adjust in August),
			// 92.1% (12 September, met: −£2,000 in September). As at 31
			// August the row shows two versions.
			name: "restated twice",
			csv: head + "3,Jun-19,82.1,2019-07-05,Serco,\n3,Aug-19,95,2019-09-05,,\n3,Sep-19,95,2019-10-05,,\n" +
				"3,Jun-19,86,2019-08-10,Serco,\n3,Jun-19,92.1,2019-09-12,the council,\n",
			want: []restatedMonth{
				{month: "Jun-19", status: kpi.Met, credit: "0", credits: "0", versions: 3},
				{month: "Jun-19", asAt: "2019-08-31", status: kpi.Missed, credit: "2000", credits: "2000", versions: 2},
				{month: "Aug-19", status: kpi.Met, credit: "0", credits: "0"},
				{month: "Sep-19", status: kpi.Met, credit: "0", credits: "0", adjust: "-2000", months: []string{"Jun-19"}},
			},
		},
		{
			// An undated original (the return as first sent) counts as the
			// earliest version: restated to met on 12 September, −£2,000 in
			// September.
			name: "an undated original",
			csv:  head + "3,Jun-19,82.1,,,\n3,Sep-19,95,,,\n3,Jun-19,92.1,2019-09-12,the council,\n",
			want: []restatedMonth{
				{month: "Jun-19", status: kpi.Met, credit: "0", credits: "0", versions: 2},
				{month: "Sep-19", status: kpi.Met, credit: "0", credits: "0", adjust: "-2000", months: []string{"Jun-19"}},
			},
		},
		{
			// Restated in its own month, before any month after it was
			// scored: June's figure reported on 20 June and corrected on 28
			// June. June stands at the corrected figure (missed, £2,000),
			// and no month before June changed: nothing is posted.
			name: "restated within its own month",
			csv:  head + "3,Jun-19,95,2019-06-20,,\n3,Jun-19,85,2019-06-28,,\n",
			want: []restatedMonth{
				{month: "Jun-19", status: kpi.Missed, credit: "2000", credits: "2000", versions: 2},
			},
		},
		{
			// A figure reported only after the as-at day is not there yet:
			// as at 4 July June has no figure (no data, and no credit, since
			// the regime does not deem a missing figure a failure).
			name: "as at a day before the figure was reported",
			csv:  head + "3,Jun-19,85,2019-07-05,,\n",
			want: []restatedMonth{
				{month: "Jun-19", asAt: "2019-07-04", status: kpi.NoData, credit: "0", credits: "0"},
				{month: "Jun-19", status: kpi.Missed, credit: "2000", credits: "2000"},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, obs := readRestated(t, tc.extra, tc.csv)
			for _, w := range tc.want {
				var asAt period.Date
				if w.asAt != "" {
					asAt = day(w.asAt)
				}
				what := w.month + " as at " + w.asAt
				sc, err := c.ScoreAsAt(obs, mo(w.month).Period(), asAt)
				require.NoError(t, err, what)
				assert.Equal(t, asAt, sc.AsAt, what)
				row, ok := sc.Row("3")
				require.True(t, ok, what)
				assert.Equal(t, w.status, row.Status, what)
				assert.Equal(t, w.credit, row.Credit.String(), what)
				assert.Equal(t, w.credits, sc.Summary.Credits.String(), what)
				if w.versions == 0 {
					assert.False(t, row.Restated(), what)
					assert.Nil(t, row.Figures, what)
				} else {
					assert.Len(t, row.Figures, w.versions, what)
				}
				if w.adjust == "" {
					assert.Empty(t, sc.Summary.Adjustments, what)
					assert.True(t, sc.Summary.AdjustmentsTotal.IsZero(), what)
					continue
				}
				require.Len(t, sc.Summary.Adjustments, 1, what)
				a := sc.Summary.Adjustments[0]
				assert.Equal(t, w.adjust, a.Amount.String(), what)
				assert.Equal(t, w.adjust, sc.Summary.AdjustmentsTotal.String(), what)
				assert.True(t, a.Amount.Equal(a.After.Sub(a.Before)), what)
				var months []string
				for _, m := range a.Months {
					months = append(months, m.Label(period.Short))
				}
				assert.Equal(t, w.months, months, what)
				assert.Equal(t, mo(w.month), a.Month, what)
			}
		})
	}
}

// TestRestatedRowShowsItsVersions: the typing-error case's June row as
// every output reads it: each version with its figure, status, credit,
// date, who and where, and the note.
func TestRestatedRowShowsItsVersions(t *testing.T) {
	c, obs := readRestated(t, "", "kpi,period,value,reported_on,reported_by,note\n"+
		"3,Jun-19,82.1,2019-07-05,Serco,\n3,Sep-19,95,2019-10-05,Serco,\n3,Jun-19,92.1,2019-09-12,the council,typing error\n")
	sc, err := c.Score(obs, mo("Jun-19").Period())
	require.NoError(t, err)
	row, _ := sc.Row("3")
	require.Len(t, row.Figures, 2)
	was, now := row.Figures[0], row.Figures[1]
	assert.Equal(t, regime.Source{File: "rs.csv", Line: 2}, was.Source)
	assert.Equal(t, day("2019-07-05"), was.ReportedOn)
	assert.Equal(t, "Serco", was.ReportedBy)
	assert.Equal(t, kpi.Missed, was.Status)
	assert.Equal(t, "2000", was.Credit.String())
	assert.Equal(t, "82.1%", was.Written())
	assert.Equal(t, regime.Source{File: "rs.csv", Line: 4}, now.Source)
	assert.Equal(t, "the council", now.ReportedBy)
	assert.Equal(t, "typing error", now.Note)
	assert.Equal(t, kpi.Met, now.Status)
	assert.Equal(t, "0", now.Credit.String())
	assert.Contains(t, row.Notes, "restated on 2019-09-12 by the council: was 82.1% (missed), now 92.1% (met)")

	// June to September names the restated month; its credits are June's
	// as it now stands (£0), and September's adjustment of -£2,000 is
	// listed apart, not in them.
	span, err := period.MonthRange(mo("Jun-19"), mo("Sep-19"))
	require.NoError(t, err)
	ytd, err := c.Score(obs, span)
	require.NoError(t, err)
	yrow, _ := ytd.Row("3")
	assert.Contains(t, yrow.Notes, "restated: Jun-19 (on 2019-09-12)")
	assert.Equal(t, "0", ytd.Summary.Credits.String())
	assert.Equal(t, "-2000", ytd.Summary.AdjustmentsTotal.String())
	assert.Equal(t, "Sep-19: -£2,000.00 for 3 Jun-19, restated on 2019-09-12 by the council (credits after caps of Jun-19 were £2,000.00, now £0.00)",
		ytd.Summary.Adjustments[0].String())
}

// TestRestatementErrors: a second row for a KPI's period with no later
// date stays an error naming both lines, as does a reported_on that is not
// a date, is after the day the return is read, or is before its period.
func TestRestatementErrors(t *testing.T) {
	text := strings.Replace(restateContract, "monthly_charge: 100000\n", "monthly_charge: 100000\n", 1)
	c, err := contract.Decode(strings.NewReader(text), "rs.yaml", contract.YAML)
	require.NoError(t, err)
	cases := []struct{ name, csv, want string }{
		{"no date column", "kpi,period,value\n3,Jun-19,85\n3,Jun-19,95\n",
			"rs.csv:3: kpi: 3 for Jun-19 is already on line 2"},
		{"neither dated", "kpi,period,value,reported_on\n3,Jun-19,85,\n3,Jun-19,95,\n",
			"rs.csv:3: kpi: 3 for Jun-19 is already on line 2, and neither gives reported_on: to restate it, give the restatement a later reported_on than the figure it replaces"},
		{"the same day", "kpi,period,value,reported_on\n3,Jun-19,85,2019-07-05\n3,Jun-19,95,2019-07-05\n",
			"rs.csv:3: reported_on: 3 for Jun-19 is already on line 2, reported on the same day, 2019-07-05: a restatement is reported on a later day"},
		{"not a date", "kpi,period,value,reported_on\n3,Jun-19,85,12/09/2019\n",
			`rs.csv:2: reported_on: cannot read "12/09/2019" as a date (want YYYY-MM-DD, such as 2019-09-12)`},
		{"after the day read", "kpi,period,value,reported_on\n3,Jun-19,85,2027-01-01\n",
			"rs.csv:2: reported_on: 2027-01-01 is after the day the return is read (2026-12-02): a figure is reported on a day that has come"},
		{"before the period", "kpi,period,value,reported_on\n3,Jun-19,85,2019-05-31\n",
			"rs.csv:2: reported_on: 2019-05-31 is before Jun-19 begins: a figure is reported once its period has begun"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := contract.ReturnReader{Contract: c, Today: day("2026-12-02")}.Read(strings.NewReader(tc.csv), "rs.csv")
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

// TestRestatementsFromGo: given to the regime directly, two versions of a
// figure on the same day (or both undated) are an error; the rule reads
// and writes back from a contract file.
func TestRestatementsFromGo(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(restateContract), "rs.yaml", contract.YAML)
	require.NoError(t, err)
	jun := mo("Jun-19")
	obs := []regime.Observation{
		{KPI: "3", Month: jun, Obs: kpi.Figure(dec("85")), ReportedOn: day("2019-07-05")},
		{KPI: "3", Month: jun, Obs: kpi.Figure(dec("95")), ReportedOn: day("2019-07-05"), Source: regime.Source{File: "a.csv", Line: 7}},
	}
	_, err = c.Score(obs, jun.Period())
	assert.ErrorContains(t, err, "observations[1]: 3 for 2019-06 is reported twice on 2019-07-05 (observations[0]): a restatement needs a later reported-on date")

	in := strings.Replace(restateContract, "    version: \"1\"\n", "    version: \"1\"\n    restatements: restate_in_place\n", 1)
	c, err = contract.Decode(strings.NewReader(in), "rs.yaml", contract.YAML)
	require.NoError(t, err)
	assert.Equal(t, regime.RestateInPlace, c.History().Regimes()[0].Spec().Restatements)
	var b strings.Builder
	require.NoError(t, contract.Encode(&b, c, contract.YAML))
	assert.Contains(t, b.String(), "restatements: restate_in_place")

	_, err = contract.Decode(strings.NewReader(strings.Replace(in, "restate_in_place", "in_place", 1)), "rs.yaml", contract.YAML)
	assert.ErrorContains(t, err, "rs.yaml:")
	assert.ErrorContains(t, err, "restatements")
}
