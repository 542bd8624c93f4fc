package com.example.shop.web.resilience;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

import static org.assertj.core.api.Assertions.assertThat;

class RetryableDatabaseFailureTests {

	private final RetryableDatabaseFailure retryable = new RetryableDatabaseFailure();

	@Test
	void retriesABrokenConnection() {
		assertThat(this.retryable.test(new DataAccessResourceFailureException("I/O error: connection reset"))).isTrue();
		assertThat(this.retryable.test(new CannotCreateTransactionException("connection refused"))).isTrue();
	}

	@Test
	void doesNotRetryAfterWaitingTheWholeConnectionTimeoutForThePool() {
		SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 2000ms");

		assertThat(this.retryable.test(new CannotCreateTransactionException("no connection", poolTimeout))).isFalse();
		assertThat(this.retryable.test(new CannotGetJdbcConnectionException("no connection", poolTimeout))).isFalse();
	}

	@Test
	void doesNotRetryATransactionThatRanOutOfTime() {
		assertThat(this.retryable.test(new TransactionTimedOutException("deadline passed"))).isFalse();
		assertThat(this.retryable.test(new QueryTimeoutException("statement timed out"))).isFalse();
	}

	@Test
	void doesNotRetryWhatTheDatabaseRefused() {
		assertThat(this.retryable.test(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(this.retryable.test(new IllegalArgumentException("bad input"))).isFalse();
	}

}
