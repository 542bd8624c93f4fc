package com.example.shop.deploy;

import java.util.Optional;

/**
 * How the load balancer divides new requests between the colours, in percent.
 *
 * @param blue the share of blue, 0 to 100
 * @param green the share of green, 0 to 100
 */
public record Weights(int blue, int green) {

	public Weights {
		if (blue < 0 || green < 0 || blue + green != 100) {
			throw new IllegalArgumentException(
					"weights must be two shares adding up to 100, not " + blue + "/" + green);
		}
	}

	/**
	 * All traffic to one colour.
	 * @param colour the colour that takes it
	 * @return the weights
	 */
	public static Weights allTo(Colour colour) {
		return shift(colour, 100);
	}

	/**
	 * A share of traffic to one colour, the rest to the other.
	 * @param colour the colour that gets {@code percent}
	 * @param percent its share, 0 to 100
	 * @return the weights
	 */
	public static Weights shift(Colour colour, int percent) {
		return (colour == Colour.BLUE) ? new Weights(percent, 100 - percent) : new Weights(100 - percent, percent);
	}

	/**
	 * A colour's share.
	 * @param colour the colour
	 * @return its share in percent
	 */
	public int of(Colour colour) {
		return (colour == Colour.BLUE) ? this.blue : this.green;
	}

	/**
	 * The colour that takes all traffic, if one does.
	 * @return the live colour, or empty while traffic is split
	 */
	public Optional<Colour> live() {
		if (this.blue == 100) {
			return Optional.of(Colour.BLUE);
		}
		return (this.green == 100) ? Optional.of(Colour.GREEN) : Optional.empty();
	}

	@Override
	public String toString() {
		return "blue " + this.blue + " / green " + this.green;
	}

}
