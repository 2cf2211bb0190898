package io.jifen.admin.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jifen.admin.shared.JsonText;

/**
 * The one way an event becomes the JSON body merchants' webhooks receive: {@code type}, {@code merchant},
 * then the event record's fields in their declared order.
 */
public final class EventJson {
    private EventJson() {
    }

    public static String payload(ObjectMapper json, String merchantCode, DomainEvent event) {
        ObjectNode body = json.createObjectNode();
        body.put("type", event.type());
        body.put("merchant", merchantCode);
        body.setAll((ObjectNode) json.valueToTree(event));
        return JsonText.write(json, body);
    }
}
