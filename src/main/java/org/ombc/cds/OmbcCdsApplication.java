package org.ombc.cds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OmbcCdsApplication {

    public static void main(String[] args) {
        SpringApplication.run(OmbcCdsApplication.class, args);
    }
}
