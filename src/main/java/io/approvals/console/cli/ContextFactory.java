package io.approvals.console.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Lets picocli build commands that take the {@link CliContext}; everything else the usual way. */
final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
            c.setAccessible(true);
            return c.newInstance(context);
        } catch (NoSuchMethodException e) {
            return fallback.create(cls);
        }
    }
}
