package main

import (
	"bytes"
	"flag"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/internal/golden"
)

func TestRun(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 0, run(nil, &out, &errs))
	lines := strings.Split(out.String(), "\n")
	assert.Equal(t, "Financial year 2016/2017 (2016-04-01 to 2017-03-31)", lines[0])
	// April: monthly only. September: monthly and six-monthly, and the end of Q2.
	assert.Equal(t, "Apr-16  April 2016     Q1 2016/17  due       -         -         -", lines[3])
	assert.Equal(t, "Sep-16  September 2016 Q2 2016/17  due       due       due       -", lines[8])
	assert.Equal(t, "Mar-17  March 2017     Q4 2016/17  due       due       due       due", lines[14])
	assert.Empty(t, errs.String())
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-year", "2016/18"}, 1, "the second year must be the year after the first"},
		{[]string{"-year", "Q1 2016/17"}, 1, "is a quarter, not a year"},
		{[]string{"-nope"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errs bytes.Buffer
			assert.Equal(t, tt.code, run(tt.args, &out, &errs))
			assert.Contains(t, errs.String(), tt.msg)
		})
	}
}

var update = flag.Bool("update", false, "rewrite the golden file")

// TestGoldenText compares the whole output with testdata/periods.txt, read
// line by line: the twelve months of 2016/17 with their quarters; monthly
// measures due every month, quarterly in June, September, December and
// March, six-monthly in September and March, annual in March (the
// frequencies' defaults, due at the end of their periods).
func TestGoldenText(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run(nil, &out, &errs), errs.String())
	golden.Check(t, "testdata/periods.txt", out.Bytes(), *update)
}
