package contract_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/regimetest"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func mo(s string) period.Month { return period.Must(period.ParseMonth(s)) }

func date(s string) period.Date { return period.Must(period.ParseDate(s)) }

func def(t testing.TB, ref, target string, m kpi.Measure, bands kpi.Bands) kpi.Definition {
	t.Helper()
	w, err := kpi.ParseWritten(target)
	require.NoError(t, err)
	d, err := kpi.New(kpi.Spec{Ref: ref, ServiceArea: "ICT", Measure: m, Frequency: period.Monthly(), Target: w, Bands: bands})
	require.NoError(t, err)
	return d
}

// ictContract is seed 000's ICT contract (Serco, from 1 October 2009) with
// four of its KPIs under a regime from April 2016. The seed gives no
// charges; £100,000 a month, £90,000 in April 2016, and 1% per service point
// are made up for these tests.
func ictContract(t testing.TB) *contract.Contract {
	t.Helper()
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	low := pct
	low.Polarity = kpi.LowerIsBetter
	fails := kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}
	points := map[kpi.Status]decimal.Decimal{kpi.Missed: dec("1"), kpi.Detriment: dec("2"), kpi.Failed: dec("3")}
	r, err := regime.New(regime.Spec{Name: "ICT", Version: "2009", From: mo("Apr-16"),
		KPIs: []kpi.Definition{
			def(t, "1", "0 failures", fails, kpi.VolumeOfFailures(1, 2).WithPoints(points)),
			def(t, "3", "90.0%", pct, kpi.TargetDetrimentFailure(dec("87.0"), dec("84.0")).WithPoints(points)),
			def(t, "9", "80%", pct, kpi.TargetDetrimentFailure(dec("77"), dec("74")).WithPoints(points)),
			def(t, "10", "< 5%", low, kpi.TargetOnly()),
		},
		Credits: []regime.CreditRule{regime.NewPointsCredit(dec("1"))},
	})
	require.NoError(t, err)
	c, err := contract.New(contract.Spec{
		ID: "ICT", Name: "ICT Managed Service", Customer: "Peterborough City Council", Supplier: "Serco",
		Start: date("2009-10-01"), Services: []string{"ICT"},
		MonthlyCharge: dec("100000"), Charges: map[period.Month]decimal.Decimal{mo("Apr-16"): dec("90000")},
		Regimes: []*regime.Regime{r},
	})
	require.NoError(t, err)
	return c
}

func TestContract(t *testing.T) {
	c := ictContract(t)
	assert.Equal(t, "ICT", c.ID())
	assert.Equal(t, "ICT Managed Service", c.Name())
	assert.Equal(t, "Peterborough City Council", c.Customer())
	assert.Equal(t, "Serco", c.Supplier())
	assert.Equal(t, []string{"ICT"}, c.Services())
	assert.Equal(t, "2009-10-01", c.Term().Start().String())
	assert.True(t, c.Covers(mo("Oct-09")))
	assert.False(t, c.Covers(mo("Sep-09")))
	apr, ok := c.Charge(mo("Apr-16"))
	assert.True(t, ok)
	assert.Equal(t, "90000", apr.String())
	may, ok := c.Charge(mo("May-16"))
	assert.True(t, ok)
	assert.Equal(t, "100000", may.String())
	r, ok := c.RegimeAt(mo("May-16"))
	require.True(t, ok)
	assert.Equal(t, "ICT", r.Name())
	_, ok = c.RegimeAt(mo("Mar-16"))
	assert.False(t, ok)
	assert.Len(t, c.History().Regimes(), 1)
	again, err := contract.New(c.Spec())
	require.NoError(t, err)
	assert.True(t, c.Equal(again))
	spec := c.Spec()
	spec.Supplier = "Capita"
	other, err := contract.New(spec)
	require.NoError(t, err)
	assert.False(t, c.Equal(other))
	assert.False(t, c.Equal(nil))

	// A fixed term is described by its first and last days.
	spec = c.Spec()
	spec.End = date("2019-10-01")
	fixed, err := contract.New(spec)
	require.NoError(t, err)
	_, err = fixed.Score(nil, mo("Oct-19").Period())
	assert.ErrorContains(t, err, "2019-10 is outside its term (2009-10-01 to 2019-09-30)")
}

