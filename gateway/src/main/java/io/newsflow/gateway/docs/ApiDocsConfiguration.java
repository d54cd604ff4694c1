package io.newsflow.gateway.docs;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The OpenAPI document of the whole public API, served by the gateway that fronts it: springdoc
 * answers {@code /v3/api-docs} (JSON) and {@code /v3/api-docs.yaml}; {@code /api-docs.yaml} is the
 * source file as written. The services' controllers live behind the routes, so springdoc cannot
 * scan them here: the document is {@code openapi/newsflow.yaml}, kept beside the routes. Outside
 * {@code /api/}, so no key is needed to read it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String DOCUMENT = "openapi/newsflow.yaml";

    /** Read once at startup: a broken document fails the start, not the first client. */
    @Bean
    OpenAPI newsflowOpenApi(@Value("classpath:" + DOCUMENT) Resource document) {
        try (InputStream in = document.getInputStream()) {
            return Yaml31.mapper().readValue(in, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT, e);
        }
    }

    @Bean
    RouterFunction<ServerResponse> apiDocsSource(@Value("classpath:" + DOCUMENT) Resource document) {
        MediaType yaml = MediaType.parseMediaType("application/yaml;charset=UTF-8");
        return RouterFunctions.route(GET("/api-docs.yaml"), request -> ServerResponse.ok().contentType(yaml).bodyValue(document));
    }
}
