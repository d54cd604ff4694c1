package io.newsflow.stack;

/** Free ports for tests that need one outside a whole {@link StackSettings}. */
final class FreePorts {

    private FreePorts() {
    }

    static int[] pick(int count) {
        return StackSettings.freePorts(count);
    }
}
