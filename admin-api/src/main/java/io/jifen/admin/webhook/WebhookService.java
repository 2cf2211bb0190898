package io.jifen.admin.webhook;

import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Registers, lists and disables a merchant's webhooks; every change is audited in its transaction. */
@ApplicationScoped
public class WebhookService {
    @Inject
    WebhookTargets targets;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callerContext;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** A new webhook and its secret, which the API shows only this once. */
    public record Created(Webhook webhook, String secret) {
    }

    /** A delivery, the type of its event, and whether its webhook is disabled. */
    public record DeliveryRow(WebhookDelivery delivery, String eventType, boolean webhookDisabled) {
    }

    @Transactional
    public Created create(long merchantId, WebhookModels.WebhookRequest request) {
        Webhook w = new Webhook();
        w.merchantId = merchantId;
        URI url = validUrl(request.url());
        Optional<String> refusal = targets.refusalAtRegistration(WebhookTargets.hostOf(url));
        if (refusal.isPresent()) {
            throw ProblemException.invalidField("url", "must reach a public address: " + refusal.get());
        }
        if (url.getHost() == null) { // after the check: 0x7f.0.0.1 is no host to java.net.URI, but is to others
            throw ProblemException.invalidField("url", "must name a host");
        }
        w.url = url.toString();
        w.eventTypes = validTypes(request.eventTypes());
        w.secret = WebhookSignature.newSecret();
        w.createdAt = clock.instant();
        w.createdBy = callerContext.caller().keyId();
        w.persist();
        audit.record(merchantId, "webhook.created", "webhook/" + w.id, "url=" + w.url + ", eventTypes=" + w.eventTypes);
        return new Created(w, w.secret);
    }

    /** A page of the merchant's webhooks, oldest first. */
    public Page<Webhook> webhooksOf(long merchantId, int limit, String cursor) {
        Long after = Cursor.decodeLong(cursor);
        List<Webhook> rows = Webhook.<Webhook>find("merchantId = ?1 and id > ?2 order by id", merchantId,
                after == null ? 0L : after).range(0, limit).list();
        return Page.of(rows, limit, w -> String.valueOf(w.id));
    }

    /**
     * Disables the webhook: no new deliveries are created for it, and its pending ones are cancelled
     * (one already on its way may still arrive). Disabling a disabled webhook changes nothing.
     */
    @Transactional
    public void disable(long merchantId, String id) {
        Webhook w = find(merchantId, id);
        if (w.disabledAt != null) {
            return;
        }
        Instant now = clock.instant();
        w.disabledAt = now;
        int cancelled = em.createNativeQuery("update webhook_delivery set cancelled_at = ?2 where webhook_id = ?1"
                        + " and delivered_at is null and failed_at is null and cancelled_at is null")
                .setParameter(1, w.id).setParameter(2, now).executeUpdate();
        audit.record(merchantId, "webhook.disabled", "webhook/" + w.id, "url=" + w.url + ", cancelledDeliveries=" + cancelled);
    }

    /** A page of the webhook's deliveries, newest first (down webhook_delivery_by_webhook). */
    public Page<DeliveryRow> deliveries(long merchantId, String id, int limit, String cursor) {
        Webhook w = find(merchantId, id);
        Long before = Cursor.decodeLong(cursor);
        Page<WebhookDelivery> page = Page.of(WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 and id < ?2 order by id desc",
                w.id, before == null ? Long.MAX_VALUE : before).range(0, limit).list(), limit, d -> String.valueOf(d.id));
        Map<Long, String> types = new HashMap<>();
        if (!page.items().isEmpty()) {
            Rows.tuples(em.createNativeQuery("select id, type from outbox_event where id in (?1)", Tuple.class)
                    .setParameter(1, page.items().stream().map(d -> d.eventId).distinct().toList()))
                    .forEach(r -> types.put(Rows.longValue(r, "id"), Rows.string(r, "type")));
        }
        return page.map(d -> new DeliveryRow(d, types.get(d.eventId), w.disabledAt != null));
    }

    private static Webhook find(long merchantId, String id) {
        Webhook w = null;
        try {
            w = Webhook.findById(Long.parseLong(id));
        } catch (NumberFormatException ignored) {
            // not an id: not found either
        }
        if (w == null || w.merchantId != merchantId) {
            throw ProblemException.notFound("webhook `" + id + "`");
        }
        return w;
    }

    /** The URL, checked for everything but its host's address; the host may still be missing. */
    static URI validUrl(String url) {
        String candidate = url.strip();
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("url", "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.invalidField("url", "must be an absolute http or https URL");
        }
        if (WebhookTargets.hostOf(uri) == null) {
            throw ProblemException.invalidField("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalidField("url", "must not carry credentials; verify the Jifen-Signature header instead");
        }
        if (uri.getRawFragment() != null) {
            throw ProblemException.invalidField("url", "must not have a fragment");
        }
        return uri;
    }

    static String validTypes(List<String> requested) {
        if (requested == null || requested.equals(List.of(Webhook.ALL_TYPES))) {
            return Webhook.ALL_TYPES;
        }
        if (requested.isEmpty()) {
            throw ProblemException.invalidField("eventTypes", "must name at least one event type, or be left out for all");
        }
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null || !DomainEvent.TYPES.contains(type)) {
                throw ProblemException.invalidField("eventTypes[" + i + "]",
                        "is not an event type; one of " + String.join(", ", DomainEvent.TYPES));
            }
            types.add(type);
        }
        return String.join(",", types);
    }
}
