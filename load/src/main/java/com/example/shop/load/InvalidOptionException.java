package com.example.shop.load;

/**
 * A command line that cannot be run, with a message that says what to change. It ends the
 * program with exit code 2 before a single request is sent.
 */
class InvalidOptionException extends RuntimeException {

	InvalidOptionException(String message) {
		super(message);
	}

}
