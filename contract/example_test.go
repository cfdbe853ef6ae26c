package contract_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// A contract file and a CSV of the supplier's figures, scored for a month:
// two of seed 000's ICT KPIs in May 2016.
func ExampleDecode() {
	file := `
id: ICT
name: ICT contract
customer: Peterborough City Council
supplier: Serco
start: 2009-10-01
regimes:
  - name: ICT
    version: "2009"
    from: 2016-04
    kpis:
      - ref: "3"
        description: Resolution of severity 3 incidents (2 business days)
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90.0%
        bands: {scheme: target_detriment_failure, detriment: 87.0, failure: 84.0}
      - ref: "9"
        description: Call answering (within 20 seconds)
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 80%
        bands: {scheme: target_detriment_failure, detriment: 77, failure: 74}
`
	figures := `kpi,period,value,numerator,denominator,status,note
3,May-16,86.5,,,,
9,May-16,,1612,2015,,exactly 80%
`
	c, err := contract.Decode(strings.NewReader(file), "ict.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader(figures), "may.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range sc.Rows {
		fmt.Printf("%s %s: %s\n", r.KPI, r.Status, r.Result.Reason())
	}
	// Output:
	// 3 detriment: 86.5% is at or below the detriment level of 87.0% but above the failure level of 84.0%
	// 9 met: 80.00% meets the target of 80%
}

// Every problem in a contract file is reported at once, with its line and
// the path of its field.
func ExampleDecode_errors() {
	file := `id: ICT
name: ICT contract
customer: Peterborough City Council
supplier: Serco
start: 2009-10-01
regimes:
  - name: ICT
    from: 2016-04
    kpis:
      - ref: "3"
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: "90,0%"
        bands: {scheme: target_detriment_failure, detriment: 87.0, falure: 84.0}
`
	_, err := contract.Decode(strings.NewReader(file), "ict.yaml", contract.YAML)
	fmt.Println(err)
	// Output:
	// ict.yaml:13: regimes[0].kpis[0].target: cannot read "90,0%" as a value: "90,0" has a comma that is not a thousands separator: write a decimal point, not a comma
	// ict.yaml:14: regimes[0].kpis[0].bands.falure: unknown field: did you mean failure?
	// ict.yaml:14: regimes[0].kpis[0].bands.failure: the target_detriment_failure scheme needs its failure level
}

// A contract built in Go, or read from one format, written as a file.
func ExampleEncode() {
	c, err := contract.Decode(strings.NewReader(`{"id": "ICT", "name": "ICT contract", "customer": "Peterborough City Council",
		"supplier": "Serco", "start": "2009-10-01", "regimes": [{"name": "ICT", "from": "2016-04", "kpis": [
		{"ref": "10", "measure": {"unit": "percent", "polarity": "lower_is_better", "precision": 2, "aggregation": "ratio_of_sums"},
		 "frequency": "monthly", "target": "< 5%"}]}]}`), "ict.json", contract.JSON)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := contract.Encode(os.Stdout, c, contract.YAML); err != nil {
		fmt.Println(err)
	}
	// With no bands the KPI is target only, written as its ladder.
	// Output:
	// id: ICT
	// name: ICT contract
	// customer: Peterborough City Council
	// supplier: Serco
	// start: 2009-10-01
	// regimes:
	//   - name: ICT
	//     from: 2016-04
	//     kpis:
	//       - ref: "10"
	//         measure:
	//           unit: percent
	//           polarity: lower_is_better
	//           precision: 2
	//           aggregation: ratio_of_sums
	//         frequency: monthly
	//         target: < 5%
	//         bands:
	//           ladder:
	//             - status: met
	//               level: target
	//             - status: missed
}

// A return read with its warnings: 0.95 for a percentage whose target is
// 90.0% is likely 95% written as a fraction. It may be right, so it is a
// warning; a strict reader makes it an error. A row for a month that has
// not begun on the day the return is read, and a unit that is not the
// KPI's, are errors, each with its line.
func ExampleReturnReader() {
	file := `
id: ICT
start: 2009-10-01
regimes:
  - name: ICT
    version: "2009"
    from: 2016-04
    kpis:
      - ref: "3"
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90.0%
        bands: {scheme: target_only}
`
	c, err := contract.Decode(strings.NewReader(file), "ict.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	rr := contract.ReturnReader{Contract: c, Today: period.Must(period.NewDate(2016, time.June, 10))}

	obs, warnings, err := rr.Read(strings.NewReader("kpi,period,value\n3,May-16,0.95\n"), "may.csv")
	fmt.Println(len(obs), "row read;", err)
	for _, w := range warnings {
		fmt.Println(w)
	}

	rr.Strict = true
	_, _, err = rr.Read(strings.NewReader("kpi,period,value\n3,May-16,0.95\n"), "may.csv")
	fmt.Println(err)

	_, _, err = rr.Read(strings.NewReader("kpi,period,value\n3,May-16,95 days\n3,Jul-16,95\n"), "bad.csv")
	fmt.Println(err)
	// Output:
	// 1 row read; <nil>
	// may.csv:2: warning: value: 0.95% is far below the target of 90.0%: is it a fraction (95%)?
	// may.csv:2: value: 0.95% is far below the target of 90.0%: is it a fraction (95%)? (a warning, made an error by a strict reader)
	// bad.csv:2: value: cannot read "95 days" as a figure: it is in days, but 3 is measured in percent (want a figure in percent)
	// bad.csv:3: period: Jul-16 has not begun (the return is read on 2016-06-10): a return reports periods that have begun
}

// A remedy over a baseline, as a tram franchise charges for its
// performance points: £500 a point over a baseline of 10 points in the
// first contract year and 8 in the second. In December 2020 (the second
// year) the three failed KPIs are worth 3 points each and the missed one
// 1: 10 points, 2 over the baseline, (10 − 8) × £500 = £1,000. Only the
// points over the baseline are charged.
func ExampleDecode_pointsRemedy() {
	file := `
id: TRAM
start: 2019-12-01
regimes:
  - name: Tram performance
    from: 2019-12
    kpis:
      - {ref: P1, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly, target: 98%,
         bands: {scheme: target_and_minimum, minimum: 95, points: {missed: 1, failed: 3}}}
      - {ref: P2, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly, target: 98%,
         bands: {scheme: target_and_minimum, minimum: 95, points: {missed: 1, failed: 3}}}
      - {ref: P3, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly, target: 98%,
         bands: {scheme: target_and_minimum, minimum: 95, points: {missed: 1, failed: 3}}}
      - {ref: P4, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly, target: 98%,
         bands: {scheme: target_and_minimum, minimum: 95, points: {missed: 1, failed: 3}}}
    remedy:
      rate: £500
      baseline_by_contract_year: [10, 8]
`
	c, err := contract.Decode(strings.NewReader(file), "tram.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nP1,Dec-20,90\nP2,Dec-20,90\nP3,Dec-20,90\nP4,Dec-20,96\n"), "dec.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Dec-20")))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := sc.Summary
	fmt.Println("points:", s.Points, "over the baseline:", s.PointsOverBaseline, "remedy: £"+s.Remedy.StringFixed(2))
	fmt.Println(s.RemedyNotes[0])
	// Output:
	// points: 10 over the baseline: 2 remedy: £1000.00
	// Dec-20: 10 points, 2 over the baseline of 8: £1,000.00
}

