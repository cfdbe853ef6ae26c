package main

import (
	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// ictRow is one row of seed 000's ICT table as printed: reference,
// description, frequency, criterion (Volume, % or Value), target, and the
// detriment and failure levels where the seed gives them.
type ictRow struct {
	ref, desc, freq, criterion, target, detriment, failure string
}

var ictRows = []ictRow{
	{"1", "Resolution of severity 1 incidents (2 hrs)", "Monthly", "Volume", "0 failures", "1", "2"},
	{"2", "Resolution of severity 2 incidents (1 business day)", "Monthly", "Volume", "0 failures", "1", "2"},
	{"3", "Resolution of severity 3 incidents (2 business days)", "Monthly", "%", "90.0%", "87.0", "84.0"},
	{"4", "Resolution of severity 4 incidents (4 business days)", "Monthly", "%", "90.0%", "", ""},
	{"5", "Fulfilment of priority 1 service requests (1 business day)", "Monthly", "%", "90%", "87", "84"},
	{"6", "Fulfilment of priority 2 service requests (2 business days)", "Monthly", "%", "90%", "87", "84"},
	{"7", "Fulfilment of priority 3 service requests (4 business days)", "Monthly", "%", "90%", "87", "84"},
	{"8", "Fulfilment of priority 4 service requests (8 business days)", "Monthly", "%", "90%", "", ""},
	{"9", "Call answering (within 20 seconds)", "Monthly", "%", "80%", "77", "74"},
	{"10", "Call abandoned rate", "Monthly", "%", "< 5%", "", ""},
	{"11", "First point of contact fix", "Monthly", "%", "50%", "46", "42"},
	{"12", "Key application availability", "6 Monthly", "Volume", "0 failures", "1", "2"},
	{"13", "Gold application availability", "Monthly", "Volume", "1 failure", "3", "4"},
	{"14", "Silver application availability", "Monthly", "%", "98%", "", ""},
	{"15", "Network availability of individual primary Council Premises", "Annual", "Volume", "0 failures", "1", "2"},
	{"16", "Network availability of all resilient Council Premises", "Monthly", "%", "99.50%", "99.00", "98.50"},
	{"17", "Network availability of all non-resilient Council Premises", "Monthly", "%", "99%", "", ""},
	{"18", "Project success index", "Quarterly", "Volume", "1 failure", "2", "3"},
	{"19", "Measurement of customer satisfaction", "Monthly", "Value", "> 3.5", "", ""},
	{"20", "Response to incidents raised by a call", "Monthly", "%", "90%", "", ""},
	{"21", "Response to incidents raised via web browser", "Monthly", "%", "90%", "", ""},
}

// ictContract builds the same contract as ict.yaml with the Go API: a
// volume is a count of failures (lower is better); a % is a ratio of
// counts, lower is better only for "< 5%"; the "Value" of customer
// satisfaction is a plain number, since the seed gives no rating scale.
func ictContract() (*contract.Contract, error) {
	var defs []kpi.Definition
	for _, row := range ictRows {
		target, freq, err := parseTerms(row.target, row.freq)
		if err != nil {
			return nil, err
		}
		var m kpi.Measure
		switch row.criterion {
		case "Volume":
			m = kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}
		case "%":
			m = kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
			if target.Comparison == kpi.Below {
				m.Polarity = kpi.LowerIsBetter
			}
		default:
			m = kpi.Measure{Unit: kpi.Number, Polarity: kpi.HigherIsBetter, Precision: 1, Aggregation: kpi.WeightedMean}
		}
		bands := kpi.TargetOnly()
		if row.detriment != "" {
			det, fail := decimal.RequireFromString(row.detriment), decimal.RequireFromString(row.failure)
			bands = kpi.TargetDetrimentFailure(det, fail)
			if row.criterion == "Volume" {
				bands = kpi.VolumeOfFailures(det.IntPart(), fail.IntPart())
			}
		}
		d, err := kpi.New(kpi.Spec{Ref: row.ref, Description: row.desc, ServiceArea: "ICT", Contractual: true,
			Measure: m, Frequency: freq, Target: target, Bands: bands})
		if err != nil {
			return nil, err
		}
		defs = append(defs, d)
	}
	r, err := regime.New(regime.Spec{
		Name: "ICT", Version: "2009", From: period.Must(period.ParseMonth("2016-04")), KPIs: defs,
		Labels: map[kpi.Status]string{kpi.Met: "Met", kpi.Missed: "Missed", kpi.Detriment: "Detriment",
			kpi.Failed: "Failed", kpi.NoData: "No Data", kpi.NotDue: "Not due"},
	})
	if err != nil {
		return nil, err
	}
	return contract.New(contract.Spec{
		ID: "ICT", Name: "ICT contract", Customer: "Peterborough City Council", Supplier: "Serco",
		Start: period.Must(period.ParseDate("2009-10-01")), Services: []string{"ICT"},
		Regimes: []*regime.Regime{r},
	})
}

// parseTerms reads a row's target and frequency as the seed writes them.
func parseTerms(target, frequency string) (kpi.Written, period.Frequency, error) {
	t, err := kpi.ParseWritten(target)
	if err != nil {
		return kpi.Written{}, period.Frequency{}, err
	}
	f, err := period.ParseFrequency(frequency)
	return t, f, err
}
