package com.example.shop.lab;

/**
 * Something the lab cannot do; its message is shown to the user as is, without a stack
 * trace.
 */
class LabException extends RuntimeException {

	LabException(String message) {
		super(message);
	}

}
