package com.example.shop.web.resilience;

import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Which database failures are worth one more attempt at placing an order: a connection
 * that broke (a failover resets every open connection, and the next one reaches the new
 * primary). Not worth it: a request that already waited the pool's whole
 * {@code connection-timeout} for a connection (the pool is saturated or the database
 * unreachable; waiting again only holds the customer longer, and a slow database would
 * turn 3 attempts into 3 full waits), and a transaction that ran out of its time. The
 * retry must fit within the customer's patience, or it makes things worse.
 */
public class RetryableDatabaseFailure implements Predicate<Throwable> {

	@Override
	public boolean test(Throwable failure) {
		boolean databaseFailure = failure instanceof DataAccessResourceFailureException
				|| failure instanceof TransactionException;
		return databaseFailure && !(failure instanceof TransactionTimedOutException) && !waitedForThePool(failure);
	}

	/** HikariCP's answer when no connection came within its connection-timeout. */
	private static boolean waitedForThePool(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

}
