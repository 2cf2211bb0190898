package io.jifen.admin.webhook;

import io.jifen.admin.config.JifenConfig;
import io.jifen.admin.shared.Rows;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers outbox events to merchant webhooks, at least once.
 *
 * <p>A round (1) claims due deliveries in one short transaction: {@code FOR UPDATE SKIP LOCKED} picks
 * rows no other instance is claiming, and their {@code next_attempt_at} moves to a lease (now +
 * connect timeout + request timeout + a margin), so they are no longer due for anyone and no row lock
 * is held while sending; (2) POSTs each event's payload, signed, all in parallel; (3) records each
 * outcome in a transaction of its own. A 2xx marks the delivery delivered; anything else (a status,
 * a timeout, a refused connection) schedules the next attempt after an exponential backoff with
 * jitter, and the last allowed attempt marks it failed. An instance that dies mid-round leaves its
 * claims to expire: the lease passes and another instance sends them again, which is why receivers
 * dedupe on {@code Jifen-Event-Id}. Outcomes are recorded only on the claim they belong to (the
 * attempt count read at claim time), so a late answer never overwrites a newer attempt.
 *
 * <p>All time decisions use the service's {@link Clock}.
 */
@ApplicationScoped
public class WebhookDispatcher {
    static final String USER_AGENT = "Jifen-Webhooks/1";
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final int MAX_ROUNDS_PER_POLL = 10;
    private static final int MAX_ERROR_LENGTH = 500;

    @Inject
    JifenConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookTargets targets;

    @Inject
    MeterRegistry metrics;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What one round did: deliveries claimed, and of those, delivered, to be retried, given up. */
    public record Round(int claimed, int delivered, int retrying, int failed) {
    }

    @Scheduled(identity = "webhook-dispatcher", every = "${jifen.webhooks.every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            // a full round suggests a backlog: go on, within limits, rather than wait for the next poll
            for (int i = 0; i < MAX_ROUNDS_PER_POLL; i++) {
                if (dispatchDue().claimed() < config.webhooks().batchSize()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "webhook dispatcher: round failed, retrying at the next poll");
        }
    }

