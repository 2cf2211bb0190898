package io.jifen.admin.simulation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.Phase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ledger recorded for a posted purchase or event, read from the result stored with it
 * ({@code loyalty_transaction.result}, the answer the integrator got). That result and the ledger entries
 * are written by one statement from one list of awards (Ledger.post: an entry per non-zero award, CAP
 * awards included), so its awards are the entries' rules, families, reasons and points
 * (SimulationFiguresTest checks the two agree). Read with a streaming parser: only the awards and the
 * balances are needed.
 *
 * @param balance balance after the posting; {@code pending} pending after it; {@code held} whether its
 *                points went to pending
 */
record PostedResult(List<Award> awards, long balance, long pending, boolean held) {
    private static final JsonFactory JSON = new JsonFactory();

    static PostedResult parse(String result) {
        List<Award> awards = new ArrayList<>();
        long balance = 0;
        long pending = 0;
        boolean held = false;
        try (JsonParser p = JSON.createParser(result)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a stored result is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "awards" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            awards.add(award(p));
                        }
                    }
                    case "balance" -> balance = value == JsonToken.VALUE_NULL ? 0 : p.getLongValue();
                    case "pending" -> pending = value == JsonToken.VALUE_NULL ? 0 : p.getLongValue();
                    case "heldUntil" -> held = value != JsonToken.VALUE_NULL;
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored result cannot be read", e);
        }
        return new PostedResult(awards, balance, pending, held);
    }

    private static Award award(JsonParser p) throws IOException {
        String rule = null;
        String phase = null;
        String family = null;
        String reason = null;
        long points = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "rule" -> rule = p.getValueAsString();
                case "phase" -> phase = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                case "family" -> family = p.getValueAsString();
                case "reason" -> reason = p.getValueAsString();
                case "points" -> points = p.getLongValue();
                default -> p.skipChildren();
            }
        }
        return new Award(rule, phase == null ? null : Phase.ofAgendaGroup(phase).orElse(null), family, points, reason);
    }
}
