package com.example.shop.deploy;

import java.util.Locale;

/** One of the two groups of web instances behind the load balancer. */
public enum Colour {

	BLUE, GREEN;

	/**
	 * The other colour: the idle one when this one is live.
	 * @return the other colour
	 */
	public Colour other() {
		return (this == BLUE) ? GREEN : BLUE;
	}

	/**
	 * The colour by its name, in any case.
	 * @param name {@code blue} or {@code green}
	 * @return the colour
	 */
	public static Colour of(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
