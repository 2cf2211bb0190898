package io.jifen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads purchases and events (docs/cli.md, "Transactions files"): one JSON body, a JSON-lines file
 * (one body a line, as the API takes them), or a CSV file with named columns (one row per purchase line).
 * Unknown keys and columns are refused, so a typo never passes silently.
 */
final class TransactionFiles {
    static final List<String> CSV_COLUMNS = List.of("transactionId", "memberId", "occurredAt", "type", "total",
            "currency", "channel", "store", "sku", "category", "quantity", "unitPrice", "amount", "tier");

    private static final ObjectReader BODY = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .readerFor(TransactionBody.class);

    private TransactionFiles() {
    }

    /** {@code arg}: a JSON body itself, a file holding one, or {@code -} for stdin. */
    static TransactionBody one(String arg) {
        String json;
        String where;
        try {
            if (arg.strip().startsWith("{")) {
                json = arg;
                where = "the body";
            } else if (arg.equals("-")) {
                json = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                where = "stdin";
            } else {
                Path file = Path.of(arg);
                if (!Files.isRegularFile(file)) {
                    throw Failure.usage(arg + ": no such file (give a file, `-` for stdin, or the JSON body itself)");
                }
                json = Files.readString(file);
                where = arg;
            }
        } catch (IOException e) {
            throw Failure.usage("cannot read " + arg + ": " + e.getMessage());
        }
        TransactionBody body = parse(json, where, 0);
        checked(body, where);
        return body;
    }

    /** Every transaction of a .jsonl (.ndjson) or .csv file, in file order. */
    static List<TransactionBody> all(Path file) {
        if (!Files.isRegularFile(file)) {
            throw Failure.usage(file + ": no such transactions file");
        }
        String name = file.getFileName().toString().toLowerCase();
        try {
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return jsonLines(file);
            }
            if (name.endsWith(".csv")) {
                return csv(file);
            }
        } catch (IOException e) {
            throw Failure.usage("cannot read " + file + ": " + e.getMessage());
        }
        throw Failure.usage(file + ": a transactions file is .jsonl (one API body a line) or .csv (docs/cli.md)");
    }

    private static List<TransactionBody> jsonLines(Path file) throws IOException {
        List<TransactionBody> bodies = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                TransactionBody body = parse(line, file.toString(), number);
                checked(body, file + ":" + number);
                bodies.add(body);
            }
        }
        return bodies;
    }

    private static TransactionBody parse(String json, String where, int line) {
        try {
            return BODY.readValue(json);
        } catch (UnrecognizedPropertyException e) {
            throw Failure.usage(where + (line > 0 ? ":" + line : "") + ": unknown key `" + e.getPropertyName()
                    + "` at " + path(e) + "; the keys there are " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw Failure.usage(where + (line > 0 ? ":" + line : "") + ": " + e.getOriginalMessage());
        }
    }

    private static String path(UnrecognizedPropertyException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            s.append(r.getFieldName() != null ? (s.length() == 0 ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return s.toString();
    }

    private static void checked(TransactionBody body, String where) {
        List<String> missing = body.missing();
        if (!missing.isEmpty()) {
            throw Failure.usage(where + ": needs " + String.join(", ", missing));
        }
    }

    private static List<TransactionBody> csv(Path file) throws IOException {
        List<TransactionBody> bodies = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            List<List<String>> rows = Csv.read(in);
            if (rows.isEmpty()) {
                return bodies;
            }
            List<String> header = rows.get(0).stream().map(String::strip).toList();
            for (String column : header) {
                if (!CSV_COLUMNS.contains(column)) {
                    throw Failure.usage(file + ":1: unknown column `" + column + "`; the columns are "
                            + String.join(", ", CSV_COLUMNS));
                }
            }
            for (String required : Set.of("transactionId", "memberId", "occurredAt")) {
                if (!header.contains(required)) {
                    throw Failure.usage(file + ":1: needs a column `" + required + "`");
                }
            }
            String current = null;
            for (int r = 1; r < rows.size(); r++) {
                Map<String, String> row = new HashMap<>();
                List<String> cells = rows.get(r);
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                for (int c = 0; c < header.size(); c++) {
                    String value = c < cells.size() ? cells.get(c).strip() : "";
                    if (!value.isEmpty()) {
                        row.put(header.get(c), value);
                    }
                }
                String where = file + ":" + (r + 1);
                try {
                    TransactionBody.Line line = row.containsKey("sku") || row.containsKey("amount")
                            || row.containsKey("unitPrice") ? new TransactionBody.Line(row.get("sku"), row.get("category"),
                            row.containsKey("quantity") ? Integer.valueOf(row.get("quantity")) : null,
                            decimal(row.get("unitPrice")), decimal(row.get("amount"))) : null;
                    String id = row.get("transactionId");
                    if (line != null && id != null && id.equals(current) && !bodies.isEmpty()) {
                        TransactionBody last = bodies.get(bodies.size() - 1);
                        last.lines().add(line);
                        continue;
                    }
                    List<TransactionBody.Line> lines = new ArrayList<>();
                    if (line != null) {
                        lines.add(line);
                    }
                    String tier = row.get("tier");
                    TransactionBody body = new TransactionBody(id, row.get("memberId"),
                            row.containsKey("occurredAt") ? Instant.parse(row.get("occurredAt")) : null, row.get("channel"),
                            row.get("store"), row.get("currency"), decimal(row.get("total")), lines, row.get("type"),
                            null, tier == null ? null : new TransactionBody.MemberSnapshot(tier, null, null, null, null),
                            null);
                    checked(body, where);
                    bodies.add(body);
                    current = id;
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw Failure.usage(where + ": " + e.getMessage());
                }
            }
        }
        return bodies;
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
