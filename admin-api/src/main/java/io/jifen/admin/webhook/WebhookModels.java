package io.jifen.admin.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** API models for webhooks: the signing secret appears only in the creation response. */
public final class WebhookModels {
    private WebhookModels() {
    }

    /** {@code eventTypes} absent (or {@code ["*"]}): every type, including types added later. */
    public record WebhookRequest(@NotBlank @Size(max = 2000) String url, List<String> eventTypes) {
    }

    public record CreatedWebhookView(long id, String url, List<String> eventTypes, String secret, Instant createdAt,
                                     String notice) {
        static CreatedWebhookView of(WebhookService.Created created) {
            Webhook w = created.webhook();
            return new CreatedWebhookView(w.id, w.url, typesOf(w), created.secret(), w.createdAt,
                    "store the secret now: it is shown once; it verifies the Jifen-Signature header of every delivery");
        }
    }

    public record WebhookView(long id, String url, List<String> eventTypes, Instant createdAt, String createdBy,
                              Instant disabledAt) {
        static WebhookView of(Webhook w) {
            return new WebhookView(w.id, w.url, typesOf(w), w.createdAt, w.createdBy, w.disabledAt);
        }
    }

    /** One delivery: its event, how many attempts it took, and how it ended (or when it is tried next). */
    public record DeliveryView(long id, long eventId, String eventType, String status, int attempts,
                               Instant nextAttemptAt, Instant deliveredAt, Instant failedAt, Instant cancelledAt,
                               Integer lastStatus, String lastError) {
        static DeliveryView of(WebhookDelivery d, String eventType, boolean webhookDisabled) {
            String status = d.status(webhookDisabled);
            boolean pending = "PENDING".equals(status);
            return new DeliveryView(d.id, d.eventId, eventType, status, d.attempts,
                    pending ? d.nextAttemptAt : null, d.deliveredAt, d.failedAt, d.cancelledAt, d.lastStatus,
                    d.lastError);
        }
    }

    static List<String> typesOf(Webhook w) {
        return Arrays.asList(w.eventTypes.split(","));
    }
}
