package org.ombc.cds.apps.worklist;

/**
 * Why a Bulk Data export gave no worklist; each is a clear error of {@code POST /ombc/worklist}. The EHR's own
 * failures are 502 (we are a client of it there); a URL we may not call is the caller's error, 400.
 */
public enum ExportFailure {
    NOT_ALLOWED(400, "not-allowed", "the URL is not in ombc.fhir.allowed-servers"),
    REFUSED(502, "export-refused", "the FHIR server refused the export kick-off"),
    FAILED(502, "export-failed", "the FHIR server reported the export as failed"),
    TOO_LARGE(502, "too-large", "an answer or a file of the export is larger than allowed"),
    TIMEOUT(502, "timeout", "the FHIR server did not answer, or did not finish the export, in time"),
    UNREACHABLE(502, "connection-error", "the FHIR server could not be reached"),
    NOT_BULK_DATA(502, "not-bulk-data", "the FHIR server's answer is not a Bulk Data answer"),
    UNAUTHORIZED(502, "unauthorized", "SMART Backend Services authorization failed");

    private final int status;
    private final String code;
    private final String description;

    ExportFailure(int status, String code, String description) {
        this.status = status;
        this.code = code;
        this.description = description;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The failure with what happened: status codes and URLs of the EHR, never patient content. */
    public static final class ExportException extends Exception {
        private final ExportFailure failure;

        public ExportException(ExportFailure failure, String detail) {
            super(failure.description() + ": " + detail);
            this.failure = failure;
        }

        public ExportFailure failure() {
            return failure;
        }
    }
}
