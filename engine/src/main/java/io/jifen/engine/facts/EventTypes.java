package io.jifen.engine.facts;

/**
 * The member event types Jifen knows by name. A merchant may send any other upper-case type; rules
 * match event types as plain strings, so a custom type needs no code change.
 */
public final class EventTypes {
    public static final String REGISTER = "REGISTER";
    public static final String PROFILE_COMPLETED = "PROFILE_COMPLETED";
    public static final String SHARE = "SHARE";
    public static final String SHARE_CONVERTED = "SHARE_CONVERTED";
    public static final String REVIEW = "REVIEW";
    public static final String SURVEY = "SURVEY";
    public static final String LESSON_WATCHED = "LESSON_WATCHED";
    public static final String HOMEWORK_DONE = "HOMEWORK_DONE";
    public static final String INVITE = "INVITE";

    private EventTypes() {
    }
}
