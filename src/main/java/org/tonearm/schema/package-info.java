/**
 * jOOQ classes generated at build time from the Liquibase-migrated schema (see pom.xml: the changelog is
 * applied to a scratch SQLite file, then jOOQ reads it). Nothing here is written by hand except this file.
 *
 * <p>Deviation from ARCHITECTURE.md: the generated tables form their own open module instead of living in
 * {@code shared}, so that every module's persistence code may use them without Modulith counting their
 * sub-packages ({@code tables}, {@code tables.records}) as another module's internals. Only
 * {@code internal/persistence} classes use them, per the architecture.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tonearm.schema;
