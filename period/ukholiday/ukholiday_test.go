package ukholiday

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/period"
)

// govuk is the shape of testdata/uk-bank-holidays.json, a copy of GOV.UK's
// published bank holidays for 2012 to 2021 (Open Government Licence v3.0).
type govuk struct {
	Divisions map[string][]struct {
		Date  period.Date `json:"date"`
		Title string      `json:"title"`
		Notes string      `json:"notes"`
	} `json:"divisions"`
}

func loadGovUK(t *testing.T) govuk {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "uk-bank-holidays.json"))
	require.NoError(t, err)
	var g govuk
	require.NoError(t, json.Unmarshal(b, &g))
	require.Len(t, g.Divisions, 3)
	return g
}

// TestTestdataIsTheSharedCopy checks that the package's copy of the GOV.UK
// data is the project's reference file, where the checkout has it beside
// the repository.
func TestTestdataIsTheSharedCopy(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "data", "uk-bank-holidays.json")
	want, err := os.ReadFile(shared)
	if os.IsNotExist(err) {
		t.Skip("no shared/ beside this checkout")
	}
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join("testdata", "uk-bank-holidays.json"))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, got), "testdata/uk-bank-holidays.json differs from %s", shared)
}

// TestMatchesGovUK compares every division's holidays for 2012 to 2021 with
// GOV.UK's, date for date and title for title.
func TestMatchesGovUK(t *testing.T) {
	g := loadGovUK(t)
	for name, want := range g.Divisions {
		t.Run(name, func(t *testing.T) {
			div, err := ParseDivision(name)
			require.NoError(t, err)
			got, err := Holidays(div, 2012, 2021)
			require.NoError(t, err)
			require.Len(t, got, len(want))
			for i, w := range want {
				h := got[i]
				assert.Equal(t, w.Date, h.Date, "holiday %d (%s)", i, w.Title)
				assert.Equal(t, dataTitle(w.Title), h.ID, "%s", w.Date)
				assert.Equal(t, w.Notes == "extra_bank_holiday", h.Extra, "%s extra", w.Date)
				if w.Notes == "substitute_day" {
					assert.True(t, h.Substitute, "%s substitute", w.Date)
				}
			}
		})
	}
}

// dataTitle maps a title in the GOV.UK data onto the package's ID. GOV.UK
// titled England, Wales and Northern Ireland's late-August holiday "summer"
// until 2016 and "late_august" from 2017, for the same rule (the last Monday
// of August); the package calls it summer throughout, as Scotland's (the
// first Monday of August) is called.
func dataTitle(title string) string {
	if title == "late_august" {
		return "summer"
	}
	return title
}

// TestOneOffsAfter2021 checks the one-off days the data's README lists after
// 2021: spring moved to 2 June 2022 and the Platinum Jubilee on 3 June, the
// State Funeral on 19 September 2022 and the Coronation on 8 May 2023, in all
// three divisions.
func TestOneOffsAfter2021(t *testing.T) {
	for _, div := range []Division{EnglandAndWales, Scotland, NorthernIreland} {
		t.Run(div.String(), func(t *testing.T) {
			hs, err := Holidays(div, 2022, 2023)
			require.NoError(t, err)
			byDate := map[period.Date]Holiday{}
			for _, h := range hs {
				byDate[h.Date] = h
			}
			for _, c := range []struct {
				d     period.Date
				id    string
				extra bool
			}{
				{date(2022, time.June, 2), "spring", false},
				{date(2022, time.June, 3), "queen_platinum", true},
				{date(2022, time.September, 19), "queen_state_funeral", true},
				{date(2023, time.May, 1), "early_may", false},
				{date(2023, time.May, 8), "coronation", true},
			} {
				h, ok := byDate[c.d]
				require.True(t, ok, "%s missing", c.d)
				assert.Equal(t, c.id, h.ID)
				assert.Equal(t, c.extra, h.Extra)
			}
			_, ok := byDate[date(2022, time.May, 30)]
			assert.False(t, ok, "the last Monday of May 2022 is not a holiday: spring moved")
		})
	}
}

