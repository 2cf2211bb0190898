package io.jifen.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A decision table as rows of text cells, written with Apache POI: the one writer behind the reference
 * program's spreadsheets ({@link XlsxTables}) and the example merchants' (examples' {@code ExampleSpreadsheets},
 * through this module's test-jar), so every binary table has a readable, reviewable source.
 *
 * <p>Drools reads a merged cell (e.g. one pattern over two condition columns) only when the blank cells
 * inside the merged region exist, so {@link #merge} creates them.
 */
public final class DecisionTableSheet {
    private final String sheet;
    private final String packageName;
    private final String imports;
    private final List<String[]> rows = new ArrayList<>();
    private final List<int[]> merges = new ArrayList<>();

    /** A sheet named {@code sheet} whose rules go to {@code packageName}, importing {@code imports}. */
    public DecisionTableSheet(String sheet, String packageName, String imports) {
        this.sheet = sheet;
        this.packageName = packageName;
        this.imports = imports;
    }

    /** The RuleSet header every table starts with, and a blank row. */
    public void header(String notes) {
        row("RuleSet", packageName);
        row("Import", imports);
        row("Variables", "RuleActions actions");
        row("Notes", notes);
        row();
    }

    /** Adds a row and returns its index. */
    public int row(String... cells) {
        rows.add(cells);
        return rows.size() - 1;
    }

    /** Merges columns {@code from}..{@code to} of a row (the text is in the first cell). */
    public void merge(int row, int from, int to) {
        merges.add(new int[] {row, from, to});
    }

    public byte[] toXlsx() {
        return toBytes(new XSSFWorkbook());
    }

    /** The table written into {@code workbook} (HSSF for .xls, XSSF for .xlsx). */
    public byte[] toBytes(Workbook workbook) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (workbook instanceof XSSFWorkbook x) {
                // a fixed document date, so regenerating an unchanged table changes as little as possible
                x.getProperties().getCoreProperties().setCreated(Optional.of(new Date(1_790_000_000_000L)));
            }
            Sheet s = workbook.createSheet(sheet);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle keyword = workbook.createCellStyle();
            keyword.setFont(bold);
            int columns = 0;
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r);
                String[] cells = rows.get(r);
                columns = Math.max(columns, cells.length);
                for (int c = 0; c < cells.length; c++) {
                    Cell cell = row.createCell(c);
                    if (!cells[c].isEmpty()) {
                        cell.setCellValue(cells[c]);
                    }
                    if (c == 0 && isKeyword(cells[c])) {
                        cell.setCellStyle(keyword);
                    }
                }
            }
            for (int[] m : merges) {
                Row row = s.getRow(m[0]);
                for (int c = m[1]; c <= m[2]; c++) {
                    if (row.getCell(c) == null) {
                        row.createCell(c); // Drools needs the blank cells inside a merged region
                    }
                }
                s.addMergedRegion(new CellRangeAddress(m[0], m[0], m[1], m[2]));
            }
            for (int c = 0; c < columns; c++) {
                s.setColumnWidth(c, 40 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isKeyword(String text) {
        return text.equals("RuleSet") || text.equals("Import") || text.equals("Variables") || text.equals("Notes")
                || text.startsWith("RuleTable") || text.equals("NAME");
    }
}
