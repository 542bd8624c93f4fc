package com.example.shop.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.example.shop.deploy.Colour.BLUE;
import static com.example.shop.deploy.Colour.GREEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WeightsTests {

	@ParameterizedTest
	@CsvSource({ "90, 20", "-10, 110", "0, 0", "50, 49" })
	void rejectsSharesThatAreNegativeOrDoNotAddUpTo100(int blue, int green) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Weights(blue, green))
			.withMessage("weights must be two shares adding up to 100, not " + blue + "/" + green);
	}

	@Test
	void shiftGivesTheRestToTheOtherColour() {
		assertThat(Weights.shift(GREEN, 10)).isEqualTo(new Weights(90, 10));
		assertThat(Weights.shift(BLUE, 10)).isEqualTo(new Weights(10, 90));
		assertThat(Weights.shift(GREEN, 10).of(GREEN)).isEqualTo(10);
	}

	@Test
	void onlyAllTrafficToOneColourMakesItLive() {
		assertThat(Weights.allTo(BLUE).live()).contains(BLUE);
		assertThat(new Weights(0, 100).live()).contains(GREEN);
		assertThat(new Weights(99, 1).live()).isEmpty();
	}

}
