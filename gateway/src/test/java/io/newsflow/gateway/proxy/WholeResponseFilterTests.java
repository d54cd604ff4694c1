package io.newsflow.gateway.proxy;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the response decorator hands the connection: one buffer, or the pieces as they come. */
class WholeResponseFilterTests {

    private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
    private final RecordingResponse connection = new RecordingResponse();
    private final WholeResponseFilter.WholeBodyResponse response = new WholeResponseFilter.WholeBodyResponse(connection);

    @Test
    void aBodyOfKnownSmallLengthIsWrittenAsOneBuffer() {
        response.getHeaders().setContentLength(17);
        response.writeWith(pieces("{\"items\":", "[1,2,3]", "}")).block();

        assertThat(connection.written).isInstanceOf(Mono.class);
        assertThat(connection.getBodyAsString().block()).isEqualTo("{\"items\":[1,2,3]}");
    }

    @Test
    void aBodyOfUnknownLengthIsRelayedPieceByPiece() {
        response.writeWith(pieces("data: one\n\n", "data: two\n\n")).block();

        assertThat(connection.written).isNotInstanceOf(Mono.class);
        assertThat(connection.getBodyAsString().block()).isEqualTo("data: one\n\ndata: two\n\n");
    }

    @Test
    void aBodyAboveTheLimitIsRelayedPieceByPiece() {
        response.getHeaders().setContentLength(WholeResponseFilter.MAX_WHOLE_BYTES + 1);
        response.writeWith(pieces("a", "b")).block();

        assertThat(connection.written).isNotInstanceOf(Mono.class);
    }

    private Flux<DataBuffer> pieces(String... texts) {
        return Flux.fromArray(texts).map(text -> buffers.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Keeps the publisher it was given, to tell a whole body from a stream of pieces. */
    private static final class RecordingResponse extends ServerHttpResponseDecorator {

        Publisher<? extends DataBuffer> written;

        RecordingResponse() {
            super(new MockServerHttpResponse());
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            written = body;
            return super.writeWith(body);
        }

        Mono<String> getBodyAsString() {
            return ((MockServerHttpResponse) getDelegate()).getBodyAsString();
        }
    }
}
