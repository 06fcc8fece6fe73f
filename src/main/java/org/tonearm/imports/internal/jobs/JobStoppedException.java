package org.tonearm.imports.internal.jobs;

/** Ends a run early without failing the job: it was cancelled, another node took it over, or this node is stopping. */
final class JobStoppedException extends RuntimeException {

    enum Why { CANCELLED_OR_LOST, NODE_STOPPING }

    private final Why why;

    JobStoppedException(Why why) {
        super(why.name(), null, false, false);
        this.why = why;
    }

    Why why() {
        return why;
    }
}