// TestScoreTakesChargesFromTheContract: KPI 3 at 86% in April 2016 is at
// the detriment level, 2 points, 2% of April's £90,000 = £1,800; in May 85%
// is again detriment, 2% of £100,000 = £2,000.
func TestScoreTakesChargesFromTheContract(t *testing.T) {
	c := ictContract(t)
	obs := []regime.Observation{
		{KPI: "3", Month: mo("Apr-16"), Obs: kpi.Figure(dec("86"))},
		{KPI: "3", Month: mo("May-16"), Obs: kpi.Figure(dec("85"))},
	}
	apr, err := c.Score(obs, mo("Apr-16").Period())
	require.NoError(t, err)
	regimetest.Credit(t, apr, "1800")
	may, err := c.Score(obs, mo("May-16").Period())
	require.NoError(t, err)
	regimetest.Credit(t, may, "2000")
	_, err = c.Score(obs, mo("Sep-09").Period())
	assert.ErrorContains(t, err, "contract ICT: 2009-09 is outside its term (from 2009-10-01)")
	_, err = c.Score(obs, mo("Mar-16").Period())
	assert.ErrorContains(t, err, "no regime is in force in Mar-16")
}

func TestNewErrors(t *testing.T) {
	r := ictContract(t).History().Regimes()[0]
	late, err := regime.New(regime.Spec{Name: "Late", From: mo("Jun-16"), KPIs: r.KPIs()})
	require.NoError(t, err)
	_, err = contract.New(contract.Spec{
		Start: date("2016-05-01"), End: date("2016-04-01"), MonthlyCharge: dec("-1"),
		Charges: map[period.Month]decimal.Decimal{mo("Jan-16"): dec("-5")},
		Regimes: []*regime.Regime{r, late, nil},
	})
	require.ErrorIs(t, err, contract.ErrInvalid)
	var fe *kpi.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "id", fe.Path)
	for _, want := range []string{
		"id: a contract needs an identifier",
		"end: 2016-04-01 is not after the start 2016-05-01",
		"monthly_charge: a charge cannot be negative (-1)",
		"charges[2016-01]: a charge cannot be negative (-5)",
		"charges[2016-01]: Jan-16 is outside the contract's term",
		"regimes[0].from: ICT takes effect in Apr-16, before the contract starts on 2016-05-01",
		"regimes[2]: nil regime",
		"regimes[1]: Late in force from 2016-06 overlaps regimes[0], ICT 2009 in force from 2016-04: a month can have only one regime",
	} {
		assert.ErrorContains(t, err, want)
	}
	_, err = contract.New(contract.Spec{ID: "X"})
	assert.ErrorContains(t, err, "start: a contract needs its start date")
	assert.ErrorContains(t, err, "regimes: a contract needs at least one regime")
}

func TestPortfolio(t *testing.T) {
	ict := ictContract(t)
	spec := ict.Spec()
	spec.ID = "PSSP"
	pssp, err := contract.New(spec)
	require.NoError(t, err)
	p, err := contract.NewPortfolio(pssp, ict)
	require.NoError(t, err)
	assert.Len(t, p.Contracts(), 2)
	got, ok := p.Contract("ICT")
	require.True(t, ok)
	assert.Same(t, ict, got)
	_, ok = p.Contract("HR")
	assert.False(t, ok)
	_, err = contract.NewPortfolio(ict, ict, nil)
	assert.ErrorContains(t, err, `contracts[1]: the identifier "ICT" is used twice`)
	assert.ErrorContains(t, err, "contracts[2]: nil contract")
}

