package io.newsflow.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/1.1 over a plain socket, for tests that must see how the gateway's bytes arrive (in how
 * many reads, and whether a stream keeps coming), which an HTTP client hides.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends a GET to the gateway and leaves the answer to be read. */
    static Socket get(int port, String path) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** What one read returns: the bytes that had arrived together. */
    static String readOnce(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int read = in.read(buffer);
        assertThat(read).as("bytes read").isPositive();
        return new String(Arrays.copyOf(buffer, read), StandardCharsets.UTF_8);
    }

    /** Reads until {@code marker} has come, failing if the answer ends first. */
    static String readUntil(Socket socket, String marker) throws IOException {
        StringBuilder received = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (!received.toString().contains(marker)) {
            received.append(readOnce(in));
        }
        return received.toString();
    }
}
