package com.example.shop.worker.receipts;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.example.shop.orders.Order;
import com.example.shop.orders.OrderLine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptRendererTests {

	private static final Instant CREATED_AT = Instant.parse("2026-11-25T10:15:30.123Z");

	private static final Instant RENDERED_AT = Instant.parse("2026-11-25T10:15:32Z");

	private final ReceiptRenderer renderer = new ReceiptRenderer();

	@Test
	void receiptShowsTheOrderItsLinesAndTheTotal() throws IOException {
		Order order = order("ada@example.com", List.of(new OrderLine("MUG-01", "Failover mug", 1200, 3),
				new OrderLine("TEE-01", "Multi-AZ T-shirt", 2500, 1)));

		String text = textOf(this.renderer.render(order, RENDERED_AT));

		assertThat(text).contains("Order: " + order.id(), "Customer: ada@example.com")
			.contains("MUG-01  Failover mug  3 x 12.00 = 36.00", "TEE-01  Multi-AZ T-shirt  1 x 25.00 = 25.00")
			.contains("Total: 61.00")
			.contains("Ordered at: 2026-11-25T10:15:30.123Z", "Rendered at: 2026-11-25T10:15:32Z");
	}

	@Test
	void charactersTheFontCannotDrawBecomeQuestionMarks() throws IOException {
		Order order = order("\u0394\u03b9\u03bf\u03bd\u03c5\u03c3\u03b7@example.com",
				List.of(new OrderLine("MUG-01", "Caf\u00e9 mug \u2615", 1200, 1)));

		String text = textOf(this.renderer.render(order, RENDERED_AT));

		assertThat(text).contains("Customer: ???????@example.com", "Caf\u00e9 mug ?");
	}

	@Test
	void longOrdersContinueOnMorePages() throws IOException {
		List<OrderLine> lines = IntStream.rangeClosed(1, 100)
			.mapToObj((n) -> new OrderLine("STICK-01", "Sticker " + n, 400, 1))
			.toList();
		Order order = order("ada@example.com", lines);

		byte[] pdf = this.renderer.render(order, RENDERED_AT);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
		}
		assertThat(textOf(pdf)).contains("Sticker 1 ", "Sticker 100 ", "Total: 400.00");
	}

	private static Order order(String customerEmail, List<OrderLine> lines) {
		return Order.accept(UUID.randomUUID(), customerEmail, lines, CREATED_AT);
	}

	private static String textOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
