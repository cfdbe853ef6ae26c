package period

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseLabel covers every label form the seed documents use, and the
// ones the library writes, with the span each denotes worked out by hand.
func TestParseLabel(t *testing.T) {
	tests := []struct {
		in          string
		kind        Kind
		first, last Month
		iso         string
	}{
		// Months: seed 000's column heads are "Apr-16" and "May-16".
		{"Apr-16", KindMonth, mo(2016, time.April), mo(2016, time.April), "2016-04"},
		{"May-16", KindMonth, mo(2016, time.May), mo(2016, time.May), "2016-05"},
		{"April 2016", KindMonth, mo(2016, time.April), mo(2016, time.April), "2016-04"},
		{"2016-04", KindMonth, mo(2016, time.April), mo(2016, time.April), "2016-04"},
		{"Apr-2016", KindMonth, mo(2016, time.April), mo(2016, time.April), "2016-04"},
		{"  apr-16 ", KindMonth, mo(2016, time.April), mo(2016, time.April), "2016-04"},
		// Years: seed 004 writes 2016/2017, seed 001 writes 2014/15.
		{"2016/17", KindYear, mo(2016, time.April), mo(2017, time.March), "2016/17"},
		{"2016/2017", KindYear, mo(2016, time.April), mo(2017, time.March), "2016/17"},
		{"2014/15", KindYear, mo(2014, time.April), mo(2015, time.March), "2014/15"},
		{"1999/00", KindYear, mo(1999, time.April), mo(2000, time.March), "1999/00"},
		{"2016", KindYear, mo(2016, time.January), mo(2016, time.December), "2016"},
		// Quarters: seed 004's "Quarter One 2016/2017".
		{"Q1 2016/17", KindQuarter, mo(2016, time.April), mo(2016, time.June), "Q1 2016/17"},
		{"Quarter One 2016/2017", KindQuarter, mo(2016, time.April), mo(2016, time.June), "Q1 2016/17"},
		{"Quarter 4 2016/17", KindQuarter, mo(2017, time.January), mo(2017, time.March), "Q4 2016/17"},
		{"quarter three 2016/2017", KindQuarter, mo(2016, time.October), mo(2016, time.December), "Q3 2016/17"},
		{"q2 2016/17", KindQuarter, mo(2016, time.July), mo(2016, time.September), "Q2 2016/17"},
		{"Q1 2016", KindQuarter, mo(2016, time.January), mo(2016, time.March), "Q1 2016"},
		// Halves.
		{"H1 2016/17", KindHalf, mo(2016, time.April), mo(2016, time.September), "H1 2016/17"},
		{"Half Two 2016/2017", KindHalf, mo(2016, time.October), mo(2017, time.March), "H2 2016/17"},
		// Year to date: seed 004's "YTD 2016/2017" runs to the last month reported.
		{"YTD 2016/17", KindYearToDate, mo(2016, time.April), mo(2017, time.March), "YTD 2016/17"},
		{"YTD 2016/2017", KindYearToDate, mo(2016, time.April), mo(2017, time.March), "YTD 2016/17"},
		{"YTD 2016/17 to Aug-16", KindYearToDate, mo(2016, time.April), mo(2016, time.August), "YTD 2016/17 to 2016-08"},
		{"YTD 2016/2017 to August 2016", KindYearToDate, mo(2016, time.April), mo(2016, time.August), "YTD 2016/17 to 2016-08"},
		{"ytd 2016/17 to 2016-04", KindYearToDate, mo(2016, time.April), mo(2016, time.April), "YTD 2016/17 to 2016-04"},
		// Runs of months: seed 004 covers "March 2016 to August 2016".
		{"March 2016 to August 2016", KindMonths, mo(2016, time.March), mo(2016, time.August), "2016-03..2016-08"},
		{"Apr-16 to Jun-16", KindMonths, mo(2016, time.April), mo(2016, time.June), "2016-04..2016-06"},
		{"2016-04..2016-06", KindMonths, mo(2016, time.April), mo(2016, time.June), "2016-04..2016-06"},
		{"Apr-16 to Apr-16", KindMonth, mo(2016, time.April), mo(2016, time.April), "2016-04"},
		// Years starting in another month.
		{"2016/17 from Sep", KindYear, mo(2016, time.September), mo(2017, time.August), "2016/17 from Sep"},
		{"2016/2017 from September", KindYear, mo(2016, time.September), mo(2017, time.August), "2016/17 from Sep"},
		{"Q2 2016/17 from Sep", KindQuarter, mo(2016, time.December), mo(2017, time.February), "Q2 2016/17 from Sep"},
		{"YTD 2016/17 to Oct-16 from Sep", KindYearToDate, mo(2016, time.September), mo(2016, time.October), "YTD 2016/17 to 2016-10 from Sep"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParseLabel(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, p.Kind())
			assert.Equal(t, tt.first.First(), p.Start())
			assert.Equal(t, tt.last.AddMonths(1).First(), p.End())
			assert.Equal(t, tt.iso, p.String())
			for _, style := range []Style{ISO, Short, Long} {
				back, err := ParseLabel(p.Label(style))
				require.NoError(t, err, "style %d: %q", style, p.Label(style))
				assert.Equal(t, p, back, "style %d: %q", style, p.Label(style))
			}
		})
	}
}

