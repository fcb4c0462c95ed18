package com.topup.chaos;

/** One fault: injected while the steady load runs, then taken away; the runner checks the invariants afterwards. */
interface Drill {

    /** Short name, used on the command line and for the drill's database. */
    String name();

    /** Injects the fault and ends it, marking both moments on the context ({@code faultStarts}, {@code faultEnds}). */
    void run(DrillContext context) throws Exception;
}
