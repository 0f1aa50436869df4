package org.ombc.cds.cdshooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each call's outcome by codes only: no patient id, name, date or resource content. */
public final class LoggingHookCallRecorder implements HookCallRecorder {

    private static final Logger log = LoggerFactory.getLogger(LoggingHookCallRecorder.class);

    @Override
    public void record(String serviceId, CdsHooksModel.Request request, PatientViewService.Outcome outcome,
                       long latencyNanos) {
        log.info("hook {} {} answered {} card(s) in {} ms: oligometastatic={} recommendations={}", serviceId,
                request.hookInstance(), outcome.cards().size(), latencyNanos / 1_000_000,
                outcome.assessment().oligometastatic() == null ? "n/a" : outcome.assessment().oligometastatic().code(),
                outcome.assessment().recommendations().stream().map(r -> r.code()).toList());
    }
}
