package io.jifen.engine.safety;

/** A token of a constraint or consequence; {@code line} counts from 0 within the fragment. */
record CodeToken(Kind kind, String text, int line) {
    enum Kind { IDENTIFIER, LITERAL, SYMBOL }

    boolean is(String symbol) {
        return text.equals(symbol) && kind != Kind.LITERAL;
    }
}