func TestReadObservations(t *testing.T) {
	c := ictContract(t)
	csv := "\ufeffperiod,kpi,value,numerator,denominator,status,note\n" +
		"Apr-16,3,88.89,,,,\n" +
		"2016-05,3,93.18%,,,missed,the supplier reported missed\n" +
		"\n" +
		"May 2016,9,80,1612,2015,,exactly 80%\n" +
		"Apr-16,9,,1624,2015,,\n" +
		"Apr-16,1,,,,no_data,\n" +
		"May-16,1,No Data,,,,\n" +
		"Apr-16,10,Not yet measurable,,,,\n" +
		" May-16 , 10 , 1.03 ,,,,\n"
	obs, err := contract.ReadObservations(strings.NewReader(csv), "obs.csv", c)
	require.NoError(t, err)
	require.Len(t, obs, 8)
	v, ok := obs[0].Obs.Value()
	require.True(t, ok)
	assert.Equal(t, "88.89", v.String())
	assert.Equal(t, regime.Observation{KPI: "3", Month: mo("Apr-16"), Obs: obs[0].Obs, Source: regime.Source{File: "obs.csv", Line: 2}}, obs[0])
	assert.Equal(t, kpi.Missed, obs[1].Obs.Reported())
	assert.Equal(t, "the supplier reported missed", obs[1].Note)
	n, d, ok := obs[2].Obs.Counts()
	require.True(t, ok)
	assert.Equal(t, []string{"1612", "2015"}, []string{n.String(), d.String()})
	assert.Equal(t, mo("May-16"), obs[2].Month)
	_, _, ok = obs[3].Obs.Counts()
	assert.True(t, ok, "counts without a value")
	for i, want := range []kpi.Status{kpi.NoData, kpi.NoData, kpi.NotMeasurable} {
		st, _ := obs[4+i].Obs.Reason()
		assert.Equal(t, want, st)
	}
	_, text := obs[6].Obs.Reason()
	assert.Equal(t, "Not yet measurable", text)
	v, _ = obs[7].Obs.Value()
	assert.Equal(t, "1.03", v.String())

	// The file scores: KPI 9 in May, 1612 of 2015 calls, is 80.00%: met.
	sc, err := c.Score(obs, mo("May-16").Period())
	require.NoError(t, err)
	regimetest.Status(t, sc, "9", kpi.Met)
	row, _ := sc.Row("9")
	assert.Contains(t, row.Notes, "exactly 80%")
}

// TestReadOutcomes: a performance status with no figure is an outcome
// reported without one, kept with the note's words.
func TestReadOutcomes(t *testing.T) {
	c := ictContract(t)
	csv := "kpi,period,value,numerator,denominator,status,note\n" +
		"3,Apr-16,,,,detriment,minuted as below the detriment level\n"
	obs, err := contract.ReadObservations(strings.NewReader(csv), "obs.csv", c)
	require.NoError(t, err)
	require.Len(t, obs, 1)
	assert.True(t, obs[0].Obs.IsOutcome())
	assert.Equal(t, kpi.Detriment, obs[0].Obs.Reported())
	sc, err := c.Score(obs, mo("Apr-16").Period())
	require.NoError(t, err)
	row, _ := sc.Row("3")
	assert.Equal(t, kpi.Detriment, row.Status)
	assert.True(t, row.Result.IsOutcome())
	// The ladder's points for detriment (2) apply: 2% of April's £90,000.
	assert.Equal(t, "2", row.Points.String())
	assert.Equal(t, "1800", row.Credit.String())
}

