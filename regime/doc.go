// Package regime models a contract's schedule of indicators in force from a
// date: relief (exclusions, suspensions, mitigation), consequences (service
// points, repeat multipliers, service credits, caps), escalation rules, and
// the scorecard for a period or a year to date.
//
// It builds on package kpi. This package is not built yet.
package regime
