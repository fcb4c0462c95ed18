package com.topup.devenv;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases of their own on one PostgreSQL server, for processes that must not share data. */
public final class Databases {

    private Databases() {
    }

    /** The JDBC URL of {@code database} on the server of {@code jdbcUrl}. */
    public static String urlOf(String jdbcUrl, String database) {
        int slash = jdbcUrl.lastIndexOf('/');
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    /** Creates an empty database (dropping one of that name first) on the server of {@code jdbcUrl}. */
    public static String recreate(String jdbcUrl, String user, String password, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Unusable database name " + database);
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement st = db.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
            st.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        return urlOf(jdbcUrl, database);
    }
}