// TestReadObservationsErrors is a table of the mistakes an analyst makes in
// a figures file, each with the exact message expected.
func TestReadObservationsErrors(t *testing.T) {
	const header = "kpi,period,value,numerator,denominator,status\n"
	tests := []struct {
		name string
		csv  string
		want []string
	}{
		{"empty file", "", []string{"obs.csv:1: the file is empty: want a header line such as kpi,period,value"}},
		{"a typo in a column name", "kpi,perod,value\n3,Apr-16,88.89\n", []string{
			"obs.csv:1: perod: unknown column (want kpi, period, value, numerator, denominator, status, note, reported_on, reported_by, target)",
			"obs.csv:1: period: the header has no period column"}},
		{"a column named twice", "kpi,period,value,value\n", []string{"obs.csv:1: value: the column is named twice"}},
		{"tab-separated", "kpi\tperiod\tvalue\n3\tApr-16\t88.89\n", []string{
			"obs.csv:1: the header is not comma-separated (it holds tabs or semicolons): save the file as CSV with commas"}},
		{"an unknown KPI", header + "99,Apr-16,88.89,,,\n", []string{`obs.csv:2: kpi: no KPI "99" in regime ICT 2009`}},
		{"a month before the contract", header + "3,Apr-08,88.89,,,\n", []string{
			"obs.csv:2: period: Apr-08 is outside the contract's term (from 2009-10-01)"}},
		{"a month no regime covers", header + "3,Mar-16,88.89,,,\n", []string{"obs.csv:2: period: no regime of the contract is in force in Mar-16"}},
		{"a duplicate row", header + "3,Apr-16,88.89,,,\n3,2016-04,88.9,,,\n", []string{"obs.csv:3: kpi: 3 for Apr-16 is already on line 2"}},
		{"a decimal comma", header + "3,Apr-16,\"95,8%\",,,\n", []string{
			`obs.csv:2: value: cannot read "95,8%" as a value: "95,8" has a comma that is not a thousands separator: write a decimal point, not a comma (want a figure or target such as 95.8%, 100.00, < 5%, Not greater than 3%, > 3.5, 0 failures, 25 secs or 14.00 days)`}},
		{"a target where a figure goes", header + "3,Apr-16,< 5%,,,\n", []string{
			`obs.csv:2: value: cannot read "< 5%" as a figure (want a figure with no comparison, such as 88.89 or 95.8%)`}},
		{"counts that contradict the value", header + "9,May-16,85,1612,2015,\n", []string{"obs.csv:2: value: the counts 1612 of 2015 give 80, not 85"}},
		{"a numerator with no denominator", header + "9,May-16,,1612,,\n", []string{"obs.csv:2: denominator: give both a numerator and a denominator, or neither"}},
		{"more answered than offered", header + "9,May-16,,21,20,\n", []string{"obs.csv:2: numerator: 21 is more than the denominator 20"}},
		{"a negative count", header + "9,May-16,,-5,20,\n", []string{`obs.csv:2: numerator: "-5" is not a whole number of zero or more`}},
		{"a quarter for a monthly KPI", header + "3,Q1 2016/17,88.89,,,\n", []string{
			`obs.csv:2: period: 3 is monthly: Q1 2016/17 is not one of its measurement periods (give Jun-16, or a month)`}},
		{"a year to date for a period", header + "3,YTD 2016/17,88.89,,,\n", []string{
			`obs.csv:2: period: "YTD 2016/17" is a year to date: give the figure for its month or its KPI's measurement period`}},
		{"a percentage above 100", header + "3,Apr-16,101,,,\n", []string{`obs.csv:2: value: 3 for 2016-04: 101% is outside 0 to 100`}},
		{"a period that is not a month", header + "3,Aprl-16,88.89,,,\n", []string{`obs.csv:2: period: "Aprl-16" is not a month or a period (want 2016-05, May-16, Q1 2016/17, H1 2016/17, 2016/17 or 2016-04-01..2016-04-28)`}},
		{"a figure with a no-data status", header + "3,Apr-16,88.89,,,no_data\n", []string{"obs.csv:2: status: a row with status no_data has no figure, but this one has \"88.89\""}},
		{"an unknown status", header + "3,Apr-16,88.89,,,amber\n", []string{
			`obs.csv:2: status: "amber" is not a status (want no_data, not_due, not_measurable, excluded, or a reported status such as met)`}},
		{"no figure at all", header + "3,Apr-16,,,,\n", []string{"obs.csv:2: value: no figure: give a value, counts, or a status such as no_data"}},
		{"an outcome its ladder does not have", header + "10,Apr-16,,,,failed\n", []string{
			"obs.csv:2: status: 10 for 2016-04: the outcome failed is not on its ladder (met, missed)"}},
		{"a row with too few fields", "kpi,period,value\n3,Apr-16,88.89\n3,May-16\n", []string{"obs.csv:3: the row has 2 fields, but the header has 3"}},
		{"a stray quote", "kpi,period,value\n3,Apr-16,8\"8\n", []string{`obs.csv:2: column 11: bare " in non-quoted-field`}},
		{"an empty KPI", header + ",Apr-16,88.89,,,\n", []string{"obs.csv:2: kpi: the KPI reference is empty"}},
		{"a binary file (a PNG)", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", []string{"obs.csv:1: the file is not text (it holds binary data): want a CSV file of figures"}},
		{"a spreadsheet saved as xlsx", "PK\x03\x04\x14\x00\x06\x00", []string{"obs.csv:1: the file is not text"}},
		{"every problem at once", header + "99,Apr-16,88.89,,,\n3,Apr-08,1,,,\n3,Apr-16,,,,\n", []string{
			`obs.csv:2: kpi: no KPI "99"`, "obs.csv:3: period: Apr-08 is outside", "obs.csv:4: value: no figure"}},
	}
	c := ictContract(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obs, err := contract.ReadObservations(strings.NewReader(tt.csv), "obs.csv", c)
			require.Error(t, err)
			assert.Nil(t, obs, "nothing is returned from a file with problems")
			for _, w := range tt.want {
				assert.ErrorContains(t, err, w)
			}
			var le *contract.LineError
			assert.True(t, errors.As(err, &le), "the problems are LineErrors")
		})
	}
}

