package io.newsflow.search;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.net.InetSocketAddress;

/** A MongoDB-wire store (mongo-java-server, in memory) on a free port, one per test context, used by the real driver. */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedMongo {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer mongoServer() {
        MongoServer server = new MongoServer(new HelloAwareMemoryBackend());
        server.bind();
        return server;
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/newsflow");
        return () -> connection;
    }

    /**
     * mongo-java-server 1.47 knows only the legacy {@code isMaster}; Spring Boot's Mongo health
     * indicator sends {@code hello}. Answered like a real primary, as the local stack's store does.
     */
    static final class HelloAwareMemoryBackend extends MemoryBackend {

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
                reply.put("isWritablePrimary", Boolean.TRUE);
                return reply;
            }
            return super.handleCommand(channel, databaseName, command, query);
        }
    }
}
