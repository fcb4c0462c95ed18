package com.topup.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection that remembers the queries run through it with their parameters, so a benchmark can run what the
 * code under test ran again under {@code EXPLAIN (ANALYZE, BUFFERS)}.
 */
final class ExplainRecorder {

    private record Setter(Method method, Object[] args) {
    }

    private record Query(String sql, List<Setter> setters) {
    }

    private final Connection target;
    private final List<Query> queries = new ArrayList<>();

    ExplainRecorder(Connection target) {
        this.target = target;
    }

    /** The connection to hand to the code under test. */
    Connection connection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    if (method.getName().equals("prepareStatement") && args.length == 1) {
                        return recording((PreparedStatement) result, (String) args[0]);
                    }
                    return result;
                });
    }

    void clear() {
        queries.clear();
    }

    /** Runs every query recorded since {@link #clear} again under EXPLAIN; the plans, one block per query. */
    List<String> explain() throws Exception {
        List<String> plans = new ArrayList<>();
        for (Query q : List.copyOf(queries)) {
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement s = target.prepareStatement("explain (analyze, buffers) " + q.sql())) {
                for (Setter setter : q.setters()) {
                    setter.method().invoke(s, setter.args());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
            }
            plans.add(plan.toString());
        }
        return plans;
    }

    private PreparedStatement recording(PreparedStatement statement, String sql) {
        List<Setter> setters = new ArrayList<>();
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                        setters.add(new Setter(method, args.clone()));
                    } else if (method.getName().equals("executeQuery") && (args == null || args.length == 0)) {
                        queries.add(new Query(sql, List.copyOf(setters)));
                    }
                    return invoke(method, statement, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
