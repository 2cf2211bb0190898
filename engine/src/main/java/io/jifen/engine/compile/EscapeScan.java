package io.jifen.engine.compile;

import io.jifen.engine.safety.UnicodeEscapes;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Unicode escapes in what the author wrote, before any translation: a line of a text file
 * (DRL, DSLR, DSL, CSV) or a cell of a spreadsheet. Every one is refused (see {@link UnicodeEscapes}).
 */
final class EscapeScan {
    private EscapeScan() {
    }

    static List<Diagnostic> of(RuleFile file, RuleFileKind kind) {
        return switch (kind) {
            case XLS, XLSX -> inCells(file);
            default -> UnicodeEscapes.linesIn(file.text()).stream()
                    .map(line -> new Diagnostic(file.name(), line, 0, UnicodeEscapes.ADVICE))
                    .toList();
        };
    }

    private static List<Diagnostic> inCells(RuleFile file) {
        List<Diagnostic> found = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (!UnicodeEscapes.linesIn(textOf(cell)).isEmpty()) {
                            String ref = new CellReference(cell).formatAsString(false);
                            boolean oneSheet = workbook.getNumberOfSheets() == 1;
                            found.add(new Diagnostic(file.name(), cell.getRowIndex() + 1, 0, oneSheet ? ref : null,
                                    "cell " + ref + (workbook.getNumberOfSheets() > 1 ? " of sheet " + sheet.getSheetName() : "")
                                            + ": " + UnicodeEscapes.ADVICE));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable workbook is reported by the decision-table compiler with its own message
            return List.of();
        }
        return found;
    }

    private static String textOf(Cell cell) {
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case FORMULA -> cell.getCellFormula()
                    + (cell.getCachedFormulaResultType() == CellType.STRING ? "\n" + cell.getStringCellValue() : "");
            default -> "";
        };
    }
}
