package com.example.shop.lab.faults;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.standins.ReceiptVersions;

/**
 * Receipts deleted through the S3 API, as a mistaken clean-up script would. The bucket is
 * versioned, so each delete only adds a delete marker; healing removes the markers, the
 * earlier versions are current again, and every processed order's receipt is checked to
 * be there. The keys deleted are written to {@code .lab/deleted-receipts.txt} until then,
 * so a second command can bring them back if this one is killed.
 */
final class DeleteReceiptsFault implements Fault {

	private final int count;

	private final Duration duration;

	private final Topology topology;

	DeleteReceiptsFault(int count, Duration duration, Topology topology) {
		this.count = count;
		this.duration = duration;
		this.topology = topology;
	}

	@Override
	public String name() {
		return "delete-receipts";
	}

	@Override
	public Duration duration() {
		return this.duration;
	}

	@Override
	public void inject(PrintWriter out) {
		try {
			List<String> deleted = ReceiptVersions.delete(this.count);
			Files.write(record(), deleted);
			out.printf("delete-receipts: %d receipts deleted (a delete marker each, recorded in %s): %s%n",
					deleted.size(), record(), deleted);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void heal(PrintWriter out) {
		try {
			List<String> deleted = Files.exists(record()) ? Files.readAllLines(record()) : List.of();
			List<String> back = ReceiptVersions.undelete(deleted);
			out.printf("delete-receipts: %d of %d receipts brought back (delete markers removed)%n", back.size(),
					deleted.size());
			List<String> missing = missingReceipts();
			out.printf("delete-receipts: %s%n", missing.isEmpty() ? "every processed order's receipt is in S3"
					: missing.size() + " processed orders have no receipt in S3: " + missing);
			Files.deleteIfExists(record());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<String> missingReceipts() {
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			Set<String> present = probe.bucket().receipts();
			return probe.orders()
				.processedReceiptKeys(probe.database().requirePrimary())
				.stream()
				.filter((key) -> !present.contains(key))
				.toList();
		}
	}

	private Path record() {
		return this.topology.paths().state().resolve("deleted-receipts.txt");
	}

}