// A KPI judged on a rolling three months, reported monthly: each month is
// rated on the trams on time of the trams run over the window. In August
// 2019, (90 + 95 + 80) of (100 + 100 + 100) = 265 of 300 = 88.33%, short
// of 90%, though July alone was 95%.
func ExampleDecode_rollingWindow() {
	file := `
id: TRAM
start: 2019-06-01
regimes:
  - name: Tram performance
    from: 2019-06
    kpis:
      - ref: PUN
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        rolling: 3
        target: 90%
`
	c, err := contract.Decode(strings.NewReader(file), "tram.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader(
		"kpi,period,numerator,denominator,value\nPUN,Jun-19,90,100,\nPUN,Jul-19,95,100,\nPUN,Aug-19,80,100,\n"), "pun.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Aug-19")))
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := sc.Row("PUN")
	fmt.Println(row.Status, "-", row.Result.Reason())
	fmt.Println(row.Notes[0])
	// Output:
	// missed - rolling 3 months to Aug-19: 88.33% is below the target of 90%
	// rolling 3 months, Jun-19 to Aug-19; Aug-19 alone: 80.00%, missed
}

// A KPI made of two parts that must both hold: no more than 3% of audited
// reports graded unacceptable, and at least 85% graded acceptable. In May
// 2016 2.5% were unacceptable (met) but only 82% acceptable (missed), so
// the KPI is missed, and its reason names the part that decided it.
func ExampleDecode_parts() {
	file := `
id: ASSESS
start: 2016-04-01
regimes:
  - name: Assessments
    from: 2016-04
    kpis:
      - {ref: Q1, frequency: monthly, parts: [Q1a, Q1b]}
      - {ref: Q1a, measure: {unit: percent, polarity: lower_is_better, precision: 1, aggregation: ratio_of_sums},
         frequency: monthly, target: no more than 3%}
      - {ref: Q1b, measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums},
         frequency: monthly, target: at least 85%}
`
	c, err := contract.Decode(strings.NewReader(file), "assess.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nQ1a,May-16,2.5\nQ1b,May-16,82\n"), "may.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range sc.Rows {
		fmt.Printf("%s %s: %s\n", r.KPI, r.Status, r.Result.Reason())
	}
	fmt.Println(sc.Summary.Total, "KPI counted")
	// Output:
	// Q1 missed: missed: part Q1b, 82% is below the target of 85%
	// Q1a met: 2.5% meets the target of 3%
	// Q1b missed: 82% is below the target of 85%
	// 1 KPI counted
}

