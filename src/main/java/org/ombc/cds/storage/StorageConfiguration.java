package org.ombc.cds.storage;

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
}