// TestSubstituteDays works the weekend rules by hand for years outside the
// GOV.UK data.
func TestSubstituteDays(t *testing.T) {
	tests := []struct {
		name string
		div  Division
		year int
		want []period.Date
	}{
		// 2022: Christmas is a Sunday, so Boxing Day keeps Monday 26 and
		// Christmas moves to Tuesday 27. New Year's Day is a Saturday: Monday 3.
		{"2022 England and Wales", EnglandAndWales, 2022, []period.Date{
			date(2022, time.January, 3), date(2022, time.April, 15), date(2022, time.April, 18),
			date(2022, time.May, 2), date(2022, time.June, 2), date(2022, time.June, 3),
			date(2022, time.August, 29), date(2022, time.September, 19),
			date(2022, time.December, 26), date(2022, time.December, 27)}},
		// 2022 in Scotland: 1 January (Saturday) moves to Monday 3, 2 January
		// (Sunday) to Tuesday 4; St Andrew's Day is a Wednesday; summer is the
		// first Monday of August; no Easter Monday.
		{"2022 Scotland", Scotland, 2022, []period.Date{
			date(2022, time.January, 3), date(2022, time.January, 4), date(2022, time.April, 15),
			date(2022, time.May, 2), date(2022, time.June, 2), date(2022, time.June, 3),
			date(2022, time.August, 1), date(2022, time.September, 19), date(2022, time.November, 30),
			date(2022, time.December, 26), date(2022, time.December, 27)}},
		// 2023 in Northern Ireland: St Patrick's Day is a Friday, the Boyne a
		// Wednesday; Christmas a Monday.
		{"2023 Northern Ireland", NorthernIreland, 2023, []period.Date{
			date(2023, time.January, 2), date(2023, time.March, 17), date(2023, time.April, 7),
			date(2023, time.April, 10), date(2023, time.May, 1), date(2023, time.May, 8),
			date(2023, time.May, 29), date(2023, time.July, 12), date(2023, time.August, 28),
			date(2023, time.December, 25), date(2023, time.December, 26)}},
		// 2027: Christmas is a Saturday: Monday 27 and Tuesday 28. Easter
		// Sunday is 28 March.
		{"2027 England and Wales", EnglandAndWales, 2027, []period.Date{
			date(2027, time.January, 1), date(2027, time.March, 26), date(2027, time.March, 29),
			date(2027, time.May, 3), date(2027, time.May, 31), date(2027, time.August, 30),
			date(2027, time.December, 27), date(2027, time.December, 28)}},
		// 1999: the Millennium, Friday 31 December; Christmas a Saturday.
		{"1999 England and Wales", EnglandAndWales, 1999, []period.Date{
			date(1999, time.January, 1), date(1999, time.April, 2), date(1999, time.April, 5),
			date(1999, time.May, 3), date(1999, time.May, 31), date(1999, time.August, 30),
			date(1999, time.December, 27), date(1999, time.December, 28), date(1999, time.December, 31)}},
		// 1995: early May moved to Monday 8 May for VE Day.
		{"1995 England and Wales", EnglandAndWales, 1995, []period.Date{
			date(1995, time.January, 2), date(1995, time.April, 14), date(1995, time.April, 17),
			date(1995, time.May, 8), date(1995, time.May, 29), date(1995, time.August, 28),
			date(1995, time.December, 25), date(1995, time.December, 26)}},
		// 2002: spring moved to 4 June, Golden Jubilee 3 June.
		{"2002 England and Wales", EnglandAndWales, 2002, []period.Date{
			date(2002, time.January, 1), date(2002, time.March, 29), date(2002, time.April, 1),
			date(2002, time.May, 6), date(2002, time.June, 3), date(2002, time.June, 4),
			date(2002, time.August, 26), date(2002, time.December, 25), date(2002, time.December, 26)}},
		// 2011: the royal wedding on Friday 29 April, between Easter Monday
		// (25 April) and early May (2 May).
		{"2011 England and Wales", EnglandAndWales, 2011, []period.Date{
			date(2011, time.January, 3), date(2011, time.April, 22), date(2011, time.April, 25),
			date(2011, time.April, 29), date(2011, time.May, 2), date(2011, time.May, 30),
			date(2011, time.August, 29), date(2011, time.December, 26), date(2011, time.December, 27)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, err := Holidays(tt.div, tt.year, tt.year)
			require.NoError(t, err)
			assert.Equal(t, tt.want, Dates(hs))
		})
	}
}

func TestWithoutExtras(t *testing.T) {
	all, err := Holidays(EnglandAndWales, 2022, 2022)
	require.NoError(t, err)
	none, err := Holidays(EnglandAndWales, 2022, 2022, WithoutExtras())
	require.NoError(t, err)
	assert.Len(t, none, len(all)-2, "the Platinum Jubilee and the State Funeral go")
	some, err := Holidays(EnglandAndWales, 2022, 2022, WithoutExtras("queen_state_funeral"))
	require.NoError(t, err)
	assert.Len(t, some, len(all)-1)
	for _, h := range some {
		assert.NotEqual(t, "queen_state_funeral", h.ID)
	}
	// Moved standard days stay.
	assert.Contains(t, Dates(none), date(2022, time.June, 2))

	_, err = Holidays(EnglandAndWales, 2022, 2022, WithoutExtras("christmas"))
	assert.ErrorContains(t, err, `"christmas" is not a one-off extra day`)
}

func TestHolidaysErrors(t *testing.T) {
	_, err := Holidays(0, 2012, 2013)
	assert.ErrorContains(t, err, "unknown division")
	_, err = Holidays(EnglandAndWales, 1977, 2013)
	assert.ErrorContains(t, err, "want 1978")
	_, err = Holidays(EnglandAndWales, 2014, 2013)
	assert.Error(t, err)
	_, err = Holidays(EnglandAndWales, 2014, 9999)
	assert.Error(t, err)
	_, err = ParseDivision("wales")
	assert.ErrorContains(t, err, `ukholiday: cannot read "wales" as a division (want england-and-wales, scotland or northern-ireland)`)
	assert.Equal(t, "Division(9)", Division(9).String())
}

// TestEaster checks the computus against known Easter Sundays.
func TestEaster(t *testing.T) {
	for y, want := range map[int]period.Date{
		2016: date(2016, time.March, 27),
		2019: date(2019, time.April, 21),
		2024: date(2024, time.March, 31),
		2038: date(2038, time.April, 25), // the latest possible
		2285: date(2285, time.March, 22), // the earliest possible
		2000: date(2000, time.April, 23),
	} {
		assert.Equal(t, want, easter(y), "%d", y)
	}
}
