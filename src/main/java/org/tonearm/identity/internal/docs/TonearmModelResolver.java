package org.tonearm.identity.internal.docs;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * swagger-core's model resolver, told three things the records do not say on their own, so that the documented
 * shapes are the ones on the wire (OpenApiContractIntegrationTests validates real responses against them):
 * <ul>
 *   <li>the wire is snake_case (spring.jackson.property-naming-strategy) — swagger-core reads the records with its
 *       own (Jackson 2) mapper;</li>
 *   <li>every key is written, {@code null} included (spring.jackson.default-property-inclusion: always): a record
 *       component of a reference type may be null, one of a primitive type never is;</li>
 *   <li>a {@code JsonNode} component ({@code extra}) is any JSON value, not the node class's getters;</li>
 *   <li>a record marked {@code @Schema(additionalProperties = FALSE)} is closed: its keys are all required (unless a
 *       component says NOT_REQUIRED) and none other is allowed, and only its jspecify {@code @Nullable} components may
 *       be null — used by documentation-only records of answers built as maps (the stats views' StatsResponses).</li>
 * </ul>
 * Schema names: a record nested in another class is named with its outer class's name in front (ListenResponses.Page
 * → ListenPage, ApiTokenResponses.Page → ApiTokenPage), so that four records called Page no longer overwrite each
 * other; two classes that still end up with one name stop the document's generation.
 */
class TonearmModelResolver extends ModelResolver {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    TonearmModelResolver(ObjectMapper mapper) {
        super(mapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE), new SchemaNames());
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> next) {
        JavaType type = _mapper.constructType(annotated.getType());
        Class<?> raw = type.getRawClass();
        if (tools.jackson.databind.JsonNode.class.isAssignableFrom(raw)
                || com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(raw)) {
            return new JsonSchema().description("Any JSON value");
        }
        Schema schema = super.resolve(annotated, context, next);
        if (schema != null && raw.isRecord()) {
            Schema model = schema.get$ref() != null
                    ? context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1))
                    : schema;
            if (model != null && model.getProperties() != null) {
                if (closed(raw)) {
                    closeRecord(model, raw);
                } else {
                    allowNulls(model, raw);
                }
            }
        }
        return schema;
    }

    /** A record that says {@code @Schema(additionalProperties = FALSE)} documents its keys exactly. */
    private static boolean closed(Class<?> record) {
        io.swagger.v3.oas.annotations.media.Schema annotation =
                record.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return annotation != null
                && annotation.additionalProperties() == io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
    }

    /**
     * A closed record: no other key, every component a key that is always written (required) unless its own
     * {@code @Schema} says NOT_REQUIRED, and only a component marked {@code @Nullable} (jspecify) may be null.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void closeRecord(Schema model, Class<?> record) {
        model.setAdditionalProperties(Boolean.FALSE);
        Map<String, Schema> properties = model.getProperties();
        List<String> required = new java.util.ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = SNAKE.translate(component.getName());
            Schema property = properties.get(name);
            if (property == null) {
                continue;
            }
            io.swagger.v3.oas.annotations.media.Schema own = field(record, component.getName());
            if (own == null || own.requiredMode() != io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED) {
                required.add(name);
            }
            if (component.getAnnotatedType().isAnnotationPresent(org.jspecify.annotations.Nullable.class)
                    && !component.getType().isPrimitive() && !isNullable(property)) {
                if (property.get$ref() != null || property.getTypes() == null && property.getType() == null) {
                    properties.put(name, new JsonSchema().anyOf(List.of(property, new JsonSchema().types(Set.of("null")))));
                } else {
                    Set<String> types = new LinkedHashSet<>(property.getTypes() != null ? property.getTypes()
                            : Set.of(property.getType()));
                    types.add("null");
                    property.setTypes(types);
                }
            }
        }
        model.setRequired(required);
    }

    private static io.swagger.v3.oas.annotations.media.Schema field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name).getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void allowNulls(Schema model, Class<?> record) {
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                continue;
            }
            String name = SNAKE.translate(component.getName());
            Schema property = properties.get(name);
            if (property == null || isNullable(property)) {
                continue;
            }
            if (property.get$ref() != null || property.getTypes() == null && property.getType() == null) {
                if (property.get$ref() == null && property.getAnyOf() == null && property.getOneOf() == null) {
                    continue; // no type at all: null is already allowed
                }
                properties.put(name, new JsonSchema().anyOf(List.of(property, new JsonSchema().types(Set.of("null")))));
            } else {
                Set<String> types = new LinkedHashSet<>(property.getTypes() != null ? property.getTypes()
                        : Set.of(property.getType()));
                types.add("null");
                property.setTypes(types);
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static boolean isNullable(Schema property) {
        if (property.getTypes() != null && property.getTypes().contains("null")) {
            return true;
        }
        return property.getAnyOf() != null && property.getAnyOf().stream()
                .anyMatch(s -> s instanceof Schema<?> alt && alt.getTypes() != null && alt.getTypes().contains("null"));
    }

    /** Outer class's name in front of a nested record's; a name taken by two classes is an error. */
    static final class SchemaNames extends TypeNameResolver {

        private static final List<String> SUFFIXES = List.of("Responses", "Response", "Requests", "Controller", "Json");
        private final Map<String, Class<?>> taken = new ConcurrentHashMap<>();

        @Override
        protected String getNameOfClass(Class<?> cls) {
            String name = super.getNameOfClass(cls);
            Class<?> outer = cls.getEnclosingClass();
            if (outer != null && cls.getName().startsWith("org.tonearm.")) {
                String prefix = outer.getSimpleName();
                for (String suffix : SUFFIXES) {
                    if (prefix.endsWith(suffix) && prefix.length() > suffix.length()) {
                        prefix = prefix.substring(0, prefix.length() - suffix.length());
                        break;
                    }
                }
                name = name.startsWith(prefix) ? name : prefix.endsWith(name) ? prefix : prefix + name;
            }
            Class<?> previous = taken.putIfAbsent(name, cls);
            if (previous != null && !previous.equals(cls) && cls.getName().startsWith("org.tonearm.")) {
                throw new IllegalStateException("Two classes for the OpenAPI schema name " + name + ": "
                        + previous.getName() + " and " + cls.getName());
            }
            return name;
        }
    }
}
