package com.example.shop.lab;

/**
 * The lab's fixed ports, all on 127.0.0.1. Fixed so that workshop instructions, the
 * dashboard and muscle memory can rely on them; {@code docs/lab.md} lists them.
 */
final class Ports {

	static final int LOAD_BALANCER = 8080;

	static final int LOAD_BALANCER_STATS = 8404;

	static final int DATABASE_A = 5433;

	static final int DATABASE_B = 5434;

	static final int SQS = 9324;

	static final int S3 = 9000;

	/**
	 * S3Mock's second HTTP connector, which it always opens; the lab uses {@link #S3}.
	 */
	static final int S3_EXTRA = 9002;

	/**
	 * A cluster restored from the backups by {@code bin/lab restore}: a third PostgreSQL,
	 * never one of the lab's two nodes.
	 */
	static final int RESTORE = 5435;

	/**
	 * The fault proxy's routes: instances reach PostgreSQL, SQS and S3 through these, so
	 * that {@code bin/lab fault} can cut or slow them.
	 */
	static final int PROXY_DATABASE_A = 6433;

	static final int PROXY_DATABASE_B = 6434;

	static final int PROXY_SQS = 9325;

	static final int PROXY_S3 = 9001;

	/** The lab's monitor: what the dashboard shows, as JSON. */
	static final int MONITOR = 8405;

	static final int MAX_INSTANCES = 8;

	private Ports() {
	}

	/** Web instance {@code n} (1-based) serves traffic here. */
	static int web(int n) {
		return 8080 + n;
	}

	/**
	 * Web instance {@code n} serves its management endpoints (full health, metrics) here.
	 */
	static int webManagement(int n) {
		return 9080 + n;
	}

	/** Worker instance {@code n} serves its health and metrics here. */
	static int worker(int n) {
		return 8090 + n;
	}

}
