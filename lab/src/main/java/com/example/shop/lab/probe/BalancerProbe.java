package com.example.shop.lab.probe;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.UnixSockets;
import com.example.shop.lab.standins.LoadBalancer;

/**
 * The load balancer's view of the web instances, from HAProxy's runtime API
 * ({@code show stat}): which instance is {@code UP}, {@code DOWN}, in maintenance, as an
 * ALB's target health says on AWS.
 */
public final class BalancerProbe {

	private final LabPaths paths;

	/**
	 * The load balancer's view needs no connection of its own: each look is one request
	 * on the runtime API's socket.
	 * @param paths the lab
	 */
	public BalancerProbe(LabPaths paths) {
		this.paths = paths;
	}

	/**
	 * What HAProxy thinks of each web instance: {@code UP}, {@code DOWN}, {@code MAINT},
	 * ...
	 * @return the status of each checked server (not its fail-open twin), by instance
	 * name
	 * @throws LabException if HAProxy does not answer
	 */
	public Map<String, String> webStatus() {
		String stat;
		try {
			stat = UnixSockets.request(LoadBalancer.socket(this.paths), "show stat");
		}
		catch (IOException ex) {
			throw new LabException("HAProxy's runtime API did not answer (" + ex.getMessage() + "); is the lab up?");
		}
		Map<String, String> status = new LinkedHashMap<>();
		for (String line : stat.split("\n")) {
			String[] fields = line.split(",");
			if (fields.length > 17 && fields[0].equals("web") && fields[1].startsWith("web-")
					&& !fields[1].endsWith("-open")) {
				status.put(fields[1], fields[17]);
			}
		}
		return status;
	}

	/**
	 * How many web instances the load balancer sends requests to.
	 * @return the count, or -1 when HAProxy does not answer
	 */
	public int inService() {
		try {
			return (int) webStatus().values().stream().filter((state) -> state.startsWith("UP")).count();
		}
		catch (LabException ex) {
			return -1;
		}
	}

}
