// Package kpi models one performance indicator: its measure (unit, polarity,
// precision, how it aggregates), the values and observations reported for it,
// its bands and the status ladder (exceeded, met, tolerance, missed,
// detriment, failed, and the no-figure statuses not_due, no_data,
// not_measurable and excluded), profiled annual targets, the evaluation of one
// observation into an explained result, aggregation across periods, and
// tallies of raw records such as tickets into observations.
//
// It builds on package period. This package is not built yet.
package kpi
