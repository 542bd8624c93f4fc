package com.example.shop.lab.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import com.example.shop.deploy.Colour;
import com.example.shop.deploy.Fleet;
import com.example.shop.lab.fleet.Instances;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.fleet.WebColours;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.LoadBalancer;

/**
 * The lab's web instances as the deployment's fleet. Launching a colour copies the web
 * jar the build made into {@code .lab/releases/VERSION/} (the lab's AMI: later builds do
 * not change what a running colour runs), starts the colour's instances from it,
 * registers them at the load balancer with no weight, and returns: HAProxy's checks say
 * when they are healthy. Retiring a colour takes its weight away, stops its instances
 * gracefully (each drains for the deregistration delay and finishes its requests) and
 * deregisters them.
 */
final class LabFleet implements Fleet {

	private final Topology topology;

	private final List<String> settings;

	private final PrintWriter out;

	/**
	 * @param topology the lab
	 * @param settings settings the new release ships with, on top of the lab's
	 * @param out where to say what happens
	 */
	LabFleet(Topology topology, List<String> settings, PrintWriter out) {
		this.topology = topology;
		this.settings = List.copyOf(settings);
		this.out = out;
	}

	@Override
	public int capacity(Colour colour) {
		return running(colour).size();
	}

	@Override
	public void launch(Colour colour, String version, int count) {
		if (count > WebColours.PER_COLOUR) {
			throw new LabException("a colour has at most " + WebColours.PER_COLOUR + " instances");
		}
		WebColours colours = WebColours.load(this.topology.paths());
		colours.deployed(colour, new WebColours.Release(version, release(version).toString(), this.settings));
		Instances instances = new Instances(this.topology.paths(), Secrets.loadOrCreate(this.topology.paths()));
		LoadBalancer loadBalancer = this.topology.loadBalancer();
		for (int slot : WebColours.slots(colour).subList(0, count)) {
			loadBalancer.setWeight(slot, 0);
			LabState.Component instance = instances.startWeb(slot, List.of());
			this.topology.state().put(instance);
			loadBalancer.setInService(slot, true);
			this.out.printf("  started %s (pid %d) on %s%n", instance.name(), instance.pid(), version);
		}
	}

	/**
	 * Retires every instance of the colour the lab knows, including one that died on its
	 * way up (a release that fails at start-up), so nothing of it stays registered.
	 */
	@Override
	public void retire(Colour colour) {
		LoadBalancer loadBalancer = this.topology.loadBalancer();
		List<LabState.Component> instances = of(colour).toList();
		instances.forEach((instance) -> loadBalancer.setWeight(slot(instance), 0));
		// All at once: each drains for the deregistration delay before it exits.
		instances.parallelStream().forEach((instance) -> this.topology.stopInstance(instance.name()));
		instances.forEach((instance) -> loadBalancer.setInService(slot(instance), false));
		this.out.printf("  stopped %s%n", instances.stream().map(LabState.Component::name).toList());
	}

	private List<LabState.Component> running(Colour colour) {
		return of(colour).filter((instance) -> Processes.isAlive(instance.pid())).toList();
	}

	private Stream<LabState.Component> of(Colour colour) {
		return this.topology.state()
			.ofKind("web")
			.stream()
			.filter((instance) -> WebColours.colourOf(slot(instance)) == colour);
	}

	private Path release(String version) {
		if (!version.matches("[A-Za-z0-9._-]{1,40}")) {
			throw new LabException("a version is 1 to 40 letters, digits, '.', '_' or '-', not '" + version + "'");
		}
		Path jar = this.topology.paths().state().resolve("releases").resolve(version).resolve("web.jar");
		try {
			if (!Files.exists(jar)) {
				Files.createDirectories(jar.getParent());
				Files.copy(this.topology.paths().webJar(), jar, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return jar;
	}

	private static int slot(LabState.Component instance) {
		return Integer.parseInt(instance.name().substring("web-".length()));
	}

}
