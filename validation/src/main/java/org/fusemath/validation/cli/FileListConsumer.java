package org.fusemath.validation.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Lets {@code --in a.npy b.npy} and {@code --in a.npy --in b.npy} mean the same: takes every following
 * argument up to the next one that starts with '-'.
 */
final class FileListConsumer implements CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String option = argSpec.isOption() ? ((CommandLine.Model.OptionSpec) argSpec).longestName() : argSpec.paramLabel();
        if (args.isEmpty() || args.peek().startsWith("-")) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "Missing file after " + option);
        }
        List<String> files = argSpec.getValue();
        if (files == null) {
            files = new ArrayList<>();
            argSpec.setValue(files);
        }
        while (!args.isEmpty() && !args.peek().startsWith("-")) {
            files.add(args.pop());
        }
    }
}
