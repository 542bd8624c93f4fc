package com.example.shop.lab.process;

/**
 * Work the lab must do if its command is stopped (Ctrl-C, SIGTERM) before it is done:
 * heal a fault, stop a child process. Registered as a JVM shutdown hook, cancelled once
 * the work is no longer needed.
 */
public final class OnExit {

	private final Thread hook;

	private OnExit(Thread hook) {
		this.hook = hook;
	}

	/**
	 * Runs an action if the JVM shuts down before {@link #cancel()}.
	 * @param name the hook thread's name
	 * @param action what to do
	 * @return the registration
	 */
	public static OnExit run(String name, Runnable action) {
		Thread hook = new Thread(action, name);
		Runtime.getRuntime().addShutdownHook(hook);
		return new OnExit(hook);
	}

	/** The action is not needed any more. */
	public void cancel() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook is running or has run
		}
	}

}
