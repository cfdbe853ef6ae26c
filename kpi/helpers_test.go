package kpi_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func written(t testing.TB, s string) kpi.Written {
	t.Helper()
	w, err := kpi.ParseWritten(s)
	require.NoError(t, err)
	return w
}

func month(label string) period.Period { return period.Must(period.ParseMonth(label)).Period() }

func mustDef(t testing.TB, spec kpi.Spec) kpi.Definition {
	t.Helper()
	d, err := kpi.New(spec)
	require.NoError(t, err)
	return d
}

func percent(pol kpi.Polarity) kpi.Measure {
	return kpi.Measure{Unit: kpi.Percent, Polarity: pol, Precision: 2, Aggregation: kpi.RatioOfSums}
}

var failuresMeasure = kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}

// fig parses a figure as the seed prints it.
func fig(t testing.TB, s string) kpi.Observation {
	t.Helper()
	o, err := kpi.ParseFigure(s)
	require.NoError(t, err)
	return o
}
