package io.jifen.admin.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jifen.admin.ledger.TransactionKind;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.transaction.EvaluationInputs;
import io.jifen.admin.transaction.StoredContext;
import io.jifen.admin.transaction.TransactionModels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Turns a streamed row into what the replay evaluates, with the code postings use: the stored request
 * read as the API's request type and mapped by {@link EvaluationInputs}, the stored context as
 * {@link StoredContext}, the stored result as {@link PostedResult}. Thread-safe (Jackson's readers are),
 * so it can run on the thread that reads the stream while others evaluate.
 */
final class RowParser {
    private final Merchant merchant;
    private final boolean results;
    private final Instant from;
    private final Instant to;
    private final ObjectReader contexts;
    private final ObjectReader purchases;
    private final ObjectReader events;

    RowParser(Merchant merchant, ObjectMapper json, boolean results, Instant from, Instant to) {
        this.merchant = merchant;
        this.results = results;
        this.from = from;
        this.to = to;
        this.contexts = json.readerFor(StoredContext.class);
        this.purchases = json.readerFor(TransactionModels.PurchaseRequest.class);
        this.events = json.readerFor(TransactionModels.EventRequest.class);
    }

    /** Purchases and events that occurred in [from, to) are replayed; refunds and the rest of the days only count. */
    boolean inWindow(TransactionKind kind, Instant occurredAt) {
        return kind != TransactionKind.REFUND && !occurredAt.isBefore(from) && occurredAt.isBefore(to);
    }

    Replay.Row row(long id, TransactionKind kind, long memberId, Instant occurredAt, long totalPoints, BigDecimal amount,
                   String externalId, String payload, String context, String result) {
        boolean inWindow = inWindow(kind, occurredAt);
        Replay.Parsed parsed = null;
        if (inWindow && payload != null && context != null) {
            try {
                StoredContext stored = contexts.readValue(context);
                PostedResult posted = results ? PostedResult.parse(result) : null;
                try {
                    Object fact = kind == TransactionKind.PURCHASE
                            ? EvaluationInputs.purchase(merchant, purchases.readValue(payload))
                            : EvaluationInputs.event(merchant, events.readValue(payload));
                    parsed = new Replay.Parsed(stored, fact, posted, null);
                } catch (ProblemException refused) {
                    parsed = new Replay.Parsed(stored, null, posted, refused.getMessage());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("transaction " + externalId + ": what was stored with it cannot be read", e);
            }
        }
        return new Replay.Row(id, kind, memberId, occurredAt, totalPoints, amount, externalId, inWindow, parsed);
    }
}