// A franchise whose regime changed on 30 November 2019, each regime rating
// its part of November on its own figure and against its share of the
// month's £30,000 by days: £29,000 for 1-29 November, £1,000 for the 30th.
// At 1% of the charge a point, the old regime's missed part (2 points)
// costs £580 and the new one's (3 points) £30.
func ExampleDecode_partMonth() {
	file := `
id: RAIL
start: 2019-04-01
monthly_charge: 30000
regimes:
  - name: Franchise
    version: "1"
    from: 2019-04
    until: 2019-11
    kpis:
      - {ref: P1, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums},
         frequency: monthly, target: 90%, bands: {scheme: target_only, points: {missed: 2}}}
    credits: [{type: points, rate: 1}]
  - name: Franchise
    version: "2"
    from: 2019-11-30
    part_month: each_part
    kpis:
      - {ref: P1, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums},
         frequency: monthly, target: 95%, bands: {scheme: target_only, points: {missed: 3}}}
    credits: [{type: points, rate: 1}]
`
	c, err := contract.Decode(strings.NewReader(file), "rail.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader(
		"kpi,period,value\nP1,2019-11-01..2019-11-29,85\nP1,2019-11-30..2019-11-30,93\n"), "nov.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Nov-19")))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range sc.Rows {
		fmt.Printf("%s %s version %s: %s, £%s\n", r.KPI, r.Period.Label(period.Short), r.Versions[0], r.Status, r.Credit.StringFixed(2))
	}
	// Output:
	// P1 2019-11-01 to 2019-11-29 version 1: missed, £580.00
	// P1 2019-11-30 to 2019-11-30 version 2: missed, £30.00
}

// A five-point score scale with no target of its own, and a measure for
// information: 96% scores 4 Strong, 80% 1 Unsatisfactory; the summary
// totals the scale as rail and bus regimes publish it (4 + 1 = 5 of 10),
// and counts the passenger journeys apart.
func ExampleDecode_scoreScale() {
	file := `
id: BUS
start: 2016-04-01
regimes:
  - name: Quality
    from: 2016-04
    kpis:
      - ref: CLEAN
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        bands:
          ladder:
            - {score: 5, name: Exceptional, status: exceeded, level: 98}
            - {score: 4, name: Strong, status: met, level: 95}
            - {score: 3, name: Acceptable, status: met, level: 90}
            - {score: 2, name: Adequate, status: tolerance, level: 85}
            - {score: 1, name: Unsatisfactory, status: failed}
      - ref: STOPS
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        bands:
          ladder:
            - {score: 5, name: Exceptional, status: exceeded, level: 98}
            - {score: 4, name: Strong, status: met, level: 95}
            - {score: 3, name: Acceptable, status: met, level: 90}
            - {score: 2, name: Adequate, status: tolerance, level: 85}
            - {score: 1, name: Unsatisfactory, status: failed}
      - ref: JOURNEYS
        tier: contextual
        measure: {unit: number, polarity: higher_is_better, aggregation: sum}
        frequency: monthly
`
	c, err := contract.Decode(strings.NewReader(file), "bus.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nCLEAN,May-16,96\nSTOPS,May-16,80\nJOURNEYS,May-16,420100\n"), "bus.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range sc.Rows {
		if score, ok := row.Result.Score(); ok {
			band, _ := row.Result.Band()
			fmt.Printf("%s: %s, score %d %s - %s\n", row.KPI, row.Status, score, band.Name, row.Result.Reason())
			continue
		}
		fmt.Printf("%s: %s - %s\n", row.KPI, row.Status, row.Result.Reason())
	}
	s := sc.Summary
	fmt.Printf("score %d of %d (%s%% of the maximum); %d for information\n", s.Score, s.MaxScore, s.ScoreShare.StringFixed(2), s.ForInfo)
	// Output:
	// CLEAN: met, score 4 Strong - 96% is below 98%, the level of 5 Exceptional (exceeded): 4 Strong (met), at or above 95%
	// STOPS: failed, score 1 Unsatisfactory - 80% is below 85%, the level of 2 Adequate (tolerance): 1 Unsatisfactory (failed)
	// JOURNEYS: info - 420100, for information (not rated)
	// score 5 of 10 (50.00% of the maximum); 1 for information
}

