package org.ombc.cds.chart.fetch;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.jspecify.annotations.Nullable;

/**
 * Whether a search result is the whole result (clinical-rules 8, "Incomplete data"): a searchset Bundle with a
 * {@code next} link, or whose {@code total} exceeds the matches it holds, is one page of a longer answer.
 */
final class SearchPages {

    private SearchPages() {}

    /** The {@code next} link of a searchset Bundle, or null. */
    static @Nullable String next(IBaseResource parsed) {
        if (parsed instanceof Bundle bundle
                && bundle.getLink(Bundle.LINK_NEXT) != null
                && bundle.getLink(Bundle.LINK_NEXT).hasUrl()) {
            return bundle.getLink(Bundle.LINK_NEXT).getUrl();
        }
        return null;
    }

    /** {@code Bundle.total}, or null when the server did not say. */
    static @Nullable Integer total(IBaseResource parsed) {
        // An unreadable total ("many") is kept as text without a value: it says nothing.
        return parsed instanceof Bundle bundle && bundle.hasTotalElement()
                ? bundle.getTotalElement().getValue()
                : null;
    }

    /**
     * Entries that are search matches: {@code total} counts these only (included resources and outcome messages
     * are not matches). An entry without a search mode counts as a match.
     */
    static int matches(IBaseResource parsed) {
        if (!(parsed instanceof Bundle bundle)) {
            return 0;
        }
        int n = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Bundle.SearchEntryMode mode = entry.getSearch().getMode();
            if (entry.getResource() != null && (mode == null || mode == Bundle.SearchEntryMode.MATCH)) {
                n++;
            }
        }
        return n;
    }

    /** A searchset page that is not the whole result. */
    static boolean isIncomplete(IBaseResource parsed) {
        // A Bundle that does not say its type is judged like a searchset: paging links mean the same there.
        if (!(parsed instanceof Bundle bundle)
                || (bundle.getType() != Bundle.BundleType.SEARCHSET && bundle.getType() != null)) {
            return false;
        }
        Integer total = total(parsed);
        return next(parsed) != null || (total != null && total > matches(parsed));
    }
}
