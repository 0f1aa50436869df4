package org.ombc.cds.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed links to a card's full-evidence page. A browser opened from the EHR carries no token, so the URL is the
 * capability: the card's random uuid (122 random bits) and an HMAC-SHA256 of it under a server secret. Without the
 * secret nobody can make a valid link for a uuid; a tampered uuid or signature fails the check.
 *
 * <p>The secret comes from {@code ombc.audit.card-link-secret}, else from the database (made once, like the
 * patient-hash salt). It is loaded in the background: a hook never waits on the database for it, and a card
 * issued before it is known simply carries no page link.
 */
public final class CardLinks {

    private static final Logger log = LoggerFactory.getLogger(CardLinks.class);
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final AtomicReference<byte[]> secret = new AtomicReference<>();
    private final AtomicBoolean loading = new AtomicBoolean();
    private final Supplier<String> source;
    private final Executor loader;

    /**
     * @param source where the secret comes from (may block on the database)
     * @param loader runs {@code source} off the request thread
     */
    public CardLinks(Supplier<String> source, Executor loader) {
        this.source = source;
        this.loader = loader;
    }

    /** Starts loading the secret if it is not known yet; never blocks. */
    public void prepare() {
        if (secret.get() != null || !loading.compareAndSet(false, true)) {
            return;
        }
        try {
            loader.execute(() -> {
                try {
                    secret.compareAndSet(null, source.get().getBytes(StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    log.warn(
                            "card-link secret not available yet: {}",
                            e.getClass().getSimpleName());
                } finally {
                    loading.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            loading.set(false);
        }
    }

    /**
     * Starts loading and waits up to {@code wait} for the secret (at start-up, so that the first cards already
     * carry their link); returns whether it is known. Never needed for correctness: cards before it lack the link.
     */
    public boolean prepareAndWait(java.time.Duration wait) {
        prepare();
        long deadline = System.nanoTime() + wait.toNanos();
        while (secret.get() == null && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
            if (!loading.get()) {
                prepare();
            }
        }
        return secret.get() != null;
    }

    /** The signature of a card uuid, or empty while the secret is not known (loading is started). */
    public Optional<String> sign(String uuid) {
        byte[] key = secret.get();
        if (key == null) {
            prepare();
            return Optional.empty();
        }
        return Optional.of(hmac(key, uuid));
    }

    /** True only for a well-formed uuid whose signature is the one this server made. Constant-time compare. */
    public boolean verify(String uuid, @Nullable String signature) {
        byte[] key = secret.get();
        if (key == null) {
            prepare();
            return false;
        }
        if (uuid == null || signature == null || !UUID.matcher(uuid).matches()) {
            return false;
        }
        return MessageDigest.isEqual(
                hmac(key, uuid).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(byte[] key, String uuid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal(("ombc-card-page\n" + uuid).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
