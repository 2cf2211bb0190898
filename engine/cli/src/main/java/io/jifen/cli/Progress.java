package io.jifen.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long runs (scenarios of {@code test}, transactions of {@code simulate}):
 * drawn only when stderr is a terminal and the answer is text, so pipes, files and {@code --json} get
 * none. Whether stderr is a terminal is told by the launcher ({@code -Djifen.stderr.terminal}, from
 * {@code [ -t 2 ]}); run with {@code java -jar}, the JVM's console stands in for it.
 */
public final class Progress implements AutoCloseable {
    /** Fewer steps than this finish before a bar would say anything. */
    static final long SHOWN_FROM = 500;

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress of(String task, long total, boolean drawn) {
        if (!drawn || total < SHOWN_FROM) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build());
    }

    static boolean stderrIsATerminal() {
        String told = System.getProperty("jifen.stderr.terminal");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    public boolean drawn() {
        return bar != null;
    }

    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
