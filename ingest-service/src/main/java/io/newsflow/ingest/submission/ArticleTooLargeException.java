package io.newsflow.ingest.submission;

import org.springframework.util.unit.DataSize;

/** A submission over {@code newsflow.ingest.max-article-size}; answered with 413. */
class ArticleTooLargeException extends RuntimeException {

    ArticleTooLargeException(long bytes, DataSize limit) {
        super("the article weighs " + bytes + " bytes; the limit is " + limit.toBytes() + " bytes");
    }
}
