package com.example.shop.worker.receipts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.orders.Order;
import com.example.shop.orders.OrderLine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.springframework.stereotype.Component;

/**
 * Renders an order's receipt as a PDF with PDFBox: one line of text per fact, A4 pages,
 * and Helvetica, one of the Standard 14 fonts every PDF reader has, so nothing is
 * embedded. Everything on the receipt but the time of rendering comes from the order, so
 * a retried message renders the same receipt again.
 */
@Component
class ReceiptRenderer {

	private static final float MARGIN = 56;

	private static final float FONT_SIZE = 11;

	private static final float LEADING = 16;

	private static final int LINES_PER_PAGE = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);

	/**
	 * Creates the font once at startup: the first font makes PDFBox read its font metrics
	 * and scan the system's fonts, which should happen before the listener starts, not
	 * while the first message's visibility timeout runs.
	 */
	ReceiptRenderer() {
		new PDType1Font(Standard14Fonts.FontName.HELVETICA);
	}

	byte[] render(Order order, Instant renderedAt) {
		PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		List<String> lines = text(order, renderedAt).stream().map((line) -> printable(line, font)).toList();
		try (PDDocument document = new PDDocument()) {
			for (int first = 0; first < lines.size(); first += LINES_PER_PAGE) {
				addPage(document, font, lines.subList(first, Math.min(first + LINES_PER_PAGE, lines.size())));
			}
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			document.save(pdf);
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not render the receipt of order " + order.id(), ex);
		}
	}

	private static List<String> text(Order order, Instant renderedAt) {
		List<String> text = new ArrayList<>(List.of("Receipt", "", "Order: " + order.id(),
				"Customer: " + order.customerEmail(), "Ordered at: " + order.createdAt(), ""));
		for (OrderLine line : order.lines()) {
			text.add("%s  %s  %d x %s = %s".formatted(line.sku(), line.name(), line.quantity(),
					money(line.unitPriceCents()), money(line.totalCents())));
		}
		text.addAll(List.of("", "Total: " + money(order.totalCents()), "", "Rendered at: " + renderedAt));
		return text;
	}

	private static void addPage(PDDocument document, PDType1Font font, List<String> lines) throws IOException {
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			content.beginText();
			content.setFont(font, FONT_SIZE);
			content.setLeading(LEADING);
			content.newLineAtOffset(MARGIN, page.getMediaBox().getHeight() - MARGIN);
			for (String line : lines) {
				content.showText(line);
				content.newLine();
			}
			content.endText();
		}
	}

	/**
	 * The text with every character the font cannot draw replaced by {@code ?}. Helvetica
	 * here covers Latin-1 and little more, and a customer's address may hold any
	 * character: one that cannot be drawn must not turn the message into poison.
	 */
	private static String printable(String text, PDType1Font font) {
		StringBuilder printable = new StringBuilder(text.length());
		text.codePoints().mapToObj(Character::toString).forEach((character) -> {
			printable.append(canDraw(character, font) ? character : "?");
		});
		return printable.toString();
	}

	private static boolean canDraw(String character, PDType1Font font) {
		try {
			font.encode(character);
			return true;
		}
		catch (IllegalArgumentException | IOException ex) {
			return false;
		}
	}

	private static String money(long cents) {
		return BigDecimal.valueOf(cents, 2).toPlainString();
	}

}
