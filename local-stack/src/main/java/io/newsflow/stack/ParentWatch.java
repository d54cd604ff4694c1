package io.newsflow.stack;

/**
 * A child started by the launcher exits when the launcher dies, even by SIGKILL, so that no broker or
 * store is left holding the ports. Exiting runs the child's shutdown hooks, so it still stops cleanly.
 * Only children the launcher started carry the system property; a broker started by hand from a shell
 * is left alone.
 */
final class ParentWatch {

    static final String PROPERTY = "newsflow.stack.exit-with-parent";

    private ParentWatch() {
    }

    static void exitWhenParentDies() {
        if (Boolean.getBoolean(PROPERTY)) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
    }
}
