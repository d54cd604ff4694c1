package io.newsflow.gateway.problems;

import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Failures the gateway meets itself (no route, a service down or slow) as problem+json, like
 * every other error of the API, instead of Boot's default error JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackendProblemHandler implements ErrorWebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            HttpStatus known = HttpStatus.resolve(code.value());
            HttpStatus resolved = known == null ? HttpStatus.BAD_GATEWAY : known;
            if (resolved == HttpStatus.GATEWAY_TIMEOUT) {
                return Problems.write(exchange, resolved, "service-timeout", "Service too slow", status.getReason());
            }
            return Problems.write(exchange, resolved, resolved == HttpStatus.NOT_FOUND ? "not-found" : "gateway-error",
                    resolved.getReasonPhrase(), status.getReason());
        }
        if (hasCause(error, ConnectException.class)) {
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "the service behind this path does not answer; try again shortly");
        }
        if (hasCause(error, TimeoutException.class) || hasCause(error, ReadTimeoutException.class)) {
            return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service too slow",
                    "the service behind this path did not answer in time");
        }
        return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "gateway-error", "Bad gateway", error.getClass().getSimpleName());
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
