package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// csvWorkbook writes the CSV return csvFile as a workbook in the long
// layout, every field a text cell as typed, on sheet "ICT" after a cover
// sheet, into dir; it returns the workbook's path.
func csvWorkbook(t *testing.T, csvFile, dir string) string {
	t.Helper()
	data, err := os.ReadFile(csvFile)
	require.NoError(t, err)
	records, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	require.NoError(t, err)
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "Cover"))
	require.NoError(t, f.SetCellStr("Cover", "A1", "ICT returns, April and May 2016"))
	_, err = f.NewSheet("ICT")
	require.NoError(t, err)
	for i, rec := range records {
		for j, v := range rec {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			require.NoError(t, f.SetCellStr("ICT", cell, v))
		}
	}
	name := filepath.Join(dir, "ict-2016.xlsx")
	require.NoError(t, f.SaveAs(name))
	return name
}

// TestXLSXReturn: the ICT return as a workbook, read with -sheet ICT,
// prints the very scorecard the CSV return does (the golden file
// testdata/may-16.txt); without -sheet the first sheet, a cover with no
// header row, is read, and the error names the file, the sheet and the
// cell.
func TestXLSXReturn(t *testing.T) {
	may, err := os.ReadFile("testdata/may-16.txt")
	require.NoError(t, err)
	book := csvWorkbook(t, ictFigs, t.TempDir())
	code, out, errs := runArgs("-contract", ictFile, "-actuals", book, "-sheet", "ICT", "-period", "May-16")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, errs)
	assert.Equal(t, string(may), out)

	code, out, errs = runArgs("-contract", ictFile, "-actuals", book, "-period", "May-16")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.True(t, strings.HasPrefix(errs, book+": Cover!A1: no header row"), errs)

	code, _, errs = runArgs("-contract", ictFile, "-actuals", book, "-sheet", "PSSP", "-period", "May-16")
	assert.Equal(t, 1, code)
	assert.Equal(t, book+`: there is no sheet "PSSP" (the sheets are "Cover", "ICT")`+"\n", errs)
}

// TestXLSXNeedsOutputFile: -format xlsx without -o is a usage mistake
// (exit 2) and writes nothing to standard output.
func TestXLSXNeedsOutputFile(t *testing.T) {
	code, out, errs := runArgs("-contract", ictFile, "-actuals", ictFigs, "-period", "May-16", "-format", "xlsx")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.True(t, strings.HasPrefix(errs, "scorecard: -format xlsx writes a binary workbook: name the file with -o"), errs)
}

// TestXLSXSeveralContracts: two -contract groups with -format xlsx -o
// write one workbook: the summary sheet with a row per contract, then a
// sheet per card, ICT's and the quality regime's (BUSQ) for May 2016.
func TestXLSXSeveralContracts(t *testing.T) {
	name := filepath.Join(t.TempDir(), "report.xlsx")
	code, out, errs := runArgs("-period", "May-16", "-format", "xlsx", "-o", name,
		"-contract", ictFile, "-actuals", ictFigs,
		"-contract", "testdata/quality.yaml", "-actuals", "testdata/quality-2016.csv")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, out)
	f, err := excelize.OpenFile(name)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"Summary", "ICT May-16", "BUSQ May-16"}, f.GetSheetList())
	for row, want := range map[string][2]string{"2": {"ICT May-16", "ICT"}, "3": {"BUSQ May-16", "BUSQ"}} {
		sheet, err := f.GetCellValue("Summary", "A"+row)
		require.NoError(t, err)
		contract, err := f.GetCellValue("Summary", "B"+row)
		require.NoError(t, err)
		assert.Equal(t, want, [2]string{sheet, contract}, "summary row %s", row)
	}
	extra, err := f.GetCellValue("Summary", "A4")
	require.NoError(t, err)
	assert.Empty(t, extra, "a summary row per contract, no more")
	// Each card's sheet has its KPIs: ICT's KPI 1 heads its rows.
	first, err := f.GetCellValue("ICT May-16", "A2")
	require.NoError(t, err)
	assert.Equal(t, "1", first)
}