// Colouring by target and direction of travel: Amber within 10% of the
// target, or further off but better than the same month last year. 75% in
// May 2016 is further off than 81%, but better than May 2015's 70%.
func ExampleDecode_directionOfTravel() {
	file := `
id: COUNCIL
start: 2015-04-01
regimes:
  - name: Corporate
    from: 2015-04
    kpis:
      - ref: K1
        measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands:
          ladder:
            - {name: Green, status: met, level: target}
            - {name: Amber, status: tolerance, level: 90% of target, or_better_than: same_period_last_year}
            - {name: Red, status: missed}
`
	c, err := contract.Decode(strings.NewReader(file), "council.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nK1,May-15,70\nK1,May-16,75\n"), "k1.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := sc.Row("K1")
	fmt.Println(row.Status, "-", row.Result.Reason())
	fmt.Println(row.Notes[0])
	// Output:
	// tolerance - 75% is below 81%, the level of Amber (tolerance), but better than 70% in May-15: Amber (tolerance)
	// direction of travel: better than 70% in May-15
}

// A credit held and earned back: KPI A misses April (2 points at 1% of the
// £100,000 charge, £2,000), which the regime holds rather than deducts; A
// then meets May, June and July, so April's credit is earned back with
// July, never deducted.
func ExampleDecode_earnBack() {
	file := `
id: EARN
start: 2016-04-01
monthly_charge: 100000
regimes:
  - name: R
    from: 2016-04
    kpis:
      - {ref: A, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly,
         target: 90%, bands: {scheme: target_only, points: {missed: 2}}}
    credits:
      - {type: points, rate: 1}
    earn_back: {mode: hold, periods: 3}
`
	c, err := contract.Decode(strings.NewReader(file), "earn.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nA,Apr-16,80\nA,May-16,91\nA,Jun-16,92\nA,Jul-16,93\n"), "earn.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []string{"Apr-16", "Jul-16"} {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(m)))
		if err != nil {
			fmt.Println(err)
			return
		}
		s := sc.Summary
		row, _ := sc.Row("A")
		fmt.Printf("%s: credits £%s, held £%s, earned back £%s - %s\n", m, s.Credits.StringFixed(2), s.Held.StringFixed(2), s.EarnedBack.StringFixed(2), row.Notes[0])
	}
	// Output:
	// Apr-16: credits £0.00, held £2000.00, earned back £0.00 - £2,000.00 held: earned back with 3 periods on target, deducted if not
	// Jul-16: credits £0.00, held £0.00, earned back £2000.00 - earned back: £2,000.00 held for Apr-16
}

// A rectification plan: KPI 3 fails twice in a row, which opens a plan due
// ten days after May; the council's log says it was submitted on 8 June
// and agreed on 20 June, to be completed by 31 August.
func ExampleReadPlanUpdates() {
	file := `
id: PLANS
start: 2016-04-01
regimes:
  - name: R
    from: 2016-04
    kpis:
      - {ref: "3", measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly, target: 90%}
    escalation:
      - {event: rectification plan, rule: consecutive, failures: 2, plan: {submit_within_days: 10, overdue_event: critical failure}}
`
	c, err := contract.Decode(strings.NewReader(file), "plans.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\n3,Apr-16,80\n3,May-16,80\n3,Jun-16,95\n"), "plans.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	log := "kpi,event,date,state,target_date\n3,rectification plan,2016-06-08,submitted,\n3,rectification plan,2016-06-20,agreed,2016-08-31\n"
	updates, err := contract.ReadPlanUpdates(strings.NewReader(log), "plans-log.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	in := c.Input(obs, period.Must(period.ParseMonth("Jun-16")))
	in.PlanUpdates = updates
	l, err := c.RunInput(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range l.Plans(period.Must(period.ParseLabel("Jun-16"))) {
		fmt.Println(p)
	}
	// Output:
	// rectification plan for KPI 3 (opened May-16): agreed 2016-06-20, target 2016-08-31
}

// An incentive around a benchmark: £1,000 for each 0.1 of a point of
// punctuality above 92.0%, and £1,000 deducted for each 0.1 below it.
// 92.37% is 3 whole units above: a bonus of £3,000; 91.85% is 1 unit
// below: a deduction of £1,000. The two are kept apart, never netted.
func ExampleDecode_incentives() {
	file := `
id: INC
start: 2016-04-01
regimes:
  - name: Franchise
    from: 2016-04
    kpis:
      - {ref: PPM, measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}, frequency: monthly, target: 92%}
    incentives:
      - {kpi: PPM, benchmark: 92.0, per: 0.1, rate: £1000, fund: £50000}
`
	c, err := contract.Decode(strings.NewReader(file), "inc.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nPPM,Apr-16,92.37\nPPM,May-16,91.85\n"), "ppm.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("YTD 2016/17")))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("bonuses £%s, deductions £%s\n", sc.Summary.Bonuses.StringFixed(2), sc.Summary.Deductions.StringFixed(2))
	// Output:
	// bonuses £3000.00, deductions £1000.00
}
