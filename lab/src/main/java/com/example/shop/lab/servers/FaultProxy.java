package com.example.shop.lab.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The lab's network faults: TCP proxies between the instances and PostgreSQL, SQS and S3,
 * which can cut a route or slow it down, driven through a control socket (see
 * {@link ControlChannel}). It stands where Toxiproxy would; Toxiproxy is a Go binary that
 * neither Debian nor Maven Central ships, and the lab installs nothing else. Everything
 * listens on 127.0.0.1 only. Usage:
 * {@code FaultProxy SOCKET NAME=LISTEN_PORT:TARGET_PORT ...}, e.g.
 * {@code FaultProxy .lab/faults.sock db-a=6433:5433 sqs=9325:9324}.
 */
public final class FaultProxy implements AutoCloseable {

	private final List<ProxyRoute> routes;

	private final ControlChannel control;

	private final Path socket;

	private final ScheduledExecutorService clock;

	private FaultProxy(List<ProxyRoute> routes, ControlChannel control, Path socket, ScheduledExecutorService clock) {
		this.routes = routes;
		this.control = control;
		this.socket = socket;
		this.clock = clock;
	}

	/**
	 * Opens every route's listener and the control socket, and starts serving commands.
	 * @param socket where the control socket goes
	 * @param routes {@code NAME=LISTEN_PORT:TARGET_PORT} each; a listen port of 0 takes
	 * any free port
	 * @return the running proxy
	 */
	public static FaultProxy start(Path socket, List<String> routes) {
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		List<ProxyRoute> opened = new ArrayList<>();
		for (String route : routes) {
			String[] nameAndPorts = route.split("=", 2);
			String[] ports = nameAndPorts[1].split(":", 2);
			opened.add(ProxyRoute.open(nameAndPorts[0], Integer.parseInt(ports[0]), Integer.parseInt(ports[1]), clock));
		}
		ControlChannel control = ControlChannel.open(socket, List.copyOf(opened));
		Thread.ofPlatform().daemon().name("control").start(control::serve);
		return new FaultProxy(List.copyOf(opened), control, socket, clock);
	}

	/**
	 * The port a route listens on.
	 * @param name the route
	 * @return its port
	 */
	public int port(String name) {
		return this.routes.stream()
			.filter((route) -> route.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no route " + name))
			.port();
	}

	/**
	 * Runs one control command, as if it came through the socket.
	 * @param command e.g. {@code cut db 30s}
	 * @return the answer
	 */
	public String execute(String command) {
		return this.control.execute(command);
	}

	@Override
	public void close() {
		this.control.close();
		this.routes.forEach(ProxyRoute::close);
		this.clock.shutdownNow();
		try {
			Files.deleteIfExists(this.socket);
		}
		catch (IOException ex) {
			// gone already
		}
	}

	public static void main(String[] args) throws InterruptedException {
		FaultProxy proxy = start(Path.of(args[0]), List.of(args).subList(1, args.length));
		Runtime.getRuntime().addShutdownHook(new Thread(proxy::close));
		System.out.println("Fault proxy: control socket " + args[0] + " (mode 600)");
		proxy.routes.forEach((route) -> System.out.println("  " + route.describe()));
		Thread.currentThread().join();
	}

}
