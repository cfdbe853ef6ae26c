package kpi

import (
	"fmt"
	"strings"

	"github.com/kpiregime/kpiregime/period"
)

// A Status is a result's place on the status ladder. Programs reason on these
// canonical statuses; a regime gives each its own display label.
type Status uint8

// The status ladder, best to worst, then the statuses with no figure. The
// zero Status is no status at all.
const (
	Exceeded      Status = iota + 1 // better than the target by the exceed rule
	Met                             // at or better than the target for the period
	Tolerance                       // worse than the target, within the stated tolerance
	Missed                          // worse than the target, not at a detriment or failure level
	Detriment                       // at or beyond the detriment level, not at the failure level
	Failed                          // at or beyond the failure level, or below a minimum service level
	NotDue                          // no measurement falls due in the period
	NoData                          // a measurement was due and none was reported
	NotMeasurable                   // reported as not measurable, or no volume
	Excluded                        // taken out of the regime for the period by agreement
	// Info is a figure reported for information: a contextual measure
	// ([TierContextual]) is shown with its trend, never rated.
	Info
)

// LastStatus is the last Status: arrays indexed by status have
// LastStatus+1 entries, and loops over every status run from Exceeded to it.
const LastStatus = Info

var statusNames = [...]string{"", "exceeded", "met", "tolerance", "missed", "detriment", "failed", "not_due", "no_data", "not_measurable", "excluded", "info"}

// String returns the canonical name used in JSON and files: exceeded, met,
// tolerance, missed, detriment, failed, not_due, no_data, not_measurable,
// excluded, info.
func (s Status) String() string {
	if s >= Exceeded && s <= LastStatus {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// ParseStatus reads a canonical status name, not case-sensitively, with
// spaces or hyphens allowed for underscores ("not due", "No-Data"). Info is
// also read as "for information", "for info" or "data only", as reports
// write it.
func ParseStatus(s string) (Status, error) {
	norm := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	for st := Exceeded; st <= LastStatus; st++ {
		if norm == statusNames[st] {
			return st, nil
		}
	}
	switch norm {
	case "for_information", "for_info", "data_only":
		return Info, nil
	}
	return 0, &period.ParseError{Package: "kpi", What: "status", Input: s, Expected: strings.Join(statusNames[1:], ", ")}
}

// IsPerformance reports whether s rates a figure: exceeded to failed.
func (s Status) IsPerformance() bool { return s >= Exceeded && s <= Failed }

// OnTarget reports whether s is exceeded or met.
func (s Status) OnTarget() bool { return s == Exceeded || s == Met }

// WorseThan reports whether s is lower on the ladder than o. Only
// performance statuses compare; any other pair is false.
func (s Status) WorseThan(o Status) bool {
	return s.IsPerformance() && o.IsPerformance() && s > o
}

// MarshalText implements [encoding.TextMarshaler] with the canonical name.
func (s Status) MarshalText() ([]byte, error) {
	if s == 0 {
		return []byte{}, nil
	}
	if s > LastStatus {
		return nil, fmt.Errorf("kpi: cannot marshal %s", s)
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseStatus];
// an empty text is the zero Status.
func (s *Status) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = 0
		return nil
	}
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
