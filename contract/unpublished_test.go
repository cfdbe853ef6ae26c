package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// unpublishedFile has two KPIs whose public papers give the target but not
// every level below it: T1 a target service level of 90% with its minimum
// not published (met at 90% or more; below it, missed or failed), and T2 a
// ladder whose failure level is not published (met at 90%, missed down to
// 87%, then detriment or failed), worth 1, 2 and 3 points.
const unpublishedFile = `
id: PUB
start: 2016-04-01
monthly_charge: 100000
regimes:
  - name: Customer services
    from: 2016-04
    kpis:
      - ref: T1
        measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_and_minimum, minimum: not published}
      - ref: T2
        measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands:
          ladder:
            - {status: met, level: target}
            - {status: missed, level: 87, points: 1}
            - {status: detriment, level: not published, points: 2}
            - {status: failed, points: 3}
    credits:
      - {type: points, rate: 1}
`

// TestUnpublishedLevelsThroughAFile, worked by hand:
//
//	T1 92%                  met: the target is published
//	T1 85%, none reported   not measurable: missed or failed cannot be told apart
//	T1 85%, reported missed missed, as reported, not verifiable
//	T1 85%, reported met    not measurable, and a disagreement: 85% is below 90%
//	T2 88%                  missed: the published 87% decides it, 1 point, £1,000
//	T2 80%, none reported   not measurable: detriment or failed
//	T2 80%, reported failed failed, as reported: 3 points, £3,000
//
// T1's scheme names its levels the target service level and the minimum
// service level; T2's ladder, built band by band with no names, names
// each band by its status and 87% as the level of missed (where missed
// begins), not a "detriment level" guessed from the band below.
func TestUnpublishedLevelsThroughAFile(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(unpublishedFile), "pub.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = "kpi,period,value,status\n" +
		"T1,Apr-16,92,\nT1,May-16,85,\nT1,Jun-16,85,missed\nT1,Jul-16,85,met\n" +
		"T2,Apr-16,88,\nT2,May-16,80,\nT2,Jun-16,80,failed\nT2,Jul-16,88,\n"
	obs, err := contract.ReadObservations(strings.NewReader(figures), "pub.csv", c)
	require.NoError(t, err)
	for _, w := range []struct {
		month, kpi, status, reason, credit string
		disagrees, unverifiable            bool
	}{
		{"Apr-16", "T1", "met", "92% meets the target service level of 90%", "0", false, false},
		{"May-16", "T1", "not_measurable", "85% is below the target service level of 90%, and the minimum service level, which decides the rest, is not published: missed or failed cannot be told apart", "0", false, false},
		{"Jun-16", "T1", "missed", "85% is below the target service level of 90%: missed as reported, not verifiable from the published levels", "0", false, true},
		{"Jul-16", "T1", "not_measurable", "85% is below the target service level of 90%, and the minimum service level, which decides the rest, is not published: missed or failed cannot be told apart", "0", true, false},
		{"Apr-16", "T2", "missed", "88% is below the target of 90%: missed, at or above 87%", "1000", false, false},
		{"May-16", "T2", "not_measurable", "80% is below 87%, the level of missed, and the level of detriment, which decides the rest, is not published: detriment or failed cannot be told apart", "0", false, false},
		{"Jun-16", "T2", "failed", "80% is below 87%, the level of missed: failed as reported, not verifiable from the published levels", "3000", false, true},
	} {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(w.month)))
		require.NoError(t, err)
		row, _ := sc.Row(w.kpi)
		assert.Equal(t, w.status, row.Status.String(), "%s %s", w.kpi, w.month)
		assert.Equal(t, w.reason, row.Result.Reason(), "%s %s", w.kpi, w.month)
		assert.Equal(t, w.credit, row.Credit.String(), "%s %s", w.kpi, w.month)
		assert.Equal(t, w.disagrees, row.Disagrees, "%s %s", w.kpi, w.month)
		assert.Equal(t, w.unverifiable, row.Result.Unverifiable(), "%s %s", w.kpi, w.month)
		if w.unverifiable {
			assert.Contains(t, row.Notes, "as reported, not verifiable from the published levels")
		}
	}
	// May: T1's 85% cannot be placed, but is short of target whatever its
	// band (missed or failed), so it is an exception, as T2's 80% is.
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	require.NoError(t, err)
	assert.Equal(t, []string{"T1", "T2"}, sc.Summary.Exceptions)
}
