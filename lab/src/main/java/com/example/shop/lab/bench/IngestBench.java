package com.example.shop.lab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.load.LoadJar;
import com.example.shop.lab.probe.NearestRank;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.standins.Postgres;
import com.example.shop.lab.standins.ScratchDatabase;

/**
 * How many orders per second the lab takes, against what its database can commit.
 * <p>
 * The ceiling: {@code pgbench} runs the transaction that {@code POST /api/orders} commits
 * (the idempotency-key lookup, the price lookup, the order, its line and its outbox
 * event, same tables, same indexes, prepared statements as the JDBC driver uses them)
 * into a scratch copy of the schema, through the same fault-proxy route and onto the same
 * synchronously replicated primary, at several client counts; the best TPS is the
 * ceiling. Then the real thing: orders through the load balancer at rising fixed arrival
 * rates (the project's Gatling generator) until the p99 exceeds 100 ms or a request
 * fails. The ratio of the two says how much of the database's capacity the web tier turns
 * into orders.
 */
final class IngestBench {

	/** The scratch database pgbench writes into. */
	static final String SCRATCH = "orders_bench";

	/** A rate is sustained while the p99 stays within this and nothing fails. */
	static final long P99_LIMIT_MS = 100;

	/**
	 * Load before the first judged rate: the instances may be cold (restarted, or idle
	 * while pgbench ran).
	 */
	private static final Duration WARM_UP = Duration.ofSeconds(10);

	/** The generator's first seconds pay for its own JIT and connections. */
	private static final long SKIP_MS = 2000;

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	/**
	 * The transaction of {@code OrderService.placeOrder}, statement for statement; the
	 * key is random (a collision would only make one transaction a replay).
	 */
	static final String SCRIPT = """
			\\set k random(1, 9000000000000000000)
			\\set qty random(1, 3)
			BEGIN;
			SELECT id, request_fingerprint FROM orders WHERE idempotency_key = CAST(:k AS text);
			SELECT sku, name, price_cents FROM products WHERE sku = ANY(ARRAY['MUG-01']);
			INSERT INTO orders (id, idempotency_key, request_fingerprint, customer_email, status, total_cents, created_at) VALUES (gen_random_uuid(), CAST(:k AS text), md5(CAST(:k AS text)), 'bench@example.com', 'ACCEPTED', 1200 * CAST(:qty AS int), now()) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id \\gset
			INSERT INTO order_lines (order_id, line_no, sku, name, unit_price_cents, quantity) VALUES (CAST(:id AS uuid), 0, 'MUG-01', 'Failover mug', 1200, CAST(:qty AS int));
			INSERT INTO outbox (event_type, aggregate_id, payload, correlation_id) VALUES ('OrderPlaced', CAST(:id AS uuid), jsonb_build_object('orderId', CAST(:id AS text), 'customerEmail', 'bench@example.com', 'totalCents', 1200 * CAST(:qty AS int), 'placedAt', now()), md5(random()::text));
			COMMIT;
			""";

	private final Topology topology;

	private final Secrets secrets;

	private final Path folder;

	private final PrintWriter out;

	IngestBench(Topology topology, Path folder, PrintWriter out) {
		this.topology = topology;
		this.secrets = Secrets.loadOrCreate(topology.paths());
		this.folder = folder;
		this.out = out;
	}

	/**
	 * pgbench at each client count, in a scratch copy of the schema that is dropped
	 * afterwards.
	 * @param clients the client counts to try
	 * @param each how long each runs
	 * @return the TPS of each
	 */
	List<PgbenchStep> pgbench(List<Integer> clients, Duration each) {
		Postgres postgres = this.topology.database().nodes().postgres();
		ScratchDatabase scratch = new ScratchDatabase(postgres, SCRATCH);
		DatabaseNode primary;
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			primary = probe.database().requirePrimary();
		}
		Path script = this.folder.resolve("place-order.sql");
		try {
			Files.createDirectories(this.folder);
			Files.writeString(script, SCRIPT);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		scratch.create(primary);
		try {
			List<PgbenchStep> steps = new ArrayList<>();
			for (int count : clients) {
				CpuUse cpu = CpuUse.ofMachine("pgbench");
				Map<String, Long> before = cpu.sample();
				String output = Launch
					.of(List.of(postgres.program("pgbench").toString(), "-n", "-M", "prepared", "-f", script.toString(),
							"-c", String.valueOf(count), "-j", String.valueOf(Math.min(count, 2)), "-T",
							String.valueOf(each.toSeconds()), connection()))
					.environment(Map.of("PGPASSWORD", this.secrets.databasePassword()))
					.run(each.plus(Duration.ofSeconds(60)));
				double tps = tps(output);
				PgbenchStep step = new PgbenchStep(count, tps,
						CpuUse.perUnit(before, cpu.sample(), tps * each.toSeconds()));
				this.out.printf("  pgbench %2d clients: %7.1f transactions/s%n", step.clients(), step.tps());
				steps.add(step);
			}
			return steps;
		}
		finally {
			scratch.drop(primary);
		}
	}

