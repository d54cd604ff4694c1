package io.newsflow.stack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The on-disk mongo-java-server backend, answering MongoDB's {@code hello} command too. mongo-java-server
 * 1.47 knows only the legacy {@code isMaster}, while Spring Boot's Mongo health indicator sends
 * {@code hello} (MongoDB 4.4.2+): without this every service's health would stay DOWN on the local stack.
 * The answer is the {@code isMaster} one plus {@code isWritablePrimary}, as a real primary gives it.
 */
final class HelloAwareH2Backend extends H2Backend {

    HelloAwareH2Backend(String fileName) {
        super(fileName);
    }

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
