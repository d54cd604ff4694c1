package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The body of the {@code mongo} child: a MongoDB-wire-compatible server (mongo-java-server) whose data
 * lives in one H2 MVStore file, so the views and receipts survive a restart. Real drivers talk to it.
 */
final class MongoNode {

    private static final Logger log = LoggerFactory.getLogger(MongoNode.class);

    private MongoNode() {
    }

    static void run(Path dataDir, int port) {
        Path file = dataDir.resolve("mongo.mv");
        try {
            Files.createDirectories(dataDir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        MongoServer server = new MongoServer(new HelloAwareH2Backend(file.toAbsolutePath().toString()));
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM from the launcher: close the backend, which writes the MVStore file completely.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the MongoDB-wire store");
            server.shutdown();
            stopped.countDown();
        }, "mongo-shutdown"));
        server.bind("127.0.0.1", port);
        ParentWatch.exitWhenParentDies();
        log.info("MongoDB-wire store listening on 127.0.0.1:{} with data in {}", port, file);
        try {
            stopped.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
