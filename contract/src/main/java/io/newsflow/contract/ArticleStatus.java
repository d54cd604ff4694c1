package io.newsflow.contract;

/**
 * What happened to one article, on {@link Topics#STATUS}, keyed by article id. Every service
 * that moves an article on publishes one; partners may consume the topic directly.
 *
 * @param id        article id
 * @param state     the state reached
 * @param revision  the article revision the state is about
 * @param reason    why, for {@link State#REJECTED}
 * @param at        ISO-8601 instant the state was reached
 */
public record ArticleStatus(String id, State state, long revision, String reason, String at) {

    /** Life cycle of an article, in order. */
    public enum State {
        ACCEPTED, ENRICHED, INDEXED, REJECTED;

        /** The wire and API form: lower case. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
