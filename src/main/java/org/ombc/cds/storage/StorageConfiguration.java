package org.ombc.cds.storage;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every store of the service shares: acknowledged commits made durable on the configured database. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    DurableCommits durableCommits(JdbcTemplate jdbc, DataSourceProperties dataSource) {
        return new DurableCommits(jdbc, dataSource.determineUrl());
    }

    /** SQLite reads its own migrations (db/sqlite): the same schema, in its syntax for identity columns. */
    @Bean
    FlywayConfigurationCustomizer sqliteMigrations(DataSourceProperties dataSource) {
        return configuration -> {
            String url = dataSource.determineUrl();
            if (DatabaseUrls.isSqlite(url)) {
                SqliteSettings.prepare(url);
                configuration.locations("classpath:db/sqlite");
            }
        };
    }

    /**
     * On SQLite, a unique-key violation becomes {@link org.springframework.dao.DuplicateKeyException} as on the
     * other stores: the replay guard and idempotent feedback rely on it.
     */
    @Bean
    static BeanPostProcessor sqliteDuplicateKeys(org.springframework.core.env.Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                String url = environment.getProperty("spring.datasource.url", "");
                if (bean instanceof JdbcTemplate jdbc && DatabaseUrls.isSqlite(url)) {
                    jdbc.setExceptionTranslator(new SqliteExceptionTranslator(jdbc.getExceptionTranslator()));
                }
                return bean;
            }
        };
    }
}
