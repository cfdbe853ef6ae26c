package regime

// SetFullRuns makes every ledger run start at its first figure (on) or
// from its horizon where it can (off), and returns a function that puts it
// back: for the tests that compare the two.
func SetFullRuns(on bool) (restore func()) {
	was := fullRuns
	fullRuns = on
	return func() { fullRuns = was }
}

// Horizon is History.horizon, for the tests.
var Horizon = History.horizon
