package io.jifen.admin.problem;

/**
 * Problem type URIs: stable identifiers documented in docs/api.md. The types every request can meet
 * (bad input, protocol errors) are named here; the domain's own conflict types are named where they
 * are raised.
 */
public final class ProblemTypes {
    public static final String BASE = "https://jifen.io/problems/";

    /** 400: the body is not JSON, is missing, has an unknown field or a value of the wrong type. */
    public static final String MALFORMED_REQUEST = "malformed-request";
    /** 400: a path or query parameter is not of its type, out of its range, or holds a NUL character. */
    public static final String INVALID_PARAMETER = "invalid-parameter";
    /** 422: a field of the body is invalid. */
    public static final String INVALID_REQUEST = "invalid-request";
    /** 414: the request's path and query are longer than the service reads. */
    public static final String URI_TOO_LONG = "uri-too-long";
    /** 413: the body is longer than the service reads. */
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    /** 415: the body is in a content type the endpoint does not read. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    /** 406: the endpoint cannot answer in any type the Accept header allows. */
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    /** 405: the path exists but not with this method. */
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    /** 404. */
    public static final String NOT_FOUND = "not-found";
    /** 403: the key's role may not do this, or the operation declares no role at all. */
    public static final String FORBIDDEN = "forbidden";

    private ProblemTypes() {
    }

    public static String uri(String type) {
        return BASE + type;
    }
}
