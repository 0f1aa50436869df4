package org.ombc.cds.audit;

/** The database cannot be reached: feedback is answered 503 so that the client retries. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(Throwable cause) {
        super("Feedback storage is unavailable; retry later.", cause);
    }
}
