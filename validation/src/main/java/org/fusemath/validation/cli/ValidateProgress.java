package org.fusemath.validation.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.fusemath.validation.harness.CaseOutcome;
import org.fusemath.validation.harness.CaseStatus;

/**
 * How {@code fusemath validate} shows its progress: a progress bar on a terminal, a plain line every tenth of the
 * run (and at the end) when the output is a file or a pipe, or nothing. Used by one thread at a time.
 */
interface ValidateProgress extends AutoCloseable {
    /** One case has completed. */
    void completed(CaseOutcome outcome);

    /** The run is over: the bar is removed (or the last line printed). */
    @Override
    void close();

    /** Nothing shown. */
    static ValidateProgress none() {
        return new ValidateProgress() {
            @Override
            public void completed(CaseOutcome outcome) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A progress bar over {@code total} cases on {@code terminal} (me.tongfei:progressbar). */
    static ValidateProgress bar(PrintStream terminal, int total) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName("validate").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(terminal)).setUnit(" cases", 1).build();
        return new ValidateProgress() {
            private int failed;

            @Override
            public void completed(CaseOutcome o) {
                if (o.status() == CaseStatus.FAIL) {
                    failed++;
                }
                // A fixed width keeps the bar from changing length as the names do.
                String text = failed == 0 ? o.op() : failed + " FAILED " + o.op();
                bar.setExtraMessage(String.format(java.util.Locale.ROOT, " %-28.28s", text));
                bar.step();
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** {@code validate: 44/436 cases (10%), 0 failed, 2.1 s} every tenth of {@code total} and at the end. */
    static ValidateProgress lines(PrintWriter out, int total) {
        long start = System.nanoTime();
        return new ValidateProgress() {
            private int done;
            private int failed;
            private int lastTenth;

            @Override
            public void completed(CaseOutcome o) {
                done++;
                if (o.status() == CaseStatus.FAIL) {
                    failed++;
                }
                int tenth = total == 0 ? 10 : (int) (10L * done / total);
                if (tenth > lastTenth && done < total) {
                    lastTenth = tenth;
                    print();
                }
            }

            private void print() {
                out.printf(Locale.ROOT, "validate: %d/%d cases (%d%%), %d failed, %.1f s%n", done, total,
                        total == 0 ? 100 : 100L * done / total, failed, Duration.ofNanos(System.nanoTime() - start).toMillis() / 1e3);
                out.flush();
            }

            @Override
            public void close() {
                print();
            }
        };
    }
}
