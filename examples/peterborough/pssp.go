package main

import (
	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// psspRow is one row of seed 000's PSSP table as printed: reference,
// description, service area, criterion (% or days), the frequency as this
// example reads it, the written target, and the April and May targets of
// the "Performance Target/Profile" columns where the target is profiled.
// cumulative marks the collection rates profiled toward an annual target.
type psspRow struct {
	ref, desc, area, criterion, freq, target string
	apr, may                                 string
	cumulative                               bool
}

const (
	sts = "Shared Transactional Services"
	bs  = "Business Support"
	cs  = "Customer Services"
)

// psspRows are the rows of pssp.yaml; its comments give the readings
// taken where the seed is silent (frequencies of the "Annual" collection
// rates, R&B-K-009a's unit, CS-K-002's and R&B-K-011's profiles).
var psspRows = []psspRow{
	{"STS-K-009", "Completion of statutory returns", sts, "%", "monthly", "100.00%", "", "", false},
	{"R&B-K-001", "Achievement of the in-year Council Tax collection rate target", sts, "%", "monthly", "95.8%", "11.36", "20.31", true},
	{"R&B-K-002", "Achievement of the in-year business rates collection rate target", sts, "%", "monthly", "97.8%", "11.56", "19.84", true},
	{"R&B-K-007", "Council Tax arrears collection", sts, "%", "monthly", "14.31%", "2.57", "4.56", true},
	{"R&B-K-008", "Business Rates arrears collection", sts, "%", "monthly", "30%", "7.35", "11.25", true},
	{"R&B-K-009", "Debt recovery - Parking", sts, "days", "monthly", "14.00 days", "", "", false},
	{"R&B-K-009a", "Debt recovery - Housing Benefit Overpayment", sts, "%", "monthly", "26%", "2.72", "5.00", true},
	{"R&B-K-009b", "Debt recovery - Sundry Debt", sts, "%", "monthly", "63%", "56.50", "60.00", true},
	{"R&B-K-011", "Average time to process housing benefit claims and changes", sts, "days", "monthly", "19.00 days", "19.00", "19.18", false},
	{"PAY-K-001", "Ensure all payroll deadlines are met", bs, "%", "monthly", "100.00%", "", "", false},
	{"BS-K-002", "Business support tasks completed to deadline", bs, "%", "monthly", "97.00%", "", "", false},
	{"CS-K-001", "% of customers satisfied with the service they received", cs, "%", "6 Monthly", "95.00%", "", "", false},
	{"CS-K-002", "% of telephone calls answered", cs, "%", "monthly", "85%", "82.00", "82.00", false},
	{"CS-K-006", "% of First Call resolution in Call Centre (excluding switch)", cs, "%", "monthly", "85.00%", "", "", false},
	{"BT-K-002", "Delivery of outputs as agreed in the annual delivery plan", "Business Transformation and Service Improvement", "%", "annual", "85.00%", "", "", false},
	{"FS-K-001", "Complete month and year end BCR and DCAL processes", "Financial Services System", "%", "monthly", "100.00%", "", "", false},
	// No reference in the seed: its service-area cell, PR, stands as one.
	{"PR", "Provide a monthly compliance report on Purchase Cards", "Procurement", "%", "monthly", "100.00%", "", "", false},
}

// psspContract builds the same contract as pssp.yaml with the Go API: a
// percentage is higher-is-better, a number of days lower-is-better; a
// cumulative collection rate aggregates as its latest figure; every KPI is
// target only, with the regime's rule that a figure strictly better than
// its target is Exceeded.
func psspContract() (*contract.Contract, error) {
	apr, may := period.Must(period.ParseMonth("Apr-16")), period.Must(period.ParseMonth("May-16"))
	var defs []kpi.Definition
	for _, row := range psspRows {
		target, freq, err := parseTerms(row.target, row.freq)
		if err != nil {
			return nil, err
		}
		m := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
		if row.criterion == "days" {
			m = kpi.Measure{Unit: kpi.Days, Polarity: kpi.LowerIsBetter, Precision: 2, Aggregation: kpi.WeightedMean}
		}
		var profile kpi.Profile
		if row.apr != "" {
			if row.cumulative {
				m.Aggregation = kpi.Latest
			}
			profile = kpi.Explicit(target.Value, row.cumulative, map[period.Month]decimal.Decimal{
				apr: decimal.RequireFromString(row.apr), may: decimal.RequireFromString(row.may)})
		}
		d, err := kpi.New(kpi.Spec{Ref: row.ref, Description: row.desc, ServiceArea: row.area, Contractual: true,
			Measure: m, Frequency: freq, Target: target, Profile: profile, Bands: kpi.TargetOnly()})
		if err != nil {
			return nil, err
		}
		defs = append(defs, d)
	}
	r, err := regime.New(regime.Spec{
		Name: "PSSP", Version: "2016", From: apr, KPIs: defs, Exceed: kpi.ExceedWhenBetter(),
		Labels: map[kpi.Status]string{kpi.Exceeded: "Exceeded", kpi.Met: "Target Met", kpi.Tolerance: "Within Tolerance",
			kpi.Missed: "Not Met", kpi.NotMeasurable: "Not Measurable", kpi.NotDue: "Not Due", kpi.NoData: "No Data"},
		// The report accepts BT-K-002 as not yet measurable in April and May.
		Relief: []regime.Relief{{Kind: regime.AgreedNotMeasurable, KPI: "BT-K-002", From: apr, Through: apr.AddMonths(1),
			Reason: "ADP and milestones being agreed"}},
	})
	if err != nil {
		return nil, err
	}
	return contract.New(contract.Spec{
		ID: "PSSP", Name: "Peterborough-Serco Strategic Partnership", Customer: "Peterborough City Council",
		Supplier: "Serco", Start: period.Must(period.ParseDate("2011-11-28")),
		Services: []string{sts, bs, cs, "Business Transformation and Service Improvement", "Financial Services System", "Procurement"},
		Regimes:  []*regime.Regime{r},
	})
}
