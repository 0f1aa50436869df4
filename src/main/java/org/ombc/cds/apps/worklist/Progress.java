package org.ombc.cds.apps.worklist;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Progress lines on stderr while charts are assessed: patients done and patients per second, every few seconds. */
final class Progress {

    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final long every;
    private final long start;
    private long lastReport;

    Progress(PrintStream err, LongSupplier nanoTime, Duration every) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.every = every.toNanos();
        this.start = nanoTime.getAsLong();
        this.lastReport = start;
    }

    /** Called after each bucket of patients; prints at most once per interval. */
    void patientsDone(long patients) {
        long now = nanoTime.getAsLong();
        if (now - lastReport >= every) {
            lastReport = now;
            err.println(String.format(Locale.ROOT, "worklist: %d patients, %.0f patients/s", patients, rate(patients)));
        }
    }

    /** A phase begins: said at once, and the next progress line comes a full interval later. */
    void phase(String what) {
        err.println("worklist: " + what);
        lastReport = nanoTime.getAsLong();
    }

    double rate(long patients) {
        double seconds = seconds();
        return seconds > 0 ? patients / seconds : 0;
    }

    double seconds() {
        return (nanoTime.getAsLong() - start) / 1e9;
    }
}
