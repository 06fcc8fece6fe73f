/**
 * jOOQ classes generated at build time from the Liquibase-migrated schema (see pom.xml: the changelog is
 * applied to a scratch SQLite file, then jOOQ reads it). Nothing here is written by hand except this file.
 *
 * <p>The generated tables form their own open module (docs/architecture.md, "Modules") instead of living in
 * {@code shared}, so that every module's persistence code may use them without Modulith counting their
 * sub-packages ({@code tables}, {@code tables.records}) as another module's internals. Only persistence code uses
 * them: {@code internal/persistence} repositories and the statistics module's {@code internal/query} and
 * {@code internal/rollup} classes (docs/architecture.md, "Data and SQL").
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tonearm.schema;