	/**
	 * Orders through the load balancer at each rate, in order, until one is not
	 * sustained.
	 * @param rates orders per second, rising
	 * @param each how long each rate runs
	 * @param during called while each rate runs (to sample memory)
	 * @return the rates tried
	 */
	List<RateStep> ramp(List<Integer> rates, Duration each, Runnable during) {
		this.out.printf("  warming up: %d orders/s for %d s, not judged%n", rates.getFirst(), WARM_UP.toSeconds());
		LoadJar.of(this.topology.paths(), rates.getFirst(), WARM_UP, null)
			.start(this.out, "    warm-up ")
			.awaitEnd(WARM_UP.plus(Duration.ofSeconds(60)));
		List<RateStep> steps = new ArrayList<>();
		for (int rate : rates) {
			RateStep step = atRate(rate, each, during);
			if (!step.sustained()) {
				// At a p99 of 100 ms, five slow requests in 500 decide: one collection or
				// one burst of the database's checkpoint. A rate fails when it fails
				// twice.
				steps.add(step);
				this.out.printf("  %d orders/s once more, to tell a passing pause from a limit%n", rate);
				step = atRate(rate, each, during);
			}
			steps.add(step);
			if (!step.sustained()) {
				break;
			}
		}
		return steps;
	}

	/**
	 * One fixed arrival rate, judged after its first 2 s.
	 * @param rate orders per second
	 * @param duration how long
	 * @param during called once the load is running
	 * @return what the clients saw
	 */
	RateStep atRate(int rate, Duration duration, Runnable during) {
		Path record = this.folder.resolve("rate-" + rate + ".jsonl");
		LoadJar.Running load = LoadJar.of(this.topology.paths(), rate, duration, record).start(this.out, "    ");
		// The CPU profile covers the judged middle of the run, while the generator is
		// alive.
		CpuUse cpu = CpuUse.ofMachine("bench's commands");
		Duration cpuWindow = duration.minusMillis(SKIP_MS + 1500);
		Await.sleep(Duration.ofMillis(SKIP_MS + 500));
		Map<String, Long> before = cpu.sample();
		long from = System.nanoTime();
		Await.sleep(cpuWindow.dividedBy(2));
		during.run();
		Await.sleep(cpuWindow.minusNanos(System.nanoTime() - from));
		Map<String, Long> after = cpu.sample();
		double seconds = (System.nanoTime() - from) / 1e9;
		load.awaitEnd(duration.plus(Duration.ofSeconds(60)));
		RateStep measured = RateStep.of(rate, ClientRecord.read(record));
		RateStep step = measured.withCpu(CpuUse.perUnit(before, after, measured.acknowledgedPerSecond() * seconds));
		this.out.printf("  %3d orders/s: %d sent, %d failed, p50 %d ms, p99 %d ms%s%n", rate, step.sent(),
				step.failed(), step.p50Ms(), step.p99Ms(), step.sustained() ? "" : "  (not sustained)");
		return step;
	}

	private static String connection() {
		return "host=127.0.0.1,127.0.0.1 port=%d,%d dbname=%s user=orders target_session_attrs=read-write"
			.formatted(Ports.PROXY_DATABASE_A, Ports.PROXY_DATABASE_B, SCRATCH);
	}

	static double tps(String pgbenchOutput) {
		Matcher matcher = TPS.matcher(pgbenchOutput);
		if (!matcher.find()) {
			throw new LabException("pgbench did not report its TPS:\n" + pgbenchOutput);
		}
		return Double.parseDouble(matcher.group(1));
	}

	/**
	 * One pgbench run.
	 *
	 * @param clients concurrent clients
	 * @param tps transactions per second, without the initial connection time
	 * @param cpuMsPerTransaction CPU milliseconds each transaction cost, by part of the
	 * lab (the database, pgbench itself, anything else that ran)
	 */
	record PgbenchStep(int clients, double tps, Map<String, Double> cpuMsPerTransaction) {

		static PgbenchStep best(List<PgbenchStep> steps) {
			return steps.stream().max(Comparator.comparingDouble(PgbenchStep::tps)).orElseThrow();
		}

	}

	/**
	 * One arrival rate.
	 *
	 * @param rate orders per second sent
	 * @param sent requests judged (those sent after the first 2 s)
	 * @param failed of those, not answered {@code 201}
	 * @param p50Ms median latency of the acknowledged ones
	 * @param p99Ms their 99th percentile
	 * @param acknowledgedPerSecond orders acknowledged per second in the judged part
	 * @param sustained whether nothing failed and the p99 stayed within 100 ms
	 * @param cpuMsPerOrder CPU milliseconds each acknowledged order cost, by part of the
	 * lab, over the judged middle of the run
	 */
	record RateStep(int rate, int sent, int failed, long p50Ms, long p99Ms, double acknowledgedPerSecond,
			boolean sustained, Map<String, Double> cpuMsPerOrder) {

		RateStep withCpu(Map<String, Double> cpu) {
			return new RateStep(this.rate, this.sent, this.failed, this.p50Ms, this.p99Ms, this.acknowledgedPerSecond,
					this.sustained, cpu);
		}

		static RateStep of(int rate, List<ClientRecord> records) {
			long start = records.stream().mapToLong(ClientRecord::sentAt).min().orElse(0) + SKIP_MS;
			long end = records.stream().mapToLong(ClientRecord::sentAt).max().orElse(start);
			List<ClientRecord> judged = records.stream().filter((r) -> r.sentAt() >= start).toList();
			long[] latencies = judged.stream()
				.filter(ClientRecord::acknowledged)
				.mapToLong(ClientRecord::latencyMs)
				.toArray();
			int failed = (int) judged.stream().filter(ClientRecord::failed).count();
			double perSecond = latencies.length * 1000.0 / Math.max(1000, end - start + 1000);
			long p99 = percentile(latencies, 99);
			return new RateStep(rate, judged.size(), failed, percentile(latencies, 50), p99, perSecond,
					!judged.isEmpty() && failed == 0 && p99 <= P99_LIMIT_MS, Map.of());
		}

	}

	private static long percentile(long[] values, int percent) {
		Long value = NearestRank.of(values, percent);
		return (value != null) ? value : 0;
	}

}
