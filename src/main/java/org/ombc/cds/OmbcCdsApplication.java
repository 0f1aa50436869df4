package org.ombc.cds;

import org.ombc.cds.apps.worklist.WorklistCommand;
import org.ombc.cds.security.DevIssuerCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OmbcCdsApplication {

    public static void main(String[] args) {
        if (DevIssuerCommand.handles(args)) {
            // `dev-keys` and `token` are plain commands: no Spring context, no web server.
            System.exit(DevIssuerCommand.run(args, System.out, System.err));
        }
        if (WorklistCommand.handles(args)) {
            // A batch over Bulk Data files: the chart pipeline alone, no web server, no database.
            System.exit(WorklistCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(OmbcCdsApplication.class, args);
    }
}
