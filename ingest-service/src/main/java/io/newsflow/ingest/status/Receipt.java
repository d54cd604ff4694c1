package io.newsflow.ingest.status;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The body of {@code GET /api/v1/articles/{id}/status}; absent timestamps are left out.
 *
 * @param partner the partner that submitted it, used to keep partners to their own articles
 */
public record Receipt(String id, String state, String reason, long revision, String acceptedAt, String enrichedAt,
                      String indexedAt, String rejectedAt, @JsonIgnore String partner) {
}
