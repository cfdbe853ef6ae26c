package render_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLibraryDoesNotCompileTheBrowser: the browser tests' driver
// (chromedp and its protocol packages) is compiled only into test
// binaries; importing the library, render included, compiles none of it.
func TestLibraryDoesNotCompileTheBrowser(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on the PATH to list the packages' dependencies")
	}
	const mod = "github.com/kpiregime/kpiregime"
	pkgs := []string{mod, mod + "/period", mod + "/kpi", mod + "/regime", mod + "/regime/render", mod + "/contract"}
	out, err := exec.Command(goTool, append([]string{"list", "-deps"}, pkgs...)...).Output()
	require.NoError(t, err)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, mod+"/regime/render")
	for _, d := range deps {
		assert.False(t, strings.HasPrefix(d, "github.com/chromedp/") || strings.HasSuffix(d, "/internal/browser"),
			"the library compiles %s", d)
	}
}
