package period

import (
	"encoding"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type record struct {
	Date      Date      `json:"date"`
	Month     Month     `json:"month"`
	Year      Year      `json:"year"`
	Period    Period    `json:"period"`
	Frequency Frequency `json:"frequency"`
}

func TestJSONRoundTrip(t *testing.T) {
	fy := Must(FinancialYear(2016))
	sep := Must(YearsStarting(time.September))
	tests := []struct {
		name string
		in   record
		want string
	}{
		{
			"UK financial year",
			record{d(2016, time.April, 1), mo(2016, time.May), fy, Must(fy.Quarter(1)), SixMonthly()},
			`{"date":"2016-04-01","month":"2016-05","year":"2016/17","period":"Q1 2016/17","frequency":"six-monthly"}`,
		},
		{
			"contract year from September",
			record{d(2016, time.September, 30), mo(2016, time.September), sep.Of(mo(2016, time.October)), sep.Half(mo(2017, time.March)), Must(FourWeekly(d(2016, time.April, 1)))},
			`{"date":"2016-09-30","month":"2016-09","year":"2016/17 from Sep","period":"H2 2016/17 from Sep","frequency":"four-weekly from 2016-04-01"}`,
		},
		{
			"year to date and ranges",
			record{d(2016, time.February, 29), mo(2017, time.March), Must(YearsStarting(time.January)).Of(mo(2016, time.June)), Must(fy.ToDate(mo(2016, time.August))), Must(EveryMonths(3, time.January))},
			`{"date":"2016-02-29","month":"2017-03","year":"2016","period":"YTD 2016/17 to 2016-08","frequency":"quarterly due Jan"}`,
		},
		{
			"zero values",
			record{},
			`{"date":"","month":"","year":"","period":"","frequency":""}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.in)
			require.NoError(t, err)
			assert.JSONEq(t, tt.want, string(b))
			var back record
			require.NoError(t, json.Unmarshal(b, &back))
			// go-cmp compares through the Equal methods, with no options.
			if diff := cmp.Diff(tt.in, back); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnmarshalTextErrors(t *testing.T) {
	tests := []struct {
		name string
		v    encoding.TextUnmarshaler
		in   string
	}{
		{"date", new(Date), "2016-02-30"},
		{"month", new(Month), "Apr 2016"},
		{"year", new(Year), "2016/18"},
		{"year given a quarter", new(Year), "Q1 2016/17"},
		{"period", new(Period), "Q9 2016/17"},
		{"frequency", new(Frequency), "hourly"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.v.UnmarshalText([]byte(tt.in))
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.in, pe.Input)
		})
	}
	var r record
	err := json.Unmarshal([]byte(`{"period":"Q5 2016/17"}`), &r)
	assert.ErrorContains(t, err, `"Q5 2016/17"`)
}
