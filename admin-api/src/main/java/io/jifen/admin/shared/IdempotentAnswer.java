package io.jifen.admin.shared;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer of an operation that is idempotent by its id (a posting, refund, adjustment, debit,
 * transfer, redemption, cancellation): the JSON body, and whether it repeats a stored result.
 */
public record IdempotentAnswer(String body, boolean replayed) {
    public static final String REPLAYED = "Idempotent-Replayed";

    /** 201 when the operation ran now, 200 with {@value #REPLAYED} when it repeats a stored result. */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(replayed ? 200 : 201).entity(body)
                .type(MediaType.APPLICATION_JSON);
        if (replayed) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
