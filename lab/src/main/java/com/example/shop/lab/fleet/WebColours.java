package com.example.shop.lab.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.example.shop.deploy.Colour;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Ports;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lab's two web colours, as two Auto Scaling groups would be on AWS: blue owns the
 * instance slots 1 to 4, green 5 to 8, and each colour runs one release (a copy of the
 * web jar with the settings it shipped with). Which colour is live and what each one runs
 * is kept in {@code .lab/web-colours.json}, so that scaling, replacing an instance and
 * the next deployment all start the right release.
 */
public final class WebColours {

	/** Instances one colour can have. */
	public static final int PER_COLOUR = Ports.MAX_INSTANCES / 2;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	private final LabPaths paths;

	private Snapshot snapshot;

	private WebColours(LabPaths paths, Snapshot snapshot) {
		this.paths = paths;
		this.file = paths.state().resolve("web-colours.json");
		this.snapshot = snapshot;
	}

	public static WebColours load(LabPaths paths) {
		Path file = paths.state().resolve("web-colours.json");
		if (!Files.exists(file)) {
			return new WebColours(paths, new Snapshot(Colour.BLUE, new EnumMap<>(Colour.class)));
		}
		return new WebColours(paths, JSON.readValue(file.toFile(), Snapshot.class));
	}

	/** The colour that takes traffic when no deployment is under way. */
	public Colour live() {
		return this.snapshot.live();
	}

	/**
	 * What a colour runs: the release it was deployed with, or for a colour never
	 * deployed the web jar the build made, as {@code bin/lab up} starts it.
	 * @param colour the colour
	 * @return its release
	 */
	public Release release(Colour colour) {
		return this.snapshot.releases()
			.getOrDefault(colour, new Release("build", this.paths.webJar().toString(), List.of()));
	}

	public void deployed(Colour colour, Release release) {
		Map<Colour, Release> releases = new EnumMap<>(Colour.class);
		releases.putAll(this.snapshot.releases());
		releases.put(colour, release);
		save(new Snapshot(this.snapshot.live(), releases));
	}

	public void makeLive(Colour colour) {
		save(new Snapshot(colour, this.snapshot.releases()));
	}

	/**
	 * A colour's instance slots.
	 * @param colour the colour
	 * @return its slots, e.g. 1 to 4 for blue
	 */
	public static List<Integer> slots(Colour colour) {
		int first = (colour == Colour.BLUE) ? 1 : PER_COLOUR + 1;
		return IntStream.range(first, first + PER_COLOUR).boxed().toList();
	}

	public static Colour colourOf(int slot) {
		return (slot <= PER_COLOUR) ? Colour.BLUE : Colour.GREEN;
	}

	private void save(Snapshot next) {
		try {
			Files.createDirectories(this.file.getParent());
			JSON.writerWithDefaultPrettyPrinter().writeValue(this.file.toFile(), next);
			this.snapshot = next;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One release of the web tier: the lab's counterpart of a baked AMI.
	 *
	 * @param version its name, e.g. {@code v2}
	 * @param jar the jar its instances run, a copy that later builds do not change
	 * @param settings the settings it ships with, on top of the lab's
	 */
	public record Release(String version, String jar, List<String> settings) {
	}

	private record Snapshot(Colour live, Map<Colour, Release> releases) {
	}

}
