package io.lockstep.cli;
import picocli.CommandLine;
@CommandLine.Command(name = "lockstep") public class Main implements Runnable {
  public void run() { System.out.println(io.lockstep.cluster.Probe2.hello()); }
  public static void main(String[] a) { System.exit(new CommandLine(new Main()).execute(a)); } }
