package io.newsflow.ingest.publishing;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Revisions of submitted articles: the acceptance time in milliseconds, strictly increasing
 * within this instance, so that a later submission of an article always wins in the views.
 */
@Component
public class Revisions {

    private final AtomicLong last = new AtomicLong();

    public long next() {
        return last.updateAndGet(previous -> Math.max(previous + 1, System.currentTimeMillis()));
    }
}
