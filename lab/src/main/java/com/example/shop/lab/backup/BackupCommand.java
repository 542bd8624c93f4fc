package com.example.shop.lab.backup;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.example.shop.lab.host.LabPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
		description = "Take a base backup of the primary into backups/base/TIME/ (the WAL is archived continuously).")
public class BackupCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		Backups backups = Backups.of(LabPaths.fromSystem());
		long began = System.nanoTime();
		BaseBackup backup = backups.take();
		out.printf("backup: %s of %s in %s: %.1f MB in %.1f s; WAL archive: %s%n", backup.stamp(), backup.node(),
				backup.folder(), backup.bytes() / 1e6, (System.nanoTime() - began) / 1e9, backups.wal());
		return 0;
	}

}
