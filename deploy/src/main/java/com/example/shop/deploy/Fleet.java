package com.example.shop.deploy;

/**
 * The instances of each colour: an Auto Scaling group per colour on AWS, JVM processes in
 * the lab.
 */
public interface Fleet {

	/**
	 * How many instances a colour runs now.
	 * @param colour the colour
	 * @return its instance count
	 */
	int capacity(Colour colour);

	/**
	 * Starts a colour's instances on a version; returns once they are asked to start, not
	 * when they are healthy (the load balancer says that).
	 * @param colour the idle colour
	 * @param version what to run: an AMI id on AWS, a release of the jar in the lab
	 * @param count how many instances
	 */
	void launch(Colour colour, String version, int count);

	/**
	 * Stops a colour's instances gracefully (they drain first) and leaves it with none.
	 * @param colour the colour to retire
	 */
	void retire(Colour colour);

}
