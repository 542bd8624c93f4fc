package com.example.shop.lab.host;

/**
 * The lab's fixed ports, all on 127.0.0.1. Fixed so that workshop instructions, the
 * dashboard and muscle memory can rely on them; {@code docs/lab.md} lists them.
 */
public final class Ports {

	public static final int LOAD_BALANCER = 8080;

	public static final int LOAD_BALANCER_STATS = 8404;

	public static final int DATABASE_A = 5433;

	public static final int DATABASE_B = 5434;

	public static final int SQS = 9324;

	public static final int S3 = 9000;

	/**
	 * S3Mock's second HTTP connector, which it always opens; the lab uses {@link #S3}.
	 */
	public static final int S3_EXTRA = 9002;

	/**
	 * A cluster restored from the backups by {@code bin/lab restore}: a third PostgreSQL,
	 * never one of the lab's two nodes.
	 */
	public static final int RESTORE = 5435;

	/**
	 * The fault proxy's routes: instances reach PostgreSQL, SQS and S3 through these, so
	 * that {@code bin/lab fault} can cut or slow them.
	 */
	public static final int PROXY_DATABASE_A = 6433;

	public static final int PROXY_DATABASE_B = 6434;

	public static final int PROXY_SQS = 9325;

	public static final int PROXY_S3 = 9001;

	/** The lab's monitor: what the dashboard shows, as JSON. */
	public static final int MONITOR = 8405;

	public static final int MAX_INSTANCES = 8;

	private Ports() {
	}

	/** Web instance {@code n} (1-based) serves traffic here. */
	public static int web(int n) {
		return 8080 + n;
	}

	/**
	 * Web instance {@code n} serves its management endpoints (full health, metrics) here.
	 */
	public static int webManagement(int n) {
		return 9080 + n;
	}

	/** Worker instance {@code n} serves its health and metrics here. */
	public static int worker(int n) {
		return 8090 + n;
	}

}
