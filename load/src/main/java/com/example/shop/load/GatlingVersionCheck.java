package com.example.shop.load;

import java.time.format.DateTimeFormatter;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.gatling.commons.util.GatlingVersion;
import io.gatling.commons.util.GatlingVersion$;

/**
 * Keeps Gatling from looking up its latest release on Maven Central at the start of every
 * run, a request to a host other than the target (and a pause of up to a second where
 * there is no internet). Gatling skips the lookup when its user preferences say one has
 * just succeeded, so this writes exactly that, naming the running version as the latest.
 * The entry is Gatling's own, in the user preferences Gatling writes on every run anyway;
 * it goes stale by itself after a minute or so, leaving other uses of Gatling as they
 * were.
 */
final class GatlingVersionCheck {

	/** The node and keys of Gatling's {@code LatestGatlingRelease}. */
	static final String NODE = "/io/gatling/latestVersion";

	static final String LAST_CHECK_TIMESTAMP = "lastCheckTimestamp";

	private GatlingVersionCheck() {
	}

	/** Records a successful version check, made now, that found the running version. */
	static void markAsJustDone() {
		GatlingVersion running = GatlingVersion$.MODULE$.ThisVersion();
		Preferences prefs = Preferences.userRoot().node(NODE);
		prefs.putLong(LAST_CHECK_TIMESTAMP, System.currentTimeMillis());
		prefs.putBoolean("lastCheckSuccess", true);
		prefs.put("latestReleaseNumber", running.fullVersion());
		prefs.put("latestReleaseDate", running.releaseDate().format(DateTimeFormatter.ISO_DATE_TIME));
		try {
			prefs.flush();
		}
		catch (BackingStoreException ex) {
			// Gatling reads the same in-memory preferences in this JVM, flushed or not.
		}
	}

}
