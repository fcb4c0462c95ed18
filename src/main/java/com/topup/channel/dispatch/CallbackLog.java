package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** channel_callback: a line for every callback a channel sent, applied, repeated or refused, and its count by outcome. */
@ApplicationScoped
public class CallbackLog {

    private static final String INSERT = """
            insert into channel_callback (channel_code, reference, status, outcome, detail, received_at)
            values (?, ?, ?, ?, ?, ?)""";

    private final Sql sql;
    private final MeterRegistry metrics;

    public CallbackLog(Sql sql, MeterRegistry metrics) {
        this.sql = sql;
        this.metrics = metrics;
    }

    /** A callback as it was received and what came of it; reference, status and detail are null when unknown. */
    public record Line(Instant receivedAt, String channelCode, String reference, String status, String outcome,
                       String detail) {

        Object[] parameters() {
            return new Object[] {channelCode, reference, status, outcome, detail, receivedAt};
        }
    }

    public void write(Line line) {
        counted(line);
        sql.update(INSERT, line.parameters());
    }

    /** Several lines in one round trip. */
    public void writeAll(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        lines.forEach(this::counted);
        sql.batch(INSERT, lines.stream().map(Line::parameters).toList());
    }

    private void counted(Line line) {
        metrics.counter("topup_channel_callbacks_total", "outcome", line.outcome()).increment();
    }
}