func TestParseLabelDays(t *testing.T) {
	for _, in := range []string{"2016-04-01..2016-04-28", "2016-04-01 to 2016-04-28"} {
		p, err := ParseLabel(in)
		require.NoError(t, err, in)
		assert.Equal(t, KindDays, p.Kind())
		assert.Equal(t, d(2016, time.April, 1), p.Start())
		assert.Equal(t, d(2016, time.April, 29), p.End(), "the label names the last day; End is the day after")
	}
}

func TestLabelStyles(t *testing.T) {
	fy := Must(FinancialYear(2016))
	tests := []struct {
		p                Period
		iso, short, long string
	}{
		{mo(2016, time.April).Period(), "2016-04", "Apr-16", "April 2016"},
		{fy.Period(), "2016/17", "2016/17", "2016/2017"},
		{Must(fy.Quarter(1)), "Q1 2016/17", "Q1 2016/17", "Quarter One 2016/2017"},
		{Must(fy.Half(2)), "H2 2016/17", "H2 2016/17", "Half Two 2016/2017"},
		{Must(fy.ToDate(mo(2016, time.August))), "YTD 2016/17 to 2016-08", "YTD 2016/17 to Aug-16", "YTD 2016/2017 to August 2016"},
		{Must(fy.ToDate(mo(2017, time.March))), "YTD 2016/17", "YTD 2016/17", "YTD 2016/2017"},
		{Must(MonthRange(mo(2016, time.March), mo(2016, time.August))), "2016-03..2016-08", "Mar-16 to Aug-16", "March 2016 to August 2016"},
	}
	for _, tt := range tests {
		t.Run(tt.iso, func(t *testing.T) {
			assert.Equal(t, tt.iso, tt.p.Label(ISO))
			assert.Equal(t, tt.short, tt.p.Label(Short))
			assert.Equal(t, tt.long, tt.p.Label(Long))
		})
	}
}

func TestYearsParse(t *testing.T) {
	sep := Must(YearsStarting(time.September))
	p, err := sep.Parse("Q1 2016/17")
	require.NoError(t, err)
	assert.Equal(t, mo(2016, time.September), p.FirstMonth())
	assert.Equal(t, mo(2016, time.November), p.LastMonth())
	assert.Equal(t, "Q1 2016/17 from Sep", p.String())

	// An explicit start month wins over the parser's own.
	p, err = sep.Parse("Q1 2016/17 from Apr")
	require.NoError(t, err)
	assert.Equal(t, mo(2016, time.April), p.FirstMonth())

	// Months do not depend on the year start.
	p, err = sep.Parse("Apr-16")
	require.NoError(t, err)
	assert.Equal(t, mo(2016, time.April).Period(), p)

	cal := Must(YearsStarting(time.January))
	_, err = cal.Parse("2016/17")
	assert.ErrorContains(t, err, "calendar years")
}

func TestParseLabelErrors(t *testing.T) {
	tests := []struct {
		in    string
		cause string // a phrase of the cause, or "" when the input matches no form
	}{
		{"", ""},
		{"   ", ""},
		{"Q5 2016/17", "quarter 5 is outside 1 to 4"},
		{"Quarter Five 2016/2017", ""},
		{"H3 2016/17", "half 3 is outside 1 to 2"},
		{"2016/18", "the second year must be the year after the first"},
		{"2016/2018", "the second year must be the year after the first"},
		{"2016/1", ""},
		{"16/17", ""},
		{"Q1", ""},
		{"Q1 2016/17 extra", ""},
		{"YTD", ""},
		{"YTD 2016/17 to", ""},
		{"YTD 2016/17 from", ""},
		{"YTD 2016/17 to Aug-17", "2017-08 is not in the year 2016/17"},
		{"YTD 2016/17 until Aug-16", ""},
		{"Apr-16 to Mar-16", "ends before it starts"},
		{"2016-04-02..2016-04-01", "ends before it starts"},
		{"2016-04-31..2016-05-01", "day 31 is outside 1 to 30"},
		{"Apr-16..Foo", ""},
		{"2016/17 from Foo", "must name the month"},
		{"Apr-16 from Sep", ""},
		{"2016 from Sep", "a single year is a calendar year"},
		{"Apr-16 to", ""},
		{"2016-13", "month 13 is outside 1 to 12"},
		{"Smarch 2016", ""},
		{"2016-04-01", ""},
		{"0000/01", "year 0 is outside"},
		{"9999/00", "runs past December 9999"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseLabel(tt.in)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.in, pe.Input)
			assert.Equal(t, "period label", pe.What)
			assert.Contains(t, err.Error(), "Q1 2016/17", "the message says what was expected")
			assert.Contains(t, err.Error(), `"`+tt.in+`"`, "the message quotes the input")
			if tt.cause == "" {
				assert.Nil(t, pe.Err)
			} else {
				require.NotNil(t, pe.Err)
				assert.Contains(t, pe.Err.Error(), tt.cause)
			}
		})
	}
	_, err := ParseLabel("Q5 2016/17")
	assert.True(t, errors.Is(err, ErrOutOfRange))
}
