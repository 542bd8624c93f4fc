package com.example.shop.lab.standins;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a page of the receipts' versions is read: each key's latest entry, and where the
 * next page starts.
 */
class ReceiptVersionsTests {

	@Test
	void theNextPageStartsAfterTheLastKeyReturnedNotAtTheMarkerS3MockNames() {
		// S3Mock 5.2.0 names a key it has not returned yet and would resume after it
		ListObjectVersionsResponse page = ListObjectVersionsResponse.builder()
			.isTruncated(true)
			.versions(version("receipts/a.pdf", "1", true), version("receipts/b.pdf", "2", true),
					version("receipts/b.pdf", "3", false))
			.nextKeyMarker("receipts/c.pdf")
			.nextVersionIdMarker("4")
			.build();

		assertThat(ReceiptVersions.resumeAfter(page)).isEqualTo("receipts/b.pdf");
	}

	@Test
	void aDeleteMarkerCanBeTheLastKeyOfAPage() {
		ListObjectVersionsResponse page = ListObjectVersionsResponse.builder()
			.isTruncated(true)
			.versions(version("receipts/a.pdf", "1", true))
			.deleteMarkers(marker("receipts/z.pdf", "9", true))
			.build();

		assertThat(ReceiptVersions.resumeAfter(page)).isEqualTo("receipts/z.pdf");
		assertThat(ReceiptVersions.resumeAfter(ListObjectVersionsResponse.builder().isTruncated(true).build()))
			.isNull();
	}

	@Test
	void aKeyWhoseLatestEntryIsADeleteMarkerLooksDeletedAndOlderVersionsDoNotCount() {
		ListObjectVersionsResponse page = ListObjectVersionsResponse.builder()
			.versions(version("receipts/kept.pdf", "2", true), version("receipts/kept.pdf", "1", false),
					version("receipts/deleted.pdf", "5", false))
			.deleteMarkers(marker("receipts/deleted.pdf", "6", true))
			.build();

		assertThat(ReceiptVersions.latestOf(page)).containsOnlyKeys("receipts/kept.pdf", "receipts/deleted.pdf")
			.containsEntry("receipts/kept.pdf", new ReceiptVersions.Latest("2", false))
			.containsEntry("receipts/deleted.pdf", new ReceiptVersions.Latest("6", true));
	}

	private static ObjectVersion version(String key, String id, boolean latest) {
		return ObjectVersion.builder().key(key).versionId(id).isLatest(latest).build();
	}

	private static DeleteMarkerEntry marker(String key, String id, boolean latest) {
		return DeleteMarkerEntry.builder().key(key).versionId(id).isLatest(latest).build();
	}

}
