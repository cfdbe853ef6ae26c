package contract_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/regime"
)

// TestContractCannotBeChangedThroughWhatItHandsOut: the spec, the input
// and the regimes a contract hands out are copies; editing them leaves the
// contract Equal to one built afresh, with its opening credit of £250.00
// and its regimes' credit rules as written.
func TestContractCannotBeChangedThroughWhatItHandsOut(t *testing.T) {
	c := richContract(t)
	in := c.Input(nil, mo("Apr-16"))
	in.OpeningCredits[mo("Mar-15")] = dec("-999999")
	s := c.Spec()
	s.Charges[mo("Apr-16")] = dec("-1")
	s.OpeningCredits[mo("Mar-15")] = dec("-1")
	s.Services[0] = "changed"
	s.Regimes[0] = nil
	rs := c.Spec().Regimes[1].Spec()
	rs.Credits[2].(regime.FixedCredit).PerStatus()[kpi.Failed] = dec("-999999")
	rs.Labels[kpi.Failed] = "changed"

	assert.True(t, c.Equal(richContract(t)))
	assert.Equal(t, "250.00", c.Input(nil, mo("Apr-16")).OpeningCredits[mo("Mar-15")].StringFixed(2))
	charge, _ := c.Charge(mo("Apr-16"))
	assert.Equal(t, "18306.50", charge.StringFixed(2))
	got := c.Spec().Regimes[1].Spec().Credits[2].(regime.FixedCredit).PerStatus()[kpi.Failed]
	assert.Equal(t, "500.00", got.StringFixed(2))
	assert.Equal(t, []string{"ICT", "Revenues & Benefits"}, c.Services())
}
