package org.ombc.cds.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Makes an embedded H2 file database keep what it acknowledged: H2 writes committed transactions to its file in the
 * background, {@code WRITE_DELAY} (500 ms) later, so a process killed within that window loses them (measured: 8 of
 * 10 committed rows gone after {@code kill -9}). With {@code WRITE_DELAY=0} every commit is written to the file
 * before it returns, and survives the process. Applied to every H2 URL that is not in memory, whatever the user set.
 */
final class DurableH2 implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DurableH2.class);
    private static final Pattern WRITE_DELAY = Pattern.compile(";\\s*WRITE_DELAY\\s*=\\s*([^;]*)", Pattern.CASE_INSENSITIVE);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            String url = hikari.getJdbcUrl();
            String durable = durableUrl(url);
            if (!durable.equals(url)) {
                hikari.setJdbcUrl(durable);
            }
        }
        return bean;
    }

    /** The URL with {@code WRITE_DELAY=0} for an H2 database on disk; any other URL unchanged. */
    static String durableUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || inMemory(lower)) {
            return url;
        }
        Matcher given = WRITE_DELAY.matcher(url);
        while (given.find()) {
            if (!"0".equals(given.group(1).trim())) {
                log.warn("H2 WRITE_DELAY={} in the datasource URL replaced by 0: acknowledged writes must survive a crash",
                        given.group(1).trim());
            }
        }
        return WRITE_DELAY.matcher(url).replaceAll("") + ";WRITE_DELAY=0";
    }

    private static boolean inMemory(String lowerUrl) {
        String path = lowerUrl.substring("jdbc:h2:".length());
        int settings = path.indexOf(';');
        path = settings >= 0 ? path.substring(0, settings) : path;
        return path.startsWith("mem:") || path.contains("/mem:");
    }
}
