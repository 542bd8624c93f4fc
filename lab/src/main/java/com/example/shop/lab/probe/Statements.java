package com.example.shop.lab.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plain JDBC for the probe's few queries: a statement with its parameters, read row by
 * row. The product's own code uses Spring's {@code JdbcClient}; the lab has no Spring,
 * and a dozen read-only queries do not need it.
 */
final class Statements {

	private Statements() {
	}

	/**
	 * Reads the first row of a query.
	 * @param connection the connection
	 * @param sql the query
	 * @param read reads the row
	 * @param parameters bound in order
	 * @return what {@code read} made of it
	 * @throws SQLException if it fails or returns no row
	 */
	static <T> T first(Connection connection, String sql, Row<T> read, Object... parameters) throws SQLException {
		List<T> rows = list(connection, sql, read, parameters);
		if (rows.isEmpty()) {
			throw new SQLException("no row from " + sql);
		}
		return rows.getFirst();
	}

	/**
	 * Reads every row of a query.
	 * @param connection the connection
	 * @param sql the query
	 * @param read reads one row
	 * @param parameters bound in order; arrays of {@code String} or {@code UUID} as SQL
	 * arrays
	 * @return one element per row
	 * @throws SQLException if it fails
	 */
	static <T> List<T> list(Connection connection, String sql, Row<T> read, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				Object parameter = parameters[i];
				if (parameter instanceof String[] texts) {
					statement.setArray(i + 1, connection.createArrayOf("text", texts));
				}
				else if (parameter instanceof UUID[] ids) {
					statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
				}
				else {
					statement.setObject(i + 1, parameter);
				}
			}
			List<T> rows = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(read.of(rs));
				}
			}
			return rows;
		}
	}

	/** Reads one row. */
	@FunctionalInterface
	interface Row<T> {

		T of(ResultSet row) throws SQLException;

	}

	/** Works with a connection. */
	@FunctionalInterface
	interface Work<T> {

		T on(Connection connection) throws SQLException;

	}

}
