package io.newsflow.enrich.related;

import io.newsflow.enrich.knowledge.LocalBodies;

/**
 * Entities that say where a story happens rather than who acts in it: places, and the local bodies
 * every place has ("UBND TP Hà Nội"). Half the news of a city shares them, so they weigh less and
 * never link two articles on their own.
 */
final class Settings {

    private static final LocalBodies LOCAL_BODIES = LocalBodies.load();

    private Settings() {
    }

    static boolean isSetting(String entityId) {
        return entityId.startsWith("loc:") || LOCAL_BODIES.isLocalBody(entityId);
    }
}
