package dev.unwind.cli;

import dev.unwind.exec.Interrupt;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Routes Ctrl-C (SIGINT) and SIGTERM to the run's {@link Interrupt} instead of killing the JVM mid-change.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported) reflectively: {@code --release 17} hides it from javac.
 */
final class Signals {
    private static Object previousInt;
    private static Object previousTerm;

    private Signals() {
    }

    static synchronized void install(Interrupt interrupt) {
        try {
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            InvocationHandler onSignal = (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                    String name = String.valueOf(args[0].getClass().getMethod("getName").invoke(args[0]));
                    System.err.println("\nunwind: " + (name.equals("INT") ? "Ctrl-C" : "SIG" + name)
                            + ": stopping after the running tasks, then unwinding");
                    interrupt.signal();
                    return null;
                }
                return method.getName().equals("toString") ? "unwind signal handler" : null;
            };
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerType}, onSignal);
            previousInt = handle("INT", handler, handlerType);
            previousTerm = handle("TERM", handler, handlerType);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // without signal support the JVM's default applies: the journal still allows `unwind rollback`
        }
    }

    static synchronized void uninstall() {
        try {
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            if (previousInt != null) {
                handle("INT", previousInt, handlerType);
                handle("TERM", previousTerm, handlerType);
            }
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // nothing was installed
        }
    }

    private static Object handle(String name, Object handler, Class<?> handlerType) throws ReflectiveOperationException {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Object sig = signal.getConstructor(String.class).newInstance(name);
        Method handle = signal.getMethod("handle", signal, handlerType);
        return handle.invoke(null, sig, handler);
    }
}
