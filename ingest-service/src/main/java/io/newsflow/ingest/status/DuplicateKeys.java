package io.newsflow.ingest.status;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/**
 * A write that collided with an existing {@code _id}: how guarded upserts and idempotent inserts
 * learn that what they carry is already there (or older than what is there).
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