// TestReadObservationsManyErrors: a file with thousands of bad rows reports
// the first 100 and says how many more there were.
func TestReadObservationsManyErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("kpi,period,value\n")
	for i := 0; i < 5000; i++ {
		b.WriteString("99,Apr-16,1\n")
	}
	_, err := contract.ReadObservations(strings.NewReader(b.String()), "big.csv", ictContract(t))
	require.Error(t, err)
	assert.Equal(t, 101, strings.Count(err.Error(), "\n")+1)
	assert.ErrorContains(t, err, "big.csv: and 4900 more problems")
}

// TestReadObservations50MB: a 50 MB file (an export padded with blank,
// space-filled rows of 1 KB) is refused once 32 MiB have been read, with one
// clear message and without reading the rest.
func TestReadObservations50MB(t *testing.T) {
	blank := ",," + strings.Repeat(" ", 1021) + "\n"
	body := "3,Apr-16,88.89\n" + strings.Repeat(blank, 50<<20/len(blank))
	r := strings.NewReader("kpi,period,value\n" + body)
	_, err := contract.ReadObservations(r, "big.csv", ictContract(t))
	assert.EqualError(t, err, "big.csv: the file is larger than 32 MiB: split it, by year say")
	assert.Greater(t, r.Len(), 10<<20, "the rest of the file was not read")
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadObservationsReadError(t *testing.T) {
	_, err := contract.ReadObservations(failingReader{}, "obs.csv", ictContract(t))
	assert.ErrorContains(t, err, "obs.csv:1: disk on fire")
	r := strings.NewReader("kpi,period,value\n3,Apr-16,1\n")
	_, err = contract.ReadObservations(ioMultiFail(r), "obs.csv", ictContract(t))
	assert.ErrorContains(t, err, "obs.csv:3: disk on fire")
}

// ioMultiFail reads r and then fails.
func ioMultiFail(r *strings.Reader) *multiFail { return &multiFail{r: r} }

type multiFail struct{ r *strings.Reader }

func (m *multiFail) Read(p []byte) (int, error) {
	if m.r.Len() > 0 {
		return m.r.Read(p)
	}
	return 0, errors.New("disk on fire")
}

func TestLineError(t *testing.T) {
	assert.Equal(t, "a.csv:3: value: bad", (&contract.LineError{File: "a.csv", Line: 3, Column: "value", Msg: "bad"}).Error())
	assert.Equal(t, "a.csv:3: bad", (&contract.LineError{File: "a.csv", Line: 3, Msg: "bad"}).Error())
}
