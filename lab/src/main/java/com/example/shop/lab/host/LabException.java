package com.example.shop.lab.host;

/**
 * Something the lab cannot do; its message is shown to the user as is, without a stack
 * trace.
 */
public class LabException extends RuntimeException {

	public LabException(String message) {
		super(message);
	}

}
