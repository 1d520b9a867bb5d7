package org.juryroom.web;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every resource method of the page classes (package org.juryroom.web), read from the classes themselves:
 * the pages' counterpart of the API's OpenAPI document, from which pages are left out. Both the pages'
 * authorisation matrix and their hostile-input sweep take their routes from here.
 */
final class PageRoutes {

    private PageRoutes() {
    }

    /**
     * One route: its verb and path ("/school/entries/{eid}"), the role rule that guards it (the method's, else
     * its class's; "" when there is none), the names of the query and form fields it reads (file parts left
     * out), and whether it answers a page's script in JSON.
     */
    record Route(String verb, String path, String rule, List<String> query, List<String> form, boolean json) {
        String name() {
            return verb + " " + path;
        }
    }

    static List<Route> all() {
        Path root = Path.of("target/classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/juryroom/web"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, PageRoutes.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = verb(m);
                    if (verb != null) {
                        jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                        String rule = rule(m);
                        List<String> query = new ArrayList<>();
                        List<String> form = new ArrayList<>();
                        for (Parameter p : m.getParameters()) {
                            fields(p, p.getName(), p.getParameterizedType(), query, form);
                            if (p.isAnnotationPresent(BeanParam.class)) {
                                for (Field f : p.getType().getDeclaredFields()) {
                                    fields(f, f.getName(), f.getGenericType(), query, form);
                                }
                            }
                        }
                        Produces produces = m.getAnnotation(Produces.class);
                        boolean json = produces != null && Stream.of(produces.value())
                                .anyMatch(t -> t.startsWith(MediaType.APPLICATION_JSON));
                        routes.add(new Route(verb, join(base.value(), sub == null ? "" : sub.value()),
                                rule.isEmpty() ? rule(type) : rule, List.copyOf(query), List.copyOf(form), json));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Two methods may share an address, told apart by the body type they read: one route with the fields of both.
        Map<String, Route> byName = new TreeMap<>();
        routes.forEach(r -> byName.merge(r.name(), r, (a, b) -> new Route(a.verb(), a.path(), a.rule(),
                union(a.query(), b.query()), union(a.form(), b.form()), a.json() || b.json())));
        return List.copyOf(byName.values());
    }

    private static List<String> union(List<String> a, List<String> b) {
        return List.copyOf(new LinkedHashSet<>(Stream.concat(a.stream(), b.stream()).toList()));
    }

    /** The query or form field {@code element} (a parameter or a bean's field) reads, by its annotation. */
    private static void fields(AnnotatedElement element, String javaName, Type type, List<String> query,
                               List<String> form) {
        if (isFile(type)) {
            return;
        }
        QueryParam queryParam = element.getAnnotation(QueryParam.class);
        RestQuery restQuery = element.getAnnotation(RestQuery.class);
        FormParam formParam = element.getAnnotation(FormParam.class);
        RestForm restForm = element.getAnnotation(RestForm.class);
        if (queryParam != null) {
            query.add(queryParam.value());
        } else if (restQuery != null) {
            query.add(restQuery.value().isEmpty() ? javaName : restQuery.value());
        } else if (formParam != null) {
            form.add(formParam.value());
        } else if (restForm != null) {
            form.add(restForm.value().isEmpty() ? javaName : restForm.value());
        }
    }

    private static boolean isFile(Type type) {
        if (type instanceof ParameterizedType p) {
            return Stream.of(p.getActualTypeArguments()).anyMatch(PageRoutes::isFile);
        }
        return type == FileUpload.class || type == java.io.File.class || type == java.nio.file.Path.class;
    }

    private static String rule(AnnotatedElement e) {
        return Stream.of(RolesAllowed.class, PermitAll.class, Authenticated.class, DenyAll.class)
                .filter(e::isAnnotationPresent).map(Class::getSimpleName).findFirst().orElse("");
    }

    private static String verb(Method m) {
        Map<Class<? extends Annotation>, String> verbs = Map.of(GET.class, "GET", POST.class, "POST", PUT.class, "PUT",
                DELETE.class, "DELETE", PATCH.class, "PATCH");
        return verbs.entrySet().stream().filter(v -> m.isAnnotationPresent(v.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
