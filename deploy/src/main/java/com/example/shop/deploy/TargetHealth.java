package com.example.shop.deploy;

/**
 * What the load balancer's health checks say of one colour's targets.
 *
 * @param healthy targets that pass their checks
 * @param total targets registered
 */
public record TargetHealth(int healthy, int total) {

	/**
	 * Whether every one of at least {@code expected} targets passes.
	 * @param expected how many targets the colour should have
	 * @return {@code true} when all of them are registered and healthy
	 */
	public boolean allHealthy(int expected) {
		return this.total >= expected && this.healthy == this.total;
	}

	@Override
	public String toString() {
		return this.healthy + " of " + this.total + " healthy";
	}

}
