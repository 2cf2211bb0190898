package io.jifen.admin.ruleset;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A workbook (XLSX or XLS) as grids of text, for a preview in the console: each cell as a
 * spreadsheet program shows it (formulas by their cached value, never evaluated), merged regions,
 * at most {@link #MAX_SHEETS} sheets of {@link #MAX_ROWS} rows and {@link #MAX_COLUMNS} columns
 * (a decision table is at most 1,000 rule rows). Read with Apache POI, which refuses zip bombs and
 * external entities by itself; nothing in the workbook runs. A pure function of the bytes.
 */
final class SpreadsheetGrid {
    static final int MAX_SHEETS = 20;
    static final int MAX_ROWS = 2_000;
    static final int MAX_COLUMNS = 64;

    private SpreadsheetGrid() {
    }

    /** The sheets of {@code content}; IllegalArgumentException when it is not a workbook POI can read. */
    static List<EditorModels.SheetView> read(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            formatter.setUseCachedValuesForFormulaCells(true);
            List<EditorModels.SheetView> sheets = new ArrayList<>();
            for (int s = 0; s < Math.min(workbook.getNumberOfSheets(), MAX_SHEETS); s++) {
                sheets.add(sheet(workbook.getSheetAt(s), formatter));
            }
            return sheets;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    private static EditorModels.SheetView sheet(Sheet sheet, DataFormatter formatter) {
        boolean truncated = sheet.getLastRowNum() >= MAX_ROWS;
        int lastRow = Math.min(sheet.getLastRowNum(), MAX_ROWS - 1);
        List<List<String>> rows = new ArrayList<>();
        int usedRows = 0;
        int usedColumns = 0;
        for (int r = 0; r <= lastRow; r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null && row.getLastCellNum() > 0) {
                if (row.getLastCellNum() > MAX_COLUMNS) {
                    truncated = true;
                }
                int last = Math.min(row.getLastCellNum(), MAX_COLUMNS);
                for (int c = 0; c < last; c++) {
                    Cell cell = row.getCell(c);
                    String text = cell == null ? "" : formatter.formatCellValue(cell);
                    cells.add(text.isEmpty() ? null : text);
                    if (!text.isEmpty()) {
                        usedColumns = Math.max(usedColumns, c + 1);
                    }
                }
            }
            if (cells.stream().anyMatch(Objects::nonNull)) {
                usedRows = r + 1;
            }
            rows.add(cells);
        }
        List<List<String>> grid = new ArrayList<>();
        for (int r = 0; r < usedRows; r++) {
            List<String> cells = new ArrayList<>(rows.get(r));
            while (cells.size() < usedColumns) {
                cells.add(null);
            }
            grid.add(Collections.unmodifiableList(cells.subList(0, usedColumns)));
        }
        List<String> merged = new ArrayList<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getFirstRow() < usedRows && region.getFirstColumn() < usedColumns) {
                merged.add(region.formatAsString());
            }
        }
        return new EditorModels.SheetView(sheet.getSheetName(), usedRows, usedColumns, grid, merged, truncated);
    }
}
