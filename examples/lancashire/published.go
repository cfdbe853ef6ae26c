package main

// Published figures of seed 004: what the report prints for periods longer
// than a month. The seed gives these indicators monthly only for March,
// July and August 2016; for April to June it prints the quarter.

// publishedRow is an indicator's figures for quarter one 2016/17 and the
// year to date 2016/17 (April to August), as printed.
type publishedRow struct {
	ref, q1, ytd, note string
}

var published = []publishedRow{
	{"ICT-1", "100", "100", ""},
	{"ICT-2", "99", "99", ""},
	{"ICT-3", "98", "98", ""},
	{"ICT-4", "99", "99", ""},
	{"ICT-5", "99", "99", ""},
	{"PAY-1", "0.1", "0.1", ""},
	{"PAY-2", "100", "100", ""},
	{"REC-1", "100", "99", ""},
	{"D-2", "1.4%", "2.8%", ""},
	{"D-3", "100%", "100%", ""},
	{"D-4", "44%", "61%", "Q1: adjusted figure for May 2016"},
	{"D-5", "100%", "100%", ""},
	{"D-6", "100%", "100%", ""},
}

// contextRow is a figure the seed reports without a target: the customer
// feedback counts and survey of the payroll and ICT services, and the
// dashboard's volume of BTLS overpayments. months holds April to August
// 2016 ("" where the seed prints no month, when q1 holds its quarter);
// ytd is the year to date as printed.
type contextRow struct {
	name    string
	percent bool
	months  [5]string
	q1, ytd string
}

var context = []contextRow{
	{"Payroll and Recruitment feedback: comments", false, [5]string{"5", "3", "2", "0", "1"}, "", "11"},
	{"Payroll and Recruitment feedback: compliments", false, [5]string{"7", "3", "10", "1", "7"}, "", "28"},
	{"Payroll and Recruitment feedback: complaints", false, [5]string{"5", "8", "5", "3", "0"}, "", "21"},
	{"Volume of BTLS overpayments (D-1)", false, [5]string{"", "", "", "6", "11"}, "18", "35"},
	{"ICT survey: very satisfied (Excellent or Good)", true, [5]string{"86.3", "92.2", "81.3", "79", "76.1"}, "", "82.9"},
	{"ICT survey: satisfied (Excellent, Good or Average)", true, [5]string{"96.8", "100", "90.6", "94", "86.3"}, "", "93.5"},
}
