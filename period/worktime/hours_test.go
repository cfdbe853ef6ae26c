package worktime_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/worktime"
)

func TestParseHours(t *testing.T) {
	tests := []struct {
		in     string
		weekly time.Duration
		str    string
	}{
		{"Mon-Fri 09:00-17:00", 40 * time.Hour, "Mon-Fri 09:00-17:00"},
		{"Mon-Fri 09:00-12:30,13:30-17:00", 35 * time.Hour, "Mon-Fri 09:00-12:30,13:30-17:00"},
		{"Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00", 39 * time.Hour, "Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00"},
		{"24x7", 7 * 24 * time.Hour, "Mon-Sun 00:00-24:00"},
		{"Daily 00:00-24:00", 7 * 24 * time.Hour, "Mon-Sun 00:00-24:00"},
		{"mon,wed,fri 10:00-12:00", 6 * time.Hour, "Mon 10:00-12:00; Wed 10:00-12:00; Fri 10:00-12:00"},
		{"Mon-Sat 08:00-18:00", 60 * time.Hour, "Mon-Sat 08:00-18:00"},
		// Adjacent spans join; spans given out of order are sorted.
		{"Mon 12:00-17:00,09:00-12:00", 8 * time.Hour, "Mon 09:00-17:00"},
		{"Mon 09:00:30-17:00", 8*time.Hour - 30*time.Second, "Mon 09:00:30-17:00"},
		{"closed", 0, "closed"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			h, err := worktime.ParseHours(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.weekly, h.Weekly())
			assert.Equal(t, tt.str, h.String())
			back, err := worktime.ParseHours(h.String())
			require.NoError(t, err)
			assert.True(t, h.Equal(back))
			var u worktime.Hours
			require.NoError(t, u.UnmarshalText([]byte(tt.in)))
			b, err := u.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.str, string(b))
		})
	}
	h := period.Must(worktime.ParseHours("Mon-Fri 09:00-12:30,13:30-17:00"))
	assert.Equal(t, []worktime.Span{{9 * 3600, 12*3600 + 1800}, {13*3600 + 1800, 17 * 3600}}, h.Day(time.Wednesday))
	assert.Empty(t, h.Day(time.Sunday))
	assert.Nil(t, h.Day(9))
	assert.False(t, h.Equal(period.Must(worktime.ParseHours("Mon-Fri 09:00-17:00"))))
	assert.True(t, worktime.Hours{}.IsZero())
}

func TestParseHoursErrors(t *testing.T) {
	tests := []struct{ in, cause string }{
		{"", ""},
		{"Mon-Fri", "want days then spans"},
		{"Mon-Fri 9-5", `"9" as a time of day`},
		{"Mon-Fri 0900", "want HH:MM-HH:MM"},
		{"Mon-Fri 9:00-17:00", "HH:MM"},
		{"Mon-Fri 17:00-09:00", "a span must run forwards"},
		{"Mon-Fri 09:00-13:00,12:00-17:00", "overlaps"},
		{"Mon-Fri 09:00-17:00; Fri 18:00-20:00", "Friday is given twice"},
		{"Fri-Mon 09:00-17:00", "goes backwards"},
		{"Funday 09:00-17:00", `"Funday" is not a day`},
		{"Mon-Fun 09:00-17:00", `"Fun" is not a day`},
		{"Mon 09:00-24:30", "not a time of day"},
		{"Mon 09:00-25:00", "not a time of day"},
		{"Mon 09:60-17:00", "not a time of day"},
		{"Mon 09:00:61-17:00", "second 61"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := worktime.ParseHours(tt.in)
			var pe *period.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "working hours", pe.What)
			assert.Contains(t, err.Error(), "Mon-Fri 09:00-17:00")
			if tt.cause != "" {
				assert.ErrorContains(t, pe.Err, tt.cause)
			}
		})
	}
	_, err := worktime.NewHours(map[time.Weekday][]worktime.Span{9: {{0, 60}}})
	assert.ErrorContains(t, err, "9 is not a day of the week")
}

func TestTimeOfDay(t *testing.T) {
	tod := period.Must(worktime.ParseTimeOfDay("17:30:15"))
	assert.Equal(t, 17, tod.Hour())
	assert.Equal(t, 30, tod.Minute())
	assert.Equal(t, 15, tod.Second())
	assert.Equal(t, "17:30:15", tod.String())
	assert.Equal(t, "24:00", worktime.EndOfDay.String())
	_, err := worktime.NewTimeOfDay(24, 1)
	assert.ErrorIs(t, err, period.ErrOutOfRange)
	_, err = worktime.ParseTimeOfDay("24:00:01")
	assert.ErrorIs(t, err, period.ErrOutOfRange)
	_, err = worktime.ParseTimeOfDay("ab:cd")
	assert.Error(t, err)

	london, _ := time.LoadLocation("Europe/London")
	// 09:00 on 28 March 2016 is 08:00 UTC (BST); 24:00 is the next midnight.
	assert.Equal(t, time.Date(2016, time.March, 28, 8, 0, 0, 0, time.UTC), period.Must(worktime.ParseTimeOfDay("09:00")).On(date(2016, time.March, 28), london).UTC())
	assert.Equal(t, date(2016, time.March, 29).In(london), worktime.EndOfDay.On(date(2016, time.March, 28), london))
}
