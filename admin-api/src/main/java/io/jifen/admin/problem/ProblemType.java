package io.jifen.admin.problem;

/**
 * The catalogue of problem types: every {@code type} the API answers with, its HTTP status and its
 * title. The slugs are public identifiers documented in docs/api.md ("Problem types") and must never
 * change; ProblemTypeCatalogueTest holds this list and the document to each other, and gives each
 * slug a title of its own ("Conflict" alone would tell a client nothing). A throw site names
 * a constant, so it cannot invent a type or give a known type another status or title.
 *
 * <p>One slug has two constants: {@code rule-set-too-slow} is 422 for an upload (the files are at
 * fault) and 503 for a stored version that cannot be compiled in time now (the load is).
 */
public enum ProblemType {
    // every request can meet these: access, protocol and input
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter"),
    INVALID_REQUEST("invalid-request", 422, "Invalid request"),
    URI_TOO_LONG("uri-too-long", 414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),

    // rule sets, suites and activations
    RULE_SET_REJECTED("rule-set-rejected", 422, "Rule set rejected"),
    /** An upload whose compile ran past the limit: the rule set is too large. */
    RULE_SET_TOO_SLOW("rule-set-too-slow", 422, "Rule set too slow to compile"),
    /** A stored version that compiled in time before cannot now: the machine's load, retry later. */
    RULE_SET_TOO_SLOW_NOW("rule-set-too-slow", 503, "Rule set too slow to compile"),
    COMPILER_BUSY("compiler-busy", 503, "Compiler busy"),
    PREVIEW_BUSY("preview-busy", 503, "Preview busy"),
    INVALID_SUITE("invalid-suite", 422, "Invalid suite"),
    SUITE_GATE("suite-gate", 409, "Stored suites fail"),
    NO_ACTIVE_RULE_VERSION("no-active-rule-version", 409, "No active rule version"),
    ACTIVATION_IN_EFFECT("activation-in-effect", 409, "Activation in effect"),
    NO_PENDING_ACTIVATION("no-pending-activation", 409, "No pending activation"),
    RULE_EVALUATION_FAILED("rule-evaluation-failed", 422, "Rule evaluation failed"),

    // merchants, members and the ledger
    MERCHANT_EXISTS("merchant-exists", 409, "Merchant exists"),
    TRANSACTION_ID_REUSED("transaction-id-reused", 409, "Transaction id reused"),
    INSUFFICIENT_POINTS("insufficient-points", 409, "Insufficient points"),
    MEMBER_FROZEN("member-frozen", 409, "Member frozen"),
    TRANSFERS_DISABLED("transfers-disabled", 409, "Transfers disabled"),
    ACCOUNT_CAP("account-cap", 409, "Account cap reached"),
    ALREADY_CANCELLED("already-cancelled", 409, "Already cancelled"),
    ALREADY_REFUNDED("already-refunded", 409, "Already refunded"),
    REFUND_NOT_REEVALUABLE("refund-not-reevaluable", 409, "Refund not re-evaluable"),

    // the points mall
    ITEM_EXISTS("item-exists", 409, "Item exists"),
    ITEM_NOT_AVAILABLE("item-not-available", 409, "Item not available"),
    OUT_OF_STOCK("out-of-stock", 409, "Out of stock"),
    OUT_OF_CODES("out-of-codes", 409, "Out of codes"),
    LIMIT_REACHED("limit-reached", 409, "Limit reached"),
    PRICE_CHANGED("price-changed", 409, "Price changed"),
    NOT_CANCELLABLE("not-cancellable", 409, "Not cancellable"),
    INVALID_STATUS("invalid-status", 409, "Invalid status"),
    INSUFFICIENT_STOCK("insufficient-stock", 409, "Insufficient stock"),
    STOCK_UNLIMITED("stock-unlimited", 409, "Stock unlimited"),
    NO_CODE_POOL("no-code-pool", 409, "No code pool"),

    // simulations
    SIMULATION_IN_PROGRESS("simulation-in-progress", 409, "Simulation in progress"),
    SIMULATION_FINISHED("simulation-finished", 409, "Simulation finished"),
    REPORT_NOT_AVAILABLE("report-not-available", 409, "Report not available"),

    // campaigns
    CAMPAIGN_EXISTS("campaign-exists", 409, "Campaign exists");

    /** What every type URI starts with. */
    public static final String BASE = "https://jifen.io/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The URI's last segment, as docs/api.md lists it ({@code member-frozen}). */
    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem's {@code type} member. */
    public String uri() {
        return BASE + slug;
    }
}
