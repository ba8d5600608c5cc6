package dev.unwind.template.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.objects.SafeString;

/**
 * Interpreters that print a value into a rendered template as Ansible does ({@link PythonText#str}): Jinjava prints
 * Java's {@code true} and {@code null} where a {@code {% if %}} template in Ansible prints {@code True} and nothing.
 */
final class PythonPrinting implements InterpreterFactory {
    @Override
    public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
        return new Printer(orig);
    }

    @Override
    public JinjavaInterpreter newInstance(Jinjava application, Context context, JinjavaConfig config) {
        return new Printer(application, context, config);
    }

    private static final class Printer extends JinjavaInterpreter {
        Printer(JinjavaInterpreter orig) {
            super(orig);
        }

        Printer(Jinjava application, Context context, JinjavaConfig config) {
            super(application, context, config);
        }

        @Override
        public String getAsString(Object value) {
            return value instanceof SafeString s ? s.toString() : PythonText.str(value);
        }
    }
}
