package org.juryroom.common;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;

/**
 * Whole-number query and form parameters ({@code page}, {@code size}, {@code competition}, ...):
 * a value that is not a whole number in range is 400 naming the parameter, where JAX-RS would
 * answer 404 for a query parameter. Path ids are left to JAX-RS: {@code /api/entries/abc} names no
 * resource and is 404, like an id that does not exist.
 */
@Provider
public class NumberParams implements ParamConverterProvider {

    /** A parameter that cannot be read; {@link ProblemMappers} answers 400 with the violation. */
    public static final class BadParameter extends BadRequestException {
        private final transient Problem.Violation violation;

        BadParameter(String name, String message) {
            super(name + " " + message);
            this.violation = new Problem.Violation(name, message);
        }

        public Problem toProblem() {
            return new Problem("about:blank", "Bad request", 400, getMessage(), List.of(violation), null);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String declared = name(annotations);
        if (declared == null) {
            return null;
        }
        String name = declared.isEmpty() ? "parameter" : declared;
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf);
        }
        return null;
    }

    private static <N> ParamConverter<N> converter(String name, Function<String, N> parse) {
        return new ParamConverter<>() {
            @Override
            public N fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (NumberFormatException e) {
                    throw new BadParameter(name, "must be a whole number in range, not \"" + value + "\"");
                }
            }

            @Override
            public String toString(N value) {
                return String.valueOf(value);
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof RestQuery q) {
                return q.value();
            }
            if (a instanceof FormParam f) {
                return f.value();
            }
            if (a instanceof RestForm f) {
                return f.value();
            }
        }
        return null;
    }
}
