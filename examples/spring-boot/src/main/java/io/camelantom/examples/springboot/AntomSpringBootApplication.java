package io.camelantom.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * ERP orders on Artemis paid through Antom by camel-antom's prebuilt routes, configured entirely in
 * {@code application.yaml}: no route code of its own. See README.md.
 */
@SpringBootApplication
public class AntomSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(AntomSpringBootApplication.class, args);
    }
}
