package io.newsflow.gateway.proxy;

import io.newsflow.gateway.config.EdgeProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

/**
 * How long a service may stay silent while it answers, timed by the connection's own event loop.
 *
 * <p>Spring Cloud Gateway's response timeout is Reactor's timeout operator, which sets and
 * cancels a timer on a scheduler thread for every request; on the load generator the same kind
 * of per-request timer took a tenth of its CPU. Reactor Netty's read timeout costs a handler on
 * the connection instead. It counts silence between reads rather than the whole answer, which
 * also suits the live stream: its heartbeats keep it open, and a stream gone silent is closed.
 */
@Component
class ServiceReadTimeout implements HttpClientCustomizer {

    private final EdgeProperties properties;

    ServiceReadTimeout(EdgeProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpClient customize(HttpClient client) {
        return client.responseTimeout(properties.serviceReadTimeout());
    }
}
