package io.jifen.admin.ruleset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** API models of what a rule editor needs besides compiles: the vocabulary and spreadsheet previews. */
public final class EditorModels {
    private EditorModels() {
    }

    /** A vocabulary's sentences, in file order. */
    public record VocabularyView(String name, List<SentenceView> sentences) {
    }

    /**
     * One sentence: {@code scope} is {@code condition} (under {@code when}), {@code consequence}
     * (under {@code then}), {@code keyword} (rule header lines) or {@code any}; {@code sentence} as
     * written, with its {placeholders}; {@code placeholders} their names in order; {@code expansion}
     * the DRL it stands for.
     */
    public record SentenceView(String scope, String sentence, List<String> placeholders, String expansion) {
    }

    /** A spreadsheet not stored yet, to be shown as a grid: its file name and its bytes in base64. */
    public record SpreadsheetPreviewRequest(
            @NotBlank @Pattern(regexp = RuleVersionModels.FILE_NAME_PATTERN, message = RuleVersionModels.FILE_NAME_RULE)
            String name,
            @NotBlank String content) {
    }

    /** A workbook as grids of text, one per sheet, in workbook order. */
    public record SpreadsheetView(String name, List<SheetView> sheets) {
    }

    /**
     * One sheet: {@code cells} row by row from row 1 and column A, each the text a spreadsheet
     * program shows (null for an empty cell), trailing empty rows and columns left out;
     * {@code rows}/{@code columns} the size of {@code cells}; {@code merged} the merged regions
     * ({@code "E8:F8"}); {@code truncated} when the sheet is larger than a preview shows.
     */
    public record SheetView(String name, int rows, int columns, List<List<String>> cells, List<String> merged,
                            boolean truncated) {
    }
}
