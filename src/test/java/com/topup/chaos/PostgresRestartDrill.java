package com.topup.chaos;

/** PostgreSQL stopped (fast shutdown: open connections are cut) and started again on the same data, under load. */
record PostgresRestartDrill() implements Drill {

    @Override
    public String name() {
        return "postgres-restart";
    }

    @Override
    public void run(DrillContext context) {
        context.faultStarts();
        context.stack.restartPostgres();
        context.say("PostgreSQL restarted");
        context.faultEnds();
    }
}
