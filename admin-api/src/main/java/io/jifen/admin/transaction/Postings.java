package io.jifen.admin.transaction;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** How a posting is answered: 201 when posted now, 200 with {@value #REPLAYED} when it repeats a stored result. */
final class Postings {
    static final String REPLAYED = "Idempotent-Replayed";

    private Postings() {
    }

    static Response respond(PostingService.Posting posting) {
        Response.ResponseBuilder response = Response.status(posting.replayed() ? 200 : 201)
                .entity(posting.body()).type(MediaType.APPLICATION_JSON);
        if (posting.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
