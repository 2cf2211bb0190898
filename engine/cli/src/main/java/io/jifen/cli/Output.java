package io.jifen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * How a command answers: human text on stdout by default, one JSON document with {@code --json};
 * problems and the progress bar go to stderr, so stdout stays what a script reads.
 */
public final class Output {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--json", description = "Answer with one JSON document on stdout instead of text (no progress bar).")
    boolean json;

    public boolean json() {
        return json;
    }

    public PrintWriter out() {
        return command.commandLine().getOut();
    }

    public PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Prints text, unless the answer is JSON. */
    public void text(String s) {
        if (!json) {
            out().print(s);
            out().flush();
        }
    }

    public void line(String s) {
        text(s + System.lineSeparator());
    }

    /** Prints the JSON document, when the answer is JSON. */
    public void document(Object value) {
        if (json) {
            try {
                out().println(JSON.writeValueAsString(value));
            } catch (Exception e) {
                throw new IllegalStateException("cannot write the answer as JSON", e);
            }
            out().flush();
        }
    }

    /** A progress bar on stderr for {@code total} steps: drawn only for text answers on a terminal. */
    public Progress progress(String task, long total) {
        return Progress.of(task, total, !json && Progress.stderrIsATerminal());
    }
}
