package xlsx_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLibraryFreeOfExcelize: importing the library's own packages does not
// compile the Excel library; only contract/xlsx and regime/render/xlsx do.
func TestLibraryFreeOfExcelize(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to list dependencies with")
	}
	const mod = "github.com/kpiregime/kpiregime/"
	for _, pkg := range []string{"period", "kpi", "regime", "regime/render", "contract"} {
		out, err := exec.Command("go", "list", "-deps", mod+pkg).CombinedOutput()
		require.NoError(t, err, "%s", out)
		require.NotContains(t, string(out), "github.com/xuri/", "%s imports excelize", pkg)
	}
	out, err := exec.Command("go", "list", "-deps", mod+"contract/xlsx", mod+"regime/render/xlsx").CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.True(t, strings.Contains(string(out), "github.com/xuri/excelize/v2"))
}