    /** One round: claims what is due now, sends it, records the outcomes, and returns when all are recorded. */
    public Round dispatchDue() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(() -> claim(clock.instant()));
        if (claims.isEmpty()) {
            return new Round(0, 0, 0, 0);
        }
        List<CompletableFuture<Outcome>> sending = claims.stream().map(this::send).toList();
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            Outcome outcome = sending.get(i).join();
            String result = QuarkusTransaction.requiringNew().call(() -> record(claim, outcome, clock.instant()));
            metrics.counter("jifen.webhooks.deliveries", "outcome", result).increment();
            switch (result) {
                case "delivered" -> delivered++;
                case "retrying" -> retrying++;
                case "failed" -> failed++;
                default -> { } // superseded: the claim had expired and another attempt was recorded first
            }
        }
        return new Round(claims.size(), delivered, retrying, failed);
    }

    /** A claimed delivery with what sending it needs. */
    record Claim(long deliveryId, int attempts, long webhookId, String url, String secret, long eventId, String type,
                 String payload) {
    }

    /** How one attempt went: an HTTP status, or an error before any status. */
    record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    List<Claim> claim(Instant now) {
        JifenConfig.Webhooks c = config.webhooks();
        Instant lease = now.plus(c.connectTimeout()).plus(c.requestTimeout()).plus(LEASE_MARGIN);
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("""
                        with due as (
                            select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id
                            where d.delivered_at is null and d.failed_at is null and d.cancelled_at is null
                              and d.next_attempt_at <= ?1 and w.disabled_at is null
                            order by d.next_attempt_at, d.id
                            limit ?2
                            for update of d skip locked)
                        update webhook_delivery d set next_attempt_at = ?3
                        from due, webhook w, outbox_event e
                        where d.id = due.id and w.id = d.webhook_id and e.id = d.event_id
                        returning d.id as delivery_id, d.attempts, w.id as webhook_id, w.url, w.secret, e.id as event_id,
                            e.type, e.payload""", Tuple.class)
                .setParameter(1, now).setParameter(2, c.batchSize()).setParameter(3, lease));
        List<Claim> claims = new ArrayList<>(rows.size());
        for (Tuple r : rows) {
            claims.add(new Claim(Rows.longValue(r, "delivery_id"), Rows.intValue(r, "attempts"),
                    Rows.longValue(r, "webhook_id"), Rows.string(r, "url"), Rows.string(r, "secret"),
                    Rows.longValue(r, "event_id"), Rows.string(r, "type"), Rows.string(r, "payload")));
        }
        return claims;
    }

    CompletableFuture<Outcome> send(Claim claim) {
        JifenConfig.Webhooks c = config.webhooks();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(claim.url()))
                    .timeout(c.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("Jifen-Event-Id", Long.toString(claim.eventId()))
                    .header("Jifen-Event-Type", claim.type())
                    .header("Jifen-Timestamp", Long.toString(timestamp))
                    .header("Jifen-Signature", WebhookSignature.sign(claim.secret(), timestamp, claim.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(claim.payload(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "cannot send to this URL: " + e.getMessage()));
        }
        // resolved here, so a name that points (or was re-pointed) into a private network is never called
        Optional<String> refusal = targets.refusalBeforeDelivery(request.uri().getHost());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(null, "not sent: " + refusal.get()));
        }
        // the request timeout covers the response headers; this bounds the body as well
        long bound = c.connectTimeout().plus(c.requestTimeout()).toMillis();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(bound, TimeUnit.MILLISECONDS)
                .handle((response, error) -> response != null ? new Outcome(response.statusCode(), null)
                        : new Outcome(null, describe(error)));
    }

    /** Records an attempt's outcome on its claim; returns delivered, retrying, failed or superseded. */
    String record(Claim claim, Outcome outcome, Instant now) {
        JifenConfig.Webhooks c = config.webhooks();
        int attempt = claim.attempts() + 1;
        boolean delivered = outcome.delivered();
        boolean dead = !delivered && attempt >= c.maxAttempts();
        String error = delivered ? null : outcome.error() != null ? outcome.error() : "HTTP " + outcome.status();
        int updated = em.createNativeQuery("""
                        update webhook_delivery set attempts = ?3, last_status = cast(?4 as integer),
                            last_error = cast(?5 as text), delivered_at = cast(?6 as timestamptz),
                            failed_at = cast(?7 as timestamptz), next_attempt_at = ?8
                        where id = ?1 and attempts = ?2 and delivered_at is null and failed_at is null""")
                .setParameter(1, claim.deliveryId()).setParameter(2, claim.attempts()).setParameter(3, attempt)
                .setParameter(4, outcome.status()).setParameter(5, error)
                .setParameter(6, delivered ? now : null).setParameter(7, dead ? now : null)
                .setParameter(8, delivered || dead ? now : now.plus(backoff(attempt)))
                .executeUpdate();
        if (updated == 0) {
            return "superseded";
        }
        if (delivered) {
            Log.debugf("webhook %d: event %d (%s) delivered on attempt %d", claim.webhookId(), claim.eventId(),
                    claim.type(), attempt);
            return "delivered";
        }
        if (dead) {
            Log.infof("webhook %d: event %d (%s) given up after %d attempts, last: %s", claim.webhookId(),
                    claim.eventId(), claim.type(), attempt, error);
            return "failed";
        }
        Log.debugf("webhook %d: event %d (%s) attempt %d failed (%s), retrying", claim.webhookId(), claim.eventId(),
                claim.type(), attempt, error);
        return "retrying";
    }

    /** The wait after the {@code attempt}-th failure: base × 2^(attempt−1), capped, plus up to the jitter fraction. */
    Duration backoff(int attempt) {
        JifenConfig.Webhooks c = config.webhooks();
        long max = c.backoffMax().toMillis();
        long wait = c.backoffBase().toMillis();
        for (int i = 1; i < attempt && wait < max; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, max);
        long jitter = (long) (wait * c.jitter() * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(wait + jitter);
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause instanceof TimeoutException ? "timed out"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
