package io.newsflow.gateway.proxy;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Passes a service's answer on in one write when its length is known and small, instead of the
 * header and each piece of the body flushed on their own.
 *
 * <p>Spring Cloud Gateway relays a body as the stream of buffers read from the service; Reactor
 * Netty then sends the response head in a write of its own before the body. A search answer of a
 * few kilobytes thus cost the gateway two or three socket writes, each with its flush and its
 * TCP segment, where one suffices: the kernel's share of those writes was about a fifth of the
 * gateway's CPU under load. Joined, the pieces stay the buffers they were read into (a composite,
 * not a copy), and the head and body leave in one {@code writev}. Answers of unknown length (the
 * live stream, chunked bodies) and large ones are relayed as they come.
 */
@Component
class WholeResponseFilter implements GlobalFilter, Ordered {

    /** Larger answers are relayed piece by piece, so that a few cannot hold much memory. */
    static final long MAX_WHOLE_BYTES = 256 * 1024;

    @Override
    public int getOrder() {
        // before the filter that writes the service's answer, so that it writes through this one
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().response(new WholeBodyResponse(exchange.getResponse())).build());
    }

    static final class WholeBodyResponse extends ServerHttpResponseDecorator {

        WholeBodyResponse(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            long length = getHeaders().getContentLength();
            if (body instanceof Mono || length <= 0 || length > MAX_WHOLE_BYTES) {
                return super.writeWith(body);
            }
            // a Mono body is written by Reactor Netty together with the response head
            return super.writeWith(DataBufferUtils.join(body, (int) MAX_WHOLE_BYTES));
        }
    }
}
